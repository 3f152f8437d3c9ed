package org.minicoin.node.p2p.wire;

import java.util.Map;
import java.util.function.Function;
import org.minicoin.consensus.encoding.ByteReader;
import org.minicoin.consensus.encoding.ByteWriter;
import org.minicoin.consensus.encoding.DecodeException;
import org.minicoin.consensus.params.ChainParams;

/**
 * Frames messages into bytes and parses bytes back, with the checks of Core's V1Transport (net.cpp) and the
 * message limits of its net_processing.cpp. Stateless and thread-safe.
 */
public final class WireCodec {
    private static final Map<String, Function<ByteReader, Message>> DECODERS = Map.ofEntries(
            Map.entry(VersionMessage.COMMAND, VersionMessage::decode),
            Map.entry(VerackMessage.COMMAND, VerackMessage::decode),
            Map.entry(PingMessage.COMMAND, PingMessage::decode),
            Map.entry(PongMessage.COMMAND, PongMessage::decode),
            Map.entry(GetAddrMessage.COMMAND, GetAddrMessage::decode),
            Map.entry(AddrMessage.COMMAND, AddrMessage::decode),
            Map.entry(AddrV2Message.COMMAND, AddrV2Message::decode),
            Map.entry(SendAddrV2Message.COMMAND, SendAddrV2Message::decode),
            Map.entry(InvMessage.COMMAND, InvMessage::decode),
            Map.entry(GetDataMessage.COMMAND, GetDataMessage::decode),
            Map.entry(NotFoundMessage.COMMAND, NotFoundMessage::decode),
            Map.entry(GetHeadersMessage.COMMAND, GetHeadersMessage::decode),
            Map.entry(GetBlocksMessage.COMMAND, GetBlocksMessage::decode),
            Map.entry(HeadersMessage.COMMAND, HeadersMessage::decode),
            Map.entry(BlockMessage.COMMAND, BlockMessage::decode),
            Map.entry(TxMessage.COMMAND, TxMessage::decode),
            Map.entry(SendHeadersMessage.COMMAND, SendHeadersMessage::decode),
            Map.entry(FeeFilterMessage.COMMAND, FeeFilterMessage::decode),
            Map.entry(WtxidRelayMessage.COMMAND, WtxidRelayMessage::decode),
            Map.entry(MempoolMessage.COMMAND, MempoolMessage::decode));

    private WireCodec() {
    }

    /**
     * The full frame, header then payload, of {@code message} on the chain with {@code params}.
     *
     * @throws IllegalArgumentException if the payload would exceed {@link MessageHeader#MAX_PROTOCOL_MESSAGE_LENGTH}
     */
    public static byte[] frame(ChainParams params, Message message) {
        ByteWriter body = new ByteWriter();
        message.encode(body);
        byte[] payload = body.toByteArray();
        if (payload.length > MessageHeader.MAX_PROTOCOL_MESSAGE_LENGTH) {
            throw new IllegalArgumentException(message.command() + " payload of " + payload.length
                    + " bytes exceeds " + MessageHeader.MAX_PROTOCOL_MESSAGE_LENGTH);
        }
        ByteWriter w = new ByteWriter(MessageHeader.SIZE + payload.length);
        MessageHeader.of(params, message.command(), payload).encode(w);
        w.writeBytes(payload);
        return w.toByteArray();
    }

    /** Whether {@code command} is one of the messages this codec decodes (the rest become UnknownMessage). */
    public static boolean isKnown(String command) {
        return DECODERS.containsKey(command);
    }

    /**
     * The message in {@code payload}, whose header has already passed {@link MessageHeader#decode}. Checks, in
     * Core's order: the payload is as long as announced, the command is well-formed, the checksum matches; then
     * decodes by command. A known command must use its whole payload, except {@code version}, whose trailing
     * bytes Core ignores. An unknown command becomes an {@link UnknownMessage}.
     *
     * @throws ProtocolViolation naming what is wrong
     */
    public static Message parse(MessageHeader header, byte[] payload) {
        String command = MessageHeader.printable(header.command());
        if (payload.length != header.payloadLength()) {
            throw new ProtocolViolation(ProtocolViolation.Kind.TRUNCATED, command + " payload of " + payload.length
                    + " bytes, header announced " + header.payloadLength());
        }
        if (!header.isCommandValid()) {
            throw new ProtocolViolation(ProtocolViolation.Kind.BAD_COMMAND, "Header error: Invalid message type ("
                    + command + ", " + payload.length + " bytes)");
        }
        int actual = MessageHeader.checksumOf(payload);
        if (actual != header.checksum()) {
            throw new ProtocolViolation(ProtocolViolation.Kind.BAD_CHECKSUM, String.format(
                    "Header error: Wrong checksum (%s, %d bytes), expected %08x was %08x", command, payload.length,
                    actual, header.checksum()));
        }
        Function<ByteReader, Message> decoder = DECODERS.get(header.command());
        if (decoder == null) {
            return new UnknownMessage(header.command(), payload);
        }
        ByteReader r = new ByteReader(payload);
        Message message;
        try {
            message = decoder.apply(r);
        } catch (DecodeException e) {
            // ByteReader says "truncated ..." when the payload ran out; anything else is a malformed encoding.
            ProtocolViolation.Kind kind = e.getMessage().startsWith("truncated")
                    ? ProtocolViolation.Kind.TRUNCATED : ProtocolViolation.Kind.MALFORMED;
            throw new ProtocolViolation(kind, command + ": " + e.getMessage(), e);
        }
        if (r.hasRemaining() && !(message instanceof VersionMessage)) {
            throw new ProtocolViolation(ProtocolViolation.Kind.TRAILING_BYTES, r.remaining()
                    + " bytes of trailing data after " + command + " message");
        }
        return message;
    }

    /** Parses one complete frame, header and payload with nothing after it, as {@link FrameDecoder} would. */
    public static Message unframe(ChainParams params, byte[] frame) {
        ByteReader r = new ByteReader(frame);
        MessageHeader header;
        try {
            header = MessageHeader.decode(r, params);
        } catch (DecodeException e) {
            throw new ProtocolViolation(ProtocolViolation.Kind.TRUNCATED, "header: " + e.getMessage(), e);
        }
        Message message = parse(header, r.readBytes(Math.min(r.remaining(), header.payloadLength()), "payload"));
        if (r.hasRemaining()) {
            throw new ProtocolViolation(ProtocolViolation.Kind.TRAILING_BYTES, r.remaining()
                    + " bytes after the frame of " + header.command());
        }
        return message;
    }
}
