package org.minicoin.node.p2p.peer;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;
import org.minicoin.node.p2p.wire.FeeFilterMessage;
import org.minicoin.node.p2p.wire.Message;
import org.minicoin.node.p2p.wire.NetAddress;
import org.minicoin.node.p2p.wire.Network;
import org.minicoin.node.p2p.wire.PingMessage;
import org.minicoin.node.p2p.wire.PongMessage;
import org.minicoin.node.p2p.wire.ProtocolViolation;
import org.minicoin.node.p2p.wire.SendAddrV2Message;
import org.minicoin.node.p2p.wire.SendHeadersMessage;
import org.minicoin.node.p2p.wire.VerackMessage;
import org.minicoin.node.p2p.wire.VersionMessage;
import org.minicoin.node.p2p.wire.WtxidRelayMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's protocol state machine, fed with events: {@link #connected()}, {@link #received(Message)},
 * {@link #tick(long)}, {@link #disconnected()}. It does the version handshake, ping/pong and timeouts as Core's
 * net_processing.cpp (ProcessMessage, MaybeSendPing) and net.cpp (InactivityCheck) do, and hands the peer to a
 * {@link PeerListener} once the handshake is complete.
 *
 * <p>Not thread-safe: all events and {@link #send}/{@link #misbehaving} calls must come from one thread (the
 * channel's event loop under Netty). The ping statistics alone may be read from any thread, for RPC.
 */
public final class Peer {
    /** Core's MIN_PEER_PROTO_VERSION: older peers are disconnected. */
    public static final int MIN_PEER_PROTO_VERSION = 31800;
    /** Core's BIP0031_VERSION: from the next version on, ping carries a nonce and is answered by pong. */
    public static final int BIP0031_VERSION = 60000;
    /** Core's WTXID_RELAY_VERSION (BIP-0339); also the version from which we send sendaddrv2, as Core does. */
    public static final int WTXID_RELAY_VERSION = 70016;
    /** Core's PING_INTERVAL (net_processing.cpp): a ping every 2 minutes. */
    public static final long PING_INTERVAL_MILLIS = 2 * 60 * 1000;
    /** Core's TIMEOUT_INTERVAL (net.h): 20 minutes without a pong, a byte received or a byte sent. */
    public static final long TIMEOUT_INTERVAL_MILLIS = 20 * 60 * 1000;
    /** Core's DEFAULT_PEER_CONNECT_TIMEOUT (-peertimeout): the handshake must finish within 60 seconds. */
    public static final long PEER_CONNECT_TIMEOUT_MILLIS = 60 * 1000;
    /** Core's MAX_MONEY, the range of a valid feefilter (MoneyRange). */
    private static final long MAX_MONEY = 21_000_000L * 100_000_000L;
    private static final long NEVER = Long.MIN_VALUE;
    private static final Logger LOG = LoggerFactory.getLogger(Peer.class);

    private final long id;
    private final ConnectionType type;
    private final InetSocketAddress remote;
    private final LocalVersion local;
    private final LocalNonces nonces;
    private final PeerOutput output;
    private final PeerListener listener;
    private final Clock clock;
    private final RandomGenerator random;
    private final long localNonce;

    private long connectedAt = NEVER;
    private long lastSend = NEVER;
    private long lastReceive = NEVER;
    private boolean disconnecting;
    private boolean closed;

    private VersionMessage theirVersion;
    private int commonVersion;
    private boolean handshakeComplete;
    private boolean wtxidRelay;
    private boolean sendAddrV2;
    private boolean prefersHeaders;
    private long feeFilter;

    private volatile boolean pingQueued;
    private long pingNonceSent;
    private long pingStart = NEVER;
    private volatile long lastPingMillis = NEVER;
    private volatile long minPingMillis = NEVER;

    /**
     * A peer on a new connection; nothing is sent until {@link #connected()}.
     *
     * @param id       the connection id (Core's NodeId), unique per node
     * @param type     inbound, outbound or manual
     * @param remote   the peer's address and port
     * @param local    what we announce in our {@code version}
     * @param nonces   the node's outbound version nonces, to detect connecting to ourselves
     * @param output   where messages and the disconnect go
     * @param listener who hears of the handshake, later messages, misbehaviour and the disconnect
     * @param clock    the time of received messages (for latency and inactivity)
     * @param random   the source of version and ping nonces
     */
    public Peer(long id, ConnectionType type, InetSocketAddress remote, LocalVersion local, LocalNonces nonces,
            PeerOutput output, PeerListener listener, Clock clock, RandomGenerator random) {
        this.id = id;
        this.type = Objects.requireNonNull(type, "type");
        this.remote = Objects.requireNonNull(remote, "remote");
        this.local = Objects.requireNonNull(local, "local");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
        this.output = Objects.requireNonNull(output, "output");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.localNonce = nonZero(random);
    }

    public long id() {
        return id;
    }

    public ConnectionType type() {
        return type;
    }

    public InetSocketAddress remote() {
        return remote;
    }

    /** True once the peer's {@code verack} has arrived (Core's fSuccessfullyConnected). */
    public boolean handshakeComplete() {
        return handshakeComplete;
    }

    /** The peer's version and negotiated features so far; empty before its {@code version} arrives. */
    public Optional<PeerInfo> info() {
        if (theirVersion == null) {
            return Optional.empty();
        }
        return Optional.of(new PeerInfo(theirVersion.version(), commonVersion, theirVersion.services(),
                sanitize(theirVersion.userAgent()), theirVersion.startHeight(), theirVersion.relay(), wtxidRelay,
                sendAddrV2, prefersHeaders, feeFilter));
    }

    /** The round trip of the last answered ping, in milliseconds; empty before the first pong. Any thread. */
    public OptionalLong lastPingMillis() {
        long v = lastPingMillis;
        return v == NEVER ? OptionalLong.empty() : OptionalLong.of(v);
    }

    /** The shortest round trip of any answered ping, in milliseconds; empty before the first pong. Any thread. */
    public OptionalLong minPingMillis() {
        long v = minPingMillis;
        return v == NEVER ? OptionalLong.empty() : OptionalLong.of(v);
    }

    /** The connection is open: start the clocks and, on an outbound connection, send our {@code version}. */
    public void connected() {
        connectedAt = clock.nowMillis();
        if (!type.isInbound()) {
            // Registered before sending, so that our own version looping back is recognised (CheckIncomingNonce).
            nonces.add(localNonce);
            sendVersion();
        }
    }

    /** Core's ping RPC: a ping goes out at the next tick, unless one is outstanding. Any thread. */
    public void queuePing() {
        pingQueued = true;
    }

    /** Sends {@code message} to the peer, for the layers above once the handshake is complete. */
    public void send(Message message) {
        lastSend = clock.nowMillis();
        output.send(message);
    }

    /** True while the send buffer is over its cap: serve no more replies until {@link #sendBufferDrained()}. */
    public boolean sendBufferFull() {
        return output.sendBufferFull();
    }

    /** The send buffer drained below its low mark after being full; the listener may resume replies. */
    public void sendBufferDrained() {
        if (!disconnecting && handshakeComplete) {
            listener.sendBufferDrained(this);
        }
    }

    /** A message from the peer; consumes the connection-level ones and passes the rest to the listener. */
    public void received(Message message) {
        if (disconnecting) {
            return; // Core processes nothing more once fDisconnect is set.
        }
        long now = clock.nowMillis();
        lastReceive = now;
        process(message, now);
        if (!disconnecting && handshakeComplete) {
            maybeSendPing(now);
        }
    }

    /** The passage of time: checks the timeouts of Core's InactivityCheck and MaybeSendPing, and sends pings. */
    public void tick(long nowMillis) {
        if (disconnecting || connectedAt == NEVER) {
            return;
        }
        String inactive = inactivity(nowMillis);
        if (inactive != null) {
            disconnect(inactive);
            return;
        }
        if (handshakeComplete) {
            maybeSendPing(nowMillis);
            if (!disconnecting) {
                listener.tick(this, nowMillis);
            }
        }
    }

    /** The connection is gone, whichever side closed it. Tells the listener once. */
    public void disconnected() {
        if (closed) {
            return;
        }
        closed = true;
        disconnecting = true;
        nonces.remove(localNonce);
        listener.disconnected(this);
    }

    /**
     * The peer misbehaved (Core's Misbehaving, e.g. an invalid block or too many headers). Decides as Core's
     * MaybeDiscourageAndDisconnect: a manual connection is never punished; a local address is disconnected but not
     * discouraged (that would discourage every local peer); anything else is disconnected and discouraged.
     */
    public Misbehavior misbehaving(String reason) {
        Penalty penalty;
        if (!type.punishable()) {
            penalty = Penalty.NONE;
        } else if (isLocal(remote.getAddress())) {
            penalty = Penalty.DISCONNECT;
        } else {
            penalty = Penalty.DISCOURAGE;
        }
        Misbehavior misbehavior = new Misbehavior(reason, penalty);
        LOG.debug("Misbehaving: peer={}: {}, {}", id, reason, penalty);
        listener.misbehaved(this, misbehavior);
        if (penalty != Penalty.NONE) {
            disconnect("Misbehaving: " + reason);
        }
        return misbehavior;
    }

    /**
     * A frame or payload from the peer broke the wire protocol. Handled as Core does: a desynchronized stream (bad
     * magic, oversize) ends the connection without discouragement; a list over Core's limit is misbehaviour, except
     * an over-long locator, for which Core only disconnects; anything else (bad checksum, bad command, truncated or
     * malformed payload) drops that message and keeps the peer, as Core's ProcessMessages catches the exception.
     */
    public Penalty violation(ProtocolViolation violation) {
        if (disconnecting) {
            return Penalty.NONE;
        }
        lastReceive = clock.nowMillis();
        String text = withoutKind(violation);
        if (violation.kind().desynchronizes()) {
            disconnect(text);
            return Penalty.DISCONNECT;
        }
        if (violation.kind() == ProtocolViolation.Kind.TOO_MANY_ENTRIES) {
            if (text.contains(" locator size")) {
                disconnect(text);
                return Penalty.DISCONNECT;
            }
            return misbehaving(text).penalty();
        }
        LOG.debug("peer={}: dropped message: {}", id, text);
        return Penalty.NONE;
    }

    private void process(Message message, long now) {
        if (message instanceof VersionMessage v) {
            onVersion(v);
            return;
        }
        if (theirVersion == null) {
            LOG.debug("non-version message before version handshake. Message \"{}\" from peer={}",
                    message.command(), id);
            return;
        }
        if (message instanceof VerackMessage) {
            onVerack();
        } else if (message instanceof SendHeadersMessage) {
            // Core accepts sendheaders between version and verack too (it is checked before fSuccessfullyConnected).
            prefersHeaders = true;
            passOn(message);
        } else if (message instanceof WtxidRelayMessage) {
            onWtxidRelay();
        } else if (message instanceof SendAddrV2Message) {
            onSendAddrV2();
        } else if (!handshakeComplete) {
            LOG.debug("Unsupported message \"{}\" prior to verack from peer={}", message.command(), id);
        } else if (message instanceof PingMessage ping) {
            if (commonVersion > BIP0031_VERSION) {
                send(new PongMessage(ping.nonce()));
            }
        } else if (message instanceof PongMessage pong) {
            onPong(pong.nonce(), now);
        } else {
            if (message instanceof FeeFilterMessage f && f.feeRate() >= 0 && f.feeRate() <= MAX_MONEY) {
                feeFilter = f.feeRate();
            }
            passOn(message);
        }
    }

    private void passOn(Message message) {
        if (handshakeComplete) {
            listener.message(this, message);
        }
    }

    /** Core's handling of VERSION, in its order of checks. */
    private void onVersion(VersionMessage v) {
        if (theirVersion != null) {
            // Core (since v22) only logs a redundant version; older releases scored it as misbehaviour.
            LOG.debug("redundant version message from peer={}", id);
            return;
        }
        if (type.expectsServices() && !ServiceFlags.hasAllDesirable(v.services())) {
            disconnect(String.format("peer does not offer the expected services (%08x offered, %08x expected)",
                    v.services(), ServiceFlags.DESIRABLE));
            return;
        }
        if (v.version() < MIN_PEER_PROTO_VERSION) {
            disconnect("peer using obsolete version " + v.version());
            return;
        }
        if (type.isInbound() && nonces.isOurs(v.nonce())) {
            LOG.info("connected to self at {}, disconnecting", remote);
            disconnect("connected to self at " + remote);
            return;
        }
        if (type.isInbound()) {
            sendVersion();
        }
        theirVersion = v;
        commonVersion = Math.min(v.version(), VersionMessage.PROTOCOL_VERSION);
        LOG.debug("receive version message: {}: version {}, blocks={}, txrelay={}, peer={}",
                v.userAgent().isEmpty() ? "<no user agent>" : sanitize(v.userAgent()), v.version(),
                v.startHeight(), v.relay(), id);
        if (commonVersion >= WTXID_RELAY_VERSION) {
            send(new WtxidRelayMessage());
            // BIP-0155 allows sendaddrv2 at any version; Core sends it only from 70016 on, as a courtesy.
            send(new SendAddrV2Message());
        }
        send(new VerackMessage());
    }

    private void onVerack() {
        if (handshakeComplete) {
            LOG.debug("ignoring redundant verack message from peer={}", id);
            return;
        }
        handshakeComplete = true;
        nonces.remove(localNonce);
        LOG.debug("New {} peer connected: version: {}, peer={}", type, theirVersion.version(), id);
        listener.handshakeComplete(this, info().orElseThrow());
    }

    /** BIP-0339: wtxidrelay is negotiated between version and verack; after verack Core disconnects. */
    private void onWtxidRelay() {
        if (handshakeComplete) {
            disconnect("wtxidrelay received after verack");
        } else if (commonVersion >= WTXID_RELAY_VERSION) {
            wtxidRelay = true;
        } else {
            LOG.debug("ignoring wtxidrelay due to old common version={} from peer={}", commonVersion, id);
        }
    }

    /** BIP-0155: sendaddrv2 is negotiated between version and verack; after verack Core disconnects. */
    private void onSendAddrV2() {
        if (handshakeComplete) {
            disconnect("sendaddrv2 received after verack");
        } else {
            sendAddrV2 = true;
        }
    }

    /** Core's ProcessPong: only the pong matching the outstanding ping counts; a zero nonce cancels the ping. */
    private void onPong(long nonce, long now) {
        if (pingNonceSent == 0) {
            LOG.debug("pong peer={}: Unsolicited pong without ping", id);
            return;
        }
        if (nonce == pingNonceSent) {
            long rtt = now - pingStart;
            if (rtt >= 0) {
                lastPingMillis = rtt;
                minPingMillis = minPingMillis == NEVER ? rtt : Math.min(minPingMillis, rtt);
            }
            pingNonceSent = 0;
        } else if (nonce == 0) {
            LOG.debug("pong peer={}: Nonce zero", id);
            pingNonceSent = 0;
        } else {
            LOG.debug("pong peer={}: Nonce mismatch", id); // normal when pings overlap
        }
    }

    /**
     * Core's MaybeSendPing: a ping outstanding for over TIMEOUT_INTERVAL ends the connection; otherwise a new one
     * goes out when none is outstanding and PING_INTERVAL has passed since the last (at once after the handshake).
     * Peers at or below BIP0031_VERSION get no ping, as they would never answer it.
     */
    private void maybeSendPing(long now) {
        if (pingNonceSent != 0 && inactivityChecksDue(now) && now > pingStart + TIMEOUT_INTERVAL_MILLIS) {
            disconnect(String.format(Locale.ROOT, "ping timeout: %.3fs", (now - pingStart) / 1000.0));
            return;
        }
        if (commonVersion <= BIP0031_VERSION) {
            return;
        }
        if (pingNonceSent == 0 && (pingStart == NEVER || now > pingStart + PING_INTERVAL_MILLIS || pingQueued)) {
            pingQueued = false;
            pingNonceSent = nonZero(random);
            pingStart = now;
            send(new PingMessage(pingNonceSent));
        }
    }

    /** Core's CConnman::InactivityCheck: the reason to disconnect, or null. */
    private String inactivity(long now) {
        if (!inactivityChecksDue(now)) {
            return null;
        }
        if (lastReceive == NEVER || lastSend == NEVER) {
            return "socket no message in first " + PEER_CONNECT_TIMEOUT_MILLIS / 1000 + " seconds"
                    + (lastReceive == NEVER ? ", never received from peer" : "")
                    + (lastSend == NEVER ? ", never sent to peer" : "");
        }
        if (now > lastSend + TIMEOUT_INTERVAL_MILLIS) {
            return "socket sending timeout: " + (now - lastSend) / 1000 + "s";
        }
        if (now > lastReceive + TIMEOUT_INTERVAL_MILLIS) {
            return "socket receive timeout: " + (now - lastReceive) / 1000 + "s";
        }
        if (!handshakeComplete) {
            return "version handshake timeout";
        }
        return null;
    }

    /** Core's ShouldRunInactivityChecks: no timeout applies in the first PEER_CONNECT_TIMEOUT after connecting. */
    private boolean inactivityChecksDue(long now) {
        return connectedAt + PEER_CONNECT_TIMEOUT_MILLIS < now;
    }

    /** Core's PushNodeVersion. */
    private void sendVersion() {
        NetAddress receiver = isRoutable(remote.getAddress())
                ? NetAddress.ip(0, 0, remote.getAddress(), remote.getPort()) : NetAddress.unspecified();
        NetAddress sender = new NetAddress(0, local.services(), Network.IPV6, new byte[16], 0);
        send(new VersionMessage(VersionMessage.PROTOCOL_VERSION, local.services(), clock.nowMillis() / 1000, receiver,
                sender, localNonce, local.userAgent(), local.bestHeight().getAsInt(), local.relay()));
    }

    /**
     * Ends the connection without punishing the peer (Core's fDisconnect), e.g. when it stalls block download.
     * {@code reason} goes to the log.
     */
    public void disconnect(String reason) {
        if (disconnecting) {
            return;
        }
        disconnecting = true;
        nonces.remove(localNonce);
        LOG.debug("{}, disconnecting peer={}", reason, id);
        output.disconnect(reason);
    }

    private static long nonZero(RandomGenerator random) {
        long n;
        do {
            n = random.nextLong();
        } while (n == 0);
        return n;
    }

    /** Core's CNetAddr::IsLocal: 127.0.0.0/8, 0.0.0.0/8 and ::1. */
    private static boolean isLocal(InetAddress address) {
        if (address == null) {
            return false;
        }
        byte[] b = address.getAddress();
        return address.isLoopbackAddress() || b.length == 4 && b[0] == 0;
    }

    /**
     * Whether to tell the peer the address we see it at. Core sends it only when routable; this approximates
     * CNetAddr::IsRoutable with Java's classification (no loopback, private, link-local or wildcard addresses).
     */
    private static boolean isRoutable(InetAddress address) {
        return address != null && !isLocal(address) && !address.isSiteLocalAddress()
                && !address.isLinkLocalAddress() && !address.isAnyLocalAddress();
    }

    /** Core's SanitizeString with SAFE_CHARS_DEFAULT: keeps letters, digits and {@code " .,;-_/:?@()"}. */
    private static String sanitize(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c < 128 && (Character.isLetterOrDigit(c) || " .,;-_/:?@()".indexOf(c) >= 0)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String withoutKind(ProtocolViolation v) {
        String prefix = v.kind().name() + ": ";
        String m = v.getMessage();
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }

    @Override
    public String toString() {
        return "Peer[" + id + " " + type + " " + remote + "]";
    }
}
