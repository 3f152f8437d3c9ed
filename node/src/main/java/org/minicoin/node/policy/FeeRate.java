package org.minicoin.node.policy;

import java.util.Locale;

/**
 * A fee rate in satoshis per 1000 virtual bytes, as Core v29's CFeeRate (policy/feerate.h) keeps it: a whole
 * number of sat/kvB, so a rate computed from a fee and a size is truncated toward zero. (Core v30 switched to
 * an exact fraction; the relay rules of v29, which this node follows, use the integer form.)
 */
public record FeeRate(long satPerKvB) implements Comparable<FeeRate> {
    /** A rate of zero: every fee meets it. */
    public static final FeeRate ZERO = new FeeRate(0);

    private static final long COIN = 100_000_000L;

    /** The rate {@code satPerKvB} satoshis per 1000 virtual bytes. */
    public static FeeRate ofSatPerKvB(long satPerKvB) {
        return new FeeRate(satPerKvB);
    }

    /**
     * The rate paid by {@code fee} satoshis over {@code vsize} virtual bytes, truncated to whole sat/kvB as Core's
     * CFeeRate(nFeePaid, num_bytes); a size of zero or less gives a zero rate.
     */
    public static FeeRate of(long fee, long vsize) {
        return vsize > 0 ? new FeeRate(Math.multiplyExact(fee, 1000L) / vsize) : ZERO;
    }

    /**
     * The fee for {@code vsize} virtual bytes at this rate, as Core v29's CFeeRate::GetFee: the product divided by
     * 1000 in floating point and rounded up, but never zero for a non-zero size at a non-zero rate (then 1 or -1
     * satoshi), so a positive rate always asks something. Uses a double exactly where Core does, so huge values
     * round as Core's do; a product that does not fit in 64 bits throws.
     */
    public long fee(long vsize) {
        if (vsize < 0) {
            throw new IllegalArgumentException("size must not be negative: " + vsize);
        }
        long fee = (long) Math.ceil(Math.multiplyExact(satPerKvB, vsize) / 1000.0);
        if (fee == 0 && vsize != 0) {
            return Long.signum(satPerKvB);
        }
        return fee;
    }

    /** The fee for 1000 virtual bytes (Core's GetFeePerK). */
    public long feePerKvB() {
        return satPerKvB;
    }

    @Override
    public int compareTo(FeeRate other) {
        return Long.compare(satPerKvB, other.satPerKvB);
    }

    /** As Core's ToString(SAT_VB): {@code "1.000 sat/vB"}. */
    public String toSatPerVbString() {
        return String.format(Locale.ROOT, "%d.%03d sat/vB", satPerKvB / 1000, satPerKvB % 1000);
    }

    /** As Core's ToString(): coins per kvB with 8 decimals, {@code "0.00001000 BTC/kvB"}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d.%08d BTC/kvB", satPerKvB / COIN, satPerKvB % COIN);
    }
}
