package org.minicoin.node.p2p.wire;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.minicoin.consensus.encoding.ByteReader;
import org.minicoin.consensus.encoding.ByteWriter;

/**
 * {@code version}: the first message each side sends. Layout as Core's PushNodeVersion / ProcessMessage:
 * version int32, services uint64, timestamp int64, the receiver's address (services, 16 bytes, port: no time),
 * the sender's address in the same form, nonce uint64, user agent (var_str of at most 256 bytes), start height
 * int32, relay bool (BIP-0037).
 *
 * <p>Core reads everything after the receiver's address as optional, each field present only if bytes remain,
 * and ignores bytes after {@code relay} (that is how {@code relay} itself was added). {@link #decode} does the
 * same, filling absent fields with Core's defaults (sender unspecified, nonce 1, user agent "", start height -1,
 * relay true); {@link #encode} always writes the full 70016 layout.
 *
 * @param version       the sender's protocol version ({@link #PROTOCOL_VERSION} for us)
 * @param services      the sender's service bits
 * @param timestamp     the sender's clock, seconds since the epoch
 * @param receiver      the address the sender sees us at (its {@code time} is not sent)
 * @param sender        the sender's own address; Core sends the unspecified address and ignores this field
 * @param nonce         random, to detect connecting to ourselves
 * @param userAgent     BIP-0014 user agent, e.g. {@code /minicoin:0.1.0/}, at most 256 bytes as UTF-8
 * @param startHeight   the sender's best height
 * @param relay         false asks us not to announce transactions until a filter is set (BIP-0037)
 */
public record VersionMessage(int version, long services, long timestamp, NetAddress receiver, NetAddress sender,
        long nonce, String userAgent, int startHeight, boolean relay) implements Message {
    public static final String COMMAND = "version";
    /** The protocol version this codec speaks: 70016, the version that introduced wtxidrelay (BIP-0339). */
    public static final int PROTOCOL_VERSION = 70016;
    /** Core's MAX_SUBVERSION_LENGTH. */
    public static final int MAX_SUBVERSION_LENGTH = 256;

    /** Checks the user agent's length so we never send what Core would refuse. */
    public VersionMessage {
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(sender, "sender");
        int length = userAgent.getBytes(StandardCharsets.UTF_8).length;
        if (length > MAX_SUBVERSION_LENGTH) {
            throw new IllegalArgumentException("user agent of " + length + " bytes exceeds " + MAX_SUBVERSION_LENGTH);
        }
    }

    @Override
    public String command() {
        return COMMAND;
    }

    @Override
    public void encode(ByteWriter w) {
        w.writeInt32LE(version).writeInt64LE(services).writeInt64LE(timestamp);
        receiver.writeV1(w, false);
        sender.writeV1(w, false);
        w.writeInt64LE(nonce);
        w.writeVarBytes(userAgent.getBytes(StandardCharsets.UTF_8));
        w.writeInt32LE(startHeight);
        w.writeUInt8(relay ? 1 : 0);
    }

    /** Reads a {@code version} payload; the fields after the receiver's address are optional, as in Core. */
    public static VersionMessage decode(ByteReader r) {
        int version = r.readInt32LE("version");
        long services = r.readInt64LE("services");
        long timestamp = r.readInt64LE("timestamp");
        NetAddress receiver = NetAddress.readV1(r, false);
        NetAddress sender = NetAddress.unspecified();
        long nonce = 1;
        String userAgent = "";
        int startHeight = -1;
        boolean relay = true;
        if (r.hasRemaining()) {
            sender = NetAddress.readV1(r, false);
            nonce = r.readInt64LE("nonce");
        }
        if (r.hasRemaining()) {
            long length = r.readCompactSize("user agent length");
            if (length > MAX_SUBVERSION_LENGTH) {
                // Core: LIMITED_STRING(strSubVer, MAX_SUBVERSION_LENGTH) throws "String length limit exceeded".
                throw new ProtocolViolation(ProtocolViolation.Kind.MALFORMED, "user agent: String length limit "
                        + "exceeded (" + length + " > " + MAX_SUBVERSION_LENGTH + ")");
            }
            userAgent = new String(r.readBytes((int) length, "user agent"), StandardCharsets.UTF_8);
        }
        if (r.hasRemaining()) {
            startHeight = r.readInt32LE("start height");
        }
        if (r.hasRemaining()) {
            relay = r.readUInt8("relay") != 0;
        }
        return new VersionMessage(version, services, timestamp, receiver, sender, nonce, userAgent, startHeight,
                relay);
    }
}
