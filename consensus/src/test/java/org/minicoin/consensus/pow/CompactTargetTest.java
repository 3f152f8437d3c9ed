package org.minicoin.consensus.pow;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CompactTargetTest {

    /**
     * Core's arith_uint256_tests bignum_SetCompact: bits, the decoded target (hex), the flags, and what Core's
     * GetCompact(negative) gives back. Sizes 0-3 shift the mantissa right, so small sizes lose digits; a zero
     * mantissa is never negative.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            # bits,     target,                                  negative, overflow, re-encoded
            0x00000000, 0,                                        false,    false,    0x00000000
            0x00123456, 0,                                        false,    false,    0x00000000
            0x01003456, 0,                                        false,    false,    0x00000000
            0x02000056, 0,                                        false,    false,    0x00000000
            0x03000000, 0,                                        false,    false,    0x00000000
            0x04000000, 0,                                        false,    false,    0x00000000
            0x03800000, 0,                                        false,    false,    0x00000000
            0x04800000, 0,                                        false,    false,    0x00000000
            0x01123456, 12,                                       false,    false,    0x01120000
            0x01fedcba, 7e,                                       true,     false,    0x01fe0000
            0x02123456, 1234,                                     false,    false,    0x02123400
            0x03123456, 123456,                                   false,    false,    0x03123456
            0x04123456, 12345600,                                 false,    false,    0x04123456
            0x04923456, 12345600,                                 true,     false,    0x04923456
            0x05009234, 92340000,                                 false,    false,    0x05009234
            0x20123456, 1234560000000000000000000000000000000000000000000000000000000000, false, false, 0x20123456
            """)
    void decodesAndReencodesAsCore(String bits, String target, boolean negative, boolean overflow,
                                   String reencoded) {
        CompactTarget decoded = CompactTarget.decode(Long.decode(bits));

        assertThat(decoded.target()).isEqualTo(new BigInteger(target, 16));
        assertThat(decoded.negative()).isEqualTo(negative);
        assertThat(decoded.overflow()).isEqualTo(overflow);
        assertThat(coreGetCompact(decoded.target(), negative)).isEqualTo(Long.decode(reencoded));
    }

    /**
     * Core's rows 0x00923456, 0x01803456 and 0x02800056: the sign bit is set, but the mantissa shifts away to
     * zero for sizes below 3, and Core computes the sign from the shifted word, so the value is zero and not
     * negative.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0x00923456", "0x01803456", "0x02800056"})
    void aSignedMantissaShiftedToZeroIsInvalid(String bits) {
        CompactTarget decoded = CompactTarget.decode(Long.decode(bits));

        assertThat(decoded.target()).isZero();
        assertThat(decoded.overflow()).isFalse();
        assertThat(decoded.isValidPositive()).isFalse();
        assertThat(CompactTarget.encode(decoded.target())).isZero();
        assertThat(decoded.negative()).isFalse();
    }

    /** Core: size 0xff with a non-zero mantissa overflows, and the sign bit is clear. */
    @Test
    void hugeSizeOverflows() {
        CompactTarget decoded = CompactTarget.decode(0xff123456L);

        assertThat(decoded.overflow()).isTrue();
        assertThat(decoded.negative()).isFalse();
        assertThat(decoded.isValidPositive()).isFalse();
    }

    /** Core's rule: a mantissa needing more than 32, 33 or 34 bytes with 3, 2 or 1 significant bytes overflows. */
    @ParameterizedTest(name = "{0} overflow={1}")
    @CsvSource(textBlock = """
            0x2000ffff, false
            0x207fffff, false
            0x2100ffff, false
            0x21010000, true
            0x220000ff, false
            0x22000100, true
            0x23000001, true
            0x23000000, false
            """)
    void overflowBoundaries(String bits, boolean overflow) {
        assertThat(CompactTarget.decode(Long.decode(bits)).overflow()).isEqualTo(overflow);
    }

    /** Core: "Make sure that we don't generate compacts with the 0x00800000 bit set". */
    @Test
    void aMantissaWithTheSignBitMovesUpASize() {
        assertThat(CompactTarget.encode(BigInteger.valueOf(0x80))).isEqualTo(0x02008000L);
    }

    /** Bits from real headers (main, testnet4, signet, regtest) are canonical and survive a round trip. */
    @ParameterizedTest(name = "0x{0}")
    @ValueSource(strings = {"1d00ffff", "1d00d86a", "1c05a3f4", "1c0168fd", "1c387f6f", "1d00e1fd", "1b0404cb",
            "1a05db8b", "17034219", "1e0377ae", "207fffff", "03123456", "05009234"})
    void realBitsRoundTrip(String bits) {
        long value = Long.parseLong(bits, 16);

        CompactTarget decoded = CompactTarget.decode(value);

        assertThat(decoded.isValidPositive()).isTrue();
        assertThat(CompactTarget.encode(decoded.target())).isEqualTo(value);
    }

    /**
     * Encoding keeps the top (up to) three bytes and truncates the rest: decoding gives back the number rounded
     * down to the precision of its compact form, and encoding that again is stable.
     */
    @Test
    void encodingTruncatesToTheMantissa() {
        Random random = new Random(20240601L);
        for (int i = 0; i < 2000; i++) {
            BigInteger x = new BigInteger(1 + random.nextInt(256), random);
            long bits = CompactTarget.encode(x);
            CompactTarget back = CompactTarget.decode(bits);
            int size = (int) (bits >>> 24);
            BigInteger precision = BigInteger.ONE.shiftLeft(8 * Math.max(0, size - 3));

            assertThat(back.negative() || back.overflow()).as("flags of %x", x).isFalse();
            assertThat(back.target()).as("decode(encode(%x))", x).isLessThanOrEqualTo(x);
            assertThat(x.subtract(back.target())).as("loss for %x", x).isLessThan(precision);
            assertThat(CompactTarget.encode(back.target())).as("stable for %x", x).isEqualTo(bits);
        }
    }

    @Test
    void encodingTheZeroTargetGivesZeroBits() {
        assertThat(CompactTarget.encode(BigInteger.ZERO)).isZero();
    }

    /** CompactTarget.encode never sets the sign; Core's GetCompact(true) ORs it in for a non-zero mantissa. */
    private static long coreGetCompact(BigInteger target, boolean negative) {
        long bits = CompactTarget.encode(target);
        return negative && (bits & 0x007fffffL) != 0 ? bits | 0x00800000L : bits;
    }
}
