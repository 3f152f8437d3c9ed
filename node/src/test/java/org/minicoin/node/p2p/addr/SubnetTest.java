package org.minicoin.node.p2p.addr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SubnetTest {
    @ParameterizedTest
    @CsvSource({
        "1.2.3.4, 1.2.3.4/32",
        "1.2.3.4/24, 1.2.3.0/24",
        "1.2.3.4/255.255.0.0, 1.2.0.0/16",
        "0.0.0.0/0, 0.0.0.0/0",
        "2001:db8::1, 2001:db8::1/128",
        "2001:db8:0:0:1:0:0:1/64, 2001:db8::/64",
        "2001:0:0:1:0:0:0:1, 2001:0:0:1::1/128",
        "::/0, ::/0",
        "fe80:0:0:0:0:0:0:0/ffff:ffff::, fe80::/32",
        "::ffff:1.2.3.4, 1.2.3.4/32",
    })
    void readsAndPrintsAsCore(String text, String printed) {
        assertThat(Subnet.parse(text)).hasToString(printed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3", "1.2.3.256", "1.2.3.4/33", "1.2.3.4/255.0.255.0", "example.com",
        "1.2.3.4/", "::1/129", "1.2.3.4/ffff::", "localhost"})
    void refusesWhatCoreRefuses(String text) {
        assertThatThrownBy(() -> Subnet.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Error: Invalid IP/Subnet");
    }

    @ParameterizedTest
    @CsvSource({
        "10.1.0.0/16, 10.1.255.7, true",
        "10.1.0.0/16, 10.2.0.1, false",
        "10.1.2.3, 10.1.2.3, true",
        "10.1.2.3, 10.1.2.4, false",
        "0.0.0.0/0, 8.8.8.8, true",
        "0.0.0.0/0, 2001:db8::1, false",
        "2001:db8::/32, 2001:db8:ffff::1, true",
        "2001:db8::/32, 2001:db9::1, false",
    })
    void containsAddressesOfItsNetworkOnly(String subnet, String address, boolean contained)
            throws UnknownHostException {
        assertThat(Subnet.parse(subnet).contains(InetAddress.getByName(address))).isEqualTo(contained);
    }

    @ParameterizedTest
    @CsvSource({"1.2.3.4/24, 1.2.3.0/255.255.255.0", "1.2.3.4, 1.2.3.4/32", "::1, ::1/128"})
    void equalNetworksAreEqualWhateverTheSpelling(String a, String b) {
        assertThat(Subnet.parse(a)).isEqualTo(Subnet.parse(b)).hasSameHashCodeAs(Subnet.parse(b));
    }
}
