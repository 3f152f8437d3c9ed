package org.minicoin.consensus.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.testing.ChainParamsFixtures;

/** The checksum vectors of BIP-0380 and Core's descriptor_tests.cpp "Checksums" cases, with Core's messages. */
class DescriptorChecksumTest {
    private static final ChainParams MAIN = ChainParamsFixtures.mainnet();
    private static final String CORE_PRV = "sh(multi(2,[00000000/111'/222]xprvA1RpRA33e1JQ7ifknakTFpgNXPmW2YvmhqLQYMmrj4"
            + "xJXXWYpDPS3xz7iAxn8L39njGVyuoseXzU6rcxFLJ8HFsTjSyQbLYnMpCqE2VbFWc,xprv9uPDJpEQgRQfDcW7BkF7eTya6RPxXeJCqCJGHu"
            + "CJ4GiRVLzkTXBAJMu2qaMWPrS7AANYqdq6vcBcBUdJCVVFceUvJFjaPdGZ2y9WACViL4L/0))";
    private static final String CORE_PUB = "sh(multi(2,[00000000/111'/222]xpub6ERApfZwUNrhLCkDtcHTcxd75RbzS1ed54G1LkBUHQ"
            + "VHQKqhMkhgbmJbZRkrgZw4koxb5JaHWkY4ALHY2grBGRjaDMzQLcgJvLJuZZvRcEL,xpub68NZiKmJWnxxS6aaHmn81bvJeTESw724CRDs6H"
            + "buccFQN9Ku14VQrADWgqbhhTHBaohPX4CjNLf9fq9MYo6oDaPPLPxSb7gwQN3ih19Zm4Y/0))";

    @Test
    void bip380ValidAndAbsentChecksums() {
        assertThat(Descriptor.checksum("raw(deadbeef)")).isEqualTo("89f8spxm");
        assertThat(Descriptor.parse("raw(deadbeef)#89f8spxm", MAIN).checksum()).isEqualTo("89f8spxm");
        assertThat(Descriptor.parse("raw(deadbeef)", MAIN).toString()).isEqualTo("raw(deadbeef)#89f8spxm");
        assertThatThrownBy(() -> Descriptor.parse("raw(deadbeef)", MAIN, true)).hasMessage("Missing checksum");
    }

    static Stream<Arguments> bip380Invalid() {
        return Stream.of(
                Arguments.of("raw(deadbeef)#", "Expected 8 character checksum, not 0 characters"),
                Arguments.of("raw(deadbeef)#89f8spxmx", "Expected 8 character checksum, not 9 characters"),
                Arguments.of("raw(deadbeef)#89f8spx", "Expected 8 character checksum, not 7 characters"),
                Arguments.of("raw(deedbeef)##9f8spxm", "Multiple '#' symbols"),
                Arguments.of("raw(Ü)#00000000", "Invalid characters in payload"));
    }

    @Test
    void bip380ErrorInPayload() {
        assertThat(Descriptor.checksum("raw(deedbeef)")).isNotEqualTo("89f8spxm");
        assertThatThrownBy(() -> Descriptor.parse("raw(deedbeef)#89f8spxm", MAIN))
                .hasMessage("Provided checksum '89f8spxm' does not match computed checksum '"
                        + Descriptor.checksum("raw(deedbeef)") + "'");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bip380Invalid")
    void bip380InvalidChecksums(String descriptor, String message) {
        assertThatThrownBy(() -> Descriptor.parse(descriptor, MAIN))
                .isInstanceOf(DescriptorException.class).hasMessage(message);
    }

    @Test
    void coreChecksumExamples() {
        Descriptor prv = Descriptor.parse(CORE_PRV + "#ggrsrxfy", MAIN);
        assertThat(prv.checksum()).isEqualTo("ggrsrxfy");
        assertThat(prv.toString()).isEqualTo(CORE_PUB + "#tjg09x5t");
        assertThat(prv.toPrivateString()).isEqualTo(CORE_PRV + "#ggrsrxfy");
        assertThat(Descriptor.parse(CORE_PUB + "#tjg09x5t", MAIN).toString()).isEqualTo(CORE_PUB + "#tjg09x5t");
        assertThat(Descriptor.checksum(CORE_PUB.replace("'", "h"))).isEqualTo("hgmsckna");
        assertThatThrownBy(() -> Descriptor.parse(CORE_PRV.replace("multi(2", "multi(3") + "#ggrsrxfy", MAIN))
                .hasMessageStartingWith("Provided checksum 'ggrsrxfy' does not match computed checksum '");
        assertThatThrownBy(() -> Descriptor.parse(CORE_PUB + "#tjq09x4t", MAIN))
                .hasMessage("Provided checksum 'tjq09x4t' does not match computed checksum 'tjg09x5t'");
        assertThat(Descriptor.checksum(CORE_PUB.replace("multi(2", "multi(3"))).isEqualTo("d4x0uxyv");
    }
}
