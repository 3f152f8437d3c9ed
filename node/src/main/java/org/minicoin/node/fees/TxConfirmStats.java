package org.minicoin.node.fees;

import java.io.IOException;
import java.util.Locale;
import org.minicoin.consensus.encoding.ByteReader;
import org.minicoin.consensus.encoding.ByteWriter;

/**
 * Confirmation statistics of one {@link Horizon}, per fee-rate bucket: Core's TxConfirmStats. Confirmed and failed
 * transactions go into exponentially decaying averages (decayed once per block); transactions still in the mempool
 * are counted by the height they entered at, in a ring of {@code maxConfirms} slots, and those older than the ring
 * in {@code oldUnconfTxs}. Not thread-safe: {@link FeeEstimator} holds its lock around every call.
 */
final class TxConfirmStats {
    private final Horizon horizon;
    /** Upper bounds (inclusive) of the fee-rate buckets, shared with the estimator; the last is "infinite". */
    private final double[] buckets;

    /** Decayed count of confirmed transactions per bucket. */
    private final double[] txCtAvg;
    /** Decayed count of transactions confirmed within {@code period + 1} periods: confAvg[period][bucket]. */
    private final double[][] confAvg;
    /** Decayed count of transactions that left the mempool unconfirmed after {@code period + 1} periods. */
    private final double[][] failAvg;
    /** Decayed sum of the fee rates of confirmed transactions per bucket, for their average. */
    private final double[] feeRateAvg;

    /** Transactions in the mempool by entry height modulo the ring size: unconfTxs[height % size][bucket]. */
    private final int[][] unconfTxs;
    /** Transactions in the mempool for longer than the ring covers, per bucket. */
    private final int[] oldUnconfTxs;

    TxConfirmStats(Horizon horizon, double[] buckets) {
        this(horizon, buckets, new double[buckets.length], new double[horizon.periods][buckets.length],
                new double[horizon.periods][buckets.length], new double[buckets.length]);
    }

    private TxConfirmStats(Horizon horizon, double[] buckets, double[] txCtAvg, double[][] confAvg,
            double[][] failAvg, double[] feeRateAvg) {
        this.horizon = horizon;
        this.buckets = buckets;
        this.txCtAvg = txCtAvg;
        this.confAvg = confAvg;
        this.failAvg = failAvg;
        this.feeRateAvg = feeRateAvg;
        this.unconfTxs = new int[horizon.maxConfirms()][buckets.length];
        this.oldUnconfTxs = new int[buckets.length];
    }

    int maxConfirms() {
        return horizon.maxConfirms();
    }

    /**
     * Rolls the mempool ring for a new block at {@code height}: its slot is about to hold entries of that height,
     * so the entries it held (now older than the ring) move to {@code oldUnconfTxs}.
     */
    void clearCurrent(int height) {
        int[] slot = unconfTxs[height % unconfTxs.length];
        for (int b = 0; b < buckets.length; b++) {
            oldUnconfTxs[b] += slot[b];
            slot[b] = 0;
        }
    }

    /** Decays every moving average by one block. */
    void updateMovingAverages() {
        double decay = horizon.decay;
        for (int b = 0; b < buckets.length; b++) {
            for (int p = 0; p < confAvg.length; p++) {
                confAvg[p][b] *= decay;
                failAvg[p][b] *= decay;
            }
            feeRateAvg[b] *= decay;
            txCtAvg[b] *= decay;
        }
    }

    /** Records a transaction of {@code feeRate} in {@code bucket} confirmed after {@code blocksToConfirm} (≥ 1). */
    void record(int blocksToConfirm, int bucket, double feeRate) {
        if (blocksToConfirm < 1) {
            return;
        }
        int periodsToConfirm = (blocksToConfirm + horizon.scale - 1) / horizon.scale;
        for (int p = periodsToConfirm; p <= confAvg.length; p++) {
            confAvg[p - 1][bucket]++;
        }
        txCtAvg[bucket]++;
        feeRateAvg[bucket] += feeRate;
    }

    /** Counts a transaction entering the mempool at {@code height}. */
    void newTx(int height, int bucket) {
        unconfTxs[height % unconfTxs.length][bucket]++;
    }

    /**
     * Stops counting a mempool transaction that entered at {@code entryHeight}, {@code bestSeenHeight} being the
     * last block processed. Unless it left in a block, it is a failure for every whole period it waited.
     */
    void removeTx(int entryHeight, int bestSeenHeight, int bucket, boolean inBlock) {
        int blocksAgo = bestSeenHeight == 0 ? 0 : bestSeenHeight - entryHeight;
        if (blocksAgo < 0) {
            return; // cannot happen: entries are only accepted at the best seen height
        }
        // Core logs and ignores a counter that is already zero; so do we (without the log).
        if (blocksAgo >= unconfTxs.length) {
            if (oldUnconfTxs[bucket] > 0) {
                oldUnconfTxs[bucket]--;
            }
        } else {
            int[] slot = unconfTxs[entryHeight % unconfTxs.length];
            if (slot[bucket] > 0) {
                slot[bucket]--;
            }
        }
        if (!inBlock && blocksAgo >= horizon.scale) {
            int periodsAgo = blocksAgo / horizon.scale;
            for (int p = 0; p < periodsAgo && p < failAvg.length; p++) {
                failAvg[p][bucket]++;
            }
        }
    }

    /**
     * The fee rate that confirmed within {@code confTarget} blocks (at most {@link #maxConfirms()}) with at least
     * {@code successBreakPoint} probability, or -1 if none: Core's TxConfirmStats::EstimateMedianVal.
     *
     * <p>Buckets are scanned from the highest fee rate down, grouped into ranges holding enough confirmed
     * transactions; the answer comes from the lowest range that still succeeds often enough, as the average fee
     * rate of the bucket holding that range's median transaction. Transactions that left the mempool unconfirmed,
     * or are still in it after {@code confTarget} blocks, count against success. Core also fills in pass/fail
     * bucket details for {@code estimaterawfee} and its debug log; those do not affect the answer and are left out.
     */
    double estimateMedianVal(int confTarget, double successBreakPoint, int bestSeenHeight) {
        double nConf = 0; // confirmed within the target
        double totalNum = 0; // ever confirmed
        int extraNum = 0; // still in the mempool after at least confTarget blocks
        double failNum = 0; // left the mempool unconfirmed after the target
        int periodTarget = (confTarget + horizon.scale - 1) / horizon.scale;
        double sufficient = horizon.sufficientTxs / (1 - horizon.decay);
        int bins = unconfTxs.length;

        int curNear = buckets.length - 1; // the scan goes down, so a range is [curFar, curNear]
        int bestNear = curNear;
        int bestFar = curNear;
        boolean newBucketRange = true;
        boolean foundAnswer = false;
        double partialNum = 0;
        for (int bucket = buckets.length - 1; bucket >= 0; bucket--) {
            if (newBucketRange) {
                curNear = bucket;
                newBucketRange = false;
            }
            nConf += confAvg[periodTarget - 1][bucket];
            partialNum += txCtAvg[bucket];
            totalNum += txCtAvg[bucket];
            failNum += failAvg[periodTarget - 1][bucket];
            for (int confct = confTarget; confct < maxConfirms(); confct++) {
                // Core computes (height - confct) % bins in unsigned 32-bit arithmetic, which differs from a
                // floor modulo while height < confct (a young chain); remainderUnsigned gives Core's slot.
                extraNum += unconfTxs[Integer.remainderUnsigned(bestSeenHeight - confct, bins)][bucket];
            }
            extraNum += oldUnconfTxs[bucket];
            if (partialNum < sufficient) {
                continue; // not enough data in this range yet: widen it
            }
            partialNum = 0;
            double curPct = nConf / (totalNum + failNum + extraNum);
            if (curPct < successBreakPoint) {
                continue; // failing: keep widening, a lower range cannot be the answer unless it passes on its own
            }
            foundAnswer = true;
            nConf = 0;
            totalNum = 0;
            failNum = 0;
            extraNum = 0;
            bestNear = curNear;
            bestFar = bucket;
            newBucketRange = true;
        }
        if (!foundAnswer) {
            return -1;
        }
        double txSum = 0;
        for (int b = bestFar; b <= bestNear; b++) {
            txSum += txCtAvg[b];
        }
        if (txSum == 0) {
            return -1;
        }
        // Neither the median nor the mean: the mean fee rate of the bucket holding the median transaction.
        txSum /= 2;
        for (int b = bestFar; b <= bestNear; b++) {
            if (txCtAvg[b] < txSum) {
                txSum -= txCtAvg[b];
            } else {
                return feeRateAvg[b] / txCtAvg[b];
            }
        }
        return -1;
    }

    /** Writes the decayed averages in Core's order (decay, scale, fee rates, counts, confirmed, failed). */
    void write(ByteWriter w) {
        writeDouble(w, horizon.decay);
        w.writeUInt32LE(horizon.scale);
        writeDoubles(w, feeRateAvg);
        writeDoubles(w, txCtAvg);
        writeMatrix(w, confAvg);
        writeMatrix(w, failAvg);
    }

    /**
     * Reads what {@link #write} wrote, for {@code horizon} and the estimator's buckets. Core accepts any decay,
     * scale and period count and adopts them; we write only our own horizons, so anything else is rejected.
     */
    static TxConfirmStats read(ByteReader r, Horizon horizon, double[] buckets) throws IOException {
        String name = horizon.name().toLowerCase(Locale.ROOT) + " horizon";
        double decay = readDouble(r, name + " decay");
        if (!(decay > 0 && decay < 1)) {
            throw new IOException("Corrupt estimates file. Decay must be between 0 and 1 (non-inclusive)");
        }
        long scale = r.readUInt32LE(name + " scale");
        if (scale == 0) {
            throw new IOException("Corrupt estimates file. Scale must be non-zero");
        }
        if (decay != horizon.decay || scale != horizon.scale) {
            throw new IOException("Corrupt estimates file. The " + name + " has decay " + decay + " and scale "
                    + scale + ", expected " + horizon.decay + " and " + horizon.scale);
        }
        double[] feeRateAvg = readDoubles(r, buckets.length, name + " fee rate averages",
                "Corrupt estimates file. Mismatch in feerate average bucket count");
        double[] txCtAvg = readDoubles(r, buckets.length, name + " tx counts",
                "Corrupt estimates file. Mismatch in tx count bucket count");
        double[][] confAvg = readMatrix(r, horizon, buckets.length, name + " confirmation averages",
                "Corrupt estimates file. Mismatch in feerate conf average bucket count");
        double[][] failAvg = readMatrix(r, horizon, buckets.length, name + " failure averages",
                "Corrupt estimates file. Mismatch in one of failure average bucket counts");
        return new TxConfirmStats(horizon, buckets, txCtAvg, confAvg, failAvg, feeRateAvg);
    }

    /** Core's EncodeDouble: the IEEE 754 bits as a little-endian 64-bit integer. */
    static void writeDouble(ByteWriter w, double v) {
        w.writeInt64LE(Double.doubleToRawLongBits(v));
    }

    static double readDouble(ByteReader r, String what) {
        return Double.longBitsToDouble(r.readInt64LE(what));
    }

    /** A vector of doubles as Core serializes one: a CompactSize count, then the values. */
    static void writeDoubles(ByteWriter w, double[] values) {
        w.writeCompactSize(values.length);
        for (double v : values) {
            writeDouble(w, v);
        }
    }

    /** Reads a vector of exactly {@code expected} doubles, each finite and not negative. */
    static double[] readDoubles(ByteReader r, int expected, String what, String countError) throws IOException {
        int count = r.readCount(Long.BYTES, what);
        if (count != expected) {
            throw new IOException(countError + " (" + what + ": " + count + ", expected " + expected + ")");
        }
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = readDouble(r, what);
            // Not checked by Core; a NaN or negative count would silently poison every later estimate.
            if (!Double.isFinite(values[i]) || values[i] < 0) {
                throw new IOException("Corrupt estimates file. " + what + " holds " + values[i]);
            }
        }
        return values;
    }

    private static void writeMatrix(ByteWriter w, double[][] rows) {
        w.writeCompactSize(rows.length);
        for (double[] row : rows) {
            writeDoubles(w, row);
        }
    }

    private static double[][] readMatrix(ByteReader r, Horizon horizon, int buckets, String what,
            String countError) throws IOException {
        int periods = r.readCount(1, what);
        if (periods != horizon.periods) {
            throw new IOException("Corrupt estimates file. The " + what + " cover " + periods
                    + " periods, expected " + horizon.periods);
        }
        double[][] rows = new double[periods][];
        for (int p = 0; p < periods; p++) {
            rows[p] = readDoubles(r, buckets, what, countError);
        }
        return rows;
    }
}
