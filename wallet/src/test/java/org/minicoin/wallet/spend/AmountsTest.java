package org.minicoin.wallet.spend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AmountsTest {
    @ParameterizedTest
    @CsvSource({
            "1, 100000000",
            "0.1, 10000000",
            "0.00000001, 1",
            "1.5, 150000000",
            "21000000, 2100000000000000",
            "20999999.99999999, 2099999999999999",
            "0.12345678, 12345678",
            "1.10000000000, 110000000", // trailing zeros beyond 8 places change nothing
            ".5, 50000000",
            "3., 300000000",
            "1e-8, 1", // Core's ParseFixedPoint takes JSON exponents
            "2E3, 200000000000",
            "007, 700000000",
    })
    void parsesExactly(String text, long sats) {
        assertThat(Amounts.parse(text)).isEqualTo(sats);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " 1", "1 ", "abc", "1,5", "+1", "1.2.3", "0x10", "1e", ".", "-", "NaN", "Infinity",
            "1_000"})
    void rejectsWhatIsNotANumber(String text) {
        assertThatThrownBy(() -> Amounts.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid amount:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.000000001", "1.123456789", "1e-9"})
    void rejectsFractionsOfASatoshi(String text) {
        assertThatThrownBy(() -> Amounts.parse(text)).hasMessageStartingWith("Invalid amount:")
                .hasMessageContaining("more than 8 decimal places");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "-0.00000001", "21000000.00000001", "21000001", "1e8"})
    void rejectsOutOfRange(String text) {
        assertThatThrownBy(() -> Amounts.parse(text)).hasMessageStartingWith("Amount out of range:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00000000", "0e5", "-0"})
    void rejectsZero(String text) {
        assertThatThrownBy(() -> Amounts.parse(text)).hasMessageStartingWith("Invalid amount for send:");
    }

    @ParameterizedTest
    @CsvSource({"0, 0.00000000", "1, 0.00000001", "100000000, 1.00000000", "150000000, 1.50000000",
            "2100000000000000, 21000000.00000000", "-5, -0.00000005", "-123456789, -1.23456789"})
    void formatsWithEightDecimals(long sats, String text) {
        assertThat(Amounts.format(sats)).isEqualTo(text);
    }

    @Test
    void formatAndParseRoundTrip() {
        for (long sats : new long[] {1, 99, 100_000_000, 2_099_999_999_999_999L, 123_456_789_012L}) {
            assertThat(Amounts.parse(Amounts.format(sats))).isEqualTo(sats);
        }
    }

    @ParameterizedTest
    @CsvSource({"1, 1000", "1.5, 1500", "0.001, 1", "0, 0", "25.125, 25125", "1000, 1000000"})
    void parsesFeeRatesInSatPerVbyte(String text, long satPerKvB) {
        assertThat(Amounts.parseFeeRate(text).satPerKvB()).isEqualTo(satPerKvB);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0001", "abc", "", "-1"})
    void rejectsBadFeeRates(String text) {
        assertThatThrownBy(() -> Amounts.parseFeeRate(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ee rate");
    }

    @Test
    void convertsEstimateSmartFeeRates() {
        assertThat(Amounts.feeRateFromCoinsPerKvB(new BigDecimal("0.00001000")).satPerKvB()).isEqualTo(1000);
        assertThat(Amounts.feeRateFromCoinsPerKvB(new BigDecimal("0.00012345")).satPerKvB()).isEqualTo(12345);
        assertThatThrownBy(() -> Amounts.feeRateFromCoinsPerKvB(new BigDecimal("0.000000001")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
