package org.minicoin.node.rpc.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.minicoin.consensus.encoding.Hex;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.genesis.spec.ChainSpecs;

/**
 * Inferred descriptors and their checksums. Checksums were computed with Core's own Python implementation
 * ({@code test/functional/test_framework/descriptors.py}, {@code descsum_create}) or taken from Core's test data
 * and BIP-0380, never from the code under test.
 */
class DescriptorsTest {
    private static final ChainParams MAIN = ChainSpecs.params("main");
    private static final String KEY = "03b0da749730dc9b4b1f4a14d6902877a92541f5368778853d9c4a0cb7802dcfb2";
    private static final String UNCOMPRESSED = "04b0da749730dc9b4b1f4a14d6902877a92541f5368778853d9c4a0cb7802dcfb25"
            + "e01fc8fde47c96c98a4f3a8123e33a38a50cf9025cc8c4494a518f991792bb7";

    @ParameterizedTest
    @CsvSource({
        "raw(deadbeef), 89f8spxm",
        "raw(), 58lrscpx",
        "rawtr(eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee), jk7c6kys",
        "addr(bcrt1pamhqk96edn), vkh8uj5a",
        "pk(04678afdb0fe5548271967f1a67130b7105cd6a828e03909a67962e0ea1f61deb649f6bc3f4cef38c4f35504e51ec112de5c384df7ba0b8d578a4c702b6bf11d5f), vlz6ztea"})
    void checksumsAreCores(String descriptor, String checksum) {
        assertThat(Descriptors.checksum(descriptor)).isEqualTo(checksum);
        assertThat(Descriptors.addChecksum(descriptor)).isEqualTo(descriptor + "#" + checksum);
    }

    @Test
    void multisigChecksumHasCommasAndKeys() {
        assertThat(Descriptors.checksum("multi(2," + KEY + "," + KEY + "," + KEY + ")")).isEqualTo("0urjxu43");
    }

    @Test
    void charactersOutsideTheAlphabetAreRefusedWithCoresMessage() {
        assertThatThrownBy(() -> Descriptors.checksum("raw(é)"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Invalid characters in payload");
    }

    @Test
    void payToPubkeyIsPk() {
        assertThat(Descriptors.infer(Hex.decode("41" + UNCOMPRESSED + "ac"), MAIN))
                .startsWith("pk(" + UNCOMPRESSED + ")#");
    }

    @Test
    void hybridKeysFallBackToRaw() {
        // 06/07 keys pass the Solver but are no key expression (CPubKey::IsValidNonHybrid).
        String hybrid = "06" + UNCOMPRESSED.substring(2);
        String p2pk = "41" + hybrid + "ac";
        assertThat(Descriptors.infer(Hex.decode(p2pk), MAIN)).isEqualTo("raw(" + p2pk + ")#"
                + Descriptors.checksum("raw(" + p2pk + ")"));
        String multisig = "5121" + KEY + "41" + hybrid + "52ae";
        assertThat(Descriptors.infer(Hex.decode(multisig), MAIN)).startsWith("raw(" + multisig + ")#");
    }

    @Test
    void bareMultisigIsMulti() {
        String script = "52" + "21" + KEY + "21" + KEY + "21" + KEY + "53ae";
        assertThat(Descriptors.infer(Hex.decode(script), MAIN))
                .isEqualTo("multi(2," + KEY + "," + KEY + "," + KEY + ")#0urjxu43");
    }

    @Test
    void taprootOutputOffTheCurveIsAnAddress() {
        // x = 5 has no point on secp256k1 (5^3 + 7 = 132 is not a square mod p), so Core shows addr(), not rawtr().
        String x = "0000000000000000000000000000000000000000000000000000000000000005";
        assertThat(Descriptors.infer(Hex.decode("5120" + x), MAIN)).startsWith("addr(bc1p");
        // x = 1 is on the curve (1 + 7 = 8 is a square).
        String one = "0000000000000000000000000000000000000000000000000000000000000001";
        assertThat(Descriptors.infer(Hex.decode("5120" + one), MAIN)).startsWith("rawtr(" + one + ")#");
    }
}
