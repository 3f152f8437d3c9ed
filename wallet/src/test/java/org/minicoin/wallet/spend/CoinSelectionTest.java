package org.minicoin.wallet.spend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.minicoin.wallet.spend.CoinSelection.Candidate;

class CoinSelectionTest {
    private static final int NO_WEIGHT_LIMIT = 400_000;
    private final SpendFixtures f = new SpendFixtures();

    /** Candidates whose effective values are the given ones (a 68 vB input costing {@code fee} now). */
    private List<Candidate> pool(long fee, long longTermFee, long... effectiveValues) {
        List<Candidate> pool = new ArrayList<>();
        for (long v : effectiveValues) {
            pool.add(new Candidate(f.segwit(v + fee), 68, fee, longTermFee));
        }
        return pool;
    }

    private static long[] effective(Optional<List<Candidate>> selection) {
        return selection.orElseThrow().stream().mapToLong(Candidate::effectiveValue).sorted().toArray();
    }

    @Test
    void bnbFindsAnExactMatch() {
        List<Candidate> pool = pool(0, 0, 1_000, 2_000, 3_000, 4_000, 5_000);
        assertThat(effective(CoinSelection.bnb(pool, 10_000, 0, NO_WEIGHT_LIMIT))).satisfies(
                v -> assertThat(java.util.Arrays.stream(v).sum()).isEqualTo(10_000));
        assertThat(effective(CoinSelection.bnb(pool, 15_000, 0, NO_WEIGHT_LIMIT)))
                .containsExactly(1_000, 2_000, 3_000, 4_000, 5_000);
        assertThat(effective(CoinSelection.bnb(pool, 1_000, 0, NO_WEIGHT_LIMIT))).containsExactly(1_000);
    }

    @Test
    void bnbAcceptsExcessUpToTheCostOfChangeAndNoMore() {
        List<Candidate> pool = pool(0, 0, 3_000, 7_000);
        // Nothing sums to 9,000; 10,000 overshoots by 1,000.
        assertThat(CoinSelection.bnb(pool, 9_000, 999, NO_WEIGHT_LIMIT)).isEmpty();
        assertThat(effective(CoinSelection.bnb(pool, 9_000, 1_000, NO_WEIGHT_LIMIT))).containsExactly(3_000, 7_000);
        // More than everything: no solution at all.
        assertThat(CoinSelection.bnb(pool, 10_001, 1_000_000, NO_WEIGHT_LIMIT)).isEmpty();
    }

    @Test
    void bnbPrefersTheLeastWaste() {
        // At a high rate (fee > long-term fee) each input wastes 100: one coin beats two with the same sum.
        List<Candidate> high = pool(200, 100, 6_000, 4_000, 10_000, 2_000);
        assertThat(effective(CoinSelection.bnb(high, 10_000, 500, NO_WEIGHT_LIMIT))).containsExactly(10_000);
        // At a low rate (fee < long-term fee) spending more inputs now is cheaper than later: Core consolidates.
        List<Candidate> low = pool(50, 100, 6_000, 4_000, 10_000, 2_000);
        assertThat(effective(CoinSelection.bnb(low, 12_000, 0, NO_WEIGHT_LIMIT))).containsExactly(2_000, 4_000,
                6_000);
    }

    @Test
    void bnbRespectsTheWeightLimit() {
        List<Candidate> pool = pool(0, 0, 5_000, 5_000, 10_000);
        assertThat(effective(CoinSelection.bnb(pool, 10_000, 0, 272))).containsExactly(10_000);
        List<Candidate> small = pool(0, 0, 5_000, 5_000);
        assertThat(CoinSelection.bnb(small, 10_000, 0, 272)).isEmpty();
        assertThat(effective(CoinSelection.bnb(small, 10_000, 0, 544))).containsExactly(5_000, 5_000);
    }

    @Test
    void knapsackTakesTheSmallestLargerCoinWhenSmallOnesCannotReach() {
        List<Candidate> pool = pool(0, 0, 1_000, 2_000, 500_000, 900_000);
        assertThat(effective(CoinSelection.knapsack(pool, 10_000, 50_000, new Random(1), NO_WEIGHT_LIMIT)))
                .containsExactly(500_000);
        assertThat(CoinSelection.knapsack(pool, 2_000_000, 50_000, new Random(1), NO_WEIGHT_LIMIT)).isEmpty();
    }

    @Test
    void knapsackTakesAnExactCoinOrSubset() {
        List<Candidate> pool = pool(0, 0, 7_000, 3_000, 80_000);
        assertThat(effective(CoinSelection.knapsack(pool, 80_000, 50_000, new Random(2), NO_WEIGHT_LIMIT)))
                .containsExactly(80_000);
        assertThat(effective(CoinSelection.knapsack(pool, 10_000, 50_000, new Random(2), NO_WEIGHT_LIMIT)))
                .containsExactly(3_000, 7_000);
    }

    @Test
    void knapsackAimsForTargetPlusChangeAmongSmallCoins() {
        long[] values = new long[40];
        for (int i = 0; i < values.length; i++) {
            values[i] = 10_001 + 1_000L * i; // no subset sums to 100,000 or 160,000 exactly
        }
        List<Candidate> pool = pool(0, 0, values);
        long sum = java.util.Arrays.stream(effective(
                CoinSelection.knapsack(pool, 100_000, 60_000, new Random(3), NO_WEIGHT_LIMIT))).sum();
        // Enough for the target and the change target, and not wildly more (the search keeps the smallest).
        assertThat(sum).isBetween(160_000L, 170_000L);
    }

    @Test
    void selectUsesBnbWhenAChangelessMatchWinsOnWaste() {
        long target = 123_456;
        List<Candidate> pool = pool(68, 680, 5 * SpendFixtures.COIN, 3 * SpendFixtures.COIN, target + 100);
        CoinSelection.Params params = new CoinSelection.Params(target, 711, 31, 980, 80_000, NO_WEIGHT_LIMIT);
        CoinSelection.Selection s = CoinSelection.select(pool, params, new Random(4)).orElseThrow();
        assertThat(s.algorithm()).isEqualTo(CoinSelection.Algorithm.BNB);
        assertThat(s.change()).isZero();
        assertThat(s.selectedEffectiveValue()).isEqualTo(target + 100);
        assertThat(s.waste()).isEqualTo(68 - 680 + 100);
    }

    @Test
    void selectFallsBackToChangeWhenNoChangelessMatch() {
        long target = 123_456;
        List<Candidate> pool = pool(68, 680, 5 * SpendFixtures.COIN, 3 * SpendFixtures.COIN, 200_000);
        CoinSelection.Params params = new CoinSelection.Params(target, 711, 31, 980, 80_000, NO_WEIGHT_LIMIT);
        CoinSelection.Selection s = CoinSelection.select(pool, params, new Random(5)).orElseThrow();
        assertThat(s.algorithm()).isEqualTo(CoinSelection.Algorithm.KNAPSACK);
        assertThat(s.inputs()).hasSize(1);
        assertThat(s.change()).isEqualTo(s.selectedEffectiveValue() - target - 31).isGreaterThanOrEqualTo(980);
        assertThat(s.waste()).isEqualTo(68 - 680 + 711);
    }

    @Test
    void selectDropsChangeBelowTheViableMinimumIntoTheFee() {
        long target = 100_000;
        // Overshoots by 800: more than the cost of change (711), so no BnB match, but change would be 769 < 980.
        List<Candidate> pool = pool(68, 680, target + 800);
        CoinSelection.Params params = new CoinSelection.Params(target, 711, 31, 980, 80_000, NO_WEIGHT_LIMIT);
        CoinSelection.Selection s = CoinSelection.select(pool, params, new Random(6)).orElseThrow();
        assertThat(s.algorithm()).isEqualTo(CoinSelection.Algorithm.KNAPSACK);
        assertThat(s.change()).isZero();
        assertThat(s.waste()).isEqualTo(68 - 680 + 800);
    }

    @Test
    void selectIgnoresCoinsThatCostMoreThanTheyAreWorth() {
        List<Candidate> pool = pool(68, 680, 5_000);
        pool.add(new Candidate(f.segwit(50), 68, 68, 680)); // effective value -18
        CoinSelection.Params params = new CoinSelection.Params(4_000, 711, 31, 980, 50_031, NO_WEIGHT_LIMIT);
        CoinSelection.Selection s = CoinSelection.select(pool, params, new Random(7)).orElseThrow();
        assertThat(s.inputs()).extracting(Candidate::effectiveValue).containsExactly(5_000L);
        assertThat(CoinSelection.select(pool, new CoinSelection.Params(5_001, 711, 31, 980, 50_031,
                NO_WEIGHT_LIMIT), new Random(7))).isEmpty();
    }

    @Test
    void sameSeedSameSelection() {
        long[] values = new long[30];
        for (int i = 0; i < values.length; i++) {
            values[i] = 10_000 + 7_919L * i;
        }
        List<Candidate> pool = pool(68, 680, values);
        CoinSelection.Params params = new CoinSelection.Params(150_001, 711, 31, 980, 80_000, NO_WEIGHT_LIMIT);
        var first = CoinSelection.select(pool, params, new Random(42)).orElseThrow();
        var second = CoinSelection.select(pool, params, new Random(42)).orElseThrow();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void changeTargetFollowsCore() {
        assertThat(CoinSelection.changeTarget(25_000, 31, new Random(1))).isEqualTo(50_031);
        Random rng = new Random(9);
        for (int i = 0; i < 200; i++) {
            assertThat(CoinSelection.changeTarget(40_000, 31, rng)).isBetween(50_031L, 80_030L);
            assertThat(CoinSelection.changeTarget(SpendFixtures.COIN, 31, rng)).isBetween(50_031L, 1_000_030L);
        }
    }
}
