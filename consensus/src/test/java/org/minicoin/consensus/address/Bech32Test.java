package org.minicoin.consensus.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.minicoin.consensus.address.Bech32.Encoding;
import org.minicoin.consensus.encoding.Hex;

/**
 * The string vectors of BIP-0173 and BIP-0350, with the reasons and error positions Bitcoin Core's
 * {@code src/test/bech32_tests.cpp} expects of {@code bech32::LocateErrors} for the invalid ones.
 */
class Bech32Test {

    /** BIP-0173 "valid Bech32" strings. */
    @ParameterizedTest
    @ValueSource(strings = {
            "A12UEL5L",
            "a12uel5l",
            "an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs",
            "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw",
            "11qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqc8247j",
            "split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w",
            "?1ezyfcl"})
    void bip173ValidStringsAreBech32AndReencode(String s) {
        Bech32.Decoded dec = Bech32.decode(s);
        assertThat(dec.encoding()).isEqualTo(Encoding.BECH32);
        assertThat(Bech32.encode(Encoding.BECH32, dec.hrp(), dec.data())).isEqualToIgnoringCase(s);
    }

    /** BIP-0350 "valid Bech32m" strings. */
    @ParameterizedTest
    @ValueSource(strings = {
            "A1LQFN3A",
            "a1lqfn3a",
            "an83characterlonghumanreadablepartthatcontainsthetheexcludedcharactersbioandnumber11sg7hg6",
            "abcdef1l7aum6echk45nj3s0wdvt2fg8x9yrzpqzd3ryx",
            "11llllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllludsr8",
            "split1checkupstagehandshakeupstreamerranterredcaperredlc445v",
            "?1v759aa"})
    void bip350ValidStringsAreBech32mAndReencode(String s) {
        Bech32.Decoded dec = Bech32.decode(s);
        assertThat(dec.encoding()).isEqualTo(Encoding.BECH32M);
        assertThat(Bech32.encode(Encoding.BECH32M, dec.hrp(), dec.data())).isEqualToIgnoringCase(s);
    }

    @Test
    void decodedPartsOfAKnownString() {
        // BIP-0173: "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7l..." holds the values 0..31 in order.
        Bech32.Decoded dec = Bech32.decode("abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw");
        assertThat(dec.hrp()).isEqualTo("abcdef");
        byte[] expected = new byte[32];
        for (int i = 0; i < 32; i++) {
            expected[i] = (byte) i;
        }
        assertThat(dec.data()).isEqualTo(expected);
        assertThat(Bech32.decode("A12UEL5L").hrp()).isEqualTo("a");
    }

    /** BIP-0173's invalid strings (Core adds the last four), with Core's LocateErrors verdicts. */
    static Stream<Arguments> bip173Invalid() {
        return Stream.of(
                arguments(" 1nwldj5", "Invalid character or mixed case", List.of(0)),
                arguments("\u007f1axkwrx", "Invalid character or mixed case", List.of(0)),
                arguments("\u00801eym55h", "Invalid character or mixed case", List.of(0)),
                arguments("an84characterslonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1569pvx",
                        "Bech32 string too long", List.of(90)),
                arguments("pzry9x0s0muk", "Missing separator", List.of()),
                arguments("1pzry9x0s0muk", "Invalid separator position", List.of(0)),
                arguments("x1b4n0q5v", "Invalid Base 32 character", List.of(2)),
                arguments("li1dgmt3", "Invalid separator position", List.of(2)),
                arguments("de1lg7wt\u00ff", "Invalid character or mixed case", List.of(8)),
                // The checksum was made over the upper-case hrp, so no few characters explain it.
                arguments("A1G7SGD8", "Invalid checksum", List.of()),
                arguments("10a06t8", "Invalid separator position", List.of(0)),
                arguments("1qzzfhee", "Invalid separator position", List.of(0)),
                arguments("a12UEL5L", "Invalid character or mixed case", List.of(3, 4, 5, 7)),
                arguments("A12uEL5L", "Invalid character or mixed case", List.of(3)),
                arguments("abcdef1qpzrz9x8gf2tvdw0s3jn54khce6mua7lmqqqxw", "Invalid Bech32 checksum", List.of(11)),
                arguments("test1zg69w7y6hn0aqy352euf40x77qddq3dc", "Invalid Bech32 checksum", List.of(9, 16)));
    }

    /** BIP-0350's invalid strings (Core adds the last two), with Core's LocateErrors verdicts. */
    static Stream<Arguments> bip350Invalid() {
        return Stream.of(
                arguments(" 1xj0phk", "Invalid character or mixed case", List.of(0)),
                arguments("\u007f1g6xzxy", "Invalid character or mixed case", List.of(0)),
                arguments("\u00801vctc34", "Invalid character or mixed case", List.of(0)),
                arguments("an84characterslonghumanreadablepartthatcontainsthetheexcludedcharactersbioandnumber11d6pts4",
                        "Bech32 string too long", List.of(90)),
                arguments("qyrz8wqd2c9m", "Missing separator", List.of()),
                arguments("1qyrz8wqd2c9m", "Invalid separator position", List.of(0)),
                arguments("y1b0jsk6g", "Invalid Base 32 character", List.of(2)),
                arguments("lt1igcx5c0", "Invalid Base 32 character", List.of(3)),
                arguments("in1muywd", "Invalid separator position", List.of(2)),
                arguments("mm1crxm3i", "Invalid Base 32 character", List.of(8)),
                arguments("au1s5cgom", "Invalid Base 32 character", List.of(7)),
                arguments("M1VUXWEZ", "Invalid checksum", List.of()),
                arguments("16plkw9", "Invalid separator position", List.of(0)),
                arguments("1p2gdwpf", "Invalid separator position", List.of(0)),
                arguments("abcdef1l7aum6echk45nj2s0wdvt2fg8x9yrzpqzd3ryx", "Invalid Bech32m checksum", List.of(21)),
                arguments("test1zg69v7y60n00qy352euf40x77qcusag6", "Invalid Bech32m checksum", List.of(13, 32)));
    }

    @ParameterizedTest
    @MethodSource({"bip173Invalid", "bip350Invalid"})
    void invalidStringsFailWithCoresReasonAndPositions(String s, String reason, List<Integer> positions) {
        assertThatThrownBy(() -> Bech32.decode(s))
                .isInstanceOfSatisfying(AddressException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(reason);
                    assertThat(e.errorLocations()).isEqualTo(positions);
                });
    }

    @Test
    void aLongStringReportsEveryPositionPastTheLimit() {
        String s = "a1" + "q".repeat(100);
        assertThatThrownBy(() -> Bech32.decode(s))
                .isInstanceOfSatisfying(AddressException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("Bech32 string too long");
                    assertThat(e.errorLocations()).hasSize(102 - 90).startsWith(90).endsWith(101);
                });
    }

    @Test
    void ninetyCharactersIsTheLimitForEncodedStrings() {
        byte[] values = new byte[90 - 1 - 1 - 6];
        String max = Bech32.encode(Encoding.BECH32M, "a", values);
        assertThat(max).hasSize(90);
        assertThat(Bech32.decode(max).data()).isEqualTo(values);
        String over = Bech32.encode(Encoding.BECH32M, "a", new byte[values.length + 1]);
        assertThatThrownBy(() -> Bech32.decode(over)).hasMessage("Bech32 string too long");
    }

    @Test
    void everySingleSubstitutionIsDetectedAndLocated() {
        // BIP-0173 guarantees detection of up to four errors; Core's LocateErrors pins down one exactly.
        String good = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4";
        String charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
        for (int i = 3; i < good.length(); i++) {
            char wrong = charset.charAt((charset.indexOf(good.charAt(i)) + 7) % 32);
            String bad = good.substring(0, i) + wrong + good.substring(i + 1);
            int position = i;
            assertThatThrownBy(() -> Bech32.decode(bad))
                    .isInstanceOfSatisfying(AddressException.class, e -> {
                        assertThat(e.getMessage()).isEqualTo("Invalid Bech32 checksum");
                        assertThat(e.errorLocations()).containsExactly(position);
                    });
        }
    }

    @Test
    void aStringIsNeverValidUnderBothChecksums() {
        Random random = new Random(173);
        for (int n = 0; n < 200; n++) {
            byte[] values = new byte[random.nextInt(40)];
            for (int i = 0; i < values.length; i++) {
                values[i] = (byte) random.nextInt(32);
            }
            String b32 = Bech32.encode(Encoding.BECH32, "bc", values);
            String b32m = Bech32.encode(Encoding.BECH32M, "bc", values);
            assertThat(b32).isNotEqualTo(b32m);
            assertThat(Bech32.decode(b32).encoding()).isEqualTo(Encoding.BECH32);
            assertThat(Bech32.decode(b32m).encoding()).isEqualTo(Encoding.BECH32M);
            assertThat(Bech32.decode(b32.toUpperCase(Locale.ROOT)).data()).isEqualTo(values);
        }
    }

    @Test
    void encodeRefusesWhatCannotBeDecoded() {
        assertThatThrownBy(() -> Bech32.encode(Encoding.BECH32, "BC", new byte[0])).hasMessageContaining("'B'");
        assertThatThrownBy(() -> Bech32.encode(Encoding.BECH32, "", new byte[0])).hasMessageContaining("empty");
        assertThatThrownBy(() -> Bech32.encode(Encoding.BECH32, "bc", new byte[] {32}))
                .hasMessageContaining("out of range: 32");
    }

    @Test
    void eightToFiveBitsAndBack() {
        // BIP-0173's P2WPKH example: the program 751e...3bd6 is the data "w508d6qejxtdg4y5r3zarvary0c5xw7k".
        byte[] program = Hex.decode("751e76e8199196d454941c45d1b3a323f1433bd6");
        byte[] fiveBit = Bech32.toFiveBit(program);
        assertThat(fiveBit).hasSize(32);
        StringBuilder sb = new StringBuilder();
        for (byte v : fiveBit) {
            sb.append("qpzry9x8gf2tvdw0s3jn54khce6mua7l".charAt(v));
        }
        assertThat(sb.toString()).isEqualTo("w508d6qejxtdg4y5r3zarvary0c5xw7k");
        assertThat(Bech32.fromFiveBit(fiveBit)).hasValue(program);
        // One byte is 8 bits: two values, the second padded with two zero bits.
        assertThat(Bech32.toFiveBit(new byte[] {(byte) 0xff})).containsExactly(31, 28);
    }

    @Test
    void fiveToEightBitsRejectsBadPadding() {
        assertThat(Bech32.fromFiveBit(new byte[] {31, 28})).hasValueSatisfying(b -> assertThat(b).containsExactly(0xff));
        // Non-zero padding bits.
        assertThat(Bech32.fromFiveBit(new byte[] {31, 29})).isEmpty();
        // Five leftover bits: a whole extra value of padding.
        assertThat(Bech32.fromFiveBit(new byte[] {31, 28, 0})).isEmpty();
        assertThat(Bech32.fromFiveBit(new byte[0])).hasValueSatisfying(b -> assertThat(b).isEmpty());
    }
}
