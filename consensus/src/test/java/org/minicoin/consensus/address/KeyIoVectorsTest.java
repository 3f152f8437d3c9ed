package org.minicoin.consensus.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.minicoin.consensus.encoding.Hex;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.testing.ChainParamsFixtures;
import org.minicoin.consensus.testing.TestData;

/**
 * Bitcoin Core's {@code key_io_valid.json} and {@code key_io_invalid.json}, checked as Core's key_io_tests.cpp
 * checks them: a valid address decodes to its script and the script encodes back to the same string, a valid WIF
 * key decodes to its bytes and compression flag and encodes back; each is refused as the other kind; a case-flipped
 * address is valid exactly when the row says so; every invalid string is refused as an address and as a key.
 * Rows for {@code main} and {@code regtest} run with those networks' parameters; the {@code testnet4} and
 * {@code signet} rows run with testnet3's, which share their base58 prefixes and the "tb" hrp.
 */
class KeyIoVectorsTest {
    private static final String VALID = "bitcoin-core/key_io_valid.json";
    private static final String INVALID = "bitcoin-core/key_io_invalid.json";

    private static final ChainParams MAIN = ChainParamsFixtures.mainnet();
    private static final ChainParams REGTEST = ChainParamsFixtures.regtest();
    private static final ChainParams TEST = ChainParamsFixtures.testnet();
    private static final Map<String, ChainParams> CHAINS =
            Map.of("main", MAIN, "regtest", REGTEST, "testnet4", TEST, "signet", TEST);

    static Stream<JsonNode> validRows() {
        return TestData.vectorRows(VALID).stream();
    }

    static Stream<String> invalidStrings() {
        // Every row is one string, so TestData.vectorRows would take them all for comments.
        List<String> out = new ArrayList<>();
        for (JsonNode row : TestData.json(INVALID)) {
            out.add(row.get(0).asText());
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("validRows")
    void validRow(JsonNode row) {
        String text = row.get(0).asText();
        byte[] payload = Hex.decode(row.get(1).asText());
        JsonNode meta = row.get(2);
        ChainParams params = CHAINS.get(meta.get("chain").asText());
        assertThat(params).as("chain of %s", row).isNotNull();
        if (meta.get("isPrivkey").asBoolean()) {
            Wif wif = Wif.decode(text, params);
            assertThat(wif.key().toBytes()).isEqualTo(payload);
            assertThat(wif.compressed()).isEqualTo(meta.get("isCompressed").asBoolean());
            assertThat(wif.encode(params)).isEqualTo(text);
            assertThatThrownBy(() -> Address.toScriptPubKey(text, params)).isInstanceOf(AddressException.class);
        } else {
            assertThat(Address.toScriptPubKey(text, params)).isEqualTo(payload);
            assertThat(Address.fromScriptPubKey(payload, params)).hasValue(text);
            String flipped = flipCase(text);
            if (meta.path("tryCaseFlip").asBoolean(false)) {
                assertThat(Address.toScriptPubKey(flipped, params)).isEqualTo(payload);
            } else {
                assertThatThrownBy(() -> Address.toScriptPubKey(flipped, params))
                        .isInstanceOf(AddressException.class);
            }
            assertThatThrownBy(() -> Wif.decode(text, params)).isInstanceOf(AddressException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("invalidStrings")
    void invalidStringIsNeitherAddressNorKeyOnAnyNetwork(String text) {
        for (ChainParams params : List.of(MAIN, REGTEST, TEST)) {
            assertThatThrownBy(() -> Address.toScriptPubKey(text, params)).as("address on %s", params.name())
                    .isInstanceOf(AddressException.class);
            assertThatThrownBy(() -> Wif.decode(text, params)).as("key on %s", params.name())
                    .isInstanceOf(AddressException.class);
        }
    }

    @Test
    void theFilesHaveTheRowsWeExpect() {
        // Guards against a truncated or reshaped file making the parameterized tests pass vacuously.
        assertThat(validRows().filter(r -> r.get(2).get("chain").asText().equals("main"))).hasSize(18);
        assertThat(validRows().filter(r -> r.get(2).get("chain").asText().equals("regtest"))).hasSize(16);
        assertThat(invalidStrings()).hasSize(70);
    }

    private static String flipCase(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c >= 'a' && c <= 'z') {
                sb.append((char) (c - 'a' + 'A'));
            } else if (c >= 'A' && c <= 'Z') {
                sb.append((char) (c - 'A' + 'a'));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
