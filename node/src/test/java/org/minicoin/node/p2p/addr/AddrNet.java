package org.minicoin.node.p2p.addr;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.minicoin.node.p2p.peer.ConnectionType;
import org.minicoin.node.p2p.peer.LocalNonces;
import org.minicoin.node.p2p.peer.LocalVersion;
import org.minicoin.node.p2p.peer.Peer;
import org.minicoin.node.p2p.peer.PeerNetwork;
import org.minicoin.node.p2p.peer.PeerOutput;
import org.minicoin.node.p2p.peer.ServiceFlags;
import org.minicoin.node.p2p.wire.AddrMessage;
import org.minicoin.node.p2p.wire.AddrV2Message;
import org.minicoin.node.p2p.wire.Message;
import org.minicoin.node.p2p.wire.NetAddress;
import org.minicoin.node.p2p.wire.Network;
import org.minicoin.node.p2p.wire.SendAddrV2Message;
import org.minicoin.node.p2p.wire.VerackMessage;
import org.minicoin.node.p2p.wire.VersionMessage;
import org.minicoin.node.p2p.wire.WtxidRelayMessage;
import org.minicoin.node.store.RocksStore;

/**
 * A socket-free node for the address tests: a real {@link AddressManager} and {@link BanList} on RocksDB in a temp
 * directory, an {@link AddrRelay}, and real {@link Peer}s driven by hand, all on one settable clock. Each peer
 * records what it sent and whether it was disconnected.
 */
final class AddrNet implements PeerNetwork, AutoCloseable {
    static final long START_MILLIS = 1_800_000_000_000L;
    private static final LocalVersion LOCAL = new LocalVersion(ServiceFlags.DESIRABLE, "/minicoin:test/", true,
            () -> 100);

    final RocksStore store;
    final AddressManager addrman;
    final BanList bans;
    final AddrRelay relay;
    final List<TestPeer> peers = new ArrayList<>();
    long now = START_MILLIS;
    private final LocalNonces nonces = new LocalNonces();
    private long nextId;

    AddrNet(Path dir) {
        store = RocksStore.open(dir.resolve("db"), 1 << 20);
        addrman = AddressManager.open(store, () -> now / 1000, new SplittableRandom(7));
        bans = BanList.open(store, () -> now / 1000);
        relay = new AddrRelay(addrman, bans, () -> now, new Random(11));
        relay.setNetwork(this);
    }

    /** One connection: the real peer and what went out on it. */
    final class TestPeer implements PeerOutput {
        final List<Message> sent = new ArrayList<>();
        String disconnectReason;
        Peer peer;

        @Override
        public void send(Message message) {
            sent.add(message);
        }

        @Override
        public void disconnect(String reason) {
            if (disconnectReason == null) {
                disconnectReason = reason;
            }
        }

        /** A message from the remote side. */
        void receive(Message m) {
            peer.received(m);
        }

        /** The addresses sent to this peer in addr and addrv2 messages, in order. */
        List<NetAddress> addressesSent() {
            List<NetAddress> all = new ArrayList<>();
            for (Message m : sent) {
                if (m instanceof AddrMessage a) {
                    all.addAll(a.addresses());
                } else if (m instanceof AddrV2Message a) {
                    all.addAll(a.addresses());
                }
            }
            return all;
        }

        /** The address messages (addr or addrv2) sent to this peer. */
        List<Message> addressMessages() {
            return sent.stream().filter(m -> m instanceof AddrMessage || m instanceof AddrV2Message).toList();
        }

        long count(String command) {
            return sent.stream().filter(m -> m.command().equals(command)).count();
        }
    }

    /**
     * A peer at {@code host:8333} that completed the handshake; it sent {@code sendaddrv2} if {@code addrV2}. The
     * remote side is a modern full node.
     */
    TestPeer connect(ConnectionType type, String host, boolean addrV2) {
        TestPeer t = new TestPeer();
        t.peer = new Peer(nextId++, type, new InetSocketAddress(ip(host), 8333), LOCAL, nonces, t, relay,
                () -> now, new Random(nextId));
        peers.add(t);
        t.peer.connected();
        t.receive(new VersionMessage(VersionMessage.PROTOCOL_VERSION, ServiceFlags.DESIRABLE, now / 1000,
                NetAddress.unspecified(), NetAddress.unspecified(), 1000 + nextId, "/Satoshi:29.0.0/", 900_000, true));
        t.receive(new WtxidRelayMessage());
        if (addrV2) {
            t.receive(new SendAddrV2Message());
        }
        t.receive(new VerackMessage());
        if (!t.peer.handshakeComplete()) {
            throw new AssertionError("handshake failed: " + t.disconnectReason);
        }
        return t;
    }

    /** Moves the clock by {@code millis} in steps of at most 10 seconds, ticking every peer at each step. */
    void advance(long millis) {
        long end = now + millis;
        while (now < end) {
            now = Math.min(end, now + 10_000);
            for (TestPeer t : peers) {
                t.peer.tick(now);
            }
        }
    }

    /** Lets every queued address go out: the send timer fires at most 5 minutes after the last send. */
    void flushAddrs() {
        advance(AddrRelay.MAX_ADDRESS_BROADCAST_DELAY_MILLIS + 10_000);
    }

    @Override
    public List<Peer> peers() {
        return peers.stream().map(t -> t.peer).toList();
    }

    @Override
    public void execute(Peer peer, Runnable task) {
        throw new UnsupportedOperationException("AddrRelay runs nothing on other peers' threads");
    }

    @Override
    public void close() {
        store.close();
    }

    static InetAddress ip(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** A full node's address (services NETWORK|WITNESS) last seen at {@code time} seconds. */
    static NetAddress addr(String host, int port, long time) {
        return NetAddress.ip(time, ServiceFlags.DESIRABLE, ip(host), port);
    }

    /** A Tor v3 address (any 32 bytes are a valid key for the format). */
    static NetAddress tor(int seed, long time) {
        byte[] key = new byte[32];
        new Random(seed).nextBytes(key);
        return new NetAddress(time, ServiceFlags.DESIRABLE, Network.TORV3, key, 8333);
    }

    /** The i-th public IPv4 address, each in its own /16 for i below 22,784 (11-99.x.y.1). */
    static NetAddress distinct(int i, long time) {
        return addr((11 + i % 89) + "." + (i / 89 % 256) + "." + (i / (89 * 256) % 256) + ".1", 8333, time);
    }

    long nowSeconds() {
        return now / 1000;
    }
}
