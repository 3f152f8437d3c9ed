package org.minicoin.node.p2p.wire;

import org.minicoin.consensus.encoding.ByteReader;
import org.minicoin.consensus.encoding.ByteWriter;

/** {@code mempool}: asks for an {@code inv} of the peer's mempool (BIP-0035); Core answers only peers with the bloom-filter permission. Its payload is empty. */
public record MempoolMessage() implements Message {
    public static final String COMMAND = "mempool";

    @Override
    public String command() {
        return COMMAND;
    }

    @Override
    public void encode(ByteWriter w) {
        // No payload.
    }

    /** Reads the (empty) payload; {@link WireCodec} rejects any bytes left over. */
    public static MempoolMessage decode(ByteReader r) {
        return new MempoolMessage();
    }
}
