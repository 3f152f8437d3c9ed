package org.minicoin.node.p2p.addr;

import org.minicoin.node.p2p.wire.NetAddress;

/**
 * Which addresses are worth gossiping and which belong together, as Core's CNetAddr::IsRoutable and
 * NetGroupManager::GetGroup (without asmap). A group is the range one operator can easily hold many addresses in:
 * an IPv4 /16, an IPv6 /32 (/36 for Hurricane Electric's tunnels); Tor and I2P addresses are hashes of keys, so
 * their group is just 4 bits of them.
 */
final class NetGroups {
    private NetGroups() {
    }

    /** Whether {@code a} is a public address (Core's IsRoutable): not private, local, reserved or documentation. */
    static boolean isRoutable(NetAddress a) {
        byte[] b = a.address();
        return switch (a.network()) {
            case IPV4 -> isRoutableIpv4(b);
            case IPV6 -> isRoutableIpv6(b);
            case TORV3, I2P, CJDNS -> true;
        };
    }

    private static boolean isRoutableIpv4(byte[] b) {
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        int b2 = b[2] & 0xff;
        boolean invalid = b0 == 0 || b0 == 127                  // Core's IsLocal (0/8, 127/8)
                || b0 == 255 && b1 == 255 && b2 == 255 && (b[3] & 0xff) == 255; // INADDR_NONE
        boolean reserved = b0 == 10                              // RFC1918 private
                || b0 == 172 && b1 >= 16 && b1 <= 31             // RFC1918
                || b0 == 192 && b1 == 168                        // RFC1918
                || b0 == 198 && (b1 == 18 || b1 == 19)           // RFC2544 benchmarking
                || b0 == 169 && b1 == 254                        // RFC3927 link-local
                || b0 == 100 && b1 >= 64 && b1 <= 127            // RFC6598 carrier-grade NAT
                || b0 == 192 && b1 == 0 && b2 == 2               // RFC5737 documentation
                || b0 == 198 && b1 == 51 && b2 == 100            // RFC5737
                || b0 == 203 && b1 == 0 && b2 == 113;            // RFC5737
        return !invalid && !reserved;
    }

    private static boolean isRoutableIpv6(byte[] b) {
        int w0 = (b[0] & 0xff) << 8 | b[1] & 0xff;
        int w1 = (b[2] & 0xff) << 8 | b[3] & 0xff;
        boolean allZeroButLast = true;
        for (int i = 0; i < 15; i++) {
            allZeroButLast &= b[i] == 0;
        }
        boolean unspecifiedOrLoopback = allZeroButLast && (b[15] == 0 || b[15] == 1);
        return !unspecifiedOrLoopback
                && !(w0 == 0xfe80 && w1 == 0 && b[4] == 0 && b[5] == 0 && b[6] == 0 && b[7] == 0) // RFC4862
                && (w0 & 0xfe00) != 0xfc00                                   // RFC4193 unique local
                && !(w0 == 0x2001 && (w1 & 0xfff0) == 0x0010)                // RFC4843 ORCHID
                && !(w0 == 0x2001 && (w1 & 0xfff0) == 0x0020)                // RFC7343 ORCHIDv2
                && !(w0 == 0x2001 && w1 == 0x0db8);                          // RFC3849 documentation
    }

    /** The group of {@code a}: its network id, then the leading bits that one operator controls together. */
    static byte[] group(NetAddress a) {
        byte[] b = a.address();
        int bits;
        if (!isRoutable(a)) {
            bits = 0; // all unroutable addresses of a network share one group
        } else {
            bits = switch (a.network()) {
                case IPV4 -> 16;
                case IPV6 -> (b[0] & 0xff) == 0x20 && b[1] == 0x01 && b[2] == 0x04 && (b[3] & 0xff) == 0x70 ? 36 : 32;
                case TORV3, I2P -> 4;
                case CJDNS -> 12; // the first byte is always 0xfc; the random bits follow
            };
        }
        int bytes = (bits + 7) / 8;
        byte[] g = new byte[1 + bytes];
        g[0] = (byte) a.network().bip155Id();
        System.arraycopy(b, 0, g, 1, bytes);
        if (bits % 8 != 0) {
            g[bytes] |= (byte) ((1 << (8 - bits % 8)) - 1); // as Core: the bits past the group are set to 1
        }
        return g;
    }
}
