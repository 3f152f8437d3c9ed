package org.minicoin.consensus.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.minicoin.consensus.encoding.ByteWriter;
import org.minicoin.consensus.types.Amount;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.types.OutPoint;
import org.minicoin.consensus.types.TxOut;

/**
 * Bitcoin Core's {@code gettxoutsetinfo} figures for a UTXO set: txouts, total_amount and hash_serialized_3 (the
 * double SHA-256 over every coin as outpoint, {@code height << 1 | coinbase} and output, in the coins
 * database's key order: txid bytes as stored, then output index). Matching it means our set equals Core's coin
 * for coin.
 */
public final class UtxoSetHash {
    /** One unspent output as Core stores it. */
    public record Entry(OutPoint outpoint, int height, boolean coinbase, TxOut output) {
    }

    /** The figures Core reports. */
    public record Stats(int txouts, String totalAmount, Hash hashSerialized3) {
    }

    private UtxoSetHash() {
    }

    public static Stats of(List<Entry> coins) {
        List<Entry> sorted = new ArrayList<>(coins);
        sorted.sort(Comparator.<Entry, byte[]>comparing(e -> e.outpoint().txid().toBytes(), Arrays::compareUnsigned)
                .thenComparingLong(e -> e.outpoint().index()));
        ByteWriter w = new ByteWriter(sorted.size() * 64);
        long total = 0;
        for (Entry e : sorted) {
            e.outpoint().write(w);
            w.writeUInt32LE(((long) e.height() << 1) | (e.coinbase() ? 1 : 0));
            e.output().write(w);
            total += e.output().value();
        }
        return new Stats(sorted.size(), Amount.ofSat(total).toCoinString(), Hash.sha256d(w.toByteArray()));
    }
}
