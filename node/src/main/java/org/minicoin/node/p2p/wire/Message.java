package org.minicoin.node.p2p.wire;

import org.minicoin.consensus.encoding.ByteWriter;

/**
 * A P2P message: its command and its payload encoding. Each implementation is a record named after its command
 * with a static {@code decode(ByteReader)}; {@link WireCodec} dispatches on the command.
 */
public sealed interface Message permits VersionMessage, VerackMessage, PingMessage, PongMessage, GetAddrMessage,
        AddrMessage, AddrV2Message, SendAddrV2Message, InvMessage, GetDataMessage, NotFoundMessage,
        GetHeadersMessage, GetBlocksMessage, HeadersMessage, BlockMessage, TxMessage, SendHeadersMessage,
        FeeFilterMessage, WtxidRelayMessage, MempoolMessage, UnknownMessage {

    /** The command sent in the header, at most 12 ASCII characters. */
    String command();

    /** Writes the payload (not the header) exactly as Bitcoin Core serializes it. */
    void encode(ByteWriter w);
}
