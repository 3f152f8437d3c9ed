package org.minicoin.node.p2p.wire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import org.minicoin.consensus.params.ChainParams;

/** Writes each outbound {@link Message} as one frame (header and payload) through {@link WireCodec#frame}. */
@ChannelHandler.Sharable
public final class FrameEncoder extends MessageToByteEncoder<Message> {
    private final ChainParams params;
    private final FrameObserver observer;

    /** An encoder for the chain with {@code params}, whose magic starts every frame. Stateless, so sharable. */
    public FrameEncoder(ChainParams params) {
        this(params, FrameObserver.NONE);
    }

    /** An encoder that also tells {@code observer} of every frame it writes (sharable if the observer is). */
    public FrameEncoder(ChainParams params, FrameObserver observer) {
        super(Message.class);
        this.params = params;
        this.observer = observer;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Message msg, ByteBuf out) {
        byte[] frame = WireCodec.frame(params, msg);
        out.writeBytes(frame);
        observer.frame(msg.command(), frame.length);
    }
}
