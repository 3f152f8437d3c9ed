package org.minicoin.node.p2p.addr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minicoin.node.p2p.addr.AddrNet.addr;
import static org.minicoin.node.p2p.addr.AddrNet.distinct;
import static org.minicoin.node.p2p.addr.AddrNet.tor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minicoin.node.p2p.addr.AddrNet.TestPeer;
import org.minicoin.node.p2p.peer.ConnectionType;
import org.minicoin.node.p2p.wire.AddrMessage;
import org.minicoin.node.p2p.wire.AddrV2Message;
import org.minicoin.node.p2p.wire.GetAddrMessage;
import org.minicoin.node.p2p.wire.NetAddress;
import org.minicoin.node.p2p.wire.Network;

class AddrRelayTest {
    @TempDir
    Path dir;
    private AddrNet net;

    @BeforeEach
    void open() {
        net = new AddrNet(dir);
    }

    @AfterEach
    void close() {
        net.close();
    }

    private List<NetAddress> fresh(int from, int count) {
        List<NetAddress> list = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            list.add(distinct(i, net.nowSeconds()));
        }
        return list;
    }

    private static Set<String> hosts(List<NetAddress> list) {
        Set<String> s = new HashSet<>();
        list.forEach(a -> s.add(AddressText.host(a) + ":" + a.port()));
        return s;
    }

    @Test
    void outboundConnectionsSendOneGetaddrAndMoveTheAddressToTried() {
        net.addrman.add(List.of(addr("44.1.2.3", 8333, net.nowSeconds())), addr("45.0.0.1", 8333, 0));
        assertThat(net.addrman.triedCount()).isZero();

        TestPeer out = net.connect(ConnectionType.OUTBOUND_FULL_RELAY, "44.1.2.3", true);
        TestPeer manual = net.connect(ConnectionType.MANUAL, "46.1.2.3", true);
        TestPeer in = net.connect(ConnectionType.INBOUND, "47.1.2.3", true);
        net.advance(120_000);

        assertThat(out.count(GetAddrMessage.COMMAND)).isEqualTo(1);
        assertThat(manual.count(GetAddrMessage.COMMAND)).isEqualTo(1); // Core: every connection we opened
        assertThat(in.count(GetAddrMessage.COMMAND)).isZero();
        assertThat(net.addrman.triedCount()).isEqualTo(1); // AddrMan::Good after the handshake
        assertThat(net.relay.stats(out.peer.id()).addrRelayEnabled()).isTrue();
        assertThat(net.relay.stats(in.peer.id()).addrRelayEnabled()).isFalse(); // until it sends an address message
    }

    @Test
    void getaddrIsAnsweredForInboundOnlyAndOncePerConnection() {
        List<NetAddress> known = fresh(0, 100);
        net.addrman.add(known, addr("45.0.0.1", 8333, 0));
        TestPeer in = net.connect(ConnectionType.INBOUND, "47.1.2.3", true);
        TestPeer out = net.connect(ConnectionType.OUTBOUND_FULL_RELAY, "48.1.2.3", true);

        in.receive(new GetAddrMessage());
        out.receive(new GetAddrMessage());
        net.flushAddrs();

        List<NetAddress> reply = in.addressesSent();
        assertThat(in.addressMessages()).hasSize(1).allMatch(m -> m instanceof AddrV2Message);
        // 23% of what the address manager holds (Core's MAX_PCT_ADDR_TO_SEND); a few of the 100 may have lost
        // their slot to another in the same bucket position.
        assertThat(net.addrman.size()).isGreaterThan(90);
        assertThat(reply).hasSize(net.addrman.size() * AddressManager.GETADDR_MAX_PCT / 100);
        assertThat(hosts(known)).containsAll(hosts(reply));
        assertThat(out.addressMessages()).isEmpty(); // against fingerprinting: outbound getaddr is ignored
        assertThat(net.relay.stats(in.peer.id()).addrRelayEnabled()).isTrue();

        in.receive(new GetAddrMessage()); // a repeat is ignored
        net.flushAddrs();
        assertThat(in.addressMessages()).hasSize(1);

        // Another inbound peer gets the cached reply, not a fresh sample.
        TestPeer in2 = net.connect(ConnectionType.INBOUND, "49.1.2.3", true);
        in2.receive(new GetAddrMessage());
        net.flushAddrs();
        assertThat(hosts(in2.addressesSent())).isEqualTo(hosts(reply));
    }

    @Test
    void theGetaddrReplyCacheExpiresAfterADay() {
        net.addrman.add(fresh(0, 100), addr("45.0.0.1", 8333, 0));
        TestPeer in = net.connect(ConnectionType.INBOUND, "47.1.2.3", true);
        in.receive(new GetAddrMessage());
        net.flushAddrs();
        Set<String> first = hosts(in.addressesSent());
        in.peer.disconnected();
        net.peers.remove(in);

        net.now += AddrRelay.ADDR_CACHE_MIN_MILLIS + AddrRelay.ADDR_CACHE_SPREAD_MILLIS;
        net.addrman.add(fresh(100, 100), addr("45.0.0.1", 8333, 0)); // still recent enough to hand out
        TestPeer later = net.connect(ConnectionType.INBOUND, "49.1.2.3", true);
        later.receive(new GetAddrMessage());
        net.flushAddrs();
        Set<String> second = hosts(later.addressesSent());
        assertThat(second).hasSize(net.addrman.size() * AddressManager.GETADDR_MAX_PCT / 100)
                .hasSizeGreaterThan(first.size()); // a new sample of the larger address manager
    }

    @Test
    void receivedAddressesGoToTheAddressManagerWithUselessOnesSkipped() {
        TestPeer out = net.connect(ConnectionType.OUTBOUND_FULL_RELAY, "48.1.2.3", true);
        List<NetAddress> list = new ArrayList<>(fresh(0, 10));
        list.add(NetAddress.ip(net.nowSeconds(), 0, AddrNet.ip("50.1.2.3"), 8333)); // no services: not stored
        list.add(tor(1, net.nowSeconds())); // processed, but Tor is not reachable: not stored
        out.receive(new AddrV2Message(list));

        assertThat(net.addrman.size()).isEqualTo(10);
        assertThat(net.relay.stats(out.peer.id())).isEqualTo(new AddrRelay.PeerStats(true, 11, 0));
    }

    @Test
    void aBannedOrDiscouragedAddressIsNotStored() {
        net.bans.ban(Subnet.parse("11.0.0.0/8"), 3600, false);
        net.bans.discourage(AddrNet.ip("12.0.0.1"));
        TestPeer out = net.connect(ConnectionType.OUTBOUND_FULL_RELAY, "48.1.2.3", true);
        out.receive(new AddrMessage(fresh(0, 5))); // 11.0.0.1, 12.0.0.1, 13.0.0.1, 14.0.0.1, 15.0.0.1
        assertThat(net.addrman.size()).isEqualTo(3);
        assertThat(net.relay.stats(out.peer.id()).addrProcessed()).isEqualTo(3);
    }

    @Test
    void theTokenBucketDropsAddressesBeyondItAndRefillsAtOneInTenSeconds() {
        TestPeer in = net.connect(ConnectionType.INBOUND, "47.1.2.3", true);
        in.receive(new AddrMessage(fresh(0, 10))); // one token to start with (for a self-announcement)
        assertThat(net.relay.stats(in.peer.id())).isEqualTo(new AddrRelay.PeerStats(true, 1, 9));
        assertThat(net.addrman.size()).isEqualTo(1);

        net.advance(50_000); // 0.1 token a second: 5 more
        in.receive(new AddrMessage(fresh(10, 10)));
        assertThat(net.relay.stats(in.peer.id())).isEqualTo(new AddrRelay.PeerStats(true, 6, 14));
        assertThat(net.addrman.size()).isEqualTo(6);

        in.receive(new AddrMessage(fresh(20, 3))); // nothing left, no time passed
        assertThat(net.relay.stats(in.peer.id())).isEqualTo(new AddrRelay.PeerStats(true, 6, 17));
    }

    @Test
    void theReplyToOurGetaddrMayHoldAThousandAddresses() {
        TestPeer out = net.connect(ConnectionType.OUTBOUND_FULL_RELAY, "48.1.2.3", true);
        out.receive(new AddrMessage(fresh(0, 1000)));
        assertThat(net.relay.stats(out.peer.id())).isEqualTo(new AddrRelay.PeerStats(true, 1000, 0));
        // The bonus was for one reply: a second big message right after is mostly dropped.
        out.receive(new AddrMessage(fresh(1000, 1000)));
        assertThat(net.relay.stats(out.peer.id()).addrRateLimited()).isEqualTo(999);
    }

    @Test
    void aFreshSmallAnnouncementIsRelayedToTwoOtherPeersNeverBackToTheSender() {
        TestPeer sender = net.connect(ConnectionType.INBOUND, "47.1.2.3", true);
        List<TestPeer> others = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            others.add(net.connect(ConnectionType.OUTBOUND_FULL_RELAY, (60 + i) + ".1.2.3", true));
        }
        TestPeer silentInbound = net.connect(ConnectionType.INBOUND, "70.1.2.3", true); // no addr relay with it
        net.flushAddrs();
        net.peers.forEach(p -> p.sent.clear());

        NetAddress announced = addr("80.1.2.3", 8333, net.nowSeconds());
        sender.receive(new AddrMessage(List.of(announced)));
        net.flushAddrs();

        List<TestPeer> got = others.stream().filter(p -> p.addressesSent().contains(announced)).toList();
        assertThat(got).hasSize(2);
        assertThat(sender.addressMessages()).isEmpty();
        assertThat(silentInbound.addressMessages()).isEmpty();

        // Announced again (within the 24-hour window): the same peers are picked, and they know it already.
        net.peers.forEach(p -> p.sent.clear());
        net.advance(60_000);
        sender.receive(new AddrMessage(List.of(withTime(announced, net.nowSeconds()))));
        net.flushAddrs();
        assertThat(net.peers).allMatch(p -> p.addressMessages().isEmpty());
    }

    @Test
    void oldOrLargeAnnouncementsAndTheGetaddrReplyAreNotRelayed() {
        TestPeer sender = net.connect(ConnectionType.INBOUND, "47.1.2.3", true);
        TestPeer outSender = net.connect(ConnectionType.OUTBOUND_FULL_RELAY, "48.1.2.3", true);
        TestPeer other = net.connect(ConnectionType.OUTBOUND_FULL_RELAY, "60.1.2.3", true);
        net.flushAddrs(); // 31 more tokens for the inbound sender, enough for the messages below
        other.sent.clear();

        sender.receive(new AddrMessage(List.of(addr("80.1.2.3", 8333, net.nowSeconds() - 601)))); // too old
        sender.receive(new AddrMessage(fresh(100, 11))); // more than 10
        outSender.receive(new AddrMessage(fresh(200, 5))); // the reply to our getaddr (still outstanding)
        net.flushAddrs();
        assertThat(other.addressMessages()).isEmpty();
        assertThat(net.addrman.size()).isEqualTo(17); // all of them stored, though
    }

    @Test
    void addrv2GoesToPeersThatAskedForItAndAddrCarriesOnlyIpAddresses() {
        TestPeer sender = net.connect(ConnectionType.INBOUND, "47.1.2.3", true);
        TestPeer v1 = net.connect(ConnectionType.OUTBOUND_FULL_RELAY, "60.1.2.3", false);
        TestPeer v2 = net.connect(ConnectionType.OUTBOUND_FULL_RELAY, "61.1.2.3", true);
        net.flushAddrs();
        net.peers.forEach(p -> p.sent.clear());
        net.advance(20_000); // a second token for the sender

        NetAddress ip = addr("80.1.2.3", 8333, net.nowSeconds());
        NetAddress onion = tor(5, net.nowSeconds());
        sender.receive(new AddrV2Message(List.of(ip, onion)));
        net.flushAddrs();

        assertThat(v1.addressMessages()).singleElement().isInstanceOf(AddrMessage.class);
        assertThat(v1.addressesSent()).containsExactly(ip);
        assertThat(v2.addressMessages()).singleElement().isInstanceOf(AddrV2Message.class);
        assertThat(v2.addressesSent()).containsExactlyInAnyOrder(ip, onion);
    }

    @Test
    void anAddressThePeerSentUsIsNotRelayedBackToIt() {
        TestPeer sender = net.connect(ConnectionType.INBOUND, "47.1.2.3", true);
        TestPeer other = net.connect(ConnectionType.INBOUND, "48.1.2.3", true);
        NetAddress a = addr("80.1.2.3", 8333, net.nowSeconds());
        other.receive(new AddrMessage(List.of(a))); // other knows a; sender does not take part in relay yet
        net.flushAddrs();
        assertThat(other.addressMessages()).isEmpty();

        sender.receive(new AddrMessage(List.of(a))); // other is the only candidate, and knows it
        net.flushAddrs();
        assertThat(other.addressMessages()).isEmpty();
        assertThat(sender.addressMessages()).isEmpty();
    }

    @Test
    void anAddrFetchConnectionClosesOnceAddressesArrive() {
        TestPeer seed = net.connect(ConnectionType.ADDR_FETCH, "90.1.2.3", true);
        assertThat(seed.count(GetAddrMessage.COMMAND)).isEqualTo(1);

        seed.receive(new AddrMessage(fresh(0, 1))); // a lone self-announcement does not end it
        assertThat(seed.disconnectReason).isNull();
        seed.receive(new AddrMessage(fresh(1, 2)));
        assertThat(seed.disconnectReason).isEqualTo("addrfetch connection completed");
        assertThat(net.addrman.size()).isEqualTo(3);
    }

    @Test
    void anAddrFetchConnectionClosesAfterFiveMinutesWithoutAddresses() {
        TestPeer seed = net.connect(ConnectionType.ADDR_FETCH, "90.1.2.3", true);
        net.advance(AddrRelay.ADDR_FETCH_TIMEOUT_MILLIS - 10_000);
        assertThat(seed.disconnectReason).isNull();
        net.advance(20_000);
        assertThat(seed.disconnectReason).isEqualTo("addrfetch connection timeout");
    }

    @Test
    void ourOwnAddressIsAnnouncedAloneAfterTheHandshake() {
        NetAddress self = addr("81.1.2.3", 8333, 0);
        net.relay.setLocalAddress(p -> Optional.of(self));
        TestPeer out = net.connect(ConnectionType.OUTBOUND_FULL_RELAY, "60.1.2.3", false);
        net.advance(10_000);
        assertThat(out.addressMessages()).singleElement().isInstanceOf(AddrMessage.class);
        NetAddress sent = out.addressesSent().get(0);
        assertThat(AddressText.host(sent)).isEqualTo("81.1.2.3");
        assertThat(sent.time()).isEqualTo(net.nowSeconds());
        assertThat(sent.network()).isEqualTo(Network.IPV4);
    }

    @Test
    void aDisconnectedPeerLeavesNoStats() {
        TestPeer out = net.connect(ConnectionType.OUTBOUND_FULL_RELAY, "48.1.2.3", true);
        out.receive(new AddrMessage(fresh(0, 3)));
        assertThat(net.relay.stats(out.peer.id()).addrProcessed()).isEqualTo(3);
        out.peer.disconnected();
        assertThat(net.relay.stats(out.peer.id())).isEqualTo(AddrRelay.PeerStats.NONE);
    }

    private static NetAddress withTime(NetAddress a, long time) {
        return new NetAddress(time, a.services(), a.network(), a.address(), a.port());
    }
}
