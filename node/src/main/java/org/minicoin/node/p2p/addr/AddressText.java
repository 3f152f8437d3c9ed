package org.minicoin.node.p2p.addr;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;
import org.minicoin.node.p2p.wire.NetAddress;
import org.minicoin.node.p2p.wire.Network;

/**
 * Addresses as Core writes and names them in RPC results: CNetAddr::ToStringAddr (dotted IPv4, RFC 5952 IPv6,
 * {@code <base32>.onion} for Tor v3, {@code <base32>.b32.i2p} for I2P) and GetNetworkName/ParseNetwork.
 */
public final class AddressText {
    private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
    private static final byte TORV3_VERSION = 3;

    private AddressText() {
    }

    /** The host part of {@code a} as Core's ToStringAddr writes it (no port). */
    public static String host(NetAddress a) {
        byte[] b = a.address();
        return switch (a.network()) {
            case IPV4, IPV6, CJDNS -> Subnet.format(b);
            case TORV3 -> torV3(b);
            case I2P -> base32(b) + ".b32.i2p";
        };
    }

    /** Core's GetNetworkName for the networks an address can be on: ipv4, ipv6, onion, i2p, cjdns. */
    public static String networkName(Network n) {
        return switch (n) {
            case IPV4 -> "ipv4";
            case IPV6 -> "ipv6";
            case TORV3 -> "onion";
            case I2P -> "i2p";
            case CJDNS -> "cjdns";
        };
    }

    /** Core's ParseNetwork, case-insensitive; empty for a name it does not recognise. */
    public static Optional<Network> parseNetwork(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (Network net : Network.values()) {
            if (networkName(net).equals(n)) {
                return Optional.of(net);
            }
        }
        return Optional.empty();
    }

    /** Tor v3 (rend-spec-v3): base32(pubkey | checksum | version), checksum = SHA3-256(".onion checksum" | pubkey | version)[0..2]. */
    private static String torV3(byte[] pubkey) {
        MessageDigest sha3;
        try {
            sha3 = MessageDigest.getInstance("SHA3-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA3-256 is part of every Java 9+ runtime", e);
        }
        sha3.update(".onion checksum".getBytes(StandardCharsets.US_ASCII));
        sha3.update(pubkey);
        sha3.update(TORV3_VERSION);
        byte[] checksum = sha3.digest();
        byte[] all = new byte[pubkey.length + 3];
        System.arraycopy(pubkey, 0, all, 0, pubkey.length);
        all[pubkey.length] = checksum[0];
        all[pubkey.length + 1] = checksum[1];
        all[pubkey.length + 2] = TORV3_VERSION;
        return base32(all) + ".onion";
    }

    /** RFC 4648 base32, lower case, without padding (Core's EncodeBase32(..., pad=false)). */
    static String base32(byte[] data) {
        StringBuilder sb = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte v : data) {
            buffer = buffer << 8 | v & 0xff;
            bits += 8;
            while (bits >= 5) {
                sb.append(BASE32.charAt(buffer >>> (bits - 5) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            sb.append(BASE32.charAt(buffer << (5 - bits) & 31));
        }
        return sb.toString();
    }
}
