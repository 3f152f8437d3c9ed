package org.minicoin.consensus.pow;

import java.math.BigInteger;

/**
 * The compact "nBits" form of a 256-bit target, converted exactly as Core's arith_uint256::SetCompact and
 * GetCompact: a one-byte size (in bytes) and a 23-bit mantissa with a sign bit. Decoding reports the negative and
 * overflow cases rather than hiding them, because a header whose bits decode that way is invalid.
 *
 * @param target   the decoded target, truncated to 256 bits as Core's shift does
 * @param negative the sign bit was set with a non-zero mantissa
 * @param overflow the value does not fit in 256 bits
 */
public record CompactTarget(BigInteger target, boolean negative, boolean overflow) {
    private static final BigInteger MASK_256 = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

    /** Core's SetCompact. */
    public static CompactTarget decode(long bits) {
        int size = (int) ((bits >>> 24) & 0xff);
        long word = bits & 0x007fffffL;
        BigInteger value;
        if (size <= 3) {
            // Core shifts the mantissa in place, so both flags below see the shifted word.
            word >>>= 8 * (3 - size);
            value = BigInteger.valueOf(word);
        } else {
            value = BigInteger.valueOf(word).shiftLeft(8 * (size - 3)).and(MASK_256);
        }
        boolean negative = word != 0 && (bits & 0x00800000L) != 0;
        boolean overflow = word != 0 && (size > 34 || (word > 0xff && size > 33) || (word > 0xffff && size > 32));
        return new CompactTarget(value, negative, overflow);
    }

    /** Core's GetCompact for a non-negative 256-bit value. */
    public static long encode(BigInteger target) {
        if (target.signum() < 0 || target.bitLength() > 256) {
            throw new IllegalArgumentException("target must be a non-negative 256-bit number");
        }
        int size = (target.bitLength() + 7) / 8;
        long compact;
        if (size <= 3) {
            compact = target.longValue() << (8 * (3 - size));
        } else {
            compact = target.shiftRight(8 * (size - 3)).longValue();
        }
        // The 0x00800000 bit is the sign; if the mantissa would set it, shift into a larger size.
        if ((compact & 0x00800000L) != 0) {
            compact >>>= 8;
            size++;
        }
        return (compact & 0x007fffffL) | ((long) size << 24);
    }

    /** True when the bits decode to a positive target with neither the sign nor the overflow flag. */
    public boolean isValidPositive() {
        return !negative && !overflow && target.signum() > 0;
    }
}
