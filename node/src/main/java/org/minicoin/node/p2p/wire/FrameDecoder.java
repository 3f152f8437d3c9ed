package org.minicoin.node.p2p.wire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import org.minicoin.consensus.encoding.ByteReader;
import org.minicoin.consensus.params.ChainParams;

/**
 * Splits a peer's byte stream into {@link Message}s. It reads the 24-byte header first and checks the magic and
 * the announced length before it waits for any payload byte, so a peer announcing more than
 * {@link MessageHeader#MAX_PROTOCOL_MESSAGE_LENGTH} never makes us buffer it; then it waits for the payload and
 * hands header and payload to {@link WireCodec#parse}.
 *
 * <p>Memory: once a read has been processed, the decoder holds at most one incomplete frame, under
 * 24 + 4,000,000 bytes (plus, transiently, the bytes of the read being processed).
 *
 * <p>Errors go to the pipeline's {@code exceptionCaught} as a {@link ProtocolViolation}. A desynchronizing one
 * (bad magic, oversize) also closes the channel and discards everything after it, as Core disconnects. After any
 * other the next frame is decoded normally: the caller decides, as Core drops a message with a bad checksum or
 * command but keeps the peer. One instance per channel (not sharable).
 */
public final class FrameDecoder extends ByteToMessageDecoder {
    private final ChainParams params;
    private final FrameObserver observer;
    private MessageHeader header;
    private boolean failed;

    /** A decoder for a connection on the chain with {@code params} (whose magic every header must carry). */
    public FrameDecoder(ChainParams params) {
        this(params, FrameObserver.NONE);
    }

    /** A decoder that also tells {@code observer} of every whole frame it reads. */
    public FrameDecoder(ChainParams params, FrameObserver observer) {
        this.params = params;
        this.observer = observer;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (header == null) {
            if (in.readableBytes() < MessageHeader.SIZE) {
                return;
            }
            byte[] bytes = new byte[MessageHeader.SIZE];
            in.readBytes(bytes);
            try {
                header = MessageHeader.decode(new ByteReader(bytes), params);
            } catch (ProtocolViolation v) {
                failed = true;
                in.skipBytes(in.readableBytes());
                ctx.fireExceptionCaught(v);
                ctx.close();
                return;
            }
        }
        if (in.readableBytes() < header.payloadLength()) {
            return;
        }
        byte[] payload = new byte[header.payloadLength()];
        in.readBytes(payload);
        MessageHeader h = header;
        header = null;
        observer.frame(MessageHeader.printable(h.command()), MessageHeader.SIZE + payload.length);
        try {
            out.add(WireCodec.parse(h, payload));
        } catch (ProtocolViolation v) {
            ctx.fireExceptionCaught(v);
        }
    }
}
