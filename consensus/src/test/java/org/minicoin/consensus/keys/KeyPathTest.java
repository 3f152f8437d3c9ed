package org.minicoin.consensus.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Key path notation: both hardened markers, Core's error texts, and the written form. */
class KeyPathTest {
    @Test
    void bothHardenedMarkersReadTheSame() {
        KeyPath p = KeyPath.parse("m/84'/1h/0'/0/5");
        assertThat(p.steps()).containsExactly(84 | KeyPath.HARDENED, 1 | KeyPath.HARDENED, KeyPath.HARDENED, 0, 5);
        assertThat(p.toString()).isEqualTo("m/84h/1h/0h/0/5");
        assertThat(p.format(true)).isEqualTo("/84'/1'/0'/0/5");
        assertThat(KeyPath.parse("m")).isEqualTo(KeyPath.ROOT);
        assertThat(KeyPath.parse("0/1").steps()).isEqualTo(List.of(0, 1));
    }

    @Test
    void badStepsAreNamed() {
        assertThatThrownBy(() -> KeyPath.parse("m/2147483648")).hasMessage("Key path value 2147483648 is out of range");
        assertThatThrownBy(() -> KeyPath.parse("m/4294967296")).hasMessage("Key path value '4294967296' is not a valid uint32");
        assertThatThrownBy(() -> KeyPath.parse("m/1/m")).hasMessage("Key path value 'm' is not a valid uint32");
        assertThatThrownBy(() -> KeyPath.parse("m/")).hasMessage("Key path value '' is not a valid uint32");
        assertThatThrownBy(() -> KeyPath.parse("m/+1")).hasMessage("Key path value '+1' is not a valid uint32");
    }

    @Test
    void publicKeysCannotGiveHardenedChildren() {
        ExtendedKey master = ExtendedKey.fromSeed(new byte[16]);
        assertThatThrownBy(() -> master.neuter().derive("m/0h"))
                .isInstanceOf(ExtendedKeyException.class).hasMessage("Cannot derive hardened child 0h from a public key");
        assertThat(master.derive("m/0h/1").neuter()).isEqualTo(master.derive("m/0h").neuter().derive(1));
        assertThat(master.toString()).doesNotContain(master.toBase58(
                org.minicoin.consensus.testing.ChainParamsFixtures.mainnet()).substring(4, 20));
    }
}
