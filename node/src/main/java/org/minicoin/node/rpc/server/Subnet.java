package org.minicoin.node.rpc.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * An IP network that may use the RPC server ({@code -rpcallowip}): a single address, {@code address/bits} or
 * {@code address/netmask}, IPv4 or IPv6, as Core's LookupSubNet reads it. Only numeric addresses: a host name is
 * never resolved, so the allow list cannot depend on DNS.
 */
public final class Subnet {
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d"
            + "|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final byte[] network;
    private final byte[] mask;
    private final String text;

    private Subnet(byte[] network, byte[] mask, String text) {
        this.mask = mask;
        this.network = network.clone();
        for (int i = 0; i < network.length; i++) {
            this.network[i] &= mask[i];
        }
        this.text = text;
    }

    /**
     * Reads a subnet.
     *
     * @throws IllegalArgumentException with Core's message ({@code Invalid -rpcallowip subnet specification: ...})
     */
    public static Subnet parse(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        byte[] addr = literal(address);
        byte[] mask = new byte[addr == null ? 0 : addr.length];
        if (addr != null) {
            if (slash < 0) {
                Arrays.fill(mask, (byte) 0xff);
            } else {
                String m = text.substring(slash + 1);
                mask = m.matches("\\d{1,3}") ? prefixMask(Integer.parseInt(m), addr.length) : netmask(m, addr.length);
            }
        }
        if (addr == null || mask == null) {
            throw new IllegalArgumentException("Invalid -rpcallowip subnet specification: " + text + ". Valid values "
                    + "are a single IP (e.g. 1.2.3.4), a network/netmask (e.g. 1.2.3.4/255.255.255.0), a "
                    + "network/CIDR (e.g. 1.2.3.4/24), all ipv4 (0.0.0.0/0), or all ipv6 (::/0).");
        }
        return new Subnet(addr, mask, text);
    }

    /** Whether {@code address} lies in this network; an IPv4 address never matches an IPv6 network, nor back. */
    public boolean contains(InetAddress address) {
        byte[] a = address.getAddress();
        if (a.length != network.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if ((a[i] & mask[i]) != network[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return text;
    }

    /** The bytes of a numeric IPv4 or IPv6 address, or null for anything else. */
    private static byte[] literal(String s) {
        if (!IPV4.matcher(s).matches() && !IPV6.matcher(s).matches()) {
            return null;
        }
        try {
            // A literal is parsed, not looked up; the patterns keep host names out.
            return InetAddress.getByName(s).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static byte[] prefixMask(int bits, int length) {
        if (bits > length * 8) {
            return null;
        }
        byte[] mask = new byte[length];
        for (int i = 0; i < bits; i++) {
            mask[i / 8] |= (byte) (0x80 >>> (i % 8));
        }
        return mask;
    }

    /** A netmask in address form; as Core, only a contiguous run of ones from the top is valid. */
    private static byte[] netmask(String s, int length) {
        byte[] mask = literal(s);
        if (mask == null || mask.length != length) {
            return null;
        }
        boolean zeroSeen = false;
        for (byte b : mask) {
            for (int bit = 7; bit >= 0; bit--) {
                boolean one = (b >> bit & 1) == 1;
                if (one && zeroSeen) {
                    return null;
                }
                zeroSeen |= !one;
            }
        }
        return mask;
    }
}
