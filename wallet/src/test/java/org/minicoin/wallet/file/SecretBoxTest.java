package org.minicoin.wallet.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.SCrypt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SecretBoxTest {
    /** Cheap parameters so tests run fast; they are stored in the box like any others. */
    static final ScryptParams FAST = new ScryptParams(1 << 10, 8, 1);
    private static final byte[] PLAINTEXT = "the secret seed words".getBytes(StandardCharsets.UTF_8);
    private final SecureRandom random = new SecureRandom();

    @Test
    void sealThenOpenGivesThePlaintextBack() throws Exception {
        Sealed sealed = SecretBox.seal(PLAINTEXT, "correct horse".toCharArray(), random, FAST);

        assertThat(SecretBox.open(sealed, "correct horse".toCharArray())).isEqualTo(PLAINTEXT);
        assertThat(sealed.params()).isEqualTo(FAST);
        assertThat(sealed.salt()).hasSize(32);
        assertThat(sealed.nonce()).hasSize(12);
        assertThat(sealed.ciphertext()).hasSize(PLAINTEXT.length + 16);
    }

    @Test
    void aWrongPassphraseIsRefused() {
        Sealed sealed = SecretBox.seal(PLAINTEXT, "correct horse".toCharArray(), random, FAST);

        assertThatThrownBy(() -> SecretBox.open(sealed, "correct hors".toCharArray()))
                .isInstanceOf(WrongPassphraseException.class)
                .hasMessageContaining("wrong passphrase");
    }

    @Test
    void theCallersPassphraseArrayIsLeftAlone() throws Exception {
        char[] passphrase = "correct horse".toCharArray();
        Sealed sealed = SecretBox.seal(PLAINTEXT, passphrase, random, FAST);
        // The caller owns the array; only our own copies (UTF-8 bytes, key) are wiped.
        assertThat(passphrase).containsExactly("correct horse".toCharArray());
        assertThat(SecretBox.open(sealed, passphrase)).isEqualTo(PLAINTEXT);
    }

    @Test
    void unicodePassphrasesAreUtf8AndNotNormalised() throws Exception {
        String composed = "p\u00e4ss \uD83D\uDD11"; // "päss 🔑" with a precomposed ä
        String decomposed = "pa\u0308ss \uD83D\uDD11";
        Sealed sealed = SecretBox.seal(PLAINTEXT, composed.toCharArray(), random, FAST);

        assertThat(SecretBox.open(sealed, composed.toCharArray())).isEqualTo(PLAINTEXT);
        // Like Core's wallet passphrase: bytes as typed, so another normal form is another passphrase.
        assertThatThrownBy(() -> SecretBox.open(sealed, decomposed.toCharArray()))
                .isInstanceOf(WrongPassphraseException.class);
        assertThatThrownBy(() -> SecretBox.seal(PLAINTEXT, new char[] {'a', '\uD800'}, random, FAST))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everySealUsesFreshSaltAndNonce() {
        Sealed a = SecretBox.seal(PLAINTEXT, "pw".toCharArray(), random, FAST);
        Sealed b = SecretBox.seal(PLAINTEXT, "pw".toCharArray(), random, FAST);

        assertThat(a.salt()).isNotEqualTo(b.salt());
        assertThat(a.nonce()).isNotEqualTo(b.nonce());
        assertThat(a.ciphertext()).isNotEqualTo(b.ciphertext());
    }

    static Stream<Arguments> alterations() {
        return Stream.of(
                Arguments.of("ciphertext bit", (UnaryOperator<Sealed>) s -> new Sealed(s.params(), s.salt(),
                        s.nonce(), flip(s.ciphertext(), 0))),
                Arguments.of("tag bit", (UnaryOperator<Sealed>) s -> new Sealed(s.params(), s.salt(), s.nonce(),
                        flip(s.ciphertext(), s.ciphertext().length - 1))),
                Arguments.of("nonce bit", (UnaryOperator<Sealed>) s -> new Sealed(s.params(), s.salt(),
                        flip(s.nonce(), 3), s.ciphertext())),
                Arguments.of("salt bit", (UnaryOperator<Sealed>) s -> new Sealed(s.params(), flip(s.salt(), 7),
                        s.nonce(), s.ciphertext())),
                Arguments.of("scrypt N", (UnaryOperator<Sealed>) s -> new Sealed(new ScryptParams(1 << 11, 8, 1),
                        s.salt(), s.nonce(), s.ciphertext())),
                Arguments.of("scrypt r", (UnaryOperator<Sealed>) s -> new Sealed(new ScryptParams(1 << 10, 4, 1),
                        s.salt(), s.nonce(), s.ciphertext())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("alterations")
    void anyAlterationFailsEvenWithTheRightPassphrase(String what, UnaryOperator<Sealed> alter) {
        Sealed sealed = SecretBox.seal(PLAINTEXT, "pw".toCharArray(), random, FAST);

        assertThatThrownBy(() -> SecretBox.open(alter.apply(sealed), "pw".toCharArray()))
                .isInstanceOf(WrongPassphraseException.class);
    }

    /** Independent check of the format with the JDK's own AES-GCM: the stored parameters are the ones used. */
    @Test
    void theBoxIsPlainScryptAndAesGcmWithTheStoredParameters() throws Exception {
        ScryptParams params = new ScryptParams(1 << 9, 4, 2);
        Sealed sealed = SecretBox.seal(PLAINTEXT, "pw".toCharArray(), random, params);

        byte[] key = SCrypt.generate("pw".getBytes(StandardCharsets.UTF_8), sealed.salt(), 512, 4, 2, 32);
        Cipher jce = Cipher.getInstance("AES/GCM/NoPadding");
        jce.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, sealed.nonce()));
        jce.updateAAD("minicoin-secretbox/1 aes-256-gcm scrypt n=512 r=4 p=2".getBytes(StandardCharsets.US_ASCII));
        assertThat(jce.doFinal(sealed.ciphertext())).isEqualTo(PLAINTEXT);
    }

    @Test
    void theDefaultIsScryptNTwoToTheSeventeen() throws Exception {
        assertThat(ScryptParams.DEFAULT).isEqualTo(new ScryptParams(1 << 17, 8, 1));
        Sealed sealed = SecretBox.seal(PLAINTEXT, "pw".toCharArray(), random);

        assertThat(sealed.params()).isEqualTo(ScryptParams.DEFAULT);
        assertThat(SecretBox.open(sealed, "pw".toCharArray())).isEqualTo(PLAINTEXT);
    }

    @ParameterizedTest(name = "N={0} r={1} p={2}")
    @MethodSource("badParams")
    void costParametersOutsideTheBoundsAreRefusedBeforeAnyWork(int n, int r, int p) {
        assertThatThrownBy(() -> new ScryptParams(n, r, p)).isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Arguments> badParams() {
        return Stream.of(
                Arguments.of(0, 8, 1), Arguments.of(1, 8, 1), Arguments.of(1000, 8, 1), Arguments.of(-(1 << 30), 8, 1),
                Arguments.of(1 << 21, 8, 1), // 2 GiB
                Arguments.of(1 << 20, 9, 1), Arguments.of(1 << 10, 0, 1), Arguments.of(1 << 10, 33, 1),
                Arguments.of(1 << 10, 8, 0), Arguments.of(1 << 10, 8, 17));
    }

    @Test
    void wrongSizesAreRefused() {
        ScryptParams p = FAST;
        assertThatThrownBy(() -> new Sealed(p, new byte[15], new byte[12], new byte[16]))
                .hasMessageContaining("salt");
        assertThatThrownBy(() -> new Sealed(p, new byte[32], new byte[11], new byte[16]))
                .hasMessageContaining("nonce");
        assertThatThrownBy(() -> new Sealed(p, new byte[32], new byte[12], new byte[15]))
                .hasMessageContaining("tag");
    }

    static byte[] flip(byte[] b, int index) {
        byte[] out = b.clone();
        out[index] ^= 0x01;
        return out;
    }
}
