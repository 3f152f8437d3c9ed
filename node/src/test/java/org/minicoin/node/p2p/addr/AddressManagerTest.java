package org.minicoin.node.p2p.addr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minicoin.node.p2p.wire.NetAddress;
import org.minicoin.node.p2p.wire.Network;
import org.minicoin.node.store.Column;
import org.minicoin.node.store.RocksStore;
import org.minicoin.node.store.WriteBatch;

class AddressManagerTest {
    private static final long START = 1_800_000_000L;
    private static final long DAY = 24 * 3600L;
    private static final NetAddress SOURCE = ipv4(250, 1, 2, 3);

    @TempDir
    Path dir;
    private final AtomicLong now = new AtomicLong(START);
    private RocksStore store;
    private AddressManager addrman;

    @BeforeEach
    void open() {
        store = RocksStore.open(dir.resolve("db"), 1 << 20);
        addrman = AddressManager.open(store, now::get, new SplittableRandom(42));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void reopen() {
        addrman.flush();
        store.close();
        open();
    }

    private static NetAddress ipv4(int a, int b, int c, int d) {
        return new NetAddress(START, 9, Network.IPV4, new byte[] {(byte) a, (byte) b, (byte) c, (byte) d}, 8333);
    }

    /** The i-th of many public addresses (11-99.x.y.1), each in its own /16 (its own group) for i below 22,784. */
    private static NetAddress distinct(int i) {
        return ipv4(11 + i % 89, i / 89 % 256, i / (89 * 256) % 256, 1);
    }

    private static NetAddress withTime(NetAddress a, long time) {
        return new NetAddress(time, a.services(), a.network(), a.address(), a.port());
    }

    @Test
    void anAddedAddressIsNewAndCanBeSelected() {
        NetAddress a = ipv4(8, 8, 8, 8);
        assertThat(addrman.add(List.of(a), SOURCE)).isTrue();
        assertThat(addrman.size()).isEqualTo(1);
        assertThat(addrman.newCount()).isEqualTo(1);
        assertThat(addrman.triedCount()).isZero();
        assertThat(addrman.select(false)).contains(a);
        assertThat(addrman.select(true)).contains(a);
        assertThat(addrman.add(List.of(a), SOURCE)).isFalse(); // nothing new about it
        assertThat(addrman.size()).isEqualTo(1);
    }

    @Test
    void unroutableAddressesAreIgnored() {
        List<NetAddress> local = List.of(ipv4(10, 0, 0, 1), ipv4(127, 0, 0, 1), ipv4(192, 168, 1, 1),
                ipv4(172, 16, 0, 1), ipv4(0, 0, 0, 0), ipv4(169, 254, 1, 1), ipv4(100, 64, 0, 1),
                new NetAddress(START, 1, Network.IPV6, new byte[16], 8333),
                new NetAddress(START, 1, Network.IPV6, ipv6Prefix(0xfe, 0x80), 8333),
                new NetAddress(START, 1, Network.IPV6, ipv6Prefix(0xfd, 0x00), 8333));
        assertThat(addrman.add(local, SOURCE)).isFalse();
        assertThat(addrman.size()).isZero();
        assertThat(addrman.select(false)).isEmpty();
    }

    private static byte[] ipv6Prefix(int b0, int b1) {
        byte[] b = new byte[16];
        b[0] = (byte) b0;
        b[1] = (byte) b1;
        b[15] = 1;
        return b;
    }

    @Test
    void aTimePenaltyAgesRelayedAddressesButNotASelfAnnouncement() {
        NetAddress relayed = ipv4(8, 8, 4, 4);
        addrman.add(List.of(relayed, SOURCE), SOURCE, 7200);
        assertThat(addrman.getAddr(0, 0)).containsExactlyInAnyOrder(withTime(relayed, START - 7200), SOURCE);
    }

    @Test
    void goodMovesAnAddressToTried() {
        NetAddress a = ipv4(8, 8, 8, 8);
        assertThat(addrman.good(a)).isFalse(); // unknown
        addrman.add(List.of(a), SOURCE);
        assertThat(addrman.good(a)).isTrue();
        assertThat(addrman.triedCount()).isEqualTo(1);
        assertThat(addrman.newCount()).isZero();
        assertThat(addrman.select(true)).isEmpty();
        assertThat(addrman.select(false)).contains(a);
        assertThat(addrman.good(a)).isFalse(); // already tried
        addrman.add(List.of(withTime(a, START + 3 * DAY)), ipv4(251, 1, 1, 1));
        assertThat(addrman.newCount()).isZero(); // gossip does not put a tried address back in new
    }

    @Test
    void selectPicksTheTriedTableHalfTheTime() {
        for (int i = 0; i < 300; i++) {
            addrman.add(List.of(distinct(i)), distinct(100_000 + i));
        }
        NetAddress tried = distinct(7);
        addrman.good(tried);
        now.addAndGet(3600); // past the 10 minutes in which a just-tried address is rarely picked
        int triedPicks = 0;
        for (int i = 0; i < 2000; i++) {
            if (addrman.select(false).orElseThrow().equals(tried)) {
                triedPicks++;
            }
        }
        // 1 of ~300 addresses, but the only one in tried: about half of all picks.
        assertThat(triedPicks).isBetween(850, 1150);
        for (int i = 0; i < 200; i++) {
            assertThat(addrman.select(true)).isPresent().get().isNotEqualTo(tried);
        }
    }

    @Test
    void recentFailuresMakeAnAddressLessLikely() {
        NetAddress failing = ipv4(8, 8, 8, 8);
        NetAddress fine = ipv4(9, 9, 9, 9);
        addrman.add(List.of(failing, fine), SOURCE);
        addrman.attempt(failing, true);
        int failingPicks = 0;
        for (int i = 0; i < 1000; i++) {
            failingPicks += addrman.select(false).orElseThrow().equals(failing) ? 1 : 0;
        }
        assertThat(failingPicks).isLessThan(50); // chance 0.01 * 0.66 against 1
    }

    @Test
    void oneSourceCannotFillTheNewTable() {
        List<NetAddress> flood = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            flood.add(distinct(i));
        }
        addrman.add(flood, SOURCE);
        // One source group reaches 64 buckets of 64 slots.
        assertThat(addrman.newCount()).isLessThanOrEqualTo(64 * AddressManager.BUCKET_SIZE).isGreaterThan(1000);
        assertThat(addrman.size()).isEqualTo(addrman.newCount());
    }

    @Test
    void aNewSlotTakenIsNotOverwrittenUnlessItsEntryIsTerrible() {
        NetAddress[] pair = sameSlot(true);
        NetAddress first = pair[0];
        NetAddress second = pair[1];
        assertThat(addrman.add(List.of(first), SOURCE)).isTrue();
        assertThat(addrman.add(List.of(second), SOURCE)).isFalse();
        assertThat(addrman.getAddr(0, 0)).containsExactly(first);

        now.addAndGet(31 * DAY); // first is now past the 30-day horizon: terrible
        assertThat(addrman.add(List.of(withTime(second, now.get())), SOURCE)).isTrue();
        assertThat(addrman.getAddr(0, 0)).containsExactly(withTime(second, now.get()));
        assertThat(addrman.size()).isEqualTo(1);
    }

    @Test
    void aTriedCollisionKeepsARecentlyGoodEntryAndOtherwiseEvictsIt() {
        NetAddress[] pair = sameSlot(false);
        NetAddress old = pair[0];
        NetAddress challenger = pair[1];
        addrman.add(List.of(old), SOURCE);
        addrman.add(List.of(challenger), ipv4(251, 1, 1, 1));
        assertThat(addrman.newCount()).isEqualTo(2);
        assertThat(addrman.good(old)).isTrue();

        now.addAndGet(3600);
        assertThat(addrman.good(challenger)).isFalse(); // old worked an hour ago: it stays
        assertThat(addrman.triedCount()).isEqualTo(1);
        assertThat(addrman.newCount()).isEqualTo(1);

        now.addAndGet(4 * 3600);
        assertThat(addrman.good(challenger)).isTrue(); // old has not worked for 5 hours: it goes back to new
        assertThat(addrman.triedCount()).isEqualTo(1);
        assertThat(addrman.newCount()).isEqualTo(1);
        assertThat(addrman.select(true)).contains(old);
        assertThat(addrman.size()).isEqualTo(2);
    }

    /** Two public addresses that share a slot (in new: both from {@link #SOURCE}), found by search. */
    private NetAddress[] sameSlot(boolean inNew) {
        Map<String, NetAddress> seen = new HashMap<>();
        for (int i = 0; ; i++) {
            NetAddress a = distinct(i);
            int[] slot = inNew ? addrman.newSlot(a, SOURCE) : addrman.triedSlot(a);
            NetAddress other = seen.putIfAbsent(Arrays.toString(slot), a);
            // For tried, the two must also have different new slots (from their two sources) to both be added.
            if (other != null && (inNew || !Arrays.equals(addrman.newSlot(other, SOURCE),
                    addrman.newSlot(a, ipv4(251, 1, 1, 1))))) {
                return new NetAddress[] {other, a};
            }
        }
    }

    @Test
    void getAddrReturnsAtMost23PercentAndAtMost1000() {
        List<NetAddress> many = new ArrayList<>();
        for (int i = 0; i < 8000; i++) {
            many.add(distinct(i));
        }
        for (int s = 0; s < 100; s++) { // from many sources, so that most find a slot
            addrman.add(many.subList(s * 80, s * 80 + 80), distinct(50_000 + s * 1000));
        }
        int size = addrman.size();
        assertThat(size).isGreaterThan(5000);
        List<NetAddress> reply = addrman.getAddr(AddressManager.GETADDR_MAX_ADDRESSES, AddressManager.GETADDR_MAX_PCT);
        assertThat(reply).hasSize(1000).doesNotHaveDuplicates();
        assertThat(addrman.getAddr(0, 10)).hasSize(size / 10);
        assertThat(addrman.getAddr(17, 0)).hasSize(17);
        List<NetAddress> all = addrman.getAddr(0, 0);
        assertThat(all).hasSize(size).doesNotHaveDuplicates();
        assertThat(new HashSet<>(many)).containsAll(all);
        assertThat(all).containsAll(reply);
    }

    @Test
    void getAddrLeavesOutTerribleAddresses() {
        NetAddress stale = withTime(ipv4(8, 8, 8, 8), START - 31 * DAY);
        NetAddress future = withTime(ipv4(8, 8, 8, 9), START + 3600);
        NetAddress neverReached = ipv4(8, 8, 8, 10);
        NetAddress fine = ipv4(9, 9, 9, 9);
        NetAddress other = ipv4(9, 9, 9, 10);
        addrman.add(List.of(stale, future, neverReached, fine, other), SOURCE);
        for (int i = 0; i < 3; i++) {
            addrman.attempt(neverReached, true);
            now.addAndGet(120);
            addrman.add(List.of(other), SOURCE);
            addrman.good(other); // a failure counts only once per success elsewhere
        }
        assertThat(addrman.size()).isEqualTo(5);
        assertThat(addrman.getAddr(0, 0)).containsExactlyInAnyOrder(fine, other);
    }

    @Test
    void failuresWhileOfflineCountOnce() {
        NetAddress a = ipv4(8, 8, 8, 10);
        addrman.add(List.of(a), SOURCE);
        for (int i = 0; i < 10; i++) {
            addrman.attempt(a, true);
            now.addAndGet(120);
        }
        assertThat(addrman.getAddr(0, 0)).containsExactly(a); // one counted failure: not yet terrible
    }

    @Test
    void theTablesSurviveARestart() {
        NetAddress ipv6 = new NetAddress(START, 1, Network.IPV6, ipv6Prefix(0x2a, 0x01), 18444);
        NetAddress tor = new NetAddress(START, 1, Network.TORV3, new byte[32], 9050);
        assertThat(addrman.add(List.of(ipv6, tor), SOURCE)).isTrue(); // first, so no later address takes a slot
        List<NetAddress> many = new ArrayList<>();
        for (int i = 0; i < 12_000; i++) {
            many.add(distinct(i));
        }
        for (int s = 0; s < 150; s++) {
            addrman.add(many.subList(s * 80, s * 80 + 80), distinct(50_000 + s * 1000));
        }
        for (int i = 0; i < 200; i++) {
            addrman.good(many.get(i * 7));
        }
        int size = addrman.size();
        int tried = addrman.triedCount();
        assertThat(tried).isGreaterThan(150);
        List<NetAddress> before = addrman.getAddr(0, 0);

        reopen();
        assertThat(addrman.size()).isEqualTo(size);
        assertThat(addrman.triedCount()).isEqualTo(tried);
        assertThat(addrman.getAddr(0, 0)).containsExactlyInAnyOrderElementsOf(before).contains(ipv6, tor);
    }

    @Test
    void aDamagedEntryIsSkippedAndDeleted() {
        addrman.add(List.of(ipv4(8, 8, 8, 8), ipv4(9, 9, 9, 9)), SOURCE);
        addrman.flush();
        List<byte[]> keys = new ArrayList<>();
        store.scan(Column.PEERS, new byte[] {'a'}, (k, v) -> keys.add(k));
        assertThat(keys).hasSize(2);
        byte[] damagedKey = keys.get(0);
        byte[] value = store.get(Column.PEERS, damagedKey);
        try (WriteBatch batch = store.newBatch()) {
            batch.put(Column.PEERS, damagedKey, Arrays.copyOf(value, value.length - 3));
            batch.put(Column.PEERS, new byte[] {'a', 1}, new byte[] {1, 2, 3});
            store.write(batch, true);
        }

        reopen();
        assertThat(addrman.size()).isEqualTo(1);
        addrman.flush();
        assertThat(store.get(Column.PEERS, damagedKey)).isNull();
        assertThat(store.get(Column.PEERS, new byte[] {'a', 1})).isNull();
        assertThat(store.get(Column.PEERS, keys.get(1))).isNotNull();
    }

    @Test
    void forgottenAddressesAreDeletedFromTheStore() {
        NetAddress[] pair = sameSlot(true);
        addrman.add(List.of(pair[0]), SOURCE);
        addrman.flush();
        now.addAndGet(31 * DAY);
        addrman.add(List.of(withTime(pair[1], now.get())), SOURCE); // evicts the terrible pair[0]
        reopen();
        assertThat(addrman.getAddr(0, 0)).containsExactly(withTime(pair[1], now.get()));
        Optional<NetAddress> picked = addrman.select(false);
        assertThat(picked).contains(withTime(pair[1], now.get()));
    }
}
