package org.minicoin.node.p2p.addr;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.minicoin.consensus.crypto.Hashes;
import org.minicoin.consensus.encoding.ByteWriter;
import org.minicoin.node.p2p.peer.Clock;
import org.minicoin.node.p2p.peer.ConnectionType;
import org.minicoin.node.p2p.peer.Peer;
import org.minicoin.node.p2p.peer.PeerInfo;
import org.minicoin.node.p2p.peer.PeerListener;
import org.minicoin.node.p2p.peer.PeerNetwork;
import org.minicoin.node.p2p.peer.ServiceFlags;
import org.minicoin.node.p2p.wire.AddrMessage;
import org.minicoin.node.p2p.wire.AddrV2Message;
import org.minicoin.node.p2p.wire.GetAddrMessage;
import org.minicoin.node.p2p.wire.Message;
import org.minicoin.node.p2p.wire.NetAddress;
import org.minicoin.node.p2p.wire.Network;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Address gossip, as Core's net_processing.cpp does it (ProcessMessage for GETADDR/ADDR/ADDRV2, ProcessAddrs,
 * RelayAddress, MaybeSendAddr, SetupAddressRelay):
 * <ul>
 *   <li>after the handshake of a connection we opened, one {@code getaddr}, and the address is recorded as working
 *       ({@link AddressManager#good});</li>
 *   <li>received {@code addr}/{@code addrv2} entries pass a per-peer token bucket (0.1 address a second, at most
 *       1000 saved up, plus 1000 once for the reply to our {@code getaddr}), so a peer cannot flood the address
 *       manager; useful ones go into the {@link AddressManager} with the sender as source;</li>
 *   <li>a small fresh announcement (at most 10 addresses seen in the last 10 minutes, not the reply to our
 *       {@code getaddr}) is passed on to 1 or 2 other peers, the same ones for 24 hours per address, so repeating
 *       an announcement does not spread it further;</li>
 *   <li>queued addresses go out on a Poisson timer averaging 30 seconds per peer, in {@code addrv2} to peers that
 *       sent {@code sendaddrv2}, never an address the peer is known to have;</li>
 *   <li>{@code getaddr} is answered for inbound peers only (against fingerprinting through planted addresses), once
 *       per connection, from a reply cached for about a day per network;</li>
 *   <li>an {@link ConnectionType#ADDR_FETCH} connection is closed once it delivered addresses, or after 5 minutes.</li>
 * </ul>
 *
 * <p>Events arrive on each peer's own thread. The state of a peer is guarded by its own lock, because other peers'
 * threads queue relayed addresses into it; no thread holds two peers' locks at once. Messages are only sent on the
 * peer's own thread (handshake, message and tick events).
 */
public final class AddrRelay implements PeerListener {
    /** Core's MAX_ADDR_RATE_PER_SECOND: addresses a peer may have processed, on average. */
    public static final double MAX_ADDR_RATE_PER_SECOND = 0.1;
    /** Core's MAX_ADDR_PROCESSING_TOKEN_BUCKET: the most tokens the rate saves up (the getaddr bonus may exceed it). */
    public static final int MAX_ADDR_PROCESSING_TOKEN_BUCKET = AddrMessage.MAX_ADDR_TO_SEND;
    /** Core's AVG_ADDRESS_BROADCAST_INTERVAL: the mean delay between two {@code addr} messages to one peer. */
    public static final long AVG_ADDRESS_BROADCAST_INTERVAL_MILLIS = 30_000;
    /**
     * The longest delay drawn for the timer above. Core draws from an unbounded exponential distribution; the cap
     * (reached with chance e^-10) makes "queued addresses leave within 5 minutes" a guarantee.
     */
    public static final long MAX_ADDRESS_BROADCAST_DELAY_MILLIS = 10 * AVG_ADDRESS_BROADCAST_INTERVAL_MILLIS;
    /** Core's AVG_LOCAL_ADDRESS_BROADCAST_INTERVAL: our own address is announced again about once a day. */
    public static final long AVG_LOCAL_ADDRESS_BROADCAST_INTERVAL_MILLIS = 24 * 3600_000L;
    /** Core's ROTATE_ADDR_RELAY_DEST_INTERVAL: an address goes to the same relay peers for this long. */
    public static final long ROTATE_ADDR_RELAY_DEST_INTERVAL_SECONDS = 24 * 3600L;
    /** Core's SendMessages: an addr-fetch connection lives at most 10 broadcast intervals. */
    public static final long ADDR_FETCH_TIMEOUT_MILLIS = 10 * AVG_ADDRESS_BROADCAST_INTERVAL_MILLIS;
    /** Core's time_penalty for addresses relayed by others (not the sender's own): 2 hours. */
    public static final long RELAY_TIME_PENALTY_SECONDS = 2 * 3600L;
    /** Addresses remembered per peer as known to it (Core's m_addr_known rolling filter holds 5000). */
    static final int KNOWN_PER_PEER = 5000;
    /** Core's NODE_NETWORK_LIMITED (BIP-0159), which also marks a node with a useful address database. */
    static final long NODE_NETWORK_LIMITED = 1 << 10;
    /** Announcements of at most this many addresses are relayed (Core's {@code vAddr.size() <= 10}). */
    static final int MAX_RELAYED_ANNOUNCEMENT = 10;
    /** Only addresses seen this recently are relayed (Core: 10 minutes). */
    static final long RELAY_MAX_AGE_SECONDS = 600;
    /** Cached getaddr replies live 21 to 27 hours (Core's GetAddresses). */
    static final long ADDR_CACHE_MIN_MILLIS = 21 * 3600_000L;
    static final long ADDR_CACHE_SPREAD_MILLIS = 6 * 3600_000L;

    private static final Logger LOG = LoggerFactory.getLogger(AddrRelay.class);

    /** What getpeerinfo shows of a peer's address relay. */
    public record PeerStats(boolean addrRelayEnabled, long addrProcessed, long addrRateLimited) {
        /** A peer we hold no state for (still in its handshake, or gone). */
        public static final PeerStats NONE = new PeerStats(false, 0, 0);
    }

    private final AddressManager addrman;
    private final BanList bans;
    private final Clock clock;
    private final RandomGenerator random;
    /** The key of the relay-destination choice (Core's GetDeterministicRandomizer(RANDOMIZER_ID_ADDRESS_RELAY)). */
    private final byte[] relaySecret = new byte[32];
    private final Map<Long, PeerState> states = new ConcurrentHashMap<>();
    private final Map<Network, CachedReply> replyCache = new HashMap<>();
    private volatile PeerNetwork network = PeerNetwork.NONE;
    private volatile Function<Peer, Optional<NetAddress>> localAddress = p -> Optional.empty();

    /**
     * @param addrman where received addresses go and getaddr replies come from
     * @param bans    banned and discouraged addresses are neither stored, relayed nor handed out
     * @param clock   the time of the token bucket, timers and address ages
     * @param random  shuffles, timer draws and the relay key; used from every peer's thread, so it must be
     *                thread-safe ({@link SecureRandom} for a node; a seeded generator in single-threaded tests)
     */
    public AddrRelay(AddressManager addrman, BanList bans, Clock clock, RandomGenerator random) {
        this.addrman = addrman;
        this.bans = bans;
        this.clock = clock;
        this.random = random;
        random.nextBytes(relaySecret);
    }

    /** The peers relayed addresses may go to; set once connections start. */
    public void setNetwork(PeerNetwork network) {
        this.network = network;
    }

    /**
     * Where our own address comes from, per peer (Core's GetLocalAddrForPeer): empty when we do not listen, are in
     * initial block download, or know no routable address of ours. Announced after the handshake and about once a
     * day (Core's MaybeSendAddr). Without it, nothing is self-announced.
     */
    public void setLocalAddress(Function<Peer, Optional<NetAddress>> localAddress) {
        this.localAddress = localAddress;
    }

    /** The address relay counters of peer {@code peerId}, for getpeerinfo. Any thread. */
    public PeerStats stats(long peerId) {
        PeerState s = states.get(peerId);
        if (s == null) {
            return PeerStats.NONE;
        }
        synchronized (s) {
            return new PeerStats(s.relayEnabled, s.processed, s.rateLimited);
        }
    }

    // ------------------------------------------------------------------------------------------ peer events

    @Override
    public void handshakeComplete(Peer peer, PeerInfo info) {
        long now = clock.nowMillis();
        PeerState s = new PeerState(info.sendAddrV2(), now);
        states.put(peer.id(), s);
        if (peer.type().isInbound()) {
            return; // inbound peers take part in address relay once they send an address message (Core)
        }
        synchronized (s) {
            // Core: a one-time getaddr to fill our address manager, with room to accept the whole reply.
            s.relayEnabled = true;
            s.getaddrSent = true;
            s.tokens += AddrMessage.MAX_ADDR_TO_SEND;
        }
        peer.send(new GetAddrMessage());
        // Core calls AddrMan::Good for every connection we opened, moving the address to the tried table.
        addrman.good(netAddress(peer.remote()));
    }

    @Override
    public void message(Peer peer, Message message) {
        PeerState s = states.get(peer.id());
        if (s == null) {
            return;
        }
        if (message instanceof AddrMessage m) {
            processAddrs(peer, s, m.addresses(), AddrMessage.COMMAND);
        } else if (message instanceof AddrV2Message m) {
            processAddrs(peer, s, m.addresses(), AddrV2Message.COMMAND);
        } else if (message instanceof GetAddrMessage) {
            onGetAddr(peer, s);
        }
    }

    @Override
    public void tick(Peer peer, long nowMillis) {
        PeerState s = states.get(peer.id());
        if (s == null) {
            return;
        }
        if (peer.type() == ConnectionType.ADDR_FETCH && nowMillis - s.connectedAt > ADDR_FETCH_TIMEOUT_MILLIS) {
            peer.disconnect("addrfetch connection timeout");
            return;
        }
        maybeSendAddr(peer, s, nowMillis);
    }

    @Override
    public void disconnected(Peer peer) {
        PeerState s = states.remove(peer.id());
        if (s != null && !peer.type().isInbound()) {
            // Core's FinalizeNode: AddrMan::Connected for a connection we opened that completed its handshake.
            addrman.connected(netAddress(peer.remote()));
        }
    }

    // ------------------------------------------------------------------------------------------ receiving

    /** Core's ProcessAddrs. */
    private void processAddrs(Peer peer, PeerState s, List<NetAddress> received, String command) {
        long nowMillis = clock.nowMillis();
        long now = nowMillis / 1000;
        List<NetAddress> keep = new ArrayList<>();
        List<NetAddress> relay = new ArrayList<>();
        List<NetAddress> shuffled = new ArrayList<>(received);
        Collections.shuffle(shuffled, asRandom(random));
        int processed = 0;
        int rateLimited = 0;
        boolean fresh;
        synchronized (s) {
            s.relayEnabled = true; // Core's SetupAddressRelay (inbound peers join on their first address message)
            if (s.tokens < MAX_ADDR_PROCESSING_TOKEN_BUCKET) {
                double increment = Math.max(nowMillis - s.tokensUpdated, 0) / 1000.0 * MAX_ADDR_RATE_PER_SECOND;
                s.tokens = Math.min(s.tokens + increment, MAX_ADDR_PROCESSING_TOKEN_BUCKET);
            }
            s.tokensUpdated = nowMillis;
            fresh = !s.getaddrSent && received.size() <= MAX_RELAYED_ANNOUNCEMENT;
            for (NetAddress a : shuffled) {
                if (s.tokens < 1.0) {
                    rateLimited++;
                    continue;
                }
                s.tokens -= 1.0;
                // Core keeps only full nodes, or nodes that may know other full nodes.
                if ((a.services() & (ServiceFlags.NODE_NETWORK | NODE_NETWORK_LIMITED)) == 0
                        && !ServiceFlags.hasAllDesirable(a.services())) {
                    continue;
                }
                if (a.time() <= 100_000_000L || a.time() > now + 600) {
                    a = withTime(a, Math.max(0, now - 5 * 24 * 3600L)); // a nonsense time: treat as 5 days old
                }
                s.addKnown(a);
                if (isBannedOrDiscouraged(a)) {
                    continue; // remembered as known to the peer, nothing more
                }
                processed++;
                if (fresh && a.time() > now - RELAY_MAX_AGE_SECONDS && NetGroups.isRoutable(a)) {
                    relay.add(a);
                }
                if (isReachable(a)) {
                    keep.add(a); // Core does not store addresses of networks it cannot reach
                }
            }
            s.processed += processed;
            s.rateLimited += rateLimited;
            if (received.size() < AddrMessage.MAX_ADDR_TO_SEND) {
                s.getaddrSent = false; // the reply to our getaddr is over: no more bonus and no relay exemption
            }
        }
        LOG.debug("Received {}: {} addresses ({} processed, {} rate-limited) from peer={}", command,
                received.size(), processed, rateLimited, peer.id());
        // Relayed outside our own lock: relaying takes other peers' locks.
        for (NetAddress a : relay) {
            relayAddress(peer.id(), a, isReachable(a), now);
        }
        addrman.add(keep, netAddress(peer.remote()), RELAY_TIME_PENALTY_SECONDS);
        // Core: more than one address, so that a lone self-announcement does not end the connection early.
        if (peer.type() == ConnectionType.ADDR_FETCH && received.size() > 1) {
            peer.disconnect("addrfetch connection completed");
        }
    }

    /** Core's GETADDR handling. */
    private void onGetAddr(Peer peer, PeerState s) {
        if (!peer.type().isInbound()) {
            // Against fingerprinting: a node behind NAT, reachable only through its outbound connections, must not
            // hand back addresses an attacker planted in it through those same connections.
            LOG.debug("Ignoring \"getaddr\" from {} connection. peer={}", peer.type(), peer.id());
            return;
        }
        synchronized (s) {
            s.relayEnabled = true;
            if (s.getaddrReceived) {
                LOG.debug("Ignoring repeated \"getaddr\". peer={}", peer.id());
                return;
            }
            s.getaddrReceived = true;
            s.toSend.clear();
        }
        for (NetAddress a : cachedReply(netAddress(peer.remote()).network())) {
            s.push(a, random);
        }
    }

    /**
     * Core's CConnman::GetAddresses: the getaddr reply, drawn once per network the requestors come from and reused
     * for 21 to 27 hours, so that repeated requests (from many connections) cannot scrape the whole address manager
     * or watch it change.
     */
    private synchronized List<NetAddress> cachedReply(Network requestorNetwork) {
        long now = clock.nowMillis();
        CachedReply c = replyCache.get(requestorNetwork);
        if (c == null || c.expires < now) {
            List<NetAddress> list = new ArrayList<>();
            for (NetAddress a : addrman.getAddr(AddressManager.GETADDR_MAX_ADDRESSES, AddressManager.GETADDR_MAX_PCT)) {
                if (!isBannedOrDiscouraged(a)) {
                    list.add(a);
                }
            }
            c = new CachedReply(List.copyOf(list), now + ADDR_CACHE_MIN_MILLIS + random.nextLong(ADDR_CACHE_SPREAD_MILLIS));
            replyCache.put(requestorNetwork, c);
        }
        return c.addresses;
    }

    // ------------------------------------------------------------------------------------------ relaying

    /**
     * Core's RelayAddress: queues {@code a} for the 2 peers (1 or 2 for an unreachable network) that rank highest
     * by a keyed hash of the address, the current 24-hour window and the peer id. The choice stays the same for a
     * day, and those peers then know the address, so announcing it again does not spread it further.
     */
    private void relayAddress(long originator, NetAddress a, boolean reachable, long nowSeconds) {
        long addrHash = hash64(w -> w.writeBytes(serviceKey(a)));
        // The address hash shifts the window boundary, so not all addresses rotate at the same instant.
        long window = Long.divideUnsigned(nowSeconds + addrHash, ROTATE_ADDR_RELAY_DEST_INTERVAL_SECONDS);
        byte[] base = new ByteWriter(48).writeBytes(relaySecret).writeInt64LE(addrHash).writeInt64LE(window)
                .toByteArray();
        int relayCount = reachable || (hash64(w -> w.writeBytes(base)) & 1) != 0 ? 2 : 1;
        PeerState[] best = new PeerState[2];
        long[] bestKey = new long[2];
        for (Peer p : network.peers()) {
            PeerState t = states.get(p.id());
            if (t == null || p.id() == originator || !t.relayEnabled() || !t.compatible(a)) {
                continue;
            }
            long key = hash64(w -> w.writeBytes(base).writeInt64LE(p.id()));
            for (int i = 0; i < relayCount; i++) {
                if (best[i] == null || Long.compareUnsigned(key, bestKey[i]) > 0) {
                    if (i == 0 && relayCount == 2) {
                        best[1] = best[0];
                        bestKey[1] = bestKey[0];
                    }
                    best[i] = t;
                    bestKey[i] = key;
                    break;
                }
            }
        }
        for (int i = 0; i < relayCount && best[i] != null; i++) {
            best[i].push(a, random);
        }
    }

    /** Core's MaybeSendAddr, on the peer's thread. */
    private void maybeSendAddr(Peer peer, PeerState s, long now) {
        Message out;
        Message selfAnnouncement = null;
        synchronized (s) {
            if (!s.relayEnabled) {
                return;
            }
            if (s.nextLocalSend < now) {
                Optional<NetAddress> local = localAddress.apply(peer);
                if (local.isPresent()) {
                    NetAddress self = withTime(local.get(), now / 1000);
                    if (s.nextLocalSend == Long.MIN_VALUE) {
                        // The first self-announcement goes alone, so that the peer's small initial token bucket
                        // does not drop it among other addresses.
                        if (s.compatible(self)) {
                            selfAnnouncement = s.wantsAddrV2 ? new AddrV2Message(List.of(self))
                                    : new AddrMessage(List.of(self));
                        }
                    } else {
                        s.known.clear(); // so that the repeated self-announcement actually goes out
                        s.pushLocked(self, random);
                    }
                }
                s.nextLocalSend = now + poissonDelay(AVG_LOCAL_ADDRESS_BROADCAST_INTERVAL_MILLIS, Long.MAX_VALUE);
            }
            if (now <= s.nextAddrSend) {
                out = null;
            } else {
                s.nextAddrSend = now + poissonDelay(AVG_ADDRESS_BROADCAST_INTERVAL_MILLIS,
                        MAX_ADDRESS_BROADCAST_DELAY_MILLIS);
                List<NetAddress> batch = new ArrayList<>(s.toSend.size());
                for (NetAddress a : s.toSend) {
                    if (s.addKnown(a)) {
                        batch.add(a); // an address the peer learned since it was queued is dropped here
                    }
                }
                s.toSend.clear();
                out = batch.isEmpty() ? null
                        : s.wantsAddrV2 ? new AddrV2Message(batch) : new AddrMessage(batch);
            }
        }
        if (selfAnnouncement != null) {
            peer.send(selfAnnouncement);
        }
        if (out != null) {
            peer.send(out);
        }
    }

    /** An exponentially distributed delay of the given mean (Core's rand_exp_duration), at most {@code max}. */
    private long poissonDelay(long meanMillis, long max) {
        double d = -Math.log1p(-random.nextDouble()) * meanMillis;
        return (long) Math.min(d, max);
    }

    // ------------------------------------------------------------------------------------------ helpers

    private boolean isBannedOrDiscouraged(NetAddress a) {
        Optional<InetAddress> ip = a.toInetAddress();
        return ip.isPresent() && (bans.isBanned(ip.get()) || bans.isDiscouraged(ip.get()));
    }

    /** The networks minicoin can connect to: IPv4 and IPv6 (no Tor, I2P or CJDNS proxies). */
    static boolean isReachable(NetAddress a) {
        return a.network() == Network.IPV4 || a.network() == Network.IPV6;
    }

    /** The peer's address as the address manager keys it (time and services do not matter there). */
    static NetAddress netAddress(InetSocketAddress remote) {
        return NetAddress.ip(0, 0, remote.getAddress(), remote.getPort());
    }

    private static NetAddress withTime(NetAddress a, long time) {
        return new NetAddress(time, a.services(), a.network(), a.address(), a.port());
    }

    /** Core's CService::GetKey: network, address and port; what identifies an address whatever its time. */
    static ByteBuffer key(NetAddress a) {
        return ByteBuffer.wrap(serviceKey(a));
    }

    private static byte[] serviceKey(NetAddress a) {
        byte[] addr = a.address();
        return new ByteWriter(addr.length + 3).writeUInt8(a.network().bip155Id()).writeBytes(addr)
                .writeUInt16BE(a.port()).toByteArray();
    }

    private static long hash64(java.util.function.Consumer<ByteWriter> fields) {
        ByteWriter w = new ByteWriter(64);
        fields.accept(w);
        return ByteBuffer.wrap(Hashes.sha256(w.toByteArray()), 0, 8).getLong();
    }

    private static java.util.Random asRandom(RandomGenerator g) {
        return g instanceof java.util.Random r ? r : new java.util.Random(g.nextLong());
    }

    private record CachedReply(List<NetAddress> addresses, long expires) {
    }

    /** One peer's address relay state (Core's Peer fields m_addr_*); guarded by its own monitor. */
    private static final class PeerState {
        final boolean wantsAddrV2;
        final long connectedAt;
        /** Keys of addresses the peer has or was sent, oldest first, bounded (Core's m_addr_known). */
        final LinkedHashSet<ByteBuffer> known = new LinkedHashSet<>();
        /** Addresses waiting for the next send (Core's m_addrs_to_send), at most 1000. */
        final List<NetAddress> toSend = new ArrayList<>();
        boolean relayEnabled;
        boolean getaddrSent;
        boolean getaddrReceived;
        /** Core starts the bucket at 1, so that a self-announcement gets through. */
        double tokens = 1.0;
        long tokensUpdated;
        long processed;
        long rateLimited;
        long nextAddrSend = Long.MIN_VALUE;
        long nextLocalSend = Long.MIN_VALUE;

        PeerState(boolean wantsAddrV2, long now) {
            this.wantsAddrV2 = wantsAddrV2;
            this.connectedAt = now;
            this.tokensUpdated = now;
        }

        synchronized boolean relayEnabled() {
            return relayEnabled;
        }

        /** Core's IsAddrCompatible: an addr (v1) message can only carry IPv4 and IPv6. */
        boolean compatible(NetAddress a) {
            return wantsAddrV2 || isReachable(a);
        }

        /** Remembers {@code a} as known to the peer; false if it already was. */
        boolean addKnown(NetAddress a) {
            if (!known.add(key(a))) {
                return false;
            }
            if (known.size() > KNOWN_PER_PEER) {
                var it = known.iterator();
                it.next();
                it.remove();
            }
            return true;
        }

        /** Core's PushAddress. */
        synchronized void push(NetAddress a, RandomGenerator random) {
            pushLocked(a, random);
        }

        void pushLocked(NetAddress a, RandomGenerator random) {
            if (known.contains(key(a)) || !compatible(a)) {
                return;
            }
            if (toSend.size() >= AddrMessage.MAX_ADDR_TO_SEND) {
                toSend.set(random.nextInt(toSend.size()), a); // full: replace a random one, as Core does
            } else {
                toSend.add(a);
            }
        }
    }
}
