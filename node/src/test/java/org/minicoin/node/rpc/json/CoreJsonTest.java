package org.minicoin.node.rpc.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Numbers as Core's UniValue writes them. */
class CoreJsonTest {
    @ParameterizedTest
    @CsvSource({
        "0, 0.00000000",
        "1, 0.00000001",
        "5000000000, 50.00000000",
        "112340000, 1.12340000",
        "2100000000000000, 21000000.00000000",
        "-1, -0.00000001",
        "-123456789, -1.23456789"})
    void amountsHaveEightDecimalsAsValueFromAmount(long sats, String expected) {
        assertThat(CoreJson.write(CoreJson.amount(sats))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        // 16 significant digits as std::setprecision(16) prints them, trailing zeros dropped.
        "1.0, 1",
        "0.1, 0.1",
        "256.0, 256",
        "0.3333333333333333, 0.3333333333333333",
        "2.0000000000000004, 2",
        "0.0, 0"})
    void doublesHaveSixteenSignificantDigits(double value, String expected) {
        assertThat(CoreJson.write(CoreJson.number(value))).isEqualTo(expected);
    }

    @Test
    void nonFiniteDoublesAreRefused() {
        assertThatThrownBy(() -> CoreJson.number(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CoreJson.number(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void amountsInsideObjectsKeepTheirDecimals() {
        var o = CoreJson.object();
        o.set("value", CoreJson.amount(4_000_000_000L));
        o.set("fee", CoreJson.amount(0));
        assertThat(CoreJson.write(o)).isEqualTo("{\"value\":40.00000000,\"fee\":0.00000000}");
    }
}
