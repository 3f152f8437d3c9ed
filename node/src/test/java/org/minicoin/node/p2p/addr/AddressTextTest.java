package org.minicoin.node.p2p.addr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.minicoin.node.p2p.wire.NetAddress;
import org.minicoin.node.p2p.wire.Network;

class AddressTextTest {
    /** Decodes unpadded lower-case base32, for building addresses from Core's test strings. */
    private static byte[] base32(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : s.toCharArray()) {
            buffer = buffer << 5 | "abcdefghijklmnopqrstuvwxyz234567".indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write(buffer >>> (bits - 8) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }

    @ParameterizedTest
    @CsvSource({
        // Core's net_tests.cpp (cnetaddr_basic): the host part is base32 of the key (plus, for Tor, checksum and version).
        "TORV3, pg6mmjiyjmcrsslvykfwnntlaru7p5svn6y2ymmju6nubxndf4pscryd.onion",
        "I2P, udhdrtrcetjm5sxzskjyr5ztpeszydbh4dpl3pl4utgqqw2v4jna.b32.i2p"})
    void privacyNetworkAddressesAreWrittenAsCoreWritesThem(Network network, String text) {
        byte[] key = Arrays.copyOf(base32(text.substring(0, text.indexOf('.'))), 32);
        assertThat(AddressText.host(new NetAddress(0, 0, network, key, 0))).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({"8.8.8.8, 8.8.8.8", "2001:4860:4860:0:0:0:0:8888, 2001:4860:4860::8888",
        "2001:db8:0:1:0:0:0:1, 2001:db8:0:1::1"})
    void ipAddressesAreDottedOrRfc5952(String in, String out) {
        assertThat(AddressText.host(NetAddress.ip(0, 0, AddrNet.ip(in), 0))).isEqualTo(out);
    }

    @ParameterizedTest
    @CsvSource({"ipv4, IPV4", "IPv6, IPV6", "onion, TORV3", "I2P, I2P", "cjdns, CJDNS"})
    void networkNamesParseCaseInsensitively(String name, Network network) {
        assertThat(AddressText.parseNetwork(name)).contains(network);
        assertThat(AddressText.networkName(network)).isEqualTo(name.toLowerCase());
    }

    @ParameterizedTest
    @CsvSource({"tor", "internal", "not_publicly_routable", "''"})
    void unknownNetworkNamesAreRefused(String name) {
        assertThat(AddressText.parseNetwork(name)).isEmpty();
    }
}
