package org.minicoin.node.p2p.wire;

import org.minicoin.consensus.encoding.ByteReader;
import org.minicoin.consensus.encoding.ByteWriter;

/** {@code wtxidrelay}: sent before {@code verack}, announces transactions by wtxid ({@code MSG_WTX}) from now on (BIP-0339). Its payload is empty. */
public record WtxidRelayMessage() implements Message {
    public static final String COMMAND = "wtxidrelay";

    @Override
    public String command() {
        return COMMAND;
    }

    @Override
    public void encode(ByteWriter w) {
        // No payload.
    }

    /** Reads the (empty) payload; {@link WireCodec} rejects any bytes left over. */
    public static WtxidRelayMessage decode(ByteReader r) {
        return new WtxidRelayMessage();
    }
}
