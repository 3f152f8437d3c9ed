package org.minicoin.node.p2p.wire;

import org.minicoin.consensus.encoding.ByteReader;
import org.minicoin.consensus.encoding.ByteWriter;

/**
 * {@code pong}: the answer to {@code ping}, echoing its nonce.
 *
 * @param nonce the int64 carried as the whole payload
 */
public record PongMessage(long nonce) implements Message {
    public static final String COMMAND = "pong";

    @Override
    public String command() {
        return COMMAND;
    }

    @Override
    public void encode(ByteWriter w) {
        w.writeInt64LE(nonce);
    }

    /** Reads the 8-byte little-endian payload. */
    public static PongMessage decode(ByteReader r) {
        return new PongMessage(r.readInt64LE("nonce"));
    }
}
