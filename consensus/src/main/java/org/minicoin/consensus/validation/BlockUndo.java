package org.minicoin.consensus.validation;

import java.util.ArrayList;
import java.util.List;
import org.minicoin.consensus.encoding.ByteReader;
import org.minicoin.consensus.encoding.ByteWriter;
import org.minicoin.consensus.types.TxOut;

/**
 * Everything needed to disconnect a block (Core's CBlockUndo): for each transaction after the coinbase, the coins
 * its inputs spent. The node stores it beside the block, so it has a byte form:
 * <pre>
 *   CompactSize  transaction count
 *   per transaction:  CompactSize coin count, then per coin:
 *       uint32 LE  height &lt;&lt; 1 | coinbase
 *       int64 LE   value in satoshis
 *       CompactSize length + scriptPubKey
 * </pre>
 * This is Core's layout without its compression of amounts and scripts, so it is not byte-compatible with Core's
 * rev*.dat files.
 */
public record BlockUndo(List<TxUndo> txUndos) {
    /** Smallest serialized coin: code, value and an empty script's length. */
    private static final int MIN_COIN_SIZE = 4 + 8 + 1;

    public BlockUndo {
        txUndos = List.copyOf(txUndos);
    }

    public static final BlockUndo EMPTY = new BlockUndo(List.of());

    public byte[] serialize() {
        ByteWriter w = new ByteWriter(64 + 48 * txUndos.size());
        w.writeCompactSize(txUndos.size());
        for (TxUndo tx : txUndos) {
            w.writeCompactSize(tx.spent().size());
            for (Coin c : tx.spent()) {
                w.writeUInt32LE(((long) c.height() << 1) | (c.coinbase() ? 1 : 0));
                c.output().write(w);
            }
        }
        return w.toByteArray();
    }

    /**
     * Parses {@link #serialize()}'s form. Counts are checked against the bytes left before anything is allocated,
     * since a corrupt record must not make us allocate billions of entries.
     *
     * @throws org.minicoin.consensus.encoding.DecodeException if the bytes are malformed or have trailing data
     */
    public static BlockUndo parse(byte[] bytes) {
        ByteReader r = new ByteReader(bytes);
        int txCount = r.readCount(1, "undo transaction");
        List<TxUndo> txs = new ArrayList<>(txCount);
        for (int i = 0; i < txCount; i++) {
            int coinCount = r.readCount(MIN_COIN_SIZE, "undo coin");
            List<Coin> coins = new ArrayList<>(coinCount);
            for (int j = 0; j < coinCount; j++) {
                long code = r.readUInt32LE("undo coin height");
                long value = r.readInt64LE("undo coin value");
                byte[] script = r.readVarBytes("undo coin scriptPubKey");
                coins.add(new Coin(new TxOut(value, script), (int) (code >>> 1), (code & 1) != 0));
            }
            txs.add(new TxUndo(coins));
        }
        r.expectEnd("block undo");
        return new BlockUndo(txs);
    }
}
