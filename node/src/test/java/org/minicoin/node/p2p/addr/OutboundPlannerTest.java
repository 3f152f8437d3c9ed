package org.minicoin.node.p2p.addr;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minicoin.node.p2p.wire.NetAddress;
import org.minicoin.node.store.RocksStore;

class OutboundPlannerTest {
    private static final long START = 1_800_000_000L;
    private static final NetAddress SOURCE = AddrNet.addr("45.0.0.1", 8333, 0);

    @TempDir
    Path dir;
    private final AtomicLong now = new AtomicLong(START);
    private RocksStore store;
    private AddressManager addrman;
    private BanList bans;

    @BeforeEach
    void open() {
        store = RocksStore.open(dir.resolve("db"), 1 << 20);
        addrman = AddressManager.open(store, now::get, new SplittableRandom(3));
        bans = BanList.open(store, now::get);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private OutboundPlanner planner(List<InetSocketAddress> seeds) {
        return new OutboundPlanner(addrman, bans, now::get, OutboundPlanner.MAX_OUTBOUND_FULL_RELAY_CONNECTIONS,
                seeds);
    }

    private static InetSocketAddress socket(NetAddress a) {
        return new InetSocketAddress(a.toInetAddress().orElseThrow(), a.port());
    }

    private void add(String host, int port) {
        addrman.add(List.of(AddrNet.addr(host, port, START)), SOURCE);
    }

    @Test
    void picksOneAddressPerNetworkGroupUntilEveryGroupIsTaken() {
        for (int g = 0; g < 4; g++) {
            for (int h = 1; h <= 5; h++) {
                add((20 + g) + ".7." + h + ".1", 8333); // 4 groups (/16) of 5 addresses
            }
        }
        OutboundPlanner p = planner(List.of());
        List<InetSocketAddress> outbound = new ArrayList<>();
        Set<ByteBuffer> groups = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            NetAddress a = p.next(outbound, outbound, List.of()).orElseThrow();
            assertThat(groups.add(ByteBuffer.wrap(NetGroups.group(a)))).as("new group for %s", a).isTrue();
            outbound.add(socket(a));
        }
        assertThat(p.next(outbound, outbound, List.of())).isEmpty();
        assertThat(p.target()).isEqualTo(8);
        assertThat(p.wantsMore(4)).isTrue();
        assertThat(p.wantsMore(8)).isFalse();
    }

    @Test
    void inboundConnectionsDoNotBlockAGroupButAreNotDialledAgain() {
        add("20.7.1.1", 8333);
        add("20.7.2.1", 8333);
        OutboundPlanner p = planner(List.of());
        InetSocketAddress inbound = new InetSocketAddress(AddrNet.ip("20.7.1.1"), 8333);
        for (int i = 0; i < 20; i++) {
            assertThat(p.next(List.of(), List.of(inbound), List.of()).map(AddressText::host)).contains("20.7.2.1");
            now.addAndGet(OutboundPlanner.RECENT_TRY_SECONDS);
        }
    }

    @Test
    void bannedDiscouragedAndAddedNodesAreSkipped() {
        add("20.7.1.1", 8333);
        add("21.7.1.1", 8333);
        add("22.7.1.1", 8333);
        add("23.7.1.1", 8333);
        bans.ban(Subnet.parse("20.7.0.0/16"), 24 * 3600, false); // outlasts the 20 rounds below
        bans.discourage(AddrNet.ip("21.7.1.1"));
        InetSocketAddress added = new InetSocketAddress(AddrNet.ip("22.7.1.1"), 8333);
        OutboundPlanner p = planner(List.of());
        for (int i = 0; i < 20; i++) {
            assertThat(p.next(List.of(), List.of(), List.of(added)).map(AddressText::host)).contains("23.7.1.1");
            now.addAndGet(OutboundPlanner.RECENT_TRY_SECONDS);
        }
        bans.discourage(AddrNet.ip("23.7.1.1"));
        assertThat(p.next(List.of(), List.of(), List.of(added))).isEmpty();
    }

    @Test
    void anAddressTriedInTheLastTenMinutesWaitsWhileOthersAreAvailable() {
        add("20.7.1.1", 8333);
        add("21.7.1.1", 8333);
        OutboundPlanner p = planner(List.of());
        NetAddress first = p.next(List.of(), List.of(), List.of()).orElseThrow();
        // The attempt failed (nothing connected): the other address comes next ...
        NetAddress second = p.next(List.of(), List.of(), List.of()).orElseThrow();
        assertThat(second).isNotEqualTo(first);
        // ... and with both tried recently, one is still returned after 30 picks, as Core does.
        assertThat(p.next(List.of(), List.of(), List.of())).isPresent();
    }

    @Test
    void badPortsAndMissingServicesAreAvoided() {
        add("20.7.1.1", 22); // ssh: Core's IsBadPort
        addrman.add(List.of(NetAddress.ip(START, 1, AddrNet.ip("21.7.1.1"), 8333)), SOURCE); // no NODE_WITNESS
        OutboundPlanner p = planner(List.of());
        assertThat(OutboundPlanner.isBadPort(22)).isTrue();
        assertThat(OutboundPlanner.isBadPort(8333)).isFalse();
        // Only after 50 failed picks is a bad port accepted; a node without witness support never is.
        NetAddress a = p.next(List.of(), List.of(), List.of()).orElseThrow();
        assertThat(a.port()).isEqualTo(22);
        add("22.7.1.1", 8333);
        now.addAndGet(OutboundPlanner.RECENT_TRY_SECONDS);
        for (int i = 0; i < 20; i++) {
            assertThat(p.next(List.of(), List.of(), List.of()).map(AddressText::host)).contains("22.7.1.1");
            now.addAndGet(OutboundPlanner.RECENT_TRY_SECONDS);
        }
    }

    @Test
    void failuresCountOnlyWithOutboundConnectionsInTwoGroups() {
        OutboundPlanner p = planner(List.of());
        InetSocketAddress a = new InetSocketAddress(AddrNet.ip("20.7.1.1"), 8333);
        InetSocketAddress sameGroup = new InetSocketAddress(AddrNet.ip("20.7.9.9"), 8333);
        InetSocketAddress b = new InetSocketAddress(AddrNet.ip("21.7.1.1"), 8333);
        assertThat(p.countFailures(List.of())).isFalse();
        assertThat(p.countFailures(List.of(a, sameGroup))).isFalse();
        assertThat(p.countFailures(List.of(a, b))).isTrue();
    }

    @Test
    void seedNodesAreAskedAtOnceWhenTheAddressManagerIsEmptyThenEveryTenSeconds() {
        InetSocketAddress s1 = new InetSocketAddress(AddrNet.ip("30.0.0.1"), 8333);
        InetSocketAddress s2 = new InetSocketAddress(AddrNet.ip("31.0.0.1"), 8333);
        InetSocketAddress s3 = new InetSocketAddress(AddrNet.ip("32.0.0.1"), 8333);
        OutboundPlanner p = planner(List.of(s1, s2, s3));
        assertThat(p.nextSeedNode(0)).contains(s3); // Core pops from the back
        assertThat(p.nextSeedNode(0)).isEmpty();
        now.addAndGet(OutboundPlanner.ADD_NEXT_SEEDNODE_SECONDS + 1);
        assertThat(p.nextSeedNode(0)).isEmpty(); // decided now, opened on the next round
        assertThat(p.nextSeedNode(0)).contains(s2);
        now.addAndGet(OutboundPlanner.ADD_NEXT_SEEDNODE_SECONDS + 1);
        assertThat(p.nextSeedNode(2)).isEmpty(); // two outbound peers: no more seeds needed
        assertThat(p.nextSeedNode(2)).isEmpty();
    }

    @Test
    void noSeedNodeAtStartWhenAddressesAreKnown() {
        add("20.7.1.1", 8333);
        InetSocketAddress s1 = new InetSocketAddress(AddrNet.ip("30.0.0.1"), 8333);
        OutboundPlanner p = planner(List.of(s1));
        assertThat(p.nextSeedNode(0)).isEmpty();
        now.addAndGet(OutboundPlanner.ADD_NEXT_SEEDNODE_SECONDS + 1);
        p.nextSeedNode(0);
        assertThat(p.nextSeedNode(0)).isEqualTo(Optional.of(s1)); // no outbound peer after 10 s: ask the seed
    }
}
