package org.minicoin.node.ledger;

import org.minicoin.consensus.encoding.ByteReader;
import org.minicoin.consensus.encoding.ByteWriter;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.types.OutPoint;
import org.minicoin.consensus.types.TxOut;
import org.minicoin.consensus.validation.Coin;

/**
 * How coins are stored. Key: the txid in internal byte order, then the output index as 4 big-endian bytes, so
 * the database iterates in the order Core's coins database does (which is the order hash_serialized_3 hashes).
 * Value: {@code height << 1 | coinbase} as a little-endian uint32, then the output as serialized in a transaction.
 */
final class CoinCodec {
    static final int KEY_SIZE = 36;

    private CoinCodec() {
    }

    static byte[] key(OutPoint outpoint) {
        byte[] key = new byte[KEY_SIZE];
        System.arraycopy(outpoint.txid().toBytes(), 0, key, 0, 32);
        long i = outpoint.index();
        key[32] = (byte) (i >>> 24);
        key[33] = (byte) (i >>> 16);
        key[34] = (byte) (i >>> 8);
        key[35] = (byte) i;
        return key;
    }

    static OutPoint outpoint(byte[] key) {
        if (key.length != KEY_SIZE) {
            throw new IllegalArgumentException("coin key must be 36 bytes, got " + key.length);
        }
        byte[] txid = java.util.Arrays.copyOf(key, 32);
        long index = ((key[32] & 0xffL) << 24) | ((key[33] & 0xffL) << 16) | ((key[34] & 0xffL) << 8) | (key[35] & 0xffL);
        return new OutPoint(Hash.wrap(txid), index);
    }

    static byte[] value(Coin coin) {
        ByteWriter w = new ByteWriter(16 + coin.output().scriptPubKeyLength());
        w.writeUInt32LE(((long) coin.height() << 1) | (coin.coinbase() ? 1 : 0));
        coin.output().write(w);
        return w.toByteArray();
    }

    static Coin coin(byte[] value) {
        ByteReader r = new ByteReader(value);
        long code = r.readUInt32LE("coin height and coinbase flag");
        TxOut out = new TxOut(r.readInt64LE("coin value"), r.readVarBytes("coin script"));
        r.expectEnd("coin");
        return new Coin(out, (int) (code >>> 1), (code & 1) != 0);
    }
}
