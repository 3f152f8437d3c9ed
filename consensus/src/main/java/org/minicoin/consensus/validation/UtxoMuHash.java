package org.minicoin.consensus.validation;

import java.util.Map;
import org.minicoin.consensus.crypto.MuHash3072;
import org.minicoin.consensus.encoding.ByteWriter;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.types.OutPoint;

/**
 * The {@code muhash} of a UTXO set as Bitcoin Core's {@code gettxoutsetinfo "muhash"} reports it: every coin
 * becomes one {@link MuHash3072} element, serialized as Core's {@code TxOutSer} in {@code kernel/coinstats.cpp}
 * (outpoint, {@code height * 2 + coinbase} as uint32, output). Since MuHash is order-independent, coins can come
 * in any order, and a running hash can follow connected blocks (add created coins, remove spent ones).
 */
public final class UtxoMuHash {
    private UtxoMuHash() {
    }

    /** Core's TxOutSer of one coin: the bytes that are the coin's set element (also hashed by hash_serialized_3). */
    public static byte[] serialize(OutPoint outpoint, Coin coin) {
        ByteWriter w = new ByteWriter(OutPoint.SIZE + 4 + 9 + coin.output().scriptPubKeyLength() + 9);
        outpoint.write(w);
        w.writeUInt32LE(((long) coin.height() << 1 | (coin.coinbase() ? 1 : 0)) & 0xffffffffL);
        coin.output().write(w);
        return w.toByteArray();
    }

    /** Adds a coin to a running hash (Core's ApplyCoinHash). */
    public static void add(MuHash3072 muhash, OutPoint outpoint, Coin coin) {
        muhash.insert(serialize(outpoint, coin));
    }

    /** Removes a spent coin from a running hash (Core's RemoveCoinHash). */
    public static void remove(MuHash3072 muhash, OutPoint outpoint, Coin coin) {
        muhash.remove(serialize(outpoint, coin));
    }

    /** The muhash of {@code coins}; its {@code toString()} is the hex Core's RPC shows. */
    public static Hash of(Map<OutPoint, Coin> coins) {
        MuHash3072 muhash = new MuHash3072();
        coins.forEach((outpoint, coin) -> add(muhash, outpoint, coin));
        return Hash.wrap(muhash.digest());
    }
}
