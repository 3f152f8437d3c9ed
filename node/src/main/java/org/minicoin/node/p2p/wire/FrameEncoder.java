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

    /** An encoder for the chain with {@code params}, whose magic starts every frame. Stateless, so sharable. */
    public FrameEncoder(ChainParams params) {
        super(Message.class);
        this.params = params;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Message msg, ByteBuf out) {
        out.writeBytes(WireCodec.frame(params, msg));
    }
}
