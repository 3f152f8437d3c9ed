package org.minicoin.wallet.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.minicoin.consensus.encoding.Hex;
import org.minicoin.consensus.keys.ExtendedKey;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.testing.TestData;
import org.minicoin.genesis.spec.ChainSpecs;

/**
 * BIP-0039: the 24 English vectors of trezor/python-mnemonic (entropy to words, words to entropy, seed with
 * passphrase "TREZOR", seed to BIP-0032 master xprv), generation, each kind of parse error, and the input
 * normalisation (NFKD, white space, case) the reference implementation applies.
 */
class MnemonicTest {
    private static final ChainParams MAIN = ChainSpecs.params("main");
    private static final String ABANDON_ABOUT = "abandon abandon abandon abandon abandon abandon abandon abandon "
            + "abandon abandon abandon about";

    static Stream<JsonNode> englishVectors() {
        List<JsonNode> rows = new ArrayList<>();
        TestData.json("bip39/vectors.json").get("english").forEach(rows::add);
        return rows.stream();
    }

    @Test
    void thereAreTwentyFourEnglishVectors() {
        // Guards against a truncated file letting the parameterized test pass on fewer rows.
        assertThat(englishVectors()).hasSize(24);
    }

    @ParameterizedTest
    @MethodSource("englishVectors")
    void englishVector(JsonNode row) {
        byte[] entropy = Hex.decode(row.get(0).asText());
        String phrase = row.get(1).asText();

        Mnemonic fromEntropy = Mnemonic.fromEntropy(entropy);
        assertThat(fromEntropy.phrase()).isEqualTo(phrase);

        Mnemonic parsed = Mnemonic.parse(phrase);
        assertThat(parsed.entropy()).isEqualTo(entropy);
        assertThat(parsed.words()).containsExactly(phrase.split(" "));
        assertThat(parsed).isEqualTo(fromEntropy);

        byte[] seed = parsed.seed("TREZOR");
        assertThat(Hex.encode(seed)).isEqualTo(row.get(2).asText());
        assertThat(ExtendedKey.fromSeed(seed).toBase58(MAIN)).isEqualTo(row.get(3).asText());
    }

    @Test
    void emptyAndNullPassphraseGiveTheSameSeed() {
        Mnemonic m = Mnemonic.parse(ABANDON_ABOUT);
        // Known seed of "abandon ... about" without passphrase (BIP-0084's test vector root is made from it).
        assertThat(Hex.encode(m.seed(""))).isEqualTo("5eb00bbddcf069084889a8ab9155568165f5c453ccb85e70811aaed6f6da5fc1"
                + "9a5ac40b389cd370d086206dec8aa6c43daea6690f20ad3d8d48b2d2ce9e38e4");
        assertThat(m.seed(null)).isEqualTo(m.seed(""));
        assertThat(m.seed("TREZOR")).isNotEqualTo(m.seed(""));
    }

    @ParameterizedTest
    @ValueSource(ints = {12, 24})
    void generateGivesValidDistinctPhrasesFromTheList(int words) throws Exception {
        SecureRandom random = new SecureRandom();
        List<String> list = Files.readAllLines(TestData.path("bip39/english.txt"), StandardCharsets.UTF_8);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            Mnemonic m = Mnemonic.generate(words, random);
            assertThat(m.words()).hasSize(words);
            assertThat(list).containsAll(m.words());
            assertThat(m.entropy()).hasSize(words == 12 ? 16 : 32);
            // parse() verifies the checksum, so a round trip proves generate() wrote a valid one.
            assertThat(Mnemonic.parse(m.phrase()).entropy()).isEqualTo(m.entropy());
            seen.add(m.phrase());
        }
        assertThat(seen).hasSize(20);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 11, 13, 15, 18, 25, -12})
    void generateRefusesOtherWordCounts(int words) {
        assertThatThrownBy(() -> Mnemonic.generate(words, new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("12 or 24");
    }

    @Test
    void fromEntropyRefusesBadSizes() {
        assertThatThrownBy(() -> Mnemonic.fromEntropy(new byte[15])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Mnemonic.fromEntropy(new byte[17])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Mnemonic.fromEntropy(new byte[36])).isInstanceOf(IllegalArgumentException.class);
        assertThat(Mnemonic.fromEntropy(new byte[20]).words()).hasSize(15);
        assertThat(Mnemonic.fromEntropy(new byte[28]).words()).hasSize(21);
    }

    @Test
    void wrongWordCountIsNamed() {
        assertThatThrownBy(() -> Mnemonic.parse("abandon abandon abandon"))
                .isInstanceOf(MnemonicException.class).hasMessageContaining("not 3");
        assertThatThrownBy(() -> Mnemonic.parse(ABANDON_ABOUT + " abandon"))
                .isInstanceOf(MnemonicException.class).hasMessageContaining("not 13");
        assertThatThrownBy(() -> Mnemonic.parse("   ")).isInstanceOf(MnemonicException.class)
                .hasMessageContaining("not 0");
    }

    @Test
    void unknownWordIsNamedWithItsPosition() {
        String phrase = ABANDON_ABOUT.replaceFirst("abandon abandon abandon", "abandon abandon xyz");
        assertThatThrownBy(() -> Mnemonic.parse(phrase)).isInstanceOf(MnemonicException.class)
                .hasMessage("Unknown word \"xyz\" at position 3 (not in the BIP-0039 English word list)");
        // A prefix of a word is not the word: some wallets accept 4-letter abbreviations, BIP-0039 does not.
        assertThatThrownBy(() -> Mnemonic.parse(ABANDON_ABOUT.replace("about", "abou")))
                .isInstanceOf(MnemonicException.class).hasMessageContaining("\"abou\" at position 12");
    }

    @Test
    void badChecksumIsNamed() {
        // "abandon" x12 is 132 zero bits, but the checksum of 16 zero bytes is 0011 (hence "about").
        String phrase = ABANDON_ABOUT.replace("about", "abandon");
        assertThatThrownBy(() -> Mnemonic.parse(phrase)).isInstanceOf(MnemonicException.class)
                .hasMessageContaining("checksum");
        // Swapping two words keeps every word valid but breaks the checksum.
        assertThatThrownBy(() -> Mnemonic.parse(
                "legal winner thank year wave sausage worth useful legal winner yellow thank"))
                .isInstanceOf(MnemonicException.class).hasMessageContaining("checksum");
    }

    @Test
    void whitespaceAndCaseAreNormalised() {
        Mnemonic expected = Mnemonic.parse(ABANDON_ABOUT);
        String messy = "  ABANDON\tabandon\n abandon  Abandon abandon abandon\r\nabandon abandon abandon abandon "
                + "abandon About \n";
        Mnemonic m = Mnemonic.parse(messy);
        assertThat(m.phrase()).isEqualTo(ABANDON_ABOUT);
        assertThat(m.seed("")).isEqualTo(expected.seed(""));
    }

    @Test
    void compatibilityFormsAreFoldedByNfkd() {
        // Full-width letters and an ideographic space (U+3000) and no-break space (U+00A0) between words, as a
        // Japanese input method produces them: NFKD maps them to ASCII letters and a space.
        String fullWidth = "ａｂａｎｄｏｎ";
        String phrase = (fullWidth + "\u3000").repeat(5) + "abandon\u00a0".repeat(6) + "about";
        assertThat(Mnemonic.parse(phrase).phrase()).isEqualTo(ABANDON_ABOUT);
    }

    @Test
    void passphraseIsNfkdNormalised() {
        Mnemonic m = Mnemonic.parse(ABANDON_ABOUT);
        // "é" precomposed (U+00E9) and decomposed (e + U+0301) must give the same seed, and so must the
        // compatibility ligature "ﬁ" (U+FB01) and "fi".
        assertThat(m.seed("caf\u00e9")).isEqualTo(m.seed("cafe\u0301"));
        assertThat(m.seed("\ufb01ne")).isEqualTo(m.seed("fine"));
        assertThat(m.seed("caf\u00e9")).isNotEqualTo(m.seed("cafe"));
    }

    @Test
    void toStringNeverShowsTheWords() {
        assertThat(Mnemonic.parse(ABANDON_ABOUT).toString()).doesNotContain("abandon").contains("12 words");
    }

    @Test
    void wordListCheckRejectsDamagedLists() throws Exception {
        List<String> good = Mnemonic.WordList.WORDS;
        assertThat(good).hasSize(2048).startsWith("abandon", "ability").endsWith("zone", "zoo")
                .isEqualTo(Files.readAllLines(TestData.path("bip39/english.txt"), StandardCharsets.UTF_8));
        Mnemonic.WordList.check(good);

        List<String> short1 = new ArrayList<>(good.subList(0, 2047));
        assertThatThrownBy(() -> Mnemonic.WordList.check(short1)).hasMessageContaining("2047 words");
        List<String> swapped = new ArrayList<>(good);
        swapped.set(0, good.get(1));
        swapped.set(1, good.get(0));
        assertThatThrownBy(() -> Mnemonic.WordList.check(swapped)).hasMessageContaining("not sorted");
        List<String> crlf = new ArrayList<>(good);
        crlf.set(5, good.get(5) + "\r");
        assertThatThrownBy(() -> Mnemonic.WordList.check(crlf)).hasMessageContaining("bad word");
    }
}
