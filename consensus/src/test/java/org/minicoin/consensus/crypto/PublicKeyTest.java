package org.minicoin.consensus.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.minicoin.consensus.encoding.DecodeException;
import org.minicoin.consensus.encoding.Hex;

class PublicKeyTest {
    /** The generator G (the public key of private key 1) and -G (of key n-1): same x, y of opposite parity. */
    static final String GX = "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";
    static final String GY = "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8"; // even
    static final String NEG_GY = "b7c52588d95c3b9aa25b0403f1eef75702e84bb7597aabe663b82f6f04ef2777"; // odd
    static final String P = "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f";
    static final String ZERO32 = "00".repeat(32);

    /** What libsecp256k1's secp256k1_ec_pubkey_parse accepts: description, hex, valid, compressed. */
    static Stream<Arguments> parsing() {
        return Stream.of(
                Arguments.of("compressed G", "02" + GX, true, true),
                Arguments.of("compressed -G", "03" + GX, true, true),
                Arguments.of("compressed x = 1 (on the curve)", "02" + "00".repeat(31) + "01", true, true),
                Arguments.of("uncompressed G", "04" + GX + GY, true, false),
                Arguments.of("uncompressed -G", "04" + GX + NEG_GY, true, false),
                Arguments.of("hybrid 06 with even y", "06" + GX + GY, true, false),
                Arguments.of("hybrid 07 with odd y", "07" + GX + NEG_GY, true, false),
                Arguments.of("hybrid 07 with even y", "07" + GX + GY, false, false),
                Arguments.of("hybrid 06 with odd y", "06" + GX + NEG_GY, false, false),
                Arguments.of("compressed x = 0 (x^3 + 7 is no square)", "02" + ZERO32, false, false),
                Arguments.of("compressed x = 5 (x^3 + 7 is no square)", "03" + "00".repeat(31) + "05", false, false),
                Arguments.of("compressed x = p", "02" + P, false, false),
                Arguments.of("uncompressed off the curve", "04" + GX + GY.substring(0, 63) + "9", false, false),
                Arguments.of("uncompressed (0, 0)", "04" + ZERO32 + ZERO32, false, false),
                Arguments.of("uncompressed y = p", "04" + GX + P, false, false),
                Arguments.of("hybrid off the curve", "06" + GX + GY.substring(0, 62) + "ba", false, false),
                Arguments.of("empty", "", false, false),
                Arguments.of("prefix only", "02", false, false),
                Arguments.of("compressed, 32 bytes", "02" + GX.substring(2), false, false),
                Arguments.of("compressed, 34 bytes", "02" + GX + "00", false, false),
                Arguments.of("compressed prefix, 65 bytes", "02" + GX + GY, false, false),
                Arguments.of("uncompressed prefix, 33 bytes", "04" + GX, false, false),
                Arguments.of("uncompressed, 64 bytes", "04" + GX + GY.substring(2), false, false),
                Arguments.of("prefix 05", "05" + GX + GY, false, false),
                Arguments.of("prefix 00", "00" + GX, false, false),
                Arguments.of("x-only (32 bytes)", GX, false, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void parsing(String what, String hex, boolean valid, boolean compressed) {
        byte[] bytes = Hex.decode(hex);

        assertThat(PublicKey.isFullyValid(bytes)).isEqualTo(valid);
        if (valid) {
            PublicKey key = PublicKey.parse(bytes);
            assertThat(key.isCompressed()).isEqualTo(compressed);
            assertThat(key.encoded()).isEqualTo(bytes);
        } else {
            assertThatThrownBy(() -> PublicKey.parse(bytes)).isInstanceOf(DecodeException.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void explainsRejection(String hex, String message) {
        assertThatThrownBy(() -> PublicKey.parse(Hex.decode(hex)))
                .isInstanceOf(DecodeException.class)
                .hasMessageContaining(message);
    }

    static Stream<Arguments> explainsRejection() {
        return Stream.of(
                Arguments.of("02" + ZERO32, "not on secp256k1"),
                Arguments.of("04" + GX + GY.substring(0, 63) + "9", "not on secp256k1"),
                Arguments.of("02" + P, "not below the field prime"),
                Arguments.of("07" + GX + GY, "parity of y"),
                Arguments.of("04" + GX, "must be 65 bytes, not 33"),
                Arguments.of("05" + GX, "unknown public key prefix 0x05"));
    }

    @Test
    void serialisesBothForms() {
        for (String hex : new String[] {"02" + GX, "04" + GX + GY, "06" + GX + GY}) {
            PublicKey key = PublicKey.parse(Hex.decode(hex));

            assertThat(Hex.encode(key.serializeCompressed())).isEqualTo("02" + GX);
            assertThat(Hex.encode(key.serializeUncompressed())).isEqualTo("04" + GX + GY);
        }
        assertThat(Hex.encode(PublicKey.parse(Hex.decode("04" + GX + NEG_GY)).serializeCompressed()))
                .isEqualTo("03" + GX);
    }

    @Test
    void equalityIsByEncoding() {
        assertThat(PublicKey.parse(Hex.decode("02" + GX))).isEqualTo(PublicKey.parse(Hex.decode("02" + GX)))
                .isNotEqualTo(PublicKey.parse(Hex.decode("04" + GX + GY)));
    }

    /**
     * Core's IsCompressedOrUncompressedPubKey and IsCompressedPubKey (script/interpreter.cpp): format only, so an
     * off-curve key passes and a valid hybrid key fails.
     */
    static Stream<Arguments> formatChecks() {
        return Stream.of(
                Arguments.of("compressed 02", "02" + GX, true, true),
                Arguments.of("compressed 03", "03" + GX, true, true),
                Arguments.of("compressed, off the curve", "02" + ZERO32, true, true),
                Arguments.of("uncompressed", "04" + GX + GY, true, false),
                Arguments.of("uncompressed, off the curve", "04" + ZERO32 + ZERO32, true, false),
                Arguments.of("hybrid 06", "06" + GX + GY, false, false),
                Arguments.of("hybrid 07", "07" + GX + NEG_GY, false, false),
                Arguments.of("04 with 33 bytes", "04" + GX, false, false),
                Arguments.of("02 with 65 bytes", "02" + GX + GY, false, false),
                Arguments.of("03 with 34 bytes", "03" + GX + "00", false, false),
                Arguments.of("32 bytes", GX, false, false),
                Arguments.of("empty", "", false, false),
                Arguments.of("05 with 65 bytes", "05" + GX + GY, false, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formatChecks")
    void formatChecks(String what, String hex, boolean compressedOrUncompressed, boolean compressed) {
        byte[] bytes = Hex.decode(hex);

        assertThat(PublicKey.isCompressedOrUncompressedPubKey(bytes)).isEqualTo(compressedOrUncompressed);
        assertThat(PublicKey.isCompressedPubKey(bytes)).isEqualTo(compressed);
    }

    @Test
    void hash160IsOfTheEncodedBytes() {
        byte[] compressed = Hex.decode("02" + GX);

        assertThat(PublicKey.parse(compressed).hash160()).isEqualTo(Hashes.hash160(compressed));
        assertThat(Hex.encode(PublicKey.parse(compressed).hash160()))
                .isEqualTo("751e76e8199196d454941c45d1b3a323f1433bd6"); // key 1's P2WPKH program (BIP-0173)
    }
}
