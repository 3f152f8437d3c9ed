package org.minicoin.node.p2p.peer;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.minicoin.node.p2p.wire.Message;
import org.minicoin.node.p2p.wire.ProtocolViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty end of a {@link Peer}: turns channel events into peer events and the peer's output into channel
 * writes. It sits after {@code FrameDecoder} and {@code FrameEncoder} and holds no protocol logic. Every event,
 * ticks included, runs on the channel's event loop, which is the one thread the peer needs. One instance per
 * channel.
 */
public final class PeerChannelHandler extends ChannelInboundHandlerAdapter implements PeerOutput {
    /** How often the peer gets a {@link Peer#tick}: timeouts are checked to within this. */
    public static final long TICK_MILLIS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(PeerChannelHandler.class);

    private final BiFunction<InetSocketAddress, PeerOutput, Peer> peerFactory;
    private final Clock clock;
    private ChannelHandlerContext ctx;
    private Peer peer;
    private ScheduledFuture<?> ticks;

    /**
     * A handler that creates its peer when the channel becomes active.
     *
     * @param peerFactory makes the peer for the channel's remote address, with this handler as its output
     * @param clock       the time given to {@link Peer#tick}; the peer's own clock should be the same
     */
    public PeerChannelHandler(BiFunction<InetSocketAddress, PeerOutput, Peer> peerFactory, Clock clock) {
        this.peerFactory = Objects.requireNonNull(peerFactory, "peerFactory");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The peer of this channel, or null before the channel is active. */
    public Peer peer() {
        return peer;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        this.ctx = ctx;
        peer = peerFactory.apply((InetSocketAddress) ctx.channel().remoteAddress(), this);
        peer.connected();
        ticks = ctx.executor().scheduleAtFixedRate(() -> peer.tick(clock.nowMillis()), TICK_MILLIS, TICK_MILLIS,
                TimeUnit.MILLISECONDS);
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        peer.received((Message) msg);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof ProtocolViolation v && peer != null) {
            peer.violation(v);
        } else {
            // An I/O error or a bug: the stream can no longer be trusted, so the connection ends.
            LOG.debug("socket error, disconnecting {}: {}", peer, cause.toString());
            ctx.close();
        }
    }

    /**
     * Core's fPauseSend and -maxsendbuffer: while the channel's outbound buffer is over its high water mark, the
     * peer's bytes are not read (so it cannot make us queue more replies); when it drains, reading and paused
     * replies resume.
     */
    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        boolean writable = ctx.channel().isWritable();
        ctx.channel().config().setAutoRead(writable);
        if (writable && peer != null) {
            peer.sendBufferDrained();
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (ticks != null) {
            ticks.cancel(false);
        }
        if (peer != null) {
            peer.disconnected();
        }
        super.channelInactive(ctx);
    }

    @Override
    public void send(Message message) {
        ctx.writeAndFlush(message);
    }

    @Override
    public boolean sendBufferFull() {
        return !ctx.channel().isWritable();
    }

    @Override
    public void disconnect(String reason) {
        LOG.debug("disconnecting {}: {}", peer, reason);
        ctx.close();
    }
}
