package org.minicoin.wallet.spend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.minicoin.consensus.types.Amount;

/**
 * Core's coin selection (wallet/coinselection.cpp): branch-and-bound ({@link #bnb}) looks for an input set whose
 * effective value lands in [target, target + cost of change], so no change output is needed; Core's knapsack
 * solver ({@link #knapsack}) is the fallback that aims at target + a randomised change target. {@link #select}
 * runs both and keeps the lower waste, as Core's ChooseSelectionResult does.
 *
 * <p>Of Core's fallbacks we port the knapsack solver rather than Single Random Draw because knapsack always finds
 * an input set when the coins' effective values cover the target, whereas SRD demands target + 50,000 sat of
 * headroom and fails when a payment nearly empties the wallet (Core covers that case with knapsack too).
 * CoinGrinder (used by Core only at 3x the long-term fee rate and above) and the eligibility passes by depth
 * are left out.
 *
 * <p>Everything here works in effective values (value minus the fee to spend the coin at the current rate), so
 * the target already includes the fee for the transaction's non-input parts. Random choices come only from the
 * given {@link Random}, so a seeded one makes selection reproducible.
 */
public final class CoinSelection {
    /** Core's TOTAL_TRIES: the most nodes branch-and-bound visits before settling for its best so far. */
    public static final int BNB_TOTAL_TRIES = 100_000;
    /** Core's CHANGE_LOWER: the smallest change knapsack aims for on payments above 25,000 sat. */
    public static final long CHANGE_LOWER = 50_000;
    /** Core's CHANGE_UPPER: the largest randomised change target. */
    public static final long CHANGE_UPPER = 1_000_000;

    /** Which algorithm produced a selection. */
    public enum Algorithm { BNB, KNAPSACK }

    /**
     * A coin weighed for selection: Core's COutput with its fee at the effective rate and at the long-term
     * (consolidation) rate, both for {@code inputVsize} virtual bytes.
     */
    public record Candidate(Coin coin, int inputVsize, long fee, long longTermFee) {
        /** The coin's value minus the fee to spend it now: what it really contributes. */
        public long effectiveValue() {
            return coin.value() - fee;
        }

        /** The input's weight as Core counts it for selection: its vsize times 4. */
        public int weight() {
            return inputVsize * 4;
        }

        long wasteShare() {
            return fee - longTermFee;
        }
    }

    /**
     * What a selection must achieve, in Core's CoinSelectionParams terms.
     *
     * @param target recipients' total plus the fee for the transaction without inputs and without change
     * @param costOfChange fee to create a change output now plus the fee to spend it later at the discard rate
     * @param changeFee fee to create a change output now
     * @param minViableChange change below this is dropped into the fee (at least dust, and more than it costs)
     * @param changeTarget knapsack's aim above the target ({@link #changeTarget})
     * @param maxSelectionWeight most weight the inputs may add (standard weight minus the rest of the tx)
     */
    public record Params(long target, long costOfChange, long changeFee, long minViableChange, long changeTarget,
                         int maxSelectionWeight) {
    }

    /** A chosen input set, with the change it leaves (0: none, the excess goes to the fee) and its waste. */
    public record Selection(Algorithm algorithm, List<Candidate> inputs, long change, long waste) {
        public Selection {
            inputs = List.copyOf(inputs);
        }

        /** Sum of the inputs' values. */
        public long selectedValue() {
            return inputs.stream().mapToLong(c -> c.coin().value()).sum();
        }

        /** Sum of the inputs' effective values. */
        public long selectedEffectiveValue() {
            return inputs.stream().mapToLong(Candidate::effectiveValue).sum();
        }
    }

    /** Core's "descending": larger effective value first, on a tie the one wasting less. */
    private static final Comparator<Candidate> DESCENDING = Comparator
            .comparingLong(Candidate::effectiveValue).reversed()
            .thenComparingLong(Candidate::wasteShare);

    private CoinSelection() {
    }

    /**
     * Runs branch-and-bound and knapsack over the coins with positive effective value and returns the result with
     * the lower waste (on a tie, the one spending more inputs, as Core prefers), or empty if neither finds one.
     */
    public static Optional<Selection> select(List<Candidate> pool, Params params, Random rng) {
        List<Candidate> positive = pool.stream().filter(c -> c.effectiveValue() > 0).toList();
        List<Selection> results = new ArrayList<>(2);
        bnb(positive, params.target(), params.costOfChange(), params.maxSelectionWeight())
                .ifPresent(inputs -> results.add(finish(Algorithm.BNB, inputs, params)));
        knapsack(positive, params.target(), params.changeTarget(), rng, params.maxSelectionWeight())
                .ifPresent(inputs -> results.add(finish(Algorithm.KNAPSACK, inputs, params)));
        return results.stream().min(Comparator.comparingLong(Selection::waste)
                .thenComparing(s -> -s.inputs().size()));
    }

    /** Core's GetChange and RecalculateWaste for a chosen input set. */
    private static Selection finish(Algorithm algorithm, List<Candidate> inputs, Params params) {
        long effective = inputs.stream().mapToLong(Candidate::effectiveValue).sum();
        long change = effective - params.target() - params.changeFee();
        if (change < params.minViableChange()) {
            change = 0;
        }
        long waste = inputs.stream().mapToLong(Candidate::wasteShare).sum();
        // With change we pay to make and later spend it; without, the excess we throw into the fee is the waste.
        waste += change > 0 ? params.costOfChange() : effective - params.target();
        return new Selection(algorithm, inputs, change, waste);
    }

    /**
     * Core's SelectCoinsBnB: a depth-first search, inclusion branch first over coins sorted by descending
     * effective value, for the input set with least waste whose effective value is in
     * [{@code target}, {@code target + costOfChange}]. Gives up after {@link #BNB_TOTAL_TRIES} steps.
     *
     * @param pool coins with positive effective value
     */
    public static Optional<List<Candidate>> bnb(List<Candidate> pool, long target, long costOfChange,
                                                int maxSelectionWeight) {
        List<Candidate> utxos = new ArrayList<>(pool);
        long available = 0;
        for (Candidate c : utxos) {
            if (c.effectiveValue() <= 0) {
                throw new IllegalArgumentException("branch-and-bound needs positive effective values: " + c);
            }
            available += c.effectiveValue();
        }
        if (utxos.isEmpty() || available < target) {
            return Optional.empty();
        }
        utxos.sort(DESCENDING);

        long currValue = 0;
        long currWaste = 0;
        int currWeight = 0;
        List<Integer> current = new ArrayList<>();
        List<Integer> best = null;
        long bestWaste = Amount.MAX_MONEY;
        // Above the long-term rate every extra input adds waste, so a branch already worse than the best can go.
        boolean feeRateHigh = utxos.get(0).fee() > utxos.get(0).longTermFee();

        int index = 0;
        for (int tries = 0; tries < BNB_TOTAL_TRIES; tries++, index++) {
            boolean backtrack = false;
            if (currValue + available < target || currValue > target + costOfChange
                    || (currWaste > bestWaste && feeRateHigh)) {
                backtrack = true;
            } else if (currWeight > maxSelectionWeight) {
                backtrack = true;
            } else if (currValue >= target) {
                // In range. Adding more inputs would only burn value into the fee, so this branch ends here.
                long waste = currWaste + (currValue - target);
                if (waste <= bestWaste) {
                    best = new ArrayList<>(current);
                    bestWaste = waste;
                }
                backtrack = true;
            }

            if (backtrack) {
                if (current.isEmpty()) {
                    break; // every branch explored
                }
                int last = current.get(current.size() - 1);
                // The coins skipped after the last inclusion come back into the lookahead.
                for (--index; index > last; --index) {
                    available += utxos.get(index).effectiveValue();
                }
                Candidate c = utxos.get(index);
                currValue -= c.effectiveValue();
                currWaste -= c.wasteShare();
                currWeight -= c.weight();
                current.remove(current.size() - 1);
            } else {
                Candidate c = utxos.get(index);
                available -= c.effectiveValue();
                // Including a coin equal to an omitted predecessor would only repeat an explored subtree.
                if (current.isEmpty() || index - 1 == current.get(current.size() - 1)
                        || c.effectiveValue() != utxos.get(index - 1).effectiveValue()
                        || c.fee() != utxos.get(index - 1).fee()) {
                    current.add(index);
                    currValue += c.effectiveValue();
                    currWaste += c.wasteShare();
                    currWeight += c.weight();
                }
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        List<Candidate> chosen = new ArrayList<>(best.size());
        for (int i : best) {
            chosen.add(utxos.get(i));
        }
        return Optional.of(chosen);
    }

    /**
     * Core's KnapsackSolver: an exact single coin if there is one; else, among coins smaller than target + change
     * target, a stochastic approximation (1000 random passes) of the smallest subset reaching the target (or
     * target + change target); the smallest larger coin wins when it is closer or the subsets fall short.
     *
     * @param pool coins with positive effective value
     */
    public static Optional<List<Candidate>> knapsack(List<Candidate> pool, long target, long changeTarget,
                                                     Random rng, int maxSelectionWeight) {
        List<Candidate> groups = new ArrayList<>(pool);
        Collections.shuffle(groups, rng);
        Candidate lowestLarger = null;
        List<Candidate> applicable = new ArrayList<>();
        long totalLower = 0;
        for (Candidate g : groups) {
            if (g.weight() > maxSelectionWeight) {
                continue;
            }
            if (g.effectiveValue() == target) {
                return Optional.of(List.of(g));
            } else if (g.effectiveValue() < target + changeTarget) {
                applicable.add(g);
                totalLower += g.effectiveValue();
            } else if (lowestLarger == null || g.effectiveValue() < lowestLarger.effectiveValue()) {
                lowestLarger = g;
            }
        }
        if (totalLower == target && weight(applicable) <= maxSelectionWeight) {
            return Optional.of(applicable);
        }
        if (totalLower < target) {
            return lowestLarger == null ? Optional.empty() : Optional.of(List.of(lowestLarger));
        }

        applicable.sort(DESCENDING);
        Subset best = approximateBestSubset(rng, applicable, totalLower, target, maxSelectionWeight);
        if (best.total != target && totalLower >= target + changeTarget) {
            best = approximateBestSubset(rng, applicable, totalLower, target + changeTarget, maxSelectionWeight);
        }
        // The next larger coin is preferred when the subsets miss the change target or it overshoots less.
        if (lowestLarger != null && ((best.total != target && best.total < target + changeTarget)
                || lowestLarger.effectiveValue() <= best.total)) {
            return Optional.of(List.of(lowestLarger));
        }
        List<Candidate> chosen = new ArrayList<>();
        for (int i = 0; i < applicable.size(); i++) {
            if (best.included[i]) {
                chosen.add(applicable.get(i));
            }
        }
        if (weight(chosen) > maxSelectionWeight) {
            return lowestLarger == null ? Optional.empty() : Optional.of(List.of(lowestLarger));
        }
        return Optional.of(chosen);
    }

    private record Subset(boolean[] included, long total) {
    }

    /** Core's ApproximateBestSubset: random inclusion passes, each topped up in a second pass, keeping the least. */
    private static Subset approximateBestSubset(Random rng, List<Candidate> groups, long totalLower, long target,
                                                int maxSelectionWeight) {
        int n = groups.size();
        boolean[] best = new boolean[n];
        Arrays.fill(best, true);
        long bestTotal = totalLower; // the worst "best" is all of them
        for (int rep = 0; rep < 1000 && bestTotal != target; rep++) {
            boolean[] included = new boolean[n];
            long total = 0;
            int weight = 0;
            boolean reached = false;
            for (int pass = 0; pass < 2 && !reached; pass++) {
                for (int i = 0; i < n; i++) {
                    if (pass == 0 ? rng.nextBoolean() : !included[i]) {
                        Candidate g = groups.get(i);
                        total += g.effectiveValue();
                        weight += g.weight();
                        included[i] = true;
                        if (total >= target && weight <= maxSelectionWeight) {
                            reached = true;
                            if (total < bestTotal) {
                                bestTotal = total;
                                best = included.clone();
                            }
                            // Take it out again and keep looking for a closer fit in this pass.
                            total -= g.effectiveValue();
                            weight -= g.weight();
                            included[i] = false;
                        }
                    }
                }
            }
        }
        return new Subset(best, bestTotal);
    }

    /**
     * Core's GenerateChangeTarget: for payments above 25,000 sat a random change target between 50,000 sat and
     * min(2 x payment, 1,000,000 sat), so change amounts do not reveal which output is change; plus the change
     * output's own fee.
     */
    public static long changeTarget(long paymentValue, long changeFee, Random rng) {
        if (paymentValue <= CHANGE_LOWER / 2) {
            return changeFee + CHANGE_LOWER;
        }
        long upper = Math.min(paymentValue * 2, CHANGE_UPPER);
        return changeFee + rng.nextLong(upper - CHANGE_LOWER) + CHANGE_LOWER;
    }

    private static long weight(List<Candidate> candidates) {
        return candidates.stream().mapToLong(Candidate::weight).sum();
    }
}
