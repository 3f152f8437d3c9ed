package org.minicoin.node.p2p.addr;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.minicoin.node.p2p.peer.ServiceFlags;
import org.minicoin.node.p2p.wire.NetAddress;

/**
 * Which address to connect to next, as Core's CConnman::ThreadOpenConnections chooses for its outbound full-relay
 * slots (reduced: no anchors, block-relay-only, feeler or extra-network connections), and when to open an
 * address-fetch connection to a {@code -seednode}.
 *
 * <p>Pure decision logic: it opens nothing. The connection manager calls {@link #next} about every 0.5 s while it
 * has fewer than {@link #target()} outbound full-relay connections and no {@code -connect}, opens a connection to
 * the answer, and reports the outcome to the {@link AddressManager} ({@code attempt} on failure, {@code good}
 * comes from {@link AddrRelay} after the handshake). Not thread-safe: call it from one thread.
 */
public final class OutboundPlanner {
    /** Core's MAX_OUTBOUND_FULL_RELAY_CONNECTIONS: the default number of outbound full-relay connections. */
    public static final int MAX_OUTBOUND_FULL_RELAY_CONNECTIONS = 8;
    /** Core's SEED_OUTBOUND_CONNECTION_THRESHOLD: with fewer outbound peers than this, seed nodes are asked. */
    public static final int SEED_OUTBOUND_CONNECTION_THRESHOLD = 2;
    /** Core's ADD_NEXT_SEEDNODE: the next seed node is tried 10 seconds after the last. */
    public static final long ADD_NEXT_SEEDNODE_SECONDS = 10;
    /** Core: after 100 unsuitable picks, give up until the next round. */
    static final int MAX_PICKS = 100;
    /** Core: an address tried in the last 10 minutes is skipped ... */
    static final long RECENT_TRY_SECONDS = 600;
    /** ... unless 30 picks have already failed. */
    static final int RECENT_TRY_EXEMPT_PICKS = 30;
    /** Core: a bad port is skipped unless 50 picks have already failed. */
    static final int BAD_PORT_EXEMPT_PICKS = 50;

    private final AddressManager addrman;
    private final BanList bans;
    private final LongSupplier clock;
    private final int target;
    private final Deque<InetSocketAddress> seedNodes;
    /**
     * When each address was last handed out, for the 10-minute rule (Core reads the address manager's nLastTry;
     * AddressManager does not expose it, so the planner remembers its own picks). Entries older than 10 minutes are
     * dropped, so this holds at most what one can pick in 10 minutes.
     */
    private final Map<ByteBuffer, Long> recentPicks = new HashMap<>();
    private long seedTimer;
    private boolean addSeed;

    /**
     * @param addrman   where candidates come from
     * @param bans      banned and discouraged addresses are never picked (Core's OpenNetworkConnection)
     * @param clock     seconds since the epoch
     * @param target    how many outbound full-relay connections to keep, normally
     *                  {@link #MAX_OUTBOUND_FULL_RELAY_CONNECTIONS}, fewer when {@code -maxconnections} is lower
     * @param seedNodes the {@code -seednode} addresses, each used for at most one address-fetch connection
     */
    public OutboundPlanner(AddressManager addrman, BanList bans, LongSupplier clock, int target,
            List<InetSocketAddress> seedNodes) {
        if (target < 0) {
            throw new IllegalArgumentException("target " + target);
        }
        this.addrman = addrman;
        this.bans = bans;
        this.clock = clock;
        this.target = target;
        this.seedNodes = new ArrayDeque<>(seedNodes);
        this.seedTimer = clock.getAsLong();
        // Core asks a seed node at once only when it knows no address at all.
        this.addSeed = addrman.size() == 0 && !seedNodes.isEmpty();
    }

    /** The number of outbound full-relay connections to keep. */
    public int target() {
        return target;
    }

    /** Whether another outbound full-relay connection is wanted. */
    public boolean wantsMore(int outboundFullRelay) {
        return outboundFullRelay < target;
    }

    /**
     * The next address to connect to, or empty if none is suitable now (Core's selection loop): up to 100 picks from
     * the address manager, skipping addresses of networks we cannot reach, of a group we already have an outbound
     * connection in, already connected, banned or discouraged, without the services we need, {@code -addnode}
     * ones (they have their own slots), tried in the last 10 minutes (until 30 picks have failed), and on ports of
     * other well-known services (until 50 picks have failed). The address returned counts as tried from now.
     *
     * @param outbound   remote addresses of our outbound full-relay and manual connections, open or opening (not
     *                   address-fetch connections, which Core leaves out: they are short-lived)
     * @param connected  remote addresses of all connections, open or opening, of any type
     * @param addedNodes the {@code -addnode} addresses
     */
    public Optional<NetAddress> next(Collection<InetSocketAddress> outbound, Collection<InetSocketAddress> connected,
            Collection<InetSocketAddress> addedNodes) {
        long now = clock.getAsLong();
        recentPicks.values().removeIf(t -> now - t >= RECENT_TRY_SECONDS);
        Set<ByteBuffer> groups = new HashSet<>();
        for (InetSocketAddress a : outbound) {
            // Inbound connections do not count: an attacker could open them to keep us from its victims' ranges.
            groups.add(ByteBuffer.wrap(NetGroups.group(AddrRelay.netAddress(a))));
        }
        Set<ByteBuffer> taken = new HashSet<>();
        for (InetSocketAddress a : connected) {
            taken.add(AddrRelay.key(AddrRelay.netAddress(a)));
        }
        for (InetSocketAddress a : addedNodes) {
            taken.add(AddrRelay.key(AddrRelay.netAddress(a)));
        }
        for (int picks = 1; picks <= MAX_PICKS; picks++) {
            Optional<NetAddress> pick = addrman.select(false);
            if (pick.isEmpty()) {
                return Optional.empty();
            }
            NetAddress a = pick.get();
            ByteBuffer key = AddrRelay.key(a);
            if (!AddrRelay.isReachable(a)
                    || groups.contains(ByteBuffer.wrap(NetGroups.group(a)))
                    || taken.contains(key)
                    || isBannedOrDiscouraged(a)
                    || !ServiceFlags.hasAllDesirable(a.services())) {
                continue;
            }
            Long last = recentPicks.get(key);
            if (last != null && now - last < RECENT_TRY_SECONDS && picks < RECENT_TRY_EXEMPT_PICKS) {
                continue;
            }
            if (picks < BAD_PORT_EXEMPT_PICKS && isBadPort(a.port())) {
                continue;
            }
            recentPicks.put(key, now);
            return pick;
        }
        return Optional.empty();
    }

    /**
     * Whether a failure to connect should count against the address (Core's count_failures): only when we hold
     * outbound connections in at least 2 groups (fewer if {@code target} is lower), since otherwise we are
     * probably offline and every address would fail.
     */
    public boolean countFailures(Collection<InetSocketAddress> outbound) {
        Set<ByteBuffer> groups = new HashSet<>();
        for (InetSocketAddress a : outbound) {
            groups.add(ByteBuffer.wrap(NetGroups.group(AddrRelay.netAddress(a))));
        }
        return groups.size() >= Math.min(target - 1, 2);
    }

    /**
     * The {@code -seednode} to open an address-fetch connection to now, if any (Core's add_addr_fetch): one at
     * once when the address manager was empty at start, then one more every 10 seconds while there are fewer than
     * 2 outbound full-relay connections, each seed node once, the last given first.
     */
    public Optional<InetSocketAddress> nextSeedNode(int outboundFullRelay) {
        long now = clock.getAsLong();
        Optional<InetSocketAddress> seed = Optional.empty();
        if (addSeed && !seedNodes.isEmpty()) {
            seed = Optional.of(seedNodes.removeLast());
        }
        addSeed = false;
        if (!seedNodes.isEmpty() && outboundFullRelay < SEED_OUTBOUND_CONNECTION_THRESHOLD
                && now > seedTimer + ADD_NEXT_SEEDNODE_SECONDS) {
            seedTimer = now;
            addSeed = true;
        }
        return seed;
    }

    private boolean isBannedOrDiscouraged(NetAddress a) {
        return a.toInetAddress().map(ip -> bans.isBanned(ip) || bans.isDiscouraged(ip)).orElse(false);
    }

    /** Core's IsBadPort (netbase.cpp): ports of other services, which a peer could make us hammer. */
    static boolean isBadPort(int port) {
        return switch (port) {
            case 1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103,
                104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513,
                514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720,
                1723, 2049, 3306, 3389, 3659, 4045, 5060, 5061, 5432, 5900, 6000, 6566, 6665, 6666, 6667, 6668, 6669,
                6697, 10080, 27017 -> true;
            default -> false;
        };
    }
}
