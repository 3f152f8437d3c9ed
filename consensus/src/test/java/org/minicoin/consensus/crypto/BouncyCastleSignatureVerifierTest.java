package org.minicoin.consensus.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.minicoin.consensus.encoding.Hex;

class BouncyCastleSignatureVerifierTest {
    private static final SignatureVerifier VERIFIER = BouncyCastleSignatureVerifier.INSTANCE;

    /**
     * Private key 1 signing SHA-256("Satoshi Nakamoto") (see PrivateKeyTest for the source). Its R has the top bit
     * set, so strict DER pads it with 0x00; its raw S was high and is published in both forms.
     */
    private static final String R = "934b1ea10a4b3c1757e2b0c017d0b6143ce3c9a7e6a4a49860d7a6ab210ee3d8";
    private static final String S = "2442ce9d2b916064108014783e923ec36b49743e2ffa1c4496f01a512aafd9e5";
    private static final String HIGH_S = "dbbd3162d46e9f9bef7feb87c16dc13b4f6568a87f4e83f728e2443ba586675c";
    private static final byte[] HASH = Hashes.sha256("Satoshi Nakamoto".getBytes(UTF_8));
    private static final byte[] PUBKEY = Hex.decode(
            "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798");

    /**
     * Encodings of the same (R, S), written with the tokens R and S for the two values. Core's lax parser accepts
     * all of these, so all verify; only the first is strict DER (BIP-0066).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        strict DER                                      | 3045 022100R 0220S          | true
        R without its 0x00 pad (negative in DER)        | 3044 0220R 0220S            | false
        R with an extra zero byte                       | 3046 02220000R 0220S        | false
        S with excess padding                           | 3046 022100R 022100S        | false
        long-form sequence length                       | 308145 022100R 0220S        | false
        long-form R and S lengths                       | 3047 02812100R 028120S      | false
        4-byte long-form R length with leading zeros    | 3049 028400000021 00R 0220S | false
        sequence length wrong                           | 307f 022100R 0220S          | false
        sequence length zero                            | 3000 022100R 0220S          | false
        trailing garbage                                | 3045 022100R 0220S deadbeef | false
        """)
    void laxEncodingsVerify(String what, String template, boolean strict) {
        byte[] sig = Hex.decode(template.replace(" ", "").replace("R", R).replace("S", S));

        assertThat(VERIFIER.verify(PUBKEY, sig, HASH)).isTrue();
        assertThat(EcdsaSignature.isValidSignatureEncoding(withSighashAll(sig))).isEqualTo(strict);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        R = 0                                      | 3025 020100 0220S
        S = 0                                      | 3026 022100R 020100
        R of 33 significant bytes (lax gives 0, 0) | 3046 022101R 0220S
        R and S swapped                            | 3045 0220S 022100R
        sequence tag 31                            | 3145 022100R 0220S
        sequence length ff: long form, 127 bytes   | 30ff 022100R 0220S
        truncated                                  | 3045 022100R 0220
        empty                                      | ''
        """)
    void malformedOrWrongSignaturesDoNotVerify(String what, String template) {
        byte[] sig = Hex.decode(template.replace(" ", "").replace("R", R).replace("S", S));

        assertThat(VERIFIER.verify(PUBKEY, sig, HASH)).isFalse();
    }

    @Test
    void highSVerifiesBecauseCoreNormalisesIt() {
        byte[] high = Hex.decode("3046022100" + R + "022100" + HIGH_S);

        assertThat(new BigInteger(HIGH_S, 16)).isEqualTo(Secp256k1.N.subtract(new BigInteger(S, 16)));
        assertThat(EcdsaSignature.isValidSignatureEncoding(withSighashAll(high))).isTrue();
        assertThat(EcdsaSignature.isLowS(high)).isFalse();
        assertThat(VERIFIER.verify(PUBKEY, high, HASH)).isTrue();
    }

    @Test
    void everyFormOfTheKeyVerifies() {
        byte[] sig = PrivateKey.fromBytes(Hex.decode("00".repeat(31) + "01")).sign(HASH);
        String gx = "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";
        String gy = "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8";

        assertThat(VERIFIER.verify(Hex.decode("02" + gx), sig, HASH)).isTrue();
        assertThat(VERIFIER.verify(Hex.decode("04" + gx + gy), sig, HASH)).isTrue();
        assertThat(VERIFIER.verify(Hex.decode("06" + gx + gy), sig, HASH)).isTrue();
        assertThat(VERIFIER.verify(Hex.decode("03" + gx), sig, HASH)).as("-G").isFalse();
        assertThat(VERIFIER.verify(Hex.decode("07" + gx + gy), sig, HASH)).as("hybrid, wrong parity").isFalse();
        assertThat(VERIFIER.verify(Hex.decode("02" + "00".repeat(32)), sig, HASH)).as("off the curve").isFalse();
        assertThat(VERIFIER.verify(new byte[0], sig, HASH)).as("no key").isFalse();
    }

    @Test
    void wrongHashDoesNotVerify() {
        byte[] sig = Hex.decode("3045022100" + R + "0220" + S);
        byte[] other = HASH.clone();
        other[31] ^= 1;

        assertThat(VERIFIER.verify(PUBKEY, sig, other)).isFalse();
        assertThat(VERIFIER.verify(PUBKEY, sig, new byte[31])).isFalse();
        assertThat(VERIFIER.verify(PUBKEY, sig, new byte[0])).isFalse();
    }

    /**
     * Random garbage and random corruptions of a valid signature and key must give an answer, never an exception:
     * a throw inside script evaluation would turn a bad input into a crash. The seed is fixed so a failure repeats.
     */
    @Test
    void garbageNeverThrows() {
        Random random = new Random(20240601);
        byte[] good = Hex.decode("3045022100" + R + "0220" + S);
        int verified = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] sig = i % 2 == 0 ? randomBytes(random, random.nextInt(80)) : corrupt(random, good);
            byte[] key = i % 3 == 0 ? corrupt(random, PUBKEY) : PUBKEY;
            if (VERIFIER.verify(key, sig, HASH)) {
                verified++;
            }
            EcdsaSignature.isValidSignatureEncoding(sig);
            EcdsaSignature.isLowS(sig);
            PublicKey.isFullyValid(key);
        }
        assertThat(verified).isLessThan(20_000);
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }

    private static byte[] corrupt(Random random, byte[] original) {
        byte[] b = original.clone();
        b[random.nextInt(b.length)] = (byte) random.nextInt(256);
        return b;
    }

    private static byte[] withSighashAll(byte[] der) {
        byte[] out = new byte[der.length + 1];
        System.arraycopy(der, 0, out, 0, der.length);
        out[der.length] = 0x01;
        return out;
    }
}
