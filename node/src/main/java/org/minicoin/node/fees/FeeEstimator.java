package org.minicoin.node.fees;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.minicoin.consensus.encoding.ByteReader;
import org.minicoin.consensus.encoding.ByteWriter;
import org.minicoin.consensus.encoding.DecodeException;
import org.minicoin.consensus.types.Hash;

/**
 * Estimates the fee rate a transaction needs to confirm within a number of blocks, from how long the node has
 * seen transactions of each fee rate wait: Bitcoin Core's CBlockPolicyEstimator ({@code policy/fees}), with the
 * same buckets, horizons, thresholds and arithmetic, so the same stream of mempool and block events gives the same
 * answers as Core v29.
 *
 * <p>The mempool reports each transaction that enters ({@link #processTransaction}), leaves unconfirmed
 * ({@link #removeTransaction}) or confirms ({@link #processBlock}). Only fee rate and entry height are kept per
 * transaction. Thread-safe: every method holds this object's lock.
 */
public final class FeeEstimator {
    /** Core's error text when there is no estimate ({@code estimatesmartfee}'s {@code errors} entry). */
    public static final String INSUFFICIENT_DATA = "Insufficient data or no feerate found";

    /**
     * Lowest bucket boundary, in sat/kvB. Core v29's value: it follows DEFAULT_MIN_RELAY_TX_FEE, which is 1000 in
     * v29 and in our policy (master lowered both to 100).
     */
    static final double MIN_BUCKET_FEERATE = 1000;
    /** Highest finite bucket boundary, in sat/kvB (Core's MAX_BUCKET_FEERATE). */
    static final double MAX_BUCKET_FEERATE = 1e7;
    /** Ratio between neighbouring bucket boundaries (Core's FEE_SPACING). */
    static final double FEE_SPACING = 1.05;
    /** Upper bound of the last bucket, which takes every fee rate above MAX_BUCKET_FEERATE (Core's INF_FEERATE). */
    private static final double INF_FEERATE = 1e99;

    /** Success required within half the target (Core's HALF_SUCCESS_PCT). */
    static final double HALF_SUCCESS_PCT = .6;
    /** Success required within the target (Core's SUCCESS_PCT). */
    static final double SUCCESS_PCT = .85;
    /** Success required within twice the target (Core's DOUBLE_SUCCESS_PCT). */
    static final double DOUBLE_SUCCESS_PCT = .95;
    /** Saved history older than this many blocks is not used (Core's OLDEST_ESTIMATE_HISTORY). */
    private static final int OLDEST_ESTIMATE_HISTORY = 6 * 1008;

    /** What is remembered of a tracked mempool transaction. */
    private record TrackedTx(int height, int bucket, double feeRate) {
    }

    private final double[] buckets;
    private final TxConfirmStats shortStats;
    private final TxConfirmStats mediumStats;
    private final TxConfirmStats longStats;
    private final Map<Hash, TrackedTx> mempoolTxs = new HashMap<>();

    private int bestSeenHeight;
    /** Height of the first block in which a tracked transaction confirmed since start; 0 if none yet. */
    private int firstRecordedHeight;
    /** The block range the loaded file's data covers (0, 0 if nothing was loaded). */
    private int historicalFirst;
    private int historicalBest;

    /** An estimator with no data. */
    public FeeEstimator() {
        this(defaultBuckets());
    }

    private FeeEstimator(double[] buckets) {
        this(buckets, new TxConfirmStats(Horizon.SHORT, buckets), new TxConfirmStats(Horizon.MEDIUM, buckets),
                new TxConfirmStats(Horizon.LONG, buckets));
    }

    private FeeEstimator(double[] buckets, TxConfirmStats shortStats, TxConfirmStats mediumStats,
            TxConfirmStats longStats) {
        this.buckets = buckets;
        this.shortStats = shortStats;
        this.mediumStats = mediumStats;
        this.longStats = longStats;
    }

    /**
     * Bucket upper bounds, computed by repeated multiplication exactly as Core's constructor does, so that the
     * boundaries are the same doubles.
     */
    static double[] defaultBuckets() {
        List<Double> bounds = new ArrayList<>();
        for (double boundary = MIN_BUCKET_FEERATE; boundary <= MAX_BUCKET_FEERATE; boundary *= FEE_SPACING) {
            bounds.add(boundary);
        }
        bounds.add(INF_FEERATE);
        return bounds.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * A transaction entered the mempool while the chain tip was at {@code height}. It is tracked only if
     * {@code validForEstimate} (not re-added by a reorg, chain in sync; Core also excludes transactions with
     * mempool parents or submitted in a package, which the caller folds into this flag) and only if
     * {@code height} is the last block this estimator processed, as in Core.
     */
    public synchronized void processTransaction(Hash txid, long feeSat, long vsize, int height,
            boolean validForEstimate) {
        if (feeSat < 0 || vsize <= 0) {
            throw new IllegalArgumentException("fee " + feeSat + " and vsize " + vsize + " must be >= 0 and > 0");
        }
        if (mempoolTxs.containsKey(txid) || height != bestSeenHeight || !validForEstimate) {
            // Already tracked; or a side chain, a reorg or an estimator out of sync with the tip (Core ignores
            // those as random noise); or not representative of what miners accept.
            return;
        }
        // Core's CFeeRate(fee, vsize).GetFeePerK(): sat per 1000 vB rounded down.
        double feeRate = (double) (feeSat * 1000 / vsize);
        int bucket = bucketIndex(feeRate);
        mempoolTxs.put(txid, new TrackedTx(height, bucket, feeRate));
        shortStats.newTx(height, bucket);
        mediumStats.newTx(height, bucket);
        longStats.newTx(height, bucket);
    }

    /**
     * A transaction left the mempool without confirming (evicted, expired, replaced or conflicted). If it waited
     * at least a period of a horizon, that horizon counts it as a failure. When a block conflicts it out, call this
     * before {@link #processBlock} for that block, as Core does. Untracked txids are ignored.
     */
    public synchronized void removeTransaction(Hash txid) {
        removeTx(txid, false);
    }

    /**
     * A block at {@code height} was connected to the active chain; {@code confirmedTxids} are the transactions in
     * it (those not tracked are ignored). Every average decays by one block and each tracked transaction is
     * recorded as confirmed after {@code height - entryHeight} blocks. Blocks at or below a height already
     * processed (reorgs, side chains) are ignored, as in Core.
     */
    public synchronized void processBlock(int height, List<Hash> confirmedTxids) {
        if (height <= bestSeenHeight) {
            return;
        }
        // Updated before removals so that removeTx measures the age of entries against this block.
        bestSeenHeight = height;
        for (TxConfirmStats stats : allStats()) {
            stats.clearCurrent(height);
            stats.updateMovingAverages();
        }
        int counted = 0;
        for (Hash txid : confirmedTxids) {
            TrackedTx tx = mempoolTxs.get(txid);
            if (tx == null) {
                continue;
            }
            removeTx(txid, true);
            int blocksToConfirm = height - tx.height();
            if (blocksToConfirm <= 0) {
                continue; // cannot happen: entries are taken at the best seen height, which this block exceeds
            }
            for (TxConfirmStats stats : allStats()) {
                stats.record(blocksToConfirm, tx.bucket(), tx.feeRate());
            }
            counted++;
        }
        if (firstRecordedHeight == 0 && counted > 0) {
            firstRecordedHeight = bestSeenHeight;
        }
    }

    /**
     * Counts every transaction still tracked as having left the mempool unconfirmed, as Core does at shutdown
     * before its last save: their waits so far are failures, and nothing of them survives a restart otherwise.
     */
    public synchronized void flushUnconfirmed() {
        for (Hash txid : new ArrayList<>(mempoolTxs.keySet())) {
            removeTx(txid, false);
        }
    }

    /**
     * Core's estimateSmartFee, then the RPC's floor: the fee rate (sat/kvB) to confirm within {@code confTarget}
     * blocks and the target it answers for, never below {@code minFeeRateSatPerKvB} (the caller passes the larger
     * of the mempool's minimum fee rate and the minimum relay fee rate). Empty, meaning
     * {@link #INSUFFICIENT_DATA}, if {@code confTarget} is outside 1..{@link #highestTargetTracked()} or there is
     * too little data.
     *
     * <p>A target of 1 is answered as 2, and a target beyond half the blocks of data seen is lowered to that. The
     * answer is the highest of three estimates: 60% success within half the target, 85% within the target and 95%
     * within twice the target, each from the shortest horizon that tracks it. {@code conservative} also requires
     * the 95% success over the longer horizons, so that a short lull does not lower the estimate.
     */
    public synchronized Optional<Estimate> estimateSmartFee(int confTarget, boolean conservative,
            long minFeeRateSatPerKvB) {
        if (confTarget <= 0 || confTarget > longStats.maxConfirms()) {
            return Optional.empty();
        }
        int target = answerTargetLocked(confTarget);
        if (target <= 1) {
            return Optional.empty();
        }
        // Half and full targets also consult shorter horizons at their longest target, which keeps estimates
        // monotonic in the target; conservative mode skips that for the double target because it takes the
        // maximum over all horizons anyway (Core's comment in estimateSmartFee).
        double median = estimateCombinedFee(target / 2, HALF_SUCCESS_PCT, true);
        median = Math.max(median, estimateCombinedFee(target, SUCCESS_PCT, true));
        median = Math.max(median, estimateCombinedFee(2 * target, DOUBLE_SUCCESS_PCT, !conservative));
        if (conservative || median == -1) {
            median = Math.max(median, estimateConservativeFee(2 * target));
        }
        if (median < 0) {
            return Optional.empty();
        }
        long feeRate = Math.round(median); // Core's llround; the median is never negative here
        if (feeRate == 0) {
            return Optional.empty(); // Core's CFeeRate(0) is its "no estimate"
        }
        return Optional.of(new Estimate(Math.max(feeRate, minFeeRateSatPerKvB), target));
    }

    /**
     * The target {@link #estimateSmartFee} answers a request for {@code confTarget} with: Core's
     * {@code FeeCalculation::returnedTarget}, which {@code estimatesmartfee} reports as {@code blocks} even when it
     * has no estimate (0 while no block with tracked transactions has been seen).
     */
    public synchronized int answerTarget(int confTarget) {
        if (confTarget <= 0 || confTarget > longStats.maxConfirms()) {
            return confTarget;
        }
        return answerTargetLocked(confTarget);
    }

    private int answerTargetLocked(int confTarget) {
        int target = Math.max(confTarget, 2); // there is no reasonable estimate for the very next block
        return Math.min(target, maxUsableEstimate());
    }

    /** The longest confirmation target any horizon tracks (1008): the bound of {@code estimatesmartfee}'s range. */
    public synchronized int highestTargetTracked() {
        return longStats.maxConfirms();
    }

    /**
     * Writes the statistics to {@code file} atomically (temporary file, fsync, rename), so a crash leaves the old
     * file or the new one. Transactions in the mempool are not saved, as in Core.
     */
    public void save(Path file) throws IOException {
        byte[] body;
        synchronized (this) {
            body = encode();
        }
        FeeEstimatesFile.write(file, body);
    }

    /**
     * Reads an estimator saved by {@link #save}. A file that is not one, is truncated or corrupted, or was written
     * with other buckets or horizons is rejected with an {@link IOException} saying why; the daemon then starts
     * with an empty estimator, as Core does.
     */
    public static FeeEstimator load(Path file) throws IOException {
        byte[] body = FeeEstimatesFile.read(file);
        try {
            return decode(new ByteReader(body));
        } catch (DecodeException | IOException e) {
            throw new IOException("fee estimates file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Core's CBlockPolicyEstimator::Write after its version field (the header is {@link FeeEstimatesFile}'s). */
    private byte[] encode() {
        ByteWriter w = new ByteWriter();
        w.writeUInt32LE(bestSeenHeight);
        // Saves whichever range of data is the more useful: this run's, or the history it was loaded with.
        if (blockSpan() > historicalBlockSpan() / 2) {
            w.writeUInt32LE(firstRecordedHeight).writeUInt32LE(bestSeenHeight);
        } else {
            w.writeUInt32LE(historicalFirst).writeUInt32LE(historicalBest);
        }
        TxConfirmStats.writeDoubles(w, buckets);
        mediumStats.write(w);
        shortStats.write(w);
        longStats.write(w);
        return w.toByteArray();
    }

    private static FeeEstimator decode(ByteReader r) throws IOException {
        int best = readHeight(r, "best seen height");
        int first = readHeight(r, "historical first height");
        int last = readHeight(r, "historical best height");
        if (first > last || last > best) {
            throw new IOException("Corrupt estimates file. Historical block range for estimates is invalid");
        }
        double[] ours = defaultBuckets();
        int count = r.readCount(Long.BYTES, "buckets");
        if (count <= 1 || count > 1000) {
            throw new IOException("Corrupt estimates file. Must have between 2 and 1000 feerate buckets");
        }
        for (int i = 0; i < count; i++) {
            double bound = TxConfirmStats.readDouble(r, "bucket bound");
            // Core adopts the file's buckets; ours are fixed, so a file with others was not written by us.
            if (count != ours.length || bound != ours[i]) {
                throw new IOException("written with other fee-rate buckets (" + count + " buckets, bound " + i
                        + " is " + bound + "); expected " + ours.length + " buckets from " + MIN_BUCKET_FEERATE);
            }
        }
        TxConfirmStats medium = TxConfirmStats.read(r, Horizon.MEDIUM, ours);
        TxConfirmStats shortStats = TxConfirmStats.read(r, Horizon.SHORT, ours);
        TxConfirmStats longStats = TxConfirmStats.read(r, Horizon.LONG, ours);
        r.expectEnd("fee estimates");
        FeeEstimator estimator = new FeeEstimator(ours, shortStats, medium, longStats);
        estimator.bestSeenHeight = best;
        estimator.historicalFirst = first;
        estimator.historicalBest = last;
        return estimator;
    }

    private static int readHeight(ByteReader r, String what) throws IOException {
        long height = r.readUInt32LE(what);
        if (height > Integer.MAX_VALUE) {
            throw new IOException("Corrupt estimates file. The " + what + " " + height + " is out of range");
        }
        return (int) height;
    }

    private void removeTx(Hash txid, boolean inBlock) {
        TrackedTx tx = mempoolTxs.remove(txid);
        if (tx == null) {
            return;
        }
        for (TxConfirmStats stats : allStats()) {
            stats.removeTx(tx.height(), bestSeenHeight, tx.bucket(), inBlock);
        }
    }

    /** The first bucket whose upper bound is at least {@code feeRate} (Core's bucketMap.lower_bound). */
    private int bucketIndex(double feeRate) {
        int i = Arrays.binarySearch(buckets, feeRate);
        return i >= 0 ? i : -i - 1;
    }

    private List<TxConfirmStats> allStats() {
        return List.of(shortStats, mediumStats, longStats);
    }

    /** Blocks of data recorded since start. */
    private int blockSpan() {
        return firstRecordedHeight == 0 ? 0 : bestSeenHeight - firstRecordedHeight;
    }

    /** Blocks of data in the loaded file, unless it is too old to trust. */
    private int historicalBlockSpan() {
        if (historicalFirst == 0 || bestSeenHeight - historicalBest > OLDEST_ESTIMATE_HISTORY) {
            return 0;
        }
        return historicalBest - historicalFirst;
    }

    /**
     * The highest target with enough data behind it: half the blocks seen, so that transactions that would fail
     * to confirm within the target have had time to show up as failures.
     */
    private int maxUsableEstimate() {
        return Math.min(longStats.maxConfirms(), Math.max(blockSpan(), historicalBlockSpan()) / 2);
    }

    /**
     * The estimate at {@code successThreshold} from the shortest horizon that tracks {@code confTarget}, or -1;
     * with {@code checkShorterHorizon}, a lower answer from a shorter horizon at its longest target wins.
     */
    private double estimateCombinedFee(int confTarget, double successThreshold, boolean checkShorterHorizon) {
        if (confTarget < 1 || confTarget > longStats.maxConfirms()) {
            return -1;
        }
        double estimate;
        if (confTarget <= shortStats.maxConfirms()) {
            estimate = shortStats.estimateMedianVal(confTarget, successThreshold, bestSeenHeight);
        } else if (confTarget <= mediumStats.maxConfirms()) {
            estimate = mediumStats.estimateMedianVal(confTarget, successThreshold, bestSeenHeight);
        } else {
            estimate = longStats.estimateMedianVal(confTarget, successThreshold, bestSeenHeight);
        }
        if (checkShorterHorizon) {
            if (confTarget > mediumStats.maxConfirms()) {
                double mediumMax = mediumStats.estimateMedianVal(mediumStats.maxConfirms(), successThreshold,
                        bestSeenHeight);
                if (mediumMax > 0 && (estimate == -1 || mediumMax < estimate)) {
                    estimate = mediumMax;
                }
            }
            if (confTarget > shortStats.maxConfirms()) {
                double shortMax = shortStats.estimateMedianVal(shortStats.maxConfirms(), successThreshold,
                        bestSeenHeight);
                if (shortMax > 0 && (estimate == -1 || shortMax < estimate)) {
                    estimate = shortMax;
                }
            }
        }
        return estimate;
    }

    /**
     * The 95% estimate at {@code doubleTarget} over the medium and long horizons, the larger of the two, or -1.
     * The conditions are Core's as written: the medium horizon is consulted only while the double target is within
     * the short horizon's range, the long one while it is within the medium's.
     */
    private double estimateConservativeFee(int doubleTarget) {
        double estimate = -1;
        if (doubleTarget <= shortStats.maxConfirms()) {
            estimate = mediumStats.estimateMedianVal(doubleTarget, DOUBLE_SUCCESS_PCT, bestSeenHeight);
        }
        if (doubleTarget <= mediumStats.maxConfirms()) {
            estimate = Math.max(estimate,
                    longStats.estimateMedianVal(doubleTarget, DOUBLE_SUCCESS_PCT, bestSeenHeight));
        }
        return estimate;
    }
}
