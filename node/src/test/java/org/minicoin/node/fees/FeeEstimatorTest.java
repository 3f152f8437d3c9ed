package org.minicoin.node.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.minicoin.consensus.types.Hash;

class FeeEstimatorTest {
    static final long HIGH = 50; // sat/vB
    static final long MID = 10;
    static final long LOW = 2;
    /** Delays of the low-fee transactions: 70% within 5 blocks, all within 10. */
    private static final int[] LOW_DELAYS = {3, 4, 5, 5, 5, 5, 5, 8, 9, 10};

    /** 300 blocks: 5 high-fee transactions per block confirm in the next block, 10 low-fee ones take 3-10. */
    static FeeEstimator twoTierMarket() {
        FeeEstimator estimator = new FeeEstimator();
        MempoolSimulation sim = new MempoolSimulation(estimator, 0);
        for (int block = 0; block < 300; block++) {
            for (int i = 0; i < 5; i++) {
                sim.confirmsAfter(HIGH, 1);
            }
            for (int delay : LOW_DELAYS) {
                sim.confirmsAfter(LOW, delay);
            }
            sim.mineBlock();
        }
        return estimator;
    }

    /** The lowest fee rate (sat/kvB) of the bucket that holds {@code satPerVb}. */
    static double bucketFloor(long satPerVb) {
        double[] bounds = FeeEstimator.defaultBuckets();
        int i = 0;
        while (bounds[i] < satPerVb * 1000.0) {
            i++;
        }
        return i == 0 ? 0 : bounds[i - 1];
    }

    @Test
    void aFreshEstimatorHasNoAnswer() {
        FeeEstimator estimator = new FeeEstimator();
        for (int target : new int[] {1, 2, 6, 1008}) {
            assertThat(estimator.estimateSmartFee(target, false, 1000)).isEmpty();
            assertThat(estimator.estimateSmartFee(target, true, 1000)).isEmpty();
        }
        assertThat(estimator.answerTarget(6)).isZero(); // Core's "blocks": 0 with the error
    }

    @Test
    void blocksWithoutTrackedTransactionsGiveNoAnswer() {
        FeeEstimator estimator = new FeeEstimator();
        MempoolSimulation sim = new MempoolSimulation(estimator, 0);
        for (int block = 0; block < 100; block++) {
            sim.mineBlock();
        }
        assertThat(estimator.estimateSmartFee(2, false, 1000)).isEmpty();
    }

    @Test
    void transactionsNotValidForEstimationOrFromAnotherHeightAreIgnored() {
        FeeEstimator estimator = new FeeEstimator();
        for (int height = 1; height <= 100; height++) {
            List<Hash> block = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                Hash invalid = MempoolSimulation.txid(height * 100L + i);
                Hash stale = MempoolSimulation.txid(-(height * 100L + i));
                estimator.processTransaction(invalid, 20_000, 200, height - 1, false);
                estimator.processTransaction(stale, 20_000, 200, height - 2, true); // tip moved on: not in sync
                block.add(invalid);
                block.add(stale);
            }
            estimator.processBlock(height, block);
        }
        assertThat(estimator.estimateSmartFee(2, false, 1000)).isEmpty();
        assertThat(estimator.answerTarget(2)).isZero();
    }

    @Test
    void nextBlockTargetsAskForTheHighFeeAndLongTargetsForTheLowOne() {
        FeeEstimator estimator = twoTierMarket();
        for (boolean conservative : new boolean[] {false, true}) {
            for (int target : new int[] {1, 2}) {
                Estimate e = estimator.estimateSmartFee(target, conservative, 1000).orElseThrow();
                assertThat(e.blocks()).isEqualTo(2); // a target of 1 is answered for 2
                assertThat((double) e.feeRateSatPerKvB()).isGreaterThanOrEqualTo(bucketFloor(HIGH));
            }
        }
        for (int target : new int[] {10, 12, 20, 48, 100, 149}) {
            Estimate e = estimator.estimateSmartFee(target, false, 1000).orElseThrow();
            assertThat(e.blocks()).isEqualTo(target);
            assertThat(e.feeRateSatPerKvB()).isLessThan(HIGH * 1000 / 4)
                    .isGreaterThanOrEqualTo((long) bucketFloor(LOW));
        }
    }

    @Test
    void targetsBeyondHalfTheBlocksSeenAreAnsweredForThatHalf() {
        FeeEstimator estimator = twoTierMarket();
        // The first confirmation was recorded at height 2 and the tip is 300: 298 blocks of data, usable to 149.
        Estimate e = estimator.estimateSmartFee(500, false, 1000).orElseThrow();
        assertThat(e.blocks()).isEqualTo(149);
        assertThat(estimator.answerTarget(500)).isEqualTo(149);
        assertThat(estimator.estimateSmartFee(1009, false, 1000)).isEmpty();
        assertThat(estimator.estimateSmartFee(0, false, 1000)).isEmpty();
        assertThat(estimator.highestTargetTracked()).isEqualTo(1008);
    }

    @Test
    void estimatesDoNotRiseWithTheTarget() {
        FeeEstimator estimator = twoTierMarket();
        long previous = Long.MAX_VALUE;
        for (int target = 1; target <= 149; target++) {
            long fee = estimator.estimateSmartFee(target, false, 1000).orElseThrow().feeRateSatPerKvB();
            assertThat(fee).as("target %d", target).isLessThanOrEqualTo(previous);
            previous = fee;
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1000, 1999, 2001, 7000, 100_000})
    void theAnswerIsNeverBelowTheMinimumFeeRate(long minFeeRate) {
        FeeEstimator estimator = twoTierMarket();
        long raw = estimator.estimateSmartFee(20, false, 0).orElseThrow().feeRateSatPerKvB();
        Estimate floored = estimator.estimateSmartFee(20, false, minFeeRate).orElseThrow();
        assertThat(floored.feeRateSatPerKvB()).isEqualTo(Math.max(raw, minFeeRate));
        assertThat(floored.blocks()).isEqualTo(20);
    }

    /**
     * Mid-fee transactions: per block, 5 confirm in the next block and 5 are evicted after waiting 2 blocks. The
     * evictions make the mid fee rate fail the 60% test at one block, so a 2-block target needs the high fee;
     * without them (the same stream minus the evicted transactions) the mid fee rate is enough.
     */
    @Test
    void evictedTransactionsCountAsFailures() {
        long withEvictions = midFeeMarket(true).estimateSmartFee(2, false, 1000).orElseThrow().feeRateSatPerKvB();
        long without = midFeeMarket(false).estimateSmartFee(2, false, 1000).orElseThrow().feeRateSatPerKvB();
        assertThat((double) withEvictions).isGreaterThanOrEqualTo(bucketFloor(HIGH));
        assertThat((double) without).isBetween(bucketFloor(MID), MID * 1000 * FeeEstimator.FEE_SPACING);
    }

    private static FeeEstimator midFeeMarket(boolean evictions) {
        FeeEstimator estimator = new FeeEstimator();
        MempoolSimulation sim = new MempoolSimulation(estimator, 0);
        for (int block = 0; block < 100; block++) {
            for (int i = 0; i < 5; i++) {
                sim.confirmsAfter(HIGH, 1);
                sim.confirmsAfter(MID, 1);
                if (evictions) {
                    sim.evictedBefore(MID, 3);
                }
            }
            sim.mineBlock();
        }
        return estimator;
    }

    /**
     * Low-fee transactions never confirmed for 150 blocks (evicted after 20), then confirm in the next block for
     * 150 more. The short horizon has forgotten the failures, the medium one has not: economical estimates follow
     * the recent market, conservative ones stay high, and never below economical at any target.
     */
    @Test
    void conservativeIsNeverBelowEconomical() {
        FeeEstimator estimator = new FeeEstimator();
        MempoolSimulation sim = new MempoolSimulation(estimator, 0);
        for (int block = 0; block < 300; block++) {
            for (int i = 0; i < 5; i++) {
                sim.confirmsAfter(HIGH, 1);
            }
            for (int i = 0; i < 10; i++) {
                if (block < 150) {
                    sim.evictedBefore(LOW, 20);
                } else {
                    sim.confirmsAfter(LOW, 1);
                }
            }
            sim.mineBlock();
        }
        int strictlyHigher = 0;
        // Targets above 149 (half the 298 blocks of data) are all answered as 149.
        for (int target : IntStream.concat(IntStream.rangeClosed(1, 160), IntStream.of(1008)).toArray()) {
            Optional<Estimate> economical = estimator.estimateSmartFee(target, false, 1000);
            Optional<Estimate> conservative = estimator.estimateSmartFee(target, true, 1000);
            assertThat(economical).as("target %d", target).isPresent();
            assertThat(conservative).as("target %d", target).isPresent();
            assertThat(conservative.get().feeRateSatPerKvB()).as("target %d", target)
                    .isGreaterThanOrEqualTo(economical.get().feeRateSatPerKvB());
            assertThat(conservative.get().blocks()).isEqualTo(economical.get().blocks());
            if (conservative.get().feeRateSatPerKvB() > economical.get().feeRateSatPerKvB()) {
                strictlyHigher++;
            }
        }
        assertThat(estimator.estimateSmartFee(2, false, 1000).orElseThrow().feeRateSatPerKvB())
                .isLessThan(HIGH * 1000 / 4);
        assertThat((double) estimator.estimateSmartFee(2, true, 1000).orElseThrow().feeRateSatPerKvB())
                .isGreaterThanOrEqualTo(bucketFloor(HIGH));
        assertThat(strictlyHigher).isPositive();
    }

    @Test
    void transactionsStillWaitingCountAgainstTheirBucket() {
        // The two-tier market, then 12 blocks in which the low-fee transactions stop confirming.
        FeeEstimator estimator = twoTierMarket();
        long before = estimator.estimateSmartFee(10, false, 1000).orElseThrow().feeRateSatPerKvB();
        MempoolSimulation sim = new MempoolSimulation(estimator, 300);
        for (int block = 0; block < 12; block++) {
            for (int i = 0; i < 5; i++) {
                sim.confirmsAfter(HIGH, 1);
            }
            for (int i = 0; i < 10; i++) {
                sim.evictedBefore(LOW, 1000); // still in the mempool at the end
            }
            sim.mineBlock();
        }
        long after = estimator.estimateSmartFee(10, false, 1000).orElseThrow().feeRateSatPerKvB();
        assertThat(before).isLessThan(HIGH * 1000 / 4);
        assertThat((double) after).isGreaterThanOrEqualTo(bucketFloor(HIGH));
    }

    @Test
    void bucketsAreCoresV29Boundaries() {
        double[] bounds = FeeEstimator.defaultBuckets();
        assertThat(bounds[0]).isEqualTo(1000.0);
        for (int i = 1; i < bounds.length - 1; i++) {
            assertThat(bounds[i] / bounds[i - 1]).isCloseTo(1.05, offset(1e-12));
        }
        assertThat(bounds[bounds.length - 2]).isLessThanOrEqualTo(1e7);
        assertThat(bounds[bounds.length - 2] * 1.05).isGreaterThan(1e7);
        assertThat(bounds[bounds.length - 1]).isEqualTo(1e99);
    }

    /** Transactions reported from several threads at once are all counted: the same answers as one thread. */
    @Test
    void concurrentReportsAreAllCounted() throws Exception {
        FeeEstimator concurrent = new FeeEstimator();
        FeeEstimator sequential = new FeeEstimator();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int height = 0; height < 60; height++) {
                List<Hash> block = new ArrayList<>();
                List<Future<?>> reports = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    Hash txid = MempoolSimulation.txid(height * 1000L + i);
                    long fee = (i % 2 == 0 ? HIGH : MID) * 250;
                    int entry = height;
                    block.add(txid);
                    sequential.processTransaction(txid, fee, 250, entry, true);
                    reports.add(pool.submit(() -> concurrent.processTransaction(txid, fee, 250, entry, true)));
                }
                for (Future<?> report : reports) {
                    report.get();
                }
                concurrent.processBlock(height + 1, block);
                sequential.processBlock(height + 1, block);
            }
        } finally {
            pool.shutdownNow();
        }
        for (int target = 1; target <= 30; target++) {
            assertThat(concurrent.estimateSmartFee(target, false, 0)).isPresent()
                    .isEqualTo(sequential.estimateSmartFee(target, false, 0));
        }
    }
}
