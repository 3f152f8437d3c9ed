package org.minicoin.node.p2p.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
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
import org.minicoin.node.p2p.addr.AddressManager;
import org.minicoin.node.p2p.addr.BanList;
import org.minicoin.node.p2p.addr.OutboundPlanner;
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
import org.minicoin.node.p2p.wire.NetAddress;
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
                           List<InetSocketAddress> addNodes, List<InetSocketAddress> seedNodes, int maxConnections,
                           String userAgent) {
    }

    /** How often outbound connections are topped up from the address manager (Core's ThreadOpenConnections: 0.5 s). */
    static final long OPEN_CONNECTIONS_MILLIS = 500;
    /** Core's DUMP_PEERS_INTERVAL: the address manager is written every 15 minutes, and at shutdown. */
    static final long DUMP_PEERS_MINUTES = 15;

    /** A connection as getpeerinfo shows it. */
    public record Connection(Peer peer, Channel channel, ConnectionType type, long connectedAt, Traffic traffic) {
    }

    /**
     * Core's DEFAULT_MAXSENDBUFFER (1,000 kB): over this much unsent output a peer's messages are no longer read
     * until the buffer drains to half.
     */
    public static final int MAX_SEND_BUFFER = 1_000_000;

    private final ChainParams params;
    private final Settings settings;
    private final BanList bans;
    private final AddressManager addrman;
    private final OutboundPlanner planner;
    private final IntSupplier bestHeight;
    private final PeerListener upper;
    private final EventLoopGroup acceptors = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoopGroup loops = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final List<Channel> listeners = new ArrayList<>();
    private final Map<Long, Connection> connections = new ConcurrentHashMap<>();
    /** Outbound addresses being connected or connected, with their type, so each is connected once. */
    private final Map<InetSocketAddress, ConnectionType> connecting = new ConcurrentHashMap<>();
    private final LocalNonces nonces = new LocalNonces();
    private final AtomicLong nextId = new AtomicLong();
    private final SecureRandom random = new SecureRandom();
    private final Traffic traffic = new Traffic();
    /** -addnode peers and those added by the addnode RPC, kept connected while there is no -connect. */
    private final java.util.Set<InetSocketAddress> addedNodes = ConcurrentHashMap.newKeySet();
    private volatile boolean networkActive = true;

    private ConnectionManager(ChainParams params, Settings settings, BanList bans, AddressManager addrman,
                              IntSupplier bestHeight, PeerListener upper) {
        this.params = params;
        this.settings = settings;
        this.bans = bans;
        this.addrman = addrman;
        this.planner = new OutboundPlanner(addrman, bans, () -> System.currentTimeMillis() / 1000,
                Math.min(OutboundPlanner.MAX_OUTBOUND_FULL_RELAY_CONNECTIONS, settings.maxConnections()),
                settings.seedNodes());
        this.bestHeight = bestHeight;
        this.upper = upper;
        this.addedNodes.addAll(settings.addNodes());
    }

    /**
     * Starts listening and connecting. {@code upper} receives every peer event after this manager has
     * handled it (may be a no-op until sync and relay exist).
     *
     * @throws IOException if a -bind address cannot be bound (Core refuses to start then too)
     */
    public static ConnectionManager start(ChainParams params, Settings settings, BanList bans, AddressManager addrman,
                                          IntSupplier bestHeight, PeerListener upper) throws IOException {
        ConnectionManager m = new ConnectionManager(params, settings, bans, addrman, bestHeight, upper);
        try {
            m.listen();
        } catch (IOException | RuntimeException e) {
            m.close();
            throw e;
        }
        m.retryManual();
        m.loops.next().scheduleAtFixedRate(m::retryManual, RETRY_SECONDS, RETRY_SECONDS, TimeUnit.SECONDS);
        if (settings.connect().isEmpty()) {
            // Core makes no automatic connections, and asks no seed node, when -connect is given.
            m.loops.next().scheduleWithFixedDelay(m::openConnections, 0, OPEN_CONNECTIONS_MILLIS,
                    TimeUnit.MILLISECONDS);
        }
        m.loops.next().scheduleAtFixedRate(addrman::flush, DUMP_PEERS_MINUTES, DUMP_PEERS_MINUTES, TimeUnit.MINUTES);
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
        Traffic t = traffic.connection();
        ch.config().setWriteBufferWaterMark(new WriteBufferWaterMark(MAX_SEND_BUFFER / 2, MAX_SEND_BUFFER));
        ch.pipeline().addLast(new FrameDecoder(params, t.receiving()), new FrameEncoder(params, t.sending()),
                new PeerChannelHandler((remote, output) -> {
                    Peer p = new Peer(nextId.getAndIncrement(), type, remote, localVersion(), nonces, output,
                            ConnectionManager.this, Clock.SYSTEM, random);
                    connections.put(p.id(), new Connection(p, ch, type, System.currentTimeMillis() / 1000, t));
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
                            if (!networkActive) {
                                LOG.info("connection from {} dropped (network not active)", remote);
                                ch.close();
                                return;
                            }
                            if (bans.isBanned(remote.getAddress())) {
                                LOG.info("connection from {} dropped (banned)", remote);
                                ch.close();
                                return;
                            }
                            if (!roomForInbound(remote, bans.isDiscouraged(remote.getAddress()))) {
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
        if (!networkActive || connecting.putIfAbsent(address, type) != null) {
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

    /**
     * Core's ThreadOpenConnections, one round: an address-fetch connection to a -seednode when due, then outbound
     * full-relay connections from the address manager until the target (8) is reached or no suitable address is
     * left. Each pick counts as an attempt in the address manager, a failure only when we seem to be online.
     */
    private void openConnections() {
        if (!networkActive) {
            return;
        }
        try {
            int fullRelay = (int) connecting.values().stream()
                    .filter(t -> t == ConnectionType.OUTBOUND_FULL_RELAY).count();
            planner.nextSeedNode(fullRelay).ifPresent(a -> connect(a, ConnectionType.ADDR_FETCH));
            while (planner.wantsMore(fullRelay)) {
                List<InetSocketAddress> outbound = new ArrayList<>();
                connecting.forEach((a, t) -> {
                    if (t == ConnectionType.OUTBOUND_FULL_RELAY || t == ConnectionType.MANUAL) {
                        outbound.add(a);
                    }
                });
                List<InetSocketAddress> all = new ArrayList<>(connecting.keySet());
                connections.values().forEach(c -> all.add(c.peer().remote()));
                NetAddress next = planner.next(outbound, all, addedNodes).orElse(null);
                InetSocketAddress target = next == null ? null
                        : next.toInetAddress().map(ip -> new InetSocketAddress(ip, next.port())).orElse(null);
                if (target == null) {
                    return;
                }
                addrman.attempt(next, planner.countFailures(outbound));
                connect(target, ConnectionType.OUTBOUND_FULL_RELAY);
                fullRelay++;
            }
        } catch (RuntimeException e) {
            LOG.warn("opening connections: {}", e.toString()); // keep the schedule alive
        }
    }

    /** (Re)connects the -connect peers, or without them the -addnode peers, that have no connection. */
    private void retryManual() {
        List<InetSocketAddress> manual = settings.connect().isEmpty() ? List.copyOf(addedNodes) : settings.connect();
        for (InetSocketAddress a : manual) {
            connect(a, ConnectionType.MANUAL);
        }
    }

    /** Adds a peer to keep connected, as addnode add does; false if it was already added. */
    public boolean addNode(InetSocketAddress address) {
        boolean added = addedNodes.add(address);
        if (added && settings.connect().isEmpty()) {
            connect(address, ConnectionType.MANUAL);
        }
        return added;
    }

    /** Stops keeping a peer connected (addnode remove); an open connection stays. False if it was not added. */
    public boolean removeNode(InetSocketAddress address) {
        return addedNodes.remove(address);
    }

    /** The added peers (-addnode and addnode add). */
    public List<InetSocketAddress> addedNodes() {
        return List.copyOf(addedNodes);
    }

    /** The node's traffic, all connections together (getnettotals). */
    public Traffic traffic() {
        return traffic;
    }

    public boolean networkActive() {
        return networkActive;
    }

    /**
     * Core's setnetworkactive: when false, every connection is closed and no new one is made or accepted; when
     * true again, connecting resumes.
     */
    public void setNetworkActive(boolean active) {
        networkActive = active;
        if (active) {
            retryManual();
        } else {
            for (Connection c : connections.values()) {
                c.channel().close();
            }
        }
        LOG.info("SetNetworkActive: {}", active);
    }

    /**
     * Core's CreateNodeFromAcceptedSocket checks: a discouraged address is accepted only while there is room to
     * spare; when the inbound slots are full, a connection from a discouraged address is evicted to make room (the
     * youngest first; Core's AttemptToEvictConnection, reduced to its first preference), else the newcomer is
     * dropped.
     */
    private boolean roomForInbound(InetSocketAddress remote, boolean discouraged) {
        long maxInbound = Math.max(0, settings.maxConnections() - outboundCount());
        long inbound = inboundCount();
        if (discouraged && inbound + 1 >= maxInbound) {
            LOG.info("connection from {} dropped (discouraged)", remote);
            return false;
        }
        if (inbound < maxInbound) {
            return true;
        }
        Connection evict = connections.values().stream()
                .filter(c -> c.type().isInbound() && bans.isDiscouraged(c.peer().remote().getAddress()))
                .max((a, b) -> Long.compare(a.peer().id(), b.peer().id())).orElse(null);
        if (evict == null) {
            LOG.info("failed to find an eviction candidate - connection from {} dropped (full)", remote);
            return false;
        }
        LOG.info("evicting discouraged peer={} to make room for {}", evict.peer().id(), remote);
        connections.remove(evict.peer().id());
        evict.channel().close();
        return true;
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
    public void sendBufferDrained(Peer p) {
        upper.sendBufferDrained(p);
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
        addrman.flush();
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
