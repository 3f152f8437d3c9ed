package org.minicoin.consensus.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.minicoin.consensus.encoding.Hex;

class ScriptsTest {

    /** As Core's CScript &lt;&lt; vector: the shortest push for the length; a one-byte vector stays a push. */
    @ParameterizedTest(name = "{0} bytes -> {1}")
    @CsvSource({
            "0,     00",
            "1,     01",
            "75,    4b",
            "76,    4c4c",
            "255,   4cff",
            "256,   4d0001",
            "65535, 4dffff",
            "65536, 4e00000100",
    })
    void pushUsesTheShortestOpcode(int length, String prefix) {
        byte[] data = new byte[length];
        Arrays.fill(data, (byte) 0xab);
        byte[] pushed = Scripts.push(data);
        assertThat(Hex.encode(Arrays.copyOf(pushed, pushed.length - length))).isEqualTo(prefix);
        assertThat(Scripts.isMinimalPush(data, pushed[0] & 0xff) || length <= 1).isTrue();
    }
}
