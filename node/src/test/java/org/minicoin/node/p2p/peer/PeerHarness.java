package org.minicoin.node.p2p.peer;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.minicoin.node.p2p.wire.Message;
import org.minicoin.node.p2p.wire.NetAddress;
import org.minicoin.node.p2p.wire.SendAddrV2Message;
import org.minicoin.node.p2p.wire.VerackMessage;
import org.minicoin.node.p2p.wire.VersionMessage;
import org.minicoin.node.p2p.wire.WtxidRelayMessage;

/**
 * One {@link Peer} with a settable clock, an output that records what was sent, and a listener that records what
 * it heard: the fixture of the socket-free peer tests.
 */
final class PeerHarness implements PeerOutput, PeerListener {
    static final LocalVersion LOCAL = new LocalVersion(ServiceFlags.DESIRABLE, "/minicoin:test/", true, () -> 42);

    final List<Message> sent = new ArrayList<>();
    final List<Message> passedOn = new ArrayList<>();
    final List<Misbehavior> misbehaviors = new ArrayList<>();
    final List<PeerInfo> handshakes = new ArrayList<>();
    String disconnectReason;
    int disconnectedEvents;
    long now = 1_700_000_000_000L;
    final Peer peer;

    PeerHarness(ConnectionType type) {
        this(type, new InetSocketAddress("203.0.113.7", 8333), new LocalNonces());
    }

    PeerHarness(ConnectionType type, InetSocketAddress remote, LocalNonces nonces) {
        peer = new Peer(7, type, remote, LOCAL, nonces, this, this, () -> now, new Random(type.ordinal() + 1));
    }

    /** A version as a full node of the given protocol version and services would send it. */
    static VersionMessage version(int protocol, long services, long nonce) {
        return new VersionMessage(protocol, services, 1_700_000_000L, NetAddress.unspecified(),
                NetAddress.unspecified(), nonce, "/Satoshi:29.0.0/", 900_000, true);
    }

    /** Runs an outbound handshake to completion with a modern peer that asks for wtxidrelay and addrv2. */
    static PeerHarness handshaken(ConnectionType type) {
        PeerHarness h = new PeerHarness(type);
        h.peer.connected();
        h.peer.received(version(VersionMessage.PROTOCOL_VERSION, ServiceFlags.DESIRABLE, 99));
        h.peer.received(new WtxidRelayMessage());
        h.peer.received(new SendAddrV2Message());
        h.peer.received(new VerackMessage());
        return h;
    }

    /** Moves the clock and ticks the peer. */
    void advance(long millis) {
        now += millis;
        peer.tick(now);
    }

    /** The messages sent so far, by command. */
    List<String> sentCommands() {
        return sent.stream().map(Message::command).toList();
    }

    /** The last message sent, of the given type. */
    <T extends Message> T lastSent(Class<T> type) {
        for (int i = sent.size() - 1; i >= 0; i--) {
            if (type.isInstance(sent.get(i))) {
                return type.cast(sent.get(i));
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " sent: " + sentCommands());
    }

    @Override
    public void send(Message message) {
        sent.add(message);
    }

    @Override
    public void disconnect(String reason) {
        if (disconnectReason != null) {
            throw new AssertionError("disconnected twice: " + disconnectReason + ", then " + reason);
        }
        disconnectReason = reason;
    }

    @Override
    public void handshakeComplete(Peer p, PeerInfo info) {
        handshakes.add(info);
    }

    @Override
    public void message(Peer p, Message message) {
        passedOn.add(message);
    }

    @Override
    public void misbehaved(Peer p, Misbehavior misbehavior) {
        misbehaviors.add(misbehavior);
    }

    @Override
    public void disconnected(Peer p) {
        disconnectedEvents++;
    }
}
