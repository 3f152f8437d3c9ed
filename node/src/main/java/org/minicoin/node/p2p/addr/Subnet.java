package org.minicoin.node.p2p.addr;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 network to ban ({@code setban}): a base address and a prefix length. Reads a single address,
 * {@code address/bits} or {@code address/netmask} as Core's LookupSubNet does, numeric only (a host name is never
 * resolved, so a ban cannot depend on DNS), and prints as Core's CSubNet::ToString ({@code 1.2.3.0/24},
 * {@code 1.2.3.4/32}, {@code 2001:db8::/32}). Immutable; equal when base and prefix are equal.
 */
public final class Subnet {
    /** Core's message for a subnet that does not parse (setban, RPC_CLIENT_INVALID_IP_OR_SUBNET). */
    public static final String INVALID = "Error: Invalid IP/Subnet";

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d"
            + "|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final byte[] base;
    private final int prefixBits;

    private Subnet(byte[] address, int prefixBits) {
        this.prefixBits = prefixBits;
        this.base = address.clone();
        for (int i = 0; i < base.length; i++) {
            int bits = Math.max(0, Math.min(8, prefixBits - 8 * i));
            base[i] &= (byte) (0xff00 >>> bits);
        }
    }

    /** The network holding just {@code address} (/32 or /128), as Core bans a single peer. */
    public static Subnet of(InetAddress address) {
        byte[] b = address.getAddress();
        return new Subnet(b, b.length * 8);
    }

    /** A network from its base address bytes (4 or 16) and prefix length; bits past the prefix are cleared. */
    public static Subnet of(byte[] address, int prefixBits) {
        if (address.length != 4 && address.length != 16 || prefixBits < 0 || prefixBits > address.length * 8) {
            throw new IllegalArgumentException(INVALID);
        }
        return new Subnet(address, prefixBits);
    }

    /**
     * Reads {@code 1.2.3.4}, {@code 1.2.3.0/24}, {@code 1.2.3.0/255.255.255.0} or the IPv6 forms.
     *
     * @throws IllegalArgumentException with Core's message {@value #INVALID}
     */
    public static Subnet parse(String text) {
        int slash = text.indexOf('/');
        byte[] address = literal(slash < 0 ? text : text.substring(0, slash));
        if (address == null) {
            throw new IllegalArgumentException(INVALID);
        }
        if (slash < 0) {
            return new Subnet(address, address.length * 8);
        }
        String suffix = text.substring(slash + 1);
        int bits = suffix.matches("\\d{1,3}") ? Integer.parseInt(suffix) : netmaskBits(suffix, address.length);
        return of(address, bits);
    }

    /** Whether {@code address} lies in this network; an IPv4 address never matches an IPv6 network, nor back. */
    public boolean contains(InetAddress address) {
        return new Subnet(address.getAddress(), prefixBits).equals(this);
    }

    /** The base address bytes (4 or 16), bits past the prefix cleared. */
    public byte[] base() {
        return base.clone();
    }

    /** The prefix length in bits. */
    public int prefixBits() {
        return prefixBits;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Subnet s && prefixBits == s.prefixBits && Arrays.equals(base, s.base);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(base) + prefixBits;
    }

    @Override
    public String toString() {
        return format(base) + "/" + prefixBits;
    }

    /** Dotted IPv4, or IPv6 with the longest run of zero groups compressed (RFC 5952, as Core prints it). */
    static String format(byte[] address) {
        if (address.length == 4) {
            return (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "."
                    + (address[3] & 0xff);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (address[2 * i] & 0xff) << 8 | address[2 * i + 1] & 0xff;
        }
        int bestStart = -1;
        int bestLength = 1; // RFC 5952: a single zero group is not compressed
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(i, j);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
            } else {
                if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                    sb.append(':');
                }
                sb.append(Integer.toHexString(groups[i]));
            }
        }
        return sb.toString();
    }

    /** The bytes of a numeric IPv4 or IPv6 address, or null for anything else (host names included). */
    private static byte[] literal(String s) {
        if (!IPV4.matcher(s).matches() && !IPV6.matcher(s).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(s).getAddress(); // a literal is parsed, not looked up
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** The prefix length a netmask stands for; as Core, only a contiguous run of ones from the top is valid. */
    private static int netmaskBits(String s, int length) {
        byte[] mask = literal(s);
        if (mask == null || mask.length != length) {
            throw new IllegalArgumentException(INVALID);
        }
        int ones = 0;
        boolean zeroSeen = false;
        for (byte b : mask) {
            for (int bit = 7; bit >= 0; bit--) {
                boolean one = (b >> bit & 1) == 1;
                if (one && zeroSeen) {
                    throw new IllegalArgumentException(INVALID);
                }
                zeroSeen |= !one;
                ones += one ? 1 : 0;
            }
        }
        return ones;
    }
}
