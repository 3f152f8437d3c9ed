package org.minicoin.consensus.pow;

import java.math.BigInteger;
import java.util.Objects;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.params.RetargetRule;

/**
 * The compact target each new block must carry, per the network's {@link RetargetRule}.
 *
 * <p>{@code BITCOIN}, {@code TESTNET} and {@code REGTEST} are Core's GetNextWorkRequired, CalculateNextWorkRequired
 * and PermittedDifficultyTransition (pow.cpp) with fPowAllowMinDifficultyBlocks and fPowNoRetargeting set as Core
 * sets them for main, testnet3 and regtest. Testnet4's BIP-0094 rule is not implemented.
 *
 * <p>{@code DEVNET} is minicoin's own rule, for a small network whose hash rate swings by orders of magnitude as
 * developers start and stop miners: waiting up to 2016 blocks for a retarget would leave it stalled or flooded.
 * So it retargets at every block. With N = min(interval, blocks after genesis), the next target is the average of
 * the last N blocks' targets scaled by how long those N blocks took against N spacings, with the time span clamped
 * to [N·spacing/4, N·spacing·4] (Bitcoin's 4x bound) and the result capped at the pow limit:
 * <pre>
 *   next = sum(target[h-N+1..h]) · clamp(time[h] − time[h−N]) / (N · N · spacing)
 * </pre>
 * It is one integer division of exact BigIntegers, so every node computes the same bits; blocks at the spacing
 * leave the target unchanged (up to the compact encoding's rounding), fast blocks shrink it and slow blocks grow
 * it. The block after genesis carries the genesis bits.
 */
public final class DifficultyAdjustment {
    private static final BigInteger MASK_256 = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    private static final long UINT32_MASK = 0xffffffffL;

    private DifficultyAdjustment() {
    }

    /**
     * The bits required of the block after {@code last} whose header time is {@code newBlockTime} (Core's
     * GetNextWorkRequired). The time matters only under the minimum-difficulty rule of TESTNET and REGTEST.
     *
     * @throws IllegalArgumentException if a retarget needs a block that the chain view does not reach back to
     */
    public static long nextWorkRequired(ChainHistory last, long newBlockTime, ChainParams p) {
        Objects.requireNonNull(last, "the previous block is required; the genesis block has no predecessor");
        if (p.retargetRule() == RetargetRule.DEVNET) {
            int window = devnetWindow(last, p);
            return calculateNextWorkRequired(last, requireAncestor(last, last.height() - window).time(), p);
        }
        long interval = p.difficultyAdjustmentInterval();
        if ((last.height() + 1L) % interval != 0) {
            return allowsMinDifficultyBlocks(p.retargetRule())
                    ? minDifficultyRule(last, newBlockTime, p)
                    : last.bits();
        }
        // Satoshi's off-by-one: the period is measured from the block interval-1 back, so it spans interval-1
        // block gaps. Fixing it would be a hard fork.
        int firstHeight = (int) (last.height() - (interval - 1));
        return calculateNextWorkRequired(last, requireAncestor(last, firstHeight).time(), p);
    }

    /**
     * The new bits at a retarget (Core's CalculateNextWorkRequired). {@code firstBlockTime} is the time of the
     * block the period is measured from: for BITCOIN and TESTNET the block interval-1 before {@code last}; for
     * DEVNET the block N before {@code last}, N = min(interval, last.height()). REGTEST never retargets and
     * returns {@code last.bits()}.
     */
    public static long calculateNextWorkRequired(ChainHistory last, long firstBlockTime, ChainParams p) {
        return switch (p.retargetRule()) {
            case REGTEST -> last.bits();
            case DEVNET -> devnetRetarget(last, firstBlockTime, p);
            case BITCOIN, TESTNET -> bitcoinRetarget(last, firstBlockTime, p);
        };
    }

    /**
     * Whether {@code newBits} at {@code height} could follow a block with {@code oldBits} under the retarget rule
     * (Core's PermittedDifficultyTransition), a cheap bound for headers whose ancestors' times are not at hand.
     * Only BITCOIN is bounded: at a retarget height the new target must lie within the 4x clamp (after compact
     * rounding), elsewhere it must be unchanged. TESTNET and REGTEST allow minimum-difficulty blocks at any time,
     * so, as in Core, anything is permitted; DEVNET retargets from a window average at every block, which the
     * two bits alone cannot bound, so anything is permitted there too and the full {@link #nextWorkRequired}
     * check is what holds.
     */
    public static boolean permittedDifficultyTransition(ChainParams p, long height, long oldBits, long newBits) {
        if (p.retargetRule() != RetargetRule.BITCOIN) {
            return true;
        }
        if (height % p.difficultyAdjustmentInterval() != 0) {
            return oldBits == newBits;
        }
        long timespan = p.powTargetTimespan();
        BigInteger oldTarget = CompactTarget.decode(oldBits).target();
        BigInteger observed = CompactTarget.decode(newBits).target();
        BigInteger largest = roundedThroughCompact(capAtLimit(scale(oldTarget, timespan * 4, timespan), p));
        BigInteger smallest = roundedThroughCompact(capAtLimit(scale(oldTarget, timespan / 4, timespan), p));
        return observed.compareTo(largest) <= 0 && observed.compareTo(smallest) >= 0;
    }

    private static boolean allowsMinDifficultyBlocks(RetargetRule rule) {
        return rule == RetargetRule.TESTNET || rule == RetargetRule.REGTEST;
    }

    /**
     * Testnet's escape hatch for a test network abandoned by its miners: a block more than two spacings after its
     * parent may be mined at the pow limit. Otherwise the target is the last one not set by that exception, found
     * by walking back over minimum-difficulty blocks to a retarget boundary or genesis.
     */
    private static long minDifficultyRule(ChainHistory last, long newBlockTime, ChainParams p) {
        long powLimitBits = CompactTarget.encode(p.powLimit());
        if (newBlockTime > last.time() + p.powTargetSpacing() * 2) {
            return powLimitBits;
        }
        long interval = p.difficultyAdjustmentInterval();
        ChainHistory block = last;
        while (block.previous() != null && block.height() % interval != 0 && block.bits() == powLimitBits) {
            block = block.previous();
        }
        return block.bits();
    }

    private static long bitcoinRetarget(ChainHistory last, long firstBlockTime, ChainParams p) {
        long timespan = p.powTargetTimespan();
        long actual = clamp(last.time() - firstBlockTime, timespan / 4, timespan * 4);
        BigInteger target = scale(CompactTarget.decode(last.bits()).target(), actual, timespan);
        return CompactTarget.encode(capAtLimit(target, p));
    }

    /**
     * target · factor / divisor with Core's arith_uint256 semantics: the factor passes through uint32 and the
     * product keeps only its low 256 bits. Core never hits either truncation because its chain parameters keep
     * powLimit · 4 · timespan below 2^256 (pow_tests' sanity_check_chainparams); we mirror them so that a chain
     * spec which breaks that bound still agrees with Core rather than silently differing.
     */
    private static BigInteger scale(BigInteger target, long factor, long divisor) {
        BigInteger product = target.multiply(BigInteger.valueOf(factor & UINT32_MASK)).and(MASK_256);
        return product.divide(BigInteger.valueOf(divisor));
    }

    private static int devnetWindow(ChainHistory last, ChainParams p) {
        return (int) Math.min(p.difficultyAdjustmentInterval(), last.height());
    }

    private static long devnetRetarget(ChainHistory last, long firstBlockTime, ChainParams p) {
        int window = devnetWindow(last, p);
        if (window == 0) {
            return last.bits();
        }
        BigInteger sum = BigInteger.ZERO;
        ChainHistory block = last;
        for (int i = 0; i < window; i++) {
            if (block == null) {
                throw new IllegalArgumentException("the chain view ends before the devnet window of " + window);
            }
            sum = sum.add(CompactTarget.decode(block.bits()).target());
            block = block.previous();
        }
        long expected = window * p.powTargetSpacing();
        // Timestamps may run backwards (only median-time-past bounds them); the clamp also covers that.
        long actual = clamp(last.time() - firstBlockTime, expected / 4, expected * 4);
        BigInteger target = sum.multiply(BigInteger.valueOf(actual))
                .divide(BigInteger.valueOf(window).multiply(BigInteger.valueOf(expected)));
        // A zero target would encode to bits no block can satisfy, halting the chain for good.
        return CompactTarget.encode(capAtLimit(target.max(BigInteger.ONE), p));
    }

    private static BigInteger capAtLimit(BigInteger target, ChainParams p) {
        return target.min(p.powLimit());
    }

    private static BigInteger roundedThroughCompact(BigInteger target) {
        return CompactTarget.decode(CompactTarget.encode(target)).target();
    }

    private static long clamp(long value, long min, long max) {
        return Math.max(min, Math.min(max, value));
    }

    private static ChainHistory requireAncestor(ChainHistory last, int height) {
        ChainHistory block = last.ancestor(height);
        if (block == null) {
            throw new IllegalArgumentException("the chain view from height " + last.height()
                    + " does not reach back to height " + height);
        }
        return block;
    }
}
