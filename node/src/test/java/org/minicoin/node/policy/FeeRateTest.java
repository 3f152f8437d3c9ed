package org.minicoin.node.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.math.RoundingMode;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.minicoin.consensus.types.Amount;

/** CFeeRate's behaviour; the cases are those of Core v29's src/test/amount_tests.cpp. */
class FeeRateTest {

    @ParameterizedTest(name = "{0} sat/kvB for {1} vB is {2}")
    @CsvSource({
        // A zero rate always asks nothing.
        "0, 0, 0", "0, 100000, 0",
        // 1000 sat/kvB asks one satoshi per vbyte.
        "1000, 0, 0", "1000, 1, 1", "1000, 121, 121", "1000, 999, 999", "1000, 1000, 1000", "1000, 9000, 9000",
        "-1000, 0, 0", "-1000, 1, -1", "-1000, 121, -121", "-1000, 999, -999", "-1000, 1000, -1000",
        "-1000, 9000, -9000",
        // Rounded up; a non-zero rate never asks zero for a non-zero size.
        "123, 0, 0", "123, 8, 1", "123, 9, 2", "123, 121, 15", "123, 122, 16", "123, 999, 123", "123, 1000, 123",
        "123, 9000, 1107",
        // Negative rates round toward zero (ceil), but not to zero.
        "-123, 0, 0", "-123, 8, -1", "-123, 9, -1",
    })
    void feeAsCoresGetFee(long rate, long vsize, long expected) {
        assertThat(FeeRate.ofSatPerKvB(rate).fee(vsize)).isEqualTo(expected);
    }

    @Test
    void feeIsTheCeilingOfTheExactProduct() {
        // Independent of the implementation: exact decimal arithmetic, rounded up, at least 1 for a non-zero size.
        long[] rates = {1, 7, 999, 1000, 1001, 3000, 12_345, 987_654_321};
        for (long rate : rates) {
            for (long vsize = 1; vsize < 5000; vsize += 37) {
                long exact = BigDecimal.valueOf(rate).multiply(BigDecimal.valueOf(vsize))
                        .divide(BigDecimal.valueOf(1000), 0, RoundingMode.CEILING).longValueExact();
                assertThat(FeeRate.ofSatPerKvB(rate).fee(vsize)).as("%d @ %d", vsize, rate)
                        .isEqualTo(Math.max(exact, 1));
            }
        }
    }

    @ParameterizedTest(name = "{0} sat over {1} vB is {2} sat/kvB")
    @CsvSource({
        // A size of zero or less gives a zero rate.
        "-1, 0, 0", "0, 0, 0", "1, 0, 0", "1, -1000, 0",
        "-1, 1000, -1", "0, 1000, 0", "1, 1000, 1",
        // Truncated to whole sat/kvB, as in v29 (v30 keeps the fraction).
        "1, 1001, 0", "2, 1001, 1", "26, 789, 32", "27, 789, 34",
    })
    void rateFromFeeAndSize(long fee, long vsize, long expectedPerKvB) {
        assertThat(FeeRate.of(fee, vsize)).isEqualTo(FeeRate.ofSatPerKvB(expectedPerKvB));
    }

    @Test
    void largestFeeOverLargestSizeDoesNotOverflow() {
        assertThat(FeeRate.of(Amount.MAX_MONEY, Integer.MAX_VALUE).feePerKvB())
                .isEqualTo(BigInteger.valueOf(Amount.MAX_MONEY).multiply(BigInteger.valueOf(1000))
                        .divide(BigInteger.valueOf(Integer.MAX_VALUE)).longValueExact());
    }

    @Test
    void overflowingFeeComputationThrowsRatherThanWrapping() {
        assertThatThrownBy(() -> FeeRate.ofSatPerKvB(Long.MAX_VALUE / 2).fee(3)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> FeeRate.ofSatPerKvB(1000).fee(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void comparisons() {
        FeeRate a = FeeRate.ofSatPerKvB(1);
        FeeRate b = FeeRate.ofSatPerKvB(2);
        assertThat(a).isLessThan(b);
        assertThat(b).isGreaterThan(a);
        assertThat(a).isLessThanOrEqualTo(a).isEqualByComparingTo(FeeRate.of(1, 1000));
        assertThat(b).isGreaterThanOrEqualTo(b);
        assertThat(FeeRate.ofSatPerKvB(-5)).isLessThan(FeeRate.ZERO);
    }

    @Test
    void toStringAsCore() {
        assertThat(FeeRate.ofSatPerKvB(1)).hasToString("0.00000001 BTC/kvB");
        assertThat(FeeRate.ofSatPerKvB(1).toSatPerVbString()).isEqualTo("0.001 sat/vB");
        assertThat(FeeRate.ofSatPerKvB(1000)).hasToString("0.00001000 BTC/kvB");
        assertThat(FeeRate.ofSatPerKvB(1000).toSatPerVbString()).isEqualTo("1.000 sat/vB");
        assertThat(FeeRate.ofSatPerKvB(123_456_789_012L)).hasToString("1234.56789012 BTC/kvB");
    }
}
