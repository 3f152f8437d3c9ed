package org.minicoin.node.p2p.wire;

import org.minicoin.consensus.encoding.ByteReader;
import org.minicoin.consensus.encoding.ByteWriter;

/** {@code sendaddrv2}: sent before {@code verack}, asks for addresses in BIP-0155's {@code addrv2} form. Its payload is empty. */
public record SendAddrV2Message() implements Message {
    public static final String COMMAND = "sendaddrv2";

    @Override
    public String command() {
        return COMMAND;
    }

    @Override
    public void encode(ByteWriter w) {
        // No payload.
    }

    /** Reads the (empty) payload; {@link WireCodec} rejects any bytes left over. */
    public static SendAddrV2Message decode(ByteReader r) {
        return new SendAddrV2Message();
    }
}
