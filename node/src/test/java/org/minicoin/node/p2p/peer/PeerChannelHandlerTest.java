package org.minicoin.node.p2p.peer;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.testing.ChainParamsFixtures;
import org.minicoin.node.p2p.wire.FrameDecoder;
import org.minicoin.node.p2p.wire.FrameEncoder;
import org.minicoin.node.p2p.wire.Message;

/** Two peers over real sockets on 127.0.0.1: the Netty adapter carries the handshake and ping/pong. */
class PeerChannelHandlerTest {
    private static final ChainParams REGTEST = ChainParamsFixtures.regtest();
    private static final long WAIT_SECONDS = 10;

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());

    @AfterEach
    void shutDown() throws Exception {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void twoPeersHandshakeAndMeasurePingOverLoopback() throws Exception {
        Events server = new Events();
        Events client = new Events();
        Channel listening = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(pipeline(1, ConnectionType.INBOUND, new LocalNonces(), server))
                .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
        Channel connection = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .handler(pipeline(2, ConnectionType.OUTBOUND_FULL_RELAY, new LocalNonces(), client))
                .connect(listening.localAddress()).sync().channel();

        PeerInfo seenByServer = server.handshake.get(WAIT_SECONDS, TimeUnit.SECONDS);
        PeerInfo seenByClient = client.handshake.get(WAIT_SECONDS, TimeUnit.SECONDS);
        for (PeerInfo info : new PeerInfo[] {seenByServer, seenByClient}) {
            assertThat(info.version()).isEqualTo(70016);
            assertThat(info.userAgent()).isEqualTo("/minicoin:test/");
            assertThat(info.startHeight()).isEqualTo(42);
            assertThat(info.wtxidRelay()).isTrue();
            assertThat(info.sendAddrV2()).isTrue();
        }

        // Each side pings as soon as its handshake completes; wait for both pongs to come back.
        Peer serverPeer = server.peer.get();
        Peer clientPeer = client.peer.get();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while ((serverPeer.lastPingMillis().isEmpty() || clientPeer.lastPingMillis().isEmpty())
                && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        assertThat(serverPeer.lastPingMillis()).isPresent();
        assertThat(serverPeer.lastPingMillis().getAsLong()).isBetween(0L, WAIT_SECONDS * 1000);
        assertThat(clientPeer.minPingMillis()).isPresent();
        assertThat(clientPeer.minPingMillis().getAsLong()).isBetween(0L, WAIT_SECONDS * 1000);

        connection.close().sync();
        assertThat(server.disconnected.get(WAIT_SECONDS, TimeUnit.SECONDS)).isSameAs(serverPeer);
        assertThat(client.disconnected.get(WAIT_SECONDS, TimeUnit.SECONDS)).isSameAs(clientPeer);
        assertThat(server.misbehaved).isNotDone();
        listening.close().sync();
    }

    @Test
    void aNodeConnectingToItselfIsDisconnected() throws Exception {
        LocalNonces shared = new LocalNonces();
        Events server = new Events();
        Events client = new Events();
        Channel listening = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(pipeline(1, ConnectionType.INBOUND, shared, server))
                .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
        new Bootstrap().group(group).channel(NioSocketChannel.class)
                .handler(pipeline(2, ConnectionType.OUTBOUND_FULL_RELAY, shared, client))
                .connect(listening.localAddress()).sync();

        // The inbound side sees our own nonce and closes, so the outbound side is closed too.
        assertThat(server.disconnected.get(WAIT_SECONDS, TimeUnit.SECONDS)).isNotNull();
        assertThat(client.disconnected.get(WAIT_SECONDS, TimeUnit.SECONDS)).isNotNull();
        assertThat(server.handshake).isNotDone();
        assertThat(client.handshake).isNotDone();
        listening.close().sync();
    }

    private static ChannelInitializer<SocketChannel> pipeline(long id, ConnectionType type, LocalNonces nonces,
            Events events) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast(new FrameDecoder(REGTEST), new FrameEncoder(REGTEST),
                        new PeerChannelHandler((remote, output) -> new Peer(id, type, remote, PeerHarness.LOCAL,
                                nonces, output, events, Clock.SYSTEM, new SplittableRandom()), Clock.SYSTEM));
            }
        };
    }

    /** A listener that completes a future per event, for the test thread to wait on. */
    private static final class Events implements PeerListener {
        final CompletableFuture<PeerInfo> handshake = new CompletableFuture<>();
        final CompletableFuture<Peer> peer = new CompletableFuture<>();
        final CompletableFuture<Peer> disconnected = new CompletableFuture<>();
        final CompletableFuture<Misbehavior> misbehaved = new CompletableFuture<>();

        @Override
        public void handshakeComplete(Peer p, PeerInfo info) {
            peer.complete(p);
            handshake.complete(info);
        }

        @Override
        public void message(Peer p, Message message) {
        }

        @Override
        public void misbehaved(Peer p, Misbehavior misbehavior) {
            misbehaved.complete(misbehavior);
        }

        @Override
        public void disconnected(Peer p) {
            disconnected.complete(p);
        }
    }
}
