package org.minicoin.node.p2p.wire;

import org.minicoin.consensus.encoding.ByteReader;
import org.minicoin.consensus.encoding.ByteWriter;

/**
 * {@code ping}: checks the peer is alive; it must answer {@code pong} with the same nonce (BIP-0031).
 *
 * @param nonce the int64 carried as the whole payload
 */
public record PingMessage(long nonce) implements Message {
    public static final String COMMAND = "ping";

    @Override
    public String command() {
        return COMMAND;
    }

    @Override
    public void encode(ByteWriter w) {
        w.writeInt64LE(nonce);
    }

    /** Reads the 8-byte little-endian payload. */
    public static PingMessage decode(ByteReader r) {
        return new PingMessage(r.readInt64LE("nonce"));
    }
}
