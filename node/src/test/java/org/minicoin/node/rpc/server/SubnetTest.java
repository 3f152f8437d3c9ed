package org.minicoin.node.rpc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SubnetTest {
    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
        "1.2.3.4, 1.2.3.4, true",
        "1.2.3.4, 1.2.3.5, false",
        "1.2.3.4/24, 1.2.3.200, true",
        "1.2.3.4/24, 1.2.4.1, false",
        "10.0.0.0/255.0.0.0, 10.200.1.1, true",
        "10.0.0.0/255.0.0.0, 11.0.0.1, false",
        "0.0.0.0/0, 8.8.8.8, true",
        "0.0.0.0/0, ::1, false",
        "::/0, 2001:db8::1, true",
        "::/0, 8.8.8.8, false",
        "fe80::/10, fe80::1234, true",
        "fe80::/10, fec0::1, false",
    })
    void matchesAsCore(String subnet, String address, boolean expected) throws Exception {
        assertThat(Subnet.parse(subnet).contains(InetAddress.getByName(address))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "1.2.3", "1.2.3.256", "1.2.3.4/33", "1.2.3.4/255.0.255.0", "::1/129",
        "1.2.3.4/ffff::", "", "1.2.3.4/"})
    void refusesWhatCoreRefuses(String bad) {
        assertThatThrownBy(() -> Subnet.parse(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid -rpcallowip subnet specification: " + bad + ". Valid values");
    }
}
