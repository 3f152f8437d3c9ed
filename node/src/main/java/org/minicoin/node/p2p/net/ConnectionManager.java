package org.minicoin.node.p2p.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.node.p2p.addr.BanList;
import org.minicoin.node.p2p.peer.Clock;
import org.minicoin.node.p2p.peer.ConnectionType;
import org.minicoin.node.p2p.peer.LocalNonces;
import org.minicoin.node.p2p.peer.LocalVersion;
import org.minicoin.node.p2p.peer.Misbehavior;
import org.minicoin.node.p2p.peer.Peer;
import org.minicoin.node.p2p.peer.PeerChannelHandler;
import org.minicoin.node.p2p.peer.PeerInfo;
import org.minicoin.node.p2p.peer.PeerListener;
import org.minicoin.node.p2p.peer.PeerNetwork;
import org.minicoin.node.p2p.peer.Penalty;
import org.minicoin.node.p2p.peer.ServiceFlags;
import org.minicoin.node.p2p.wire.FrameDecoder;
import org.minicoin.node.p2p.wire.FrameEncoder;
import org.minicoin.node.p2p.wire.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's connections (Core's CConnman, the connection part): listens for inbound peers up to
 * -maxconnections, refuses banned addresses, connects to -connect and -addnode peers (retrying added nodes), runs each
 * connection's {@link Peer} on its Netty event loop, and keeps what getpeerinfo shows. Messages after the handshake
 * go to a {@link PeerListener} given by the layer above (sync and relay).
 */
public final class ConnectionManager implements PeerListener, PeerNetwork, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("minicoind");
    /**
     * How often -connect and -addnode peers that are not connected are tried again (Core: every 0.5 s for -connect,
     * every 60 s for -addnode; one interval serves both here).
     */
    static final long RETRY_SECONDS = 2;

    /** What the manager is started with. An empty {@code bind} list means not listening. */
    public record Settings(List<InetSocketAddress> bind, List<InetSocketAddress> connect,
                           List<InetSocketAddress> addNodes, int maxConnections, String userAgent) {
    }

    /** A connection as getpeerinfo shows it. */
    public record Connection(Peer peer, Channel channel, ConnectionType type, long connectedAt) {
    }

    private final ChainParams params;
    private final Settings settings;
    private final BanList bans;
    private final IntSupplier bestHeight;
    private final PeerListener upper;
    private final EventLoopGroup acceptors = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoopGroup loops = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final List<Channel> listeners = new ArrayList<>();
    private final Map<Long, Connection> connections = new ConcurrentHashMap<>();
    /** Outbound addresses being connected or connected, so each is connected once. */
    private final java.util.Set<InetSocketAddress> connecting = ConcurrentHashMap.newKeySet();
    private final LocalNonces nonces = new LocalNonces();
    private final AtomicLong nextId = new AtomicLong();
    private final SecureRandom random = new SecureRandom();

    private ConnectionManager(ChainParams params, Settings settings, BanList bans, IntSupplier bestHeight,
                              PeerListener upper) {
        this.params = params;
        this.settings = settings;
        this.bans = bans;
        this.bestHeight = bestHeight;
        this.upper = upper;
    }

    /**
     * Starts listening and connecting. {@code upper} receives every peer event after this manager has
     * handled it (may be a no-op until sync and relay exist).
     *
     * @throws IOException if a -bind address cannot be bound (Core refuses to start then too)
     */
    public static ConnectionManager start(ChainParams params, Settings settings, BanList bans, IntSupplier bestHeight,
                                          PeerListener upper) throws IOException {
        ConnectionManager m = new ConnectionManager(params, settings, bans, bestHeight, upper);
        try {
            m.listen();
        } catch (IOException | RuntimeException e) {
            m.close();
            throw e;
        }
        m.retryManual();
        m.loops.next().scheduleAtFixedRate(m::retryManual, RETRY_SECONDS, RETRY_SECONDS, TimeUnit.SECONDS);
        return m;
    }

    private LocalVersion localVersion() {
        return new LocalVersion(ServiceFlags.NODE_NETWORK | ServiceFlags.NODE_WITNESS, settings.userAgent(), true,
                bestHeight);
    }

    private ChannelInitializer<SocketChannel> pipeline(ConnectionType type) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                addPeerHandlers(ch, type);
            }
        };
    }

    /** Framing, then the connection's {@link Peer}, created when the channel opens. */
    private void addPeerHandlers(SocketChannel ch, ConnectionType type) {
        ch.pipeline().addLast(new FrameDecoder(params), new FrameEncoder(params),
                new PeerChannelHandler((remote, output) -> {
                    Peer p = new Peer(nextId.getAndIncrement(), type, remote, localVersion(), nonces, output,
                            ConnectionManager.this, Clock.SYSTEM, random);
                    connections.put(p.id(), new Connection(p, ch, type, System.currentTimeMillis() / 1000));
                    return p;
                }, Clock.SYSTEM));
    }

    private void listen() throws IOException {
        for (InetSocketAddress address : settings.bind()) {
            ServerBootstrap b = new ServerBootstrap().group(acceptors, loops).channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            InetSocketAddress remote = ch.remoteAddress();
                            if (bans.isBanned(remote.getAddress())) {
                                LOG.info("connection from {} dropped (banned)", remote);
                                ch.close();
                                return;
                            }
                            if (inboundCount() >= Math.max(0, settings.maxConnections() - outboundCount())) {
                                LOG.info("connection from {} dropped (full)", remote);
                                ch.close();
                                return;
                            }
                            addPeerHandlers(ch, ConnectionType.INBOUND);
                        }
                    });
            try {
                listeners.add(b.bind(address).syncUninterruptibly().channel());
                LOG.info("Bound to {}", address);
            } catch (Exception e) {
                // Netty rethrows the bind's checked exception undeclared.
                throw new IOException("Unable to bind to " + address + " on this computer. minicoind is probably "
                        + "already running.", e);
            }
        }
    }

    /** Opens an outbound connection (asynchronously). */
    public void connect(InetSocketAddress address, ConnectionType type) {
        if (!connecting.add(address)) {
            return;
        }
        new Bootstrap().group(loops).channel(NioSocketChannel.class).option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5000).handler(pipeline(type)).connect(address)
                .addListener(f -> {
                    if (!f.isSuccess()) {
                        connecting.remove(address);
                        LOG.debug("connection to {} failed: {}", address, f.cause().toString());
                    }
                });
    }

    /** (Re)connects the -connect peers, or without them the -addnode peers, that have no connection. */
    private void retryManual() {
        List<InetSocketAddress> manual = settings.connect().isEmpty() ? settings.addNodes() : settings.connect();
        for (InetSocketAddress a : manual) {
            connect(a, ConnectionType.MANUAL);
        }
    }

    private long inboundCount() {
        return connections.values().stream().filter(c -> c.type().isInbound()).count();
    }

    private long outboundCount() {
        return connections.size() - inboundCount();
    }

    /** The open connections, oldest first. */
    public List<Connection> connections() {
        List<Connection> list = new ArrayList<>(connections.values());
        list.sort((a, b) -> Long.compare(a.peer().id(), b.peer().id()));
        return list;
    }

    @Override
    public List<Peer> peers() {
        return connections().stream().map(Connection::peer).toList();
    }

    @Override
    public void execute(Peer peer, Runnable task) {
        Connection c = connections.get(peer.id());
        if (c != null) {
            c.channel().eventLoop().execute(task);
        }
    }

    /** Closes the connection with id {@code id} or to {@code address}; false if there is none. */
    public boolean disconnect(Long id, String address) {
        for (Connection c : connections.values()) {
            boolean match = id != null ? c.peer().id() == id
                    : c.peer().remote().toString().replaceFirst("^[^/]*/", "").equals(address);
            if (match) {
                c.channel().close();
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------ peer events

    @Override
    public void handshakeComplete(Peer p, PeerInfo info) {
        LOG.info("New {} peer connected: version: {}, blocks={}, peer={}, useragent={}",
                p.type().isInbound() ? "inbound" : "outbound", info.version(), info.startHeight(), p.id(),
                info.userAgent());
        upper.handshakeComplete(p, info);
    }

    @Override
    public void message(Peer p, Message m) {
        upper.message(p, m);
    }

    @Override
    public void misbehaved(Peer p, Misbehavior m) {
        if (m.penalty() == Penalty.DISCOURAGE) {
            bans.discourage(p.remote().getAddress());
        }
        LOG.info("Misbehaving: peer={} {}", p.id(), m.reason());
        upper.misbehaved(p, m);
    }

    @Override
    public void tick(Peer p, long nowMillis) {
        upper.tick(p, nowMillis);
    }

    @Override
    public void disconnected(Peer p) {
        connections.remove(p.id());
        if (!p.type().isInbound()) {
            connecting.remove(p.remote());
        }
        upper.disconnected(p);
    }

    /** The port of the first listening socket, or -1 when not listening. */
    public int port() {
        return listeners.isEmpty() ? -1 : ((InetSocketAddress) listeners.get(0).localAddress()).getPort();
    }

    @Override
    public void close() {
        for (Channel l : listeners) {
            l.close().syncUninterruptibly();
        }
        for (Connection c : connections.values()) {
            c.channel().close();
        }
        loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        acceptors.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
