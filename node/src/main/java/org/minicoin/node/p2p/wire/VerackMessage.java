package org.minicoin.node.p2p.wire;

import org.minicoin.consensus.encoding.ByteReader;
import org.minicoin.consensus.encoding.ByteWriter;

/** {@code verack}: acknowledges the peer's {@code version}; the handshake is done once both sides have sent it. Its payload is empty. */
public record VerackMessage() implements Message {
    public static final String COMMAND = "verack";

    @Override
    public String command() {
        return COMMAND;
    }

    @Override
    public void encode(ByteWriter w) {
        // No payload.
    }

    /** Reads the (empty) payload; {@link WireCodec} rejects any bytes left over. */
    public static VerackMessage decode(ByteReader r) {
        return new VerackMessage();
    }
}
