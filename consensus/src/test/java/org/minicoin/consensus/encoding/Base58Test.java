package org.minicoin.consensus.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.minicoin.consensus.testing.TestData;

class Base58Test {

    static Stream<JsonNode> coreVectors() {
        return TestData.vectorRows("bitcoin-core/base58_encode_decode.json").stream();
    }

    @ParameterizedTest
    @MethodSource("coreVectors")
    void matchesBitcoinCoreVectors(JsonNode row) {
        byte[] raw = Hex.decode(row.get(0).asText());
        String b58 = row.get(1).asText();
        assertThat(Base58.encode(raw)).isEqualTo(b58);
        assertThat(Base58.decode(b58)).isEqualTo(raw);
    }

    @Test
    void coreVectorFileIsNotEmpty() {
        assertThat(coreVectors().count()).isGreaterThanOrEqualTo(14);
    }

    @Test
    void base58CheckOfTheGenesisCoinbaseAddress() {
        // Version 0 + HASH160 of the genesis output key: Satoshi's well-known address.
        byte[] payload = Hex.decode("0062e907b15cbf27d5425399ebf6f0fb50ebb88f18");
        assertThat(Base58.encodeCheck(payload)).isEqualTo("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa");
        assertThat(Base58.decodeCheck("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa")).isEqualTo(payload);
    }

    @Test
    void rejectsBadChecksumAndCharacters() {
        assertThatThrownBy(() -> Base58.decodeCheck("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb"))
                .hasMessageContaining("checksum");
        assertThatThrownBy(() -> Base58.decode("1A1zP1eP0QGefi")).hasMessageContaining("'0' at position 8");
        assertThatThrownBy(() -> Base58.decode("abc def")).hasMessageContaining("' ' at position 3");
        assertThatThrownBy(() -> Base58.decodeCheck("111")).hasMessageContaining("too short");
    }
}
