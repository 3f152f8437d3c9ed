package org.minicoin.consensus.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HashAndAmountTest {

    @Test
    void hashDisplaysReversedAndComparesAsNumber() {
        Hash h = Hash.fromHex("000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f");
        assertThat(h.toBytes()[0]).isEqualTo((byte) 0x6f); // internal order is little-endian
        assertThat(h).hasToString("000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f");
        assertThat(h.toBigInteger()).isEqualTo(new BigInteger("19d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f", 16));
        assertThat(Hash.ZERO.compareTo(h)).isNegative();
        assertThat(Hash.wrap(h.toBytes())).isEqualTo(h).hasSameHashCodeAs(h);
        assertThatThrownBy(() -> Hash.fromHex("00")).hasMessageContaining("64 hex digits");
    }

    @ParameterizedTest(name = "{0} -> {1} sat")
    @CsvSource({
            "0, 0",
            "0.00000001, 1",
            "1, 100000000",
            "12.5, 1250000000",
            "21000000, 2100000000000000",
            "20999999.99999999, 2099999999999999",
    })
    void parsesCoinAmountsExactly(String text, long sats) {
        assertThat(Amount.parseCoins(text).sats()).isEqualTo(sats);
    }

    @ParameterizedTest
    @CsvSource({"-1", "1e3", "0.000000001", "21000000.00000001", "abc", "1.", "''"})
    void rejectsBadCoinAmounts(String text) {
        assertThatThrownBy(() -> Amount.parseCoins(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void moneyRangeIsEnforced() {
        assertThat(Amount.inRange(Amount.MAX_MONEY)).isTrue();
        assertThat(Amount.inRange(Amount.MAX_MONEY + 1)).isFalse();
        assertThat(Amount.inRange(-1)).isFalse();
        assertThatThrownBy(() -> Amount.ofSat(-1)).hasMessageContaining("outside");
        assertThatThrownBy(() -> Amount.ofSat(Amount.MAX_MONEY).plus(Amount.ofSat(1))).hasMessageContaining("outside");
        assertThat(Amount.ofCoins(50).toCoinString()).isEqualTo("50.00000000");
    }
}
