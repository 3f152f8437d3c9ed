package org.minicoin.consensus.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.minicoin.consensus.encoding.Hex;

class PrivateKeyTest {
    private static final String N_MINUS_1 = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140";

    /**
     * RFC 6979 (HMAC-SHA256) secp256k1 signatures with low S, over SHA-256 of the message. These six are the set
     * shared by trezor-crypto and CoreBitcoin, as collected in decred/dcrd dcrec/secp256k1/signature_test.go
     * (TestRFC6979Compat); the first "Satoshi Nakamoto" one has a high S before normalisation.
     */
    static Stream<Arguments> rfc6979Vectors() {
        return Stream.of(
                Arguments.of("cca9fbcc1b41e5a95d369eaa6ddcff73b61a4efaa279cfc6567e8daa39cbaf50", "sample",
                        "3045022100af340daf02cc15c8d5d08d7735dfe6b98a474ed373bdb5fbecf7571be52b38420220"
                                + "5009fb27f37034a9b24b707b7c6b79ca23ddef9e25f7282e8a797efe53a8f124"),
                Arguments.of("0000000000000000000000000000000000000000000000000000000000000001", "Satoshi Nakamoto",
                        "3045022100934b1ea10a4b3c1757e2b0c017d0b6143ce3c9a7e6a4a49860d7a6ab210ee3d80220"
                                + "2442ce9d2b916064108014783e923ec36b49743e2ffa1c4496f01a512aafd9e5"),
                Arguments.of(N_MINUS_1, "Satoshi Nakamoto",
                        "3045022100fd567d121db66e382991534ada77a6bd3106f0a1098c231e47993447cd6af2d00220"
                                + "6b39cd0eb1bc8603e159ef5c20a5c8ad685a45b06ce9bebed3f153d10d93bed5"),
                Arguments.of("f8b8af8ce3c7cca5e300d33939540c10d45ce001b8f252bfbc57ba0342904181", "Alan Turing",
                        "304402207063ae83e7f62bbb171798131b4a0564b956930092b33b07b395615d9ec7e15c0220"
                                + "58dfcc1e00a35e1572f366ffe34ba0fc47db1e7189759b9fb233c5b05ab388ea"),
                Arguments.of("0000000000000000000000000000000000000000000000000000000000000001",
                        "All those moments will be lost in time, like tears in rain. Time to die...",
                        "30450221008600dbd41e348fe5c9465ab92d23e3db8b98b873beecd930736488696438cb6b0220"
                                + "547fe64427496db33bf66019dacbf0039c04199abb0122918601db38a72cfc21"),
                Arguments.of("e91671c46231f833a6406ccbea0e3e392c76c167bac1cb013f6f1013980455c2",
                        "There is a computer disease that anybody who works with computers knows about. It's a very "
                                + "serious disease and it interferes completely with the work. The trouble with "
                                + "computers is that you 'play' with them!",
                        "3045022100b552edd27580141f3b2a5463048cb7cd3e047b97c9f98076c32dbdf85a68718b0220"
                                + "279fa72dd19bfae05577e06c7c0c1900c371fcd5893f7e1d56a37d30174671f6"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("rfc6979Vectors")
    void signsPublishedRfc6979Vectors(String keyHex, String message, String expectedDer) {
        PrivateKey key = PrivateKey.fromBytes(Hex.decode(keyHex));
        byte[] hash = Hashes.sha256(message.getBytes(UTF_8));

        byte[] sig = key.sign(hash);

        assertThat(Hex.encode(sig)).isEqualTo(expectedDer);
        assertThat(EcdsaSignature.isLowS(sig)).isTrue();
        assertThat(BouncyCastleSignatureVerifier.INSTANCE.verify(key.publicKey().encoded(), sig, hash)).isTrue();
        assertThat(key.publicKey(false).verify(hash, sig)).isTrue();
    }

    /**
     * Bitcoin Core src/test/key_tests.cpp (key_test1, "test deterministic signing"): the message is hashed with
     * double SHA-256; the keys are the WIF strings strSecret1 (5HxWvvfubhXpYYpS3tJkw6fq9jE9j18THftkZjHHfmFiWtmAbrj)
     * and strSecret2 (5KC4ejrDjv152FGwP386VD1i2NYc5KkfSMyv1nGy1VGDxGHqVY3), decoded to hex here. Both signatures
     * have a low R, so Core's R-grinding does not change them.
     */
    @ParameterizedTest
    @MethodSource
    void signsBitcoinCoreKeyTestsVectors(String keyHex, String expectedDer) {
        PrivateKey key = PrivateKey.fromBytes(Hex.decode(keyHex));
        byte[] hash = Hashes.sha256d("Very deterministic message".getBytes(UTF_8));

        assertThat(Hex.encode(key.sign(hash))).isEqualTo(expectedDer);
    }

    static Stream<Arguments> signsBitcoinCoreKeyTestsVectors() {
        return Stream.of(
                Arguments.of("12b004fff7f4b69ef8650e767f18f11ede158148b425660723b9f9a66e61f747",
                        "304402205dbbddda71772d95ce91cd2d14b592cfbc1dd0aabd6a394b6c2d377bbe59d31d0220"
                                + "14ddda21494a4e221f0824f0b8b924c43fa43c0ad57dccdaa11f81a6bd4582f6"),
                Arguments.of("b524c28b61c9b2c49b2c7dd4c2d75887abb78768c054bd7c01af4029f6c0d117",
                        "3044022052d8a32079c11e79db95af63bb9600c5b04f21a9ca33dc129c2bfa8ac9dc1cd50220"
                                + "61d8ae5e0f6c1a16bde3719c64c2fd70e404b6428ab9a69566962e8771b5944d"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "0000000000000000000000000000000000000000000000000000000000000000", // zero
        "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", // n
        "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364142", // n + 1
        "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", // 2^256 - 1
        "01", // too short
        "000000000000000000000000000000000000000000000000000000000000000001", // 33 bytes
    })
    void rejectsKeysOutsideOneToNMinusOne(String hex) {
        byte[] bytes = Hex.decode(hex);

        assertThat(PrivateKey.isValid(bytes)).isFalse();
        assertThatThrownBy(() -> PrivateKey.fromBytes(bytes)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000000000000000000000000000000000000000000000000000000000000001", N_MINUS_1})
    void acceptsTheEndsOfTheRange(String hex) {
        assertThat(PrivateKey.isValid(Hex.decode(hex))).isTrue();
        assertThat(PrivateKey.fromBytes(Hex.decode(hex)).toBytes()).isEqualTo(Hex.decode(hex));
    }

    /** Key 1's public key is the generator G, key n-1's is -G (same x, odd y). */
    @ParameterizedTest
    @MethodSource
    void derivesPublicKeys(String keyHex, String compressed, String uncompressed) {
        PrivateKey key = PrivateKey.fromBytes(Hex.decode(keyHex));

        assertThat(key.publicKey().encoded()).isEqualTo(Hex.decode(compressed));
        assertThat(key.publicKey(false).encoded()).isEqualTo(Hex.decode(uncompressed));
        assertThat(key.publicKey().isCompressed()).isTrue();
        assertThat(key.publicKey(false).isCompressed()).isFalse();
    }

    static Stream<Arguments> derivesPublicKeys() {
        String gx = "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";
        return Stream.of(
                Arguments.of("0000000000000000000000000000000000000000000000000000000000000001", "02" + gx,
                        "04" + gx + "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8"),
                Arguments.of(N_MINUS_1, "03" + gx,
                        "04" + gx + "b7c52588d95c3b9aa25b0403f1eef75702e84bb7597aabe663b82f6f04ef2777"));
    }

    @Test
    void rejectsHashesThatAreNot32Bytes() {
        PrivateKey key = PrivateKey.fromBytes(Hex.decode(N_MINUS_1));

        assertThatThrownBy(() -> key.sign(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringDoesNotRevealTheKey() {
        PrivateKey key = PrivateKey.fromBytes(Hex.decode(N_MINUS_1));

        assertThat(key.toString()).doesNotContain(N_MINUS_1).doesNotContain("bfd25e8cd0364140");
    }

    @Test
    void equalKeysAreEqual() {
        assertThat(PrivateKey.fromBytes(Hex.decode(N_MINUS_1))).isEqualTo(PrivateKey.fromBytes(Hex.decode(N_MINUS_1)))
                .hasSameHashCodeAs(PrivateKey.fromBytes(Hex.decode(N_MINUS_1)))
                .isNotEqualTo(PrivateKey.fromBytes(Hex.decode(
                        "0000000000000000000000000000000000000000000000000000000000000001")));
    }
}
