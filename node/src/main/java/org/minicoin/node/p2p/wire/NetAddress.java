package org.minicoin.node.p2p.wire;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.minicoin.consensus.encoding.ByteReader;
import org.minicoin.consensus.encoding.ByteWriter;
import org.minicoin.consensus.encoding.DecodeException;

/**
 * A peer address as gossiped (Core's CAddress): last-seen time, service bits, network, address bytes and port.
 * It has two wire forms: the original 16-byte form of {@code addr} and {@code version} (IPv4 mapped into IPv6),
 * and BIP-0155's {@code addrv2} form that also carries TORv3, I2P and CJDNS addresses.
 *
 * @param time     last-seen time, seconds since the epoch (uint32 on the wire; absent in {@code version}, read as 0)
 * @param services the service bits the address advertises (NODE_NETWORK = 1, NODE_WITNESS = 8, ...)
 * @param network  which network the address belongs to
 * @param address  the address bytes, {@link Network#addressLength()} long
 * @param port     the TCP port, 0..65535 (big-endian on the wire)
 */
public record NetAddress(long time, long services, Network network, byte[] address, int port) {
    /** Core's CNetAddr::MAX_ADDRV2_SIZE: a longer addrv2 address is an error whatever its network. */
    public static final int MAX_ADDRV2_SIZE = 512;

    private static final byte[] IPV4_IN_IPV6_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff};
    private static final byte[] TORV2_IN_IPV6_PREFIX = {(byte) 0xfd, (byte) 0x87, (byte) 0xd8, 0x7e, (byte) 0xeb,
        0x43};

    /** Checks the address length against the network and the ranges of time and port; copies the bytes. */
    public NetAddress {
        Objects.requireNonNull(network, "network");
        if (address.length != network.addressLength()) {
            throw new IllegalArgumentException(network + " address of " + address.length + " bytes, should be "
                    + network.addressLength());
        }
        if (port < 0 || port > 0xffff) {
            throw new IllegalArgumentException("port " + port + " out of range");
        }
        if (time < 0 || time > 0xffffffffL) {
            throw new IllegalArgumentException("time " + time + " is not a uint32");
        }
        address = address.clone();
    }

    /** An IPv4 or IPv6 address from a Java {@link InetAddress}. */
    public static NetAddress ip(long time, long services, InetAddress ip, int port) {
        byte[] b = ip.getAddress();
        return new NetAddress(time, services, b.length == 4 ? Network.IPV4 : Network.IPV6, b, port);
    }

    /** The unspecified address (IPv6 ::, port 0, no services) that Core sends for "address unknown". */
    public static NetAddress unspecified() {
        return new NetAddress(0, 0, Network.IPV6, new byte[16], 0);
    }

    @Override
    public byte[] address() {
        return address.clone();
    }

    /** The address as a Java {@link InetAddress}, for IPv4 and IPv6 only. */
    public Optional<InetAddress> toInetAddress() {
        if (network != Network.IPV4 && network != Network.IPV6) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(address));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("length already checked", e);
        }
    }

    /** Writes the original form: [time uint32 if withTime] services uint64, 16 address bytes, port. */
    public void writeV1(ByteWriter w, boolean withTime) {
        if (withTime) {
            w.writeUInt32LE(time);
        }
        w.writeInt64LE(services);
        w.writeBytes(v1Bytes());
        w.writeUInt16BE(port);
    }

    /** The 16 bytes of the original form; as Core's SerializeV1Array, networks that do not fit are all zeros. */
    private byte[] v1Bytes() {
        return switch (network) {
            case IPV6 -> address.clone();
            case IPV4 -> {
                byte[] b = Arrays.copyOf(IPV4_IN_IPV6_PREFIX, 16);
                System.arraycopy(address, 0, b, 12, 4);
                yield b;
            }
            case TORV3, I2P, CJDNS -> new byte[16];
        };
    }

    /** Reads the original form; an IPv4-mapped IPv6 address becomes {@link Network#IPV4}, as in Core. */
    public static NetAddress readV1(ByteReader r, boolean withTime) {
        long time = withTime ? r.readUInt32LE("address time") : 0;
        long services = r.readInt64LE("address services");
        byte[] ip = r.readBytes(16, "address");
        int port = r.readUInt16BE("address port");
        if (hasPrefix(ip, IPV4_IN_IPV6_PREFIX)) {
            return new NetAddress(time, services, Network.IPV4, Arrays.copyOfRange(ip, 12, 16), port);
        }
        return new NetAddress(time, services, Network.IPV6, ip, port);
    }

    /** Writes the BIP-0155 form: time, services as CompactSize, network id, length-prefixed address, port. */
    public void writeV2(ByteWriter w) {
        w.writeUInt32LE(time);
        writeCompactSizeUnsigned(w, services);
        w.writeUInt8(network.bip155Id());
        w.writeVarBytes(address);
        w.writeUInt16BE(port);
    }

    /**
     * Reads one BIP-0155 entry as Core's CNetAddr::UnserializeV2Stream does. An address over
     * {@link #MAX_ADDRV2_SIZE} bytes, or a known network with the wrong length, is an error (Core's messages).
     * An entry Core reads as an invalid address is skipped (empty result) so the rest can still be read: an
     * unknown network id (including TORv2), and an IPv6 address that embeds IPv4 or TORv2.
     */
    public static Optional<NetAddress> readV2(ByteReader r) {
        long time = r.readUInt32LE("address time");
        long services = readCompactSizeUnsigned(r);
        int networkId = r.readUInt8("network id");
        long size = r.readCompactSize("address length");
        if (size > MAX_ADDRV2_SIZE) {
            throw new ProtocolViolation(ProtocolViolation.Kind.MALFORMED,
                    "Address too long: " + size + " > " + MAX_ADDRV2_SIZE);
        }
        Network network = Network.byBip155Id(networkId);
        if (network != null && size != network.addressLength()) {
            throw new ProtocolViolation(ProtocolViolation.Kind.MALFORMED, "BIP155 " + network + " address with length "
                    + size + " (should be " + network.addressLength() + ")");
        }
        byte[] address = r.readBytes((int) size, "address");
        int port = r.readUInt16BE("address port");
        if (network == null || network == Network.IPV6
                && (hasPrefix(address, IPV4_IN_IPV6_PREFIX) || hasPrefix(address, TORV2_IN_IPV6_PREFIX))) {
            return Optional.empty();
        }
        return Optional.of(new NetAddress(time, services, network, address, port));
    }

    /**
     * A CompactSize without Core's 32 MiB range check, as addrv2 service bits are read
     * (CompactSizeFormatter&lt;false&gt;); the shortest-encoding rule still applies.
     */
    private static long readCompactSizeUnsigned(ByteReader r) {
        int start = r.position();
        int first = r.readUInt8("address services");
        long value;
        long min;
        if (first < 0xfd) {
            return first;
        } else if (first == 0xfd) {
            value = r.readUInt16LE("address services");
            min = 0xfd;
        } else if (first == 0xfe) {
            value = r.readUInt32LE("address services");
            min = 0x10000L;
        } else {
            value = r.readInt64LE("address services");
            min = 0x100000000L;
        }
        if (Long.compareUnsigned(value, min) < 0) {
            throw new DecodeException("non-canonical CompactSize for address services", start);
        }
        return value;
    }

    private static void writeCompactSizeUnsigned(ByteWriter w, long v) {
        if (v >= 0 && v <= 0xffffffffL) {
            w.writeCompactSize(v);
        } else {
            w.writeUInt8(0xff).writeInt64LE(v);
        }
    }

    private static boolean hasPrefix(byte[] b, byte[] prefix) {
        return b.length >= prefix.length && Arrays.equals(b, 0, prefix.length, prefix, 0, prefix.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetAddress a && time == a.time && services == a.services && network == a.network
                && Arrays.equals(address, a.address) && port == a.port;
    }

    @Override
    public int hashCode() {
        return Objects.hash(time, services, network, Arrays.hashCode(address), port);
    }

    @Override
    public String toString() {
        String host = toInetAddress().map(InetAddress::getHostAddress)
                .orElseGet(() -> network + ":" + HexFormat.of().formatHex(address));
        return "NetAddress[" + host + " port " + port + ", services " + Long.toHexString(services) + ", time "
                + time + "]";
    }
}
