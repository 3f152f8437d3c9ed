package org.minicoin.node.p2p.wire;

import org.minicoin.consensus.encoding.ByteReader;
import org.minicoin.consensus.encoding.ByteWriter;

/** {@code getaddr}: asks the peer for addresses of other peers, answered with {@code addr} or {@code addrv2}. Its payload is empty. */
public record GetAddrMessage() implements Message {
    public static final String COMMAND = "getaddr";

    @Override
    public String command() {
        return COMMAND;
    }

    @Override
    public void encode(ByteWriter w) {
        // No payload.
    }

    /** Reads the (empty) payload; {@link WireCodec} rejects any bytes left over. */
    public static GetAddrMessage decode(ByteReader r) {
        return new GetAddrMessage();
    }
}
