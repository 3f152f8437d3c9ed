package org.minicoin.consensus.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.minicoin.consensus.encoding.Hex;

class EcdsaSignatureTest {
    /** Bitcoin Core key_tests.cpp's deterministic signature for strSecret1 (see PrivateKeyTest). */
    static final String REAL_SIG = "304402205dbbddda71772d95ce91cd2d14b592cfbc1dd0aabd6a394b6c2d377bbe59d31d0220"
            + "14ddda21494a4e221f0824f0b8b924c43fa43c0ad57dccdaa11f81a6bd4582f6";
    static final String N = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";
    static final String HALF_N = "7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0";

    /** Core's IsValidSignatureEncoding; every input ends in a sighash-type byte (01) unless the case says not. */
    static Stream<Arguments> strictDer() {
        String r33 = "0021" + "00" + "80" + "00".repeat(31); // a 33-byte R with its required 0x00 pad
        return Stream.of(
                Arguments.of("real signature + sighash", REAL_SIG + "01", true),
                Arguments.of("real signature, sighash byte missing", REAL_SIG, false),
                Arguments.of("smallest: one-byte R and S", "300602010102010101", true),
                Arguments.of("empty", "", false),
                Arguments.of("too short: 8 bytes", "3005020101020101", false),
                Arguments.of("largest: 33-byte R and S", "3046" + "02" + r33.substring(2) + "02" + r33.substring(2)
                        + "01", true),
                Arguments.of("too long: 74 bytes", "3047" + "02" + r33.substring(2) + "0222" + "7f".repeat(34) + "01",
                        false),
                Arguments.of("sequence tag 31", "310602010102010101", false),
                Arguments.of("sequence length too large", "300702010102010101", false),
                Arguments.of("sequence length too small", "300502010102010101", false),
                Arguments.of("R tag 03", "300603010102010101", false),
                Arguments.of("S tag 03", "300602010103010101", false),
                Arguments.of("zero-length R", "300602000202010101", false),
                Arguments.of("zero-length S", "300602020101020001", false),
                Arguments.of("R length runs past the end", "300602050102010101", false),
                Arguments.of("R and S lengths do not add up", "30070201010201010101", false),
                Arguments.of("negative R", "300602018102010101", false),
                Arguments.of("negative S", "300602010102018101", false),
                Arguments.of("R padded before a high bit (required)", "30070202008102010101", true),
                Arguments.of("S padded before a high bit (required)", "30070201010202008101", true),
                Arguments.of("R with excess padding", "30070202000102010101", false),
                Arguments.of("S with excess padding", "30070201010202000101", false),
                Arguments.of("R of a single zero byte", "300602010002010101", true),
                Arguments.of("any sighash value is left to the caller", "3006020101020101ff", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void strictDer(String what, String hex, boolean valid) {
        assertThat(EcdsaSignature.isValidSignatureEncoding(Hex.decode(hex))).isEqualTo(valid);
    }

    /**
     * Core's ecdsa_signature_parse_der_lax: the expected (r, s) in hex, or "fail". Overflowing integers give
     * (0, 0), a successful parse of a signature that cannot verify.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        strict DER                                  | 3006020101020102                 | 1 | 2
        negative R read as unsigned                 | 3006020181020102                 | 81 | 2
        long-form sequence length                   | 308106020101020102               | 1 | 2
        sequence length ignored                     | 3000020101020102                 | 1 | 2
        trailing garbage ignored                    | 3006020101020102ffff             | 1 | 2
        long-form R length                          | 300702810101020102               | 1 | 2
        long-form S length                          | 300702010102810102               | 1 | 2
        excess zero padding in R                    | 30080203000001020102             | 1 | 2
        4-byte length with leading zeros            | 300a02840000000101020102         | 1 | 2
        4 significant length bytes                  | 300a02840100000001020102         | fail | fail
        zero-length R                               | 30050200020102                   | 0 | 2
        long-form zero length R                     | 30050280020102                   | 0 | 2
        empty                                       | ''                               | fail | fail
        sequence tag 31                             | 3106020101020102                 | fail | fail
        only the sequence tag                       | 30                               | fail | fail
        no R                                        | 3006                             | fail | fail
        R tag 03                                    | 3006030101020102                 | fail | fail
        R length past the end                       | 3006020501020102                 | fail | fail
        long-form sequence length past the end      | 3084000000                       | fail | fail
        no S                                        | 3006020101                       | fail | fail
        S tag 03                                    | 3006020101030102                 | fail | fail
        S length past the end                       | 3006020101020201                 | fail | fail
        """)
    void laxDer(String what, String hex, String r, String s) {
        Optional<EcdsaSignature> parsed = EcdsaSignature.parseDerLax(Hex.decode(hex));

        if (r.equals("fail")) {
            assertThat(parsed).isEmpty();
        } else {
            assertThat(parsed).contains(EcdsaSignature.of(new BigInteger(r, 16), new BigInteger(s, 16)));
        }
    }

    static Stream<Arguments> laxOverflow() {
        return Stream.of(
                Arguments.of("R of 33 significant bytes", "3027" + "0221" + "01" + "00".repeat(32) + "020102", true),
                Arguments.of("R equal to n", "3026" + "022100" + N + "020102", true),
                Arguments.of("S equal to n", "3026" + "020101" + "022100" + N, true),
                Arguments.of("R of n - 1 fits", "3026" + "022100" + new BigInteger(N, 16).subtract(BigInteger.ONE)
                        .toString(16) + "020102", false),
                Arguments.of("R of 33 bytes after stripping 40 zero bytes", "304f" + "0249" + "00".repeat(40)
                        + "01" + "00".repeat(32) + "020102", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void laxOverflow(String what, String hex, boolean zeroed) {
        EcdsaSignature sig = EcdsaSignature.parseDerLax(Hex.decode(hex)).orElseThrow();

        assertThat(sig.r().signum() == 0 && sig.s().signum() == 0).isEqualTo(zeroed);
    }

    /** Core's CheckLowS: lax parse, then S <= n/2 (n/2 itself is low). */
    @ParameterizedTest(name = "S = {0}")
    @CsvSource({
        "01, true",
        HALF_N + ", true",
        "7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a1, false",
        "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140, false",
    })
    void isLowS(String s, boolean low) {
        EcdsaSignature sig = EcdsaSignature.of(BigInteger.ONE, new BigInteger(s, 16));

        assertThat(sig.isLowS()).isEqualTo(low);
        assertThat(EcdsaSignature.isLowS(sig.encodeDer())).isEqualTo(low);
        assertThat(sig.normalizeS().isLowS()).isTrue();
    }

    @Test
    void isLowSIsFalseForWhatDoesNotParse() {
        assertThat(EcdsaSignature.isLowS(new byte[0])).isFalse();
        assertThat(EcdsaSignature.isLowS(Hex.decode("3106020101020102"))).isFalse();
    }

    @Test
    void highSNormalisesToItsComplement() {
        BigInteger n = new BigInteger(N, 16);
        EcdsaSignature high = EcdsaSignature.of(BigInteger.TEN, n.subtract(BigInteger.TWO));

        assertThat(high.normalizeS()).isEqualTo(EcdsaSignature.of(BigInteger.TEN, BigInteger.TWO));
    }

    @ParameterizedTest(name = "r={0} s={1}")
    @CsvSource({
        "1, 2, 3006020101020102",
        "0, 7f, 300602010002017f",
        "80, ff, 300802020080020200ff",
        HALF_N + ", 1, 30250220" + HALF_N + "020101",
    })
    void encodesMinimalDer(String r, String s, String der) {
        EcdsaSignature sig = EcdsaSignature.of(new BigInteger(r, 16), new BigInteger(s, 16));

        assertThat(Hex.encode(sig.encodeDer())).isEqualTo(der);
        assertThat(EcdsaSignature.parseDerLax(sig.encodeDer())).contains(sig);
    }

    @Test
    void realSignatureRoundTripsThroughDer() {
        byte[] der = Hex.decode(REAL_SIG);

        assertThat(EcdsaSignature.parseDerLax(der).orElseThrow().encodeDer()).isEqualTo(der);
    }

    @Test
    void rejectsScalarsOutsideTheGroup() {
        BigInteger n = new BigInteger(N, 16);

        assertThatThrownBy(() -> EcdsaSignature.of(n, BigInteger.ONE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EcdsaSignature.of(BigInteger.ONE, BigInteger.ONE.negate()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
