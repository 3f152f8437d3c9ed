package org.minicoin.consensus.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.testing.ChainParamsFixtures;

/**
 * Addresses and answers checked against Core's functional test rpc_deriveaddresses.py (regtest) and Core's
 * getdescriptorinfo example, which were computed by Bitcoin Core, not by this code.
 */
class DescriptorTest {
    private static final ChainParams REGTEST = ChainParamsFixtures.regtest();
    private static final String TPRV = "tprv8ZgxMBicQKsPd7Uf69XL1XwhmjHopUGep8GuEiJDZmbQz6o58LninorQAfcKZWARbtRtfnLcJ5"
            + "MQ2AtHcQJCCRUcMRvmDUjyEmNUWwx8UbK";
    private static final String TPUB = "tpubD6NzVbkrYhZ4WaWSyoBvQwbpLkojyoTZPRsgXELWz3Popb3qkjcJyJUGLnL4qHHoQvao8ESaAs"
            + "txYSnhyswJ76uZPStJRJCTKvosUCJZL5B";
    private static final String ADDRESS_0 = "bcrt1qjqmxmkpmxt80xz4y3746zgt0q3u3ferr34acd5";

    @Test
    void deriveaddressesOfCoresFunctionalTest() {
        Descriptor prv = Descriptor.parse("wpkh(" + TPRV + "/1/1/0)#t6wfjs64", REGTEST, true);
        assertThat(prv.addresses(0)).containsExactly(ADDRESS_0);
        assertThat(prv.hasPrivateKeys()).isTrue();
        Descriptor pub = Descriptor.parse("wpkh(" + TPUB + "/1/1/0)#s9ga3alw", REGTEST, true);
        assertThat(pub.addresses(0)).containsExactly(ADDRESS_0);
        assertThat(prv.toString()).isEqualTo("wpkh(" + TPUB + "/1/1/0)#s9ga3alw");

        Descriptor ranged = Descriptor.parse("wpkh(" + TPRV + "/1/1/*)#kft60nuy", REGTEST, true);
        assertThat(ranged.isRange()).isTrue();
        assertThat(ranged.addresses(1)).containsExactly("bcrt1qhku5rq7jz8ulufe2y6fkcpnlvpsta7rq4442dy");
        assertThat(ranged.addresses(2)).containsExactly("bcrt1qpgptk2gvshyl0s9lqshsmx932l9ccsv265tvaq");
        assertThat(ranged.addresses(Integer.MAX_VALUE))
                .containsExactly("bcrt1qtzs23vgzpreks5gtygwxf8tv5rldxvvsyfpdkg");
        assertThat(ranged.expandRange(0, 2)).hasSize(3);
    }

    @Test
    void comboAddressesLeaveOutP2pk() {
        Descriptor combo = Descriptor.parse(Descriptor.addChecksum("combo(" + TPRV + "/1/1/0)"), REGTEST, true);
        assertThat(combo.addresses(0))
                .containsExactly("mtfUoUax9L4tzXARpw1oTGxWyoogp52KhJ", ADDRESS_0, "2NDvEwGfpEqJWfybzpKPHF2XH3jwoQV3D7x");
        assertThat(combo.expand(0)).hasSize(4);
    }

    @Test
    void descriptorsWithoutAnAddressOrPrivateKeysSayWhy() {
        assertThatThrownBy(() -> Descriptor.parse("pk(" + TPRV + ")", REGTEST).addresses(0))
                .hasMessage("Descriptor does not have a corresponding address");
        assertThatThrownBy(() -> Descriptor.parse("multi(1," + TPUB + "/1/1/0," + TPUB + "/1/1/1)", REGTEST)
                .addresses(0)).hasMessage("Descriptor does not have a corresponding address");
        Descriptor hardened = Descriptor.parse("wpkh(" + TPUB + "/1'/1/0)", REGTEST);
        assertThatThrownBy(() -> hardened.expand(0)).hasMessage("Cannot derive script without private keys");
        assertThatThrownBy(() -> Descriptor.parse("a", REGTEST, true)).hasMessage("Missing checksum");
    }

    @Test
    void getdescriptorinfoOfCoresExample() {
        // Core's RPC example; its checksum and canonical form (lower-case hex) as Core's getdescriptorinfo gives.
        Descriptor d = Descriptor.parse(
                "wpkh([d34db33f/84h/0h/0h]0279be667ef9dcbbac55a06295Ce870b07029Bfcdb2dce28d959f2815b16f81798)",
                ChainParamsFixtures.mainnet());
        assertThat(d.toString()).startsWith(
                "wpkh([d34db33f/84h/0h/0h]0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798)#");
        assertThat(d.isRange()).isFalse();
        assertThat(d.isSolvable()).isTrue();
        assertThat(d.hasPrivateKeys()).isFalse();
        assertThat(Descriptor.parse("addr(" + ADDRESS_0.toUpperCase() + ")", REGTEST).toString())
                .startsWith("addr(" + ADDRESS_0 + ")#");
        assertThat(Descriptor.parse("addr(" + ADDRESS_0 + ")", REGTEST).isSolvable()).isFalse();
    }
}
