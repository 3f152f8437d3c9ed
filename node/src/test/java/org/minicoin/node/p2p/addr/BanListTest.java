package org.minicoin.node.p2p.addr;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minicoin.node.p2p.addr.BanList.Ban;
import org.minicoin.node.store.Column;
import org.minicoin.node.store.RocksStore;
import org.minicoin.node.store.WriteBatch;

class BanListTest {
    private static final long START = 1_800_000_000L;

    @TempDir
    Path dir;
    private final AtomicLong now = new AtomicLong(START);
    private RocksStore store;
    private BanList bans;

    @BeforeEach
    void open() {
        store = RocksStore.open(dir.resolve("db"), 1 << 20);
        bans = BanList.open(store, now::get);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void reopen() {
        store.close();
        open();
    }

    private static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aBannedSubnetRefusesItsAddressesOnly() {
        bans.ban(Subnet.parse("203.0.113.0/24"), 3600, false);
        assertThat(bans.isBanned(ip("203.0.113.77"))).isTrue();
        assertThat(bans.isBanned(ip("203.0.114.1"))).isFalse();
        assertThat(bans.isBanned(Subnet.parse("203.0.113.0/24"))).isTrue();
        assertThat(bans.isBanned(Subnet.parse("203.0.113.77"))).isFalse(); // exact subnet, as setban checks
    }

    @Test
    void unbanLiftsOnlyAnExistingBan() {
        Subnet s = Subnet.parse("2001:db8::/32");
        bans.ban(s, 3600, false);
        assertThat(bans.unban(Subnet.parse("2001:db8::/48"))).isFalse();
        assertThat(bans.unban(s)).isTrue();
        assertThat(bans.unban(s)).isFalse();
        assertThat(bans.isBanned(ip("2001:db8::1"))).isFalse();
    }

    @Test
    void aBanEndsAtItsTimeAndIsThenSweptFromTheList() {
        bans.ban(Subnet.parse("198.51.100.1"), 100, false);
        assertThat(bans.listBanned()).containsExactly(new Ban(Subnet.parse("198.51.100.1"), START, START + 100));
        now.set(START + 99);
        assertThat(bans.isBanned(ip("198.51.100.1"))).isTrue();
        now.set(START + 100);
        assertThat(bans.isBanned(ip("198.51.100.1"))).isFalse();
        now.set(START + 101);
        assertThat(bans.listBanned()).isEmpty();
        reopen();
        assertThat(bans.listBanned()).isEmpty();
    }

    @Test
    void banTimesAreRelativeAbsoluteOrTheDefault() {
        bans.ban(Subnet.parse("1.1.1.1"), 0, false);
        bans.ban(Subnet.parse("2.2.2.2"), START + 500, true);
        bans.ban(Subnet.parse("3.3.3.3"), -5, true); // Core: a time of zero or less means the default, relative
        assertThat(bans.listBanned()).extracting(Ban::bannedUntil)
                .containsExactlyInAnyOrder(START + 24 * 3600, START + 500, START + 24 * 3600);
    }

    @Test
    void aShorterBanDoesNotShortenALongerOne() {
        Subnet s = Subnet.parse("1.1.1.0/24");
        bans.ban(s, 1000, false);
        now.set(START + 10);
        bans.ban(s, 10, false);
        assertThat(bans.listBanned()).containsExactly(new Ban(s, START, START + 1000));
        bans.ban(s, 5000, false);
        assertThat(bans.listBanned()).containsExactly(new Ban(s, START + 10, START + 5010));
    }

    @Test
    void bansSurviveARestartAndSoDoUnbanAndClear() {
        bans.ban(Subnet.parse("1.1.1.0/24"), 1000, false);
        bans.ban(Subnet.parse("2001:db8::/32"), 2000, false);
        bans.ban(Subnet.parse("9.9.9.9"), 3000, false);
        bans.unban(Subnet.parse("9.9.9.9"));
        reopen();
        assertThat(bans.listBanned()).containsExactlyInAnyOrder(
                new Ban(Subnet.parse("1.1.1.0/24"), START, START + 1000),
                new Ban(Subnet.parse("2001:db8::/32"), START, START + 2000));
        bans.clearBanned();
        reopen();
        assertThat(bans.listBanned()).isEmpty();
    }

    @Test
    void aDamagedEntryIsSkippedAndTheRestLoad() {
        bans.ban(Subnet.parse("1.1.1.0/24"), 1000, false);
        try (WriteBatch batch = store.newBatch()) {
            batch.put(Column.BANS, new byte[] {24, 5, 5, 5, 0}, new byte[] {1, 2, 3}); // truncated value
            batch.put(Column.BANS, new byte[] {1, 2, 3}, new byte[17]); // key of no address length
            store.write(batch, true);
        }
        reopen();
        assertThat(bans.listBanned()).extracting(b -> b.subnet().toString()).containsExactly("1.1.1.0/24");
        assertThat(store.get(Column.BANS, new byte[] {1, 2, 3})).isNull(); // deleted, not read again each start
    }

    @Test
    void discouragementLastsADayAndRefusesNothing() {
        InetAddress peer = ip("192.0.2.9");
        bans.discourage(peer);
        assertThat(bans.isDiscouraged(peer)).isTrue();
        assertThat(bans.isDiscouraged(ip("192.0.2.10"))).isFalse();
        assertThat(bans.isBanned(peer)).isFalse();
        now.set(START + 24 * 3600 - 1);
        assertThat(bans.isDiscouraged(peer)).isTrue();
        now.set(START + 24 * 3600);
        assertThat(bans.isDiscouraged(peer)).isFalse();
    }

    @Test
    void discouragingAgainRestartsTheDay() {
        InetAddress a = ip("192.0.2.1");
        InetAddress b = ip("192.0.2.2");
        bans.discourage(a);
        bans.discourage(b);
        now.set(START + 20 * 3600);
        bans.discourage(a);
        now.set(START + 30 * 3600);
        assertThat(bans.isDiscouraged(a)).isTrue();
        assertThat(bans.isDiscouraged(b)).isFalse();
    }

    @Test
    void discouragementIsBoundedAndForgetsTheOldestFirst() {
        for (int i = 0; i <= BanList.MAX_DISCOURAGED; i++) {
            bans.discourage(ip("10." + (i >> 16) + "." + (i >> 8 & 255) + "." + (i & 255)));
        }
        assertThat(bans.isDiscouraged(ip("10.0.0.0"))).isFalse();
        assertThat(bans.isDiscouraged(ip("10.0.0.1"))).isTrue();
        int last = BanList.MAX_DISCOURAGED;
        assertThat(bans.isDiscouraged(ip("10." + (last >> 16) + "." + (last >> 8 & 255) + "." + (last & 255))))
                .isTrue();
    }

    @Test
    void discouragementIsNotPersisted() {
        bans.discourage(ip("192.0.2.1"));
        reopen();
        assertThat(bans.isDiscouraged(ip("192.0.2.1"))).isFalse();
    }
}
