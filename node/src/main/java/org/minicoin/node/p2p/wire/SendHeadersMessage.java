package org.minicoin.node.p2p.wire;

import org.minicoin.consensus.encoding.ByteReader;
import org.minicoin.consensus.encoding.ByteWriter;

/** {@code sendheaders}: asks the peer to announce new blocks with {@code headers} rather than {@code inv} (BIP-0130). Its payload is empty. */
public record SendHeadersMessage() implements Message {
    public static final String COMMAND = "sendheaders";

    @Override
    public String command() {
        return COMMAND;
    }

    @Override
    public void encode(ByteWriter w) {
        // No payload.
    }

    /** Reads the (empty) payload; {@link WireCodec} rejects any bytes left over. */
    public static SendHeadersMessage decode(ByteReader r) {
        return new SendHeadersMessage();
    }
}
