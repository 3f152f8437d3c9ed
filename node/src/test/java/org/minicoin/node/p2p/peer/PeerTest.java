package org.minicoin.node.p2p.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.minicoin.consensus.encoding.ByteReader;
import org.minicoin.consensus.encoding.ByteWriter;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.testing.ChainParamsFixtures;
import org.minicoin.consensus.types.Hash;
import org.minicoin.node.p2p.wire.FeeFilterMessage;
import org.minicoin.node.p2p.wire.InvMessage;
import org.minicoin.node.p2p.wire.InvVector;
import org.minicoin.node.p2p.wire.MessageHeader;
import org.minicoin.node.p2p.wire.PingMessage;
import org.minicoin.node.p2p.wire.PongMessage;
import org.minicoin.node.p2p.wire.ProtocolViolation;
import org.minicoin.node.p2p.wire.SendAddrV2Message;
import org.minicoin.node.p2p.wire.SendHeadersMessage;
import org.minicoin.node.p2p.wire.VerackMessage;
import org.minicoin.node.p2p.wire.VersionMessage;
import org.minicoin.node.p2p.wire.WireCodec;
import org.minicoin.node.p2p.wire.WtxidRelayMessage;

class PeerTest {
    private static final ChainParams REGTEST = ChainParamsFixtures.regtest();
    private static final InvMessage INV = new InvMessage(List.of(new InvVector(InvVector.MSG_TX, Hash.ZERO)));

    @Test
    void outboundSendsVersionFirstAndCompletesOnVerack() {
        PeerHarness h = new PeerHarness(ConnectionType.OUTBOUND_FULL_RELAY);
        h.peer.connected();

        VersionMessage ours = h.lastSent(VersionMessage.class);
        assertThat(h.sentCommands()).containsExactly("version");
        assertThat(ours.version()).isEqualTo(70016);
        assertThat(ours.services()).isEqualTo(ServiceFlags.NODE_NETWORK | ServiceFlags.NODE_WITNESS);
        assertThat(ours.startHeight()).isEqualTo(42);
        assertThat(ours.userAgent()).isEqualTo("/minicoin:test/");
        assertThat(ours.timestamp()).isEqualTo(h.now / 1000);

        h.peer.received(PeerHarness.version(70016, ServiceFlags.DESIRABLE | 4, 99));
        assertThat(h.sentCommands()).containsExactly("version", "wtxidrelay", "sendaddrv2", "verack");
        h.peer.received(new WtxidRelayMessage());
        h.peer.received(new SendAddrV2Message());
        h.peer.received(new SendHeadersMessage());
        assertThat(h.handshakes).isEmpty();
        assertThat(h.peer.handshakeComplete()).isFalse();

        h.peer.received(new VerackMessage());
        assertThat(h.handshakes).containsExactly(new PeerInfo(70016, 70016, ServiceFlags.DESIRABLE | 4,
                "/Satoshi:29.0.0/", 900_000, true, true, true, true, 0));
        assertThat(h.peer.handshakeComplete()).isTrue();
        assertThat(h.passedOn).as("sendheaders before verack is state, not an event").isEmpty();
        assertThat(h.sentCommands()).as("Core pings at once after the handshake").endsWith("ping");
        assertThat(h.disconnectReason).isNull();
    }

    @Test
    void inboundWaitsForTheirVersionThenAnswers() {
        PeerHarness h = new PeerHarness(ConnectionType.INBOUND);
        h.peer.connected();
        assertThat(h.sent).isEmpty();

        h.peer.received(PeerHarness.version(70016, 0, 99));
        assertThat(h.sentCommands()).containsExactly("version", "wtxidrelay", "sendaddrv2", "verack");
        h.peer.received(new VerackMessage());
        assertThat(h.handshakes).singleElement().satisfies(info -> {
            assertThat(info.services()).as("inbound peers need offer nothing").isZero();
            assertThat(info.wtxidRelay()).isFalse();
            assertThat(info.sendAddrV2()).isFalse();
            assertThat(info.prefersHeaders()).isFalse();
        });
    }

    @Test
    void inboundConnectionFromOurOwnOutboundNonceIsDropped() {
        LocalNonces nonces = new LocalNonces();
        PeerHarness out = new PeerHarness(ConnectionType.OUTBOUND_FULL_RELAY,
                new InetSocketAddress("198.51.100.1", 8333), nonces);
        PeerHarness in = new PeerHarness(ConnectionType.INBOUND, new InetSocketAddress("198.51.100.1", 50123),
                nonces);
        out.peer.connected();
        in.peer.connected();

        in.peer.received(out.lastSent(VersionMessage.class));

        assertThat(in.disconnectReason).startsWith("connected to self at");
        assertThat(in.sent).as("no version sent back to ourselves").isEmpty();
    }

    @Test
    void nonceIsForgottenOnceTheOutboundHandshakeCompletes() {
        LocalNonces nonces = new LocalNonces();
        PeerHarness out = new PeerHarness(ConnectionType.OUTBOUND_FULL_RELAY,
                new InetSocketAddress("198.51.100.1", 8333), nonces);
        out.peer.connected();
        long nonce = out.lastSent(VersionMessage.class).nonce();
        assertThat(nonces.isOurs(nonce)).isTrue();

        out.peer.received(PeerHarness.version(70016, ServiceFlags.DESIRABLE, 5));
        out.peer.received(new VerackMessage());
        assertThat(nonces.isOurs(nonce)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"31799, true", "209, true", "31800, false", "70015, false"})
    void obsoleteVersionsAreDisconnected(int version, boolean dropped) {
        PeerHarness h = new PeerHarness(ConnectionType.INBOUND);
        h.peer.connected();
        h.peer.received(PeerHarness.version(version, ServiceFlags.DESIRABLE, 99));
        if (dropped) {
            assertThat(h.disconnectReason).isEqualTo("peer using obsolete version " + version);
            assertThat(h.sent).isEmpty();
        } else {
            assertThat(h.disconnectReason).isNull();
            assertThat(h.sentCommands()).as("no wtxidrelay/sendaddrv2 below 70016")
                    .containsExactly("version", "verack");
        }
    }

    @ParameterizedTest
    @CsvSource({"OUTBOUND_FULL_RELAY, 1, true", "OUTBOUND_FULL_RELAY, 8, true", "OUTBOUND_FULL_RELAY, 1032, true",
        "OUTBOUND_FULL_RELAY, 9, false", "INBOUND, 1, false", "MANUAL, 0, false"})
    void outboundFullRelayPeersMustOfferNetworkAndWitness(ConnectionType type, long services, boolean dropped) {
        PeerHarness h = new PeerHarness(type);
        h.peer.connected();
        h.peer.received(PeerHarness.version(70016, services, 99));
        if (dropped) {
            assertThat(h.disconnectReason).isEqualTo(String.format(
                    "peer does not offer the expected services (%08x offered, 00000009 expected)", services));
        } else {
            assertThat(h.disconnectReason).isNull();
            assertThat(h.sentCommands()).endsWith("verack");
        }
    }

    @Test
    void duplicateVersionIsIgnoredAsCoreDoes() {
        PeerHarness h = new PeerHarness(ConnectionType.INBOUND);
        h.peer.connected();
        h.peer.received(PeerHarness.version(70016, ServiceFlags.DESIRABLE, 99));
        int sentBefore = h.sent.size();

        h.peer.received(PeerHarness.version(70015, 0, 100));

        assertThat(h.sent).hasSize(sentBefore);
        assertThat(h.disconnectReason).isNull();
        assertThat(h.misbehaviors).isEmpty();
        assertThat(h.peer.info().orElseThrow().version()).isEqualTo(70016);
    }

    @Test
    void messagesBeforeTheHandshakeAreIgnored() {
        PeerHarness h = new PeerHarness(ConnectionType.INBOUND);
        h.peer.connected();
        h.peer.received(new PingMessage(5));
        h.peer.received(new VerackMessage());
        h.peer.received(INV);
        assertThat(h.sent).as("nothing before their version").isEmpty();
        assertThat(h.peer.info()).isEmpty();

        h.peer.received(PeerHarness.version(70016, 0, 99));
        int afterVersion = h.sent.size();
        h.peer.received(new PingMessage(6));
        h.peer.received(INV);
        h.peer.received(new FeeFilterMessage(1000));
        assertThat(h.sent).as("no pong before verack").hasSize(afterVersion);
        assertThat(h.passedOn).isEmpty();
        assertThat(h.peer.info().orElseThrow().feeFilter()).isZero();

        h.peer.received(new VerackMessage());
        h.peer.received(new PingMessage(7));
        h.peer.received(INV);
        assertThat(h.lastSent(PongMessage.class)).isEqualTo(new PongMessage(7));
        assertThat(h.passedOn).containsExactly(INV);
        assertThat(h.disconnectReason).isNull();
    }

    @Test
    void wtxidrelayAfterVerackDisconnects() {
        PeerHarness h = PeerHarness.handshaken(ConnectionType.OUTBOUND_FULL_RELAY);
        h.peer.received(new WtxidRelayMessage());
        assertThat(h.disconnectReason).isEqualTo("wtxidrelay received after verack");

        h.peer.received(new PingMessage(1));
        assertThat(h.sent).as("nothing processed after the disconnect").noneMatch(PongMessage.class::isInstance);
    }

    @Test
    void sendaddrv2AfterVerackDisconnects() {
        PeerHarness h = PeerHarness.handshaken(ConnectionType.INBOUND);
        h.peer.received(new SendAddrV2Message());
        assertThat(h.disconnectReason).isEqualTo("sendaddrv2 received after verack");
    }

    @Test
    void wtxidrelayIsIgnoredBelowVersion70016() {
        PeerHarness h = new PeerHarness(ConnectionType.INBOUND);
        h.peer.connected();
        h.peer.received(PeerHarness.version(70015, 0, 99));
        h.peer.received(new WtxidRelayMessage());
        h.peer.received(new VerackMessage());
        assertThat(h.handshakes).singleElement().satisfies(info -> {
            assertThat(info.commonVersion()).isEqualTo(70015);
            assertThat(info.wtxidRelay()).isFalse();
        });
    }

    @Test
    void sendheadersAndFeefilterAfterVerackUpdateInfoAndArePassedOn() {
        PeerHarness h = PeerHarness.handshaken(ConnectionType.OUTBOUND_FULL_RELAY);
        h.peer.received(new SendHeadersMessage());
        h.peer.received(new FeeFilterMessage(1234));
        h.peer.received(new FeeFilterMessage(21_000_000L * 100_000_000L + 1));
        h.peer.received(new FeeFilterMessage(-1));

        PeerInfo info = h.peer.info().orElseThrow();
        assertThat(info.prefersHeaders()).isTrue();
        assertThat(info.feeFilter()).as("out of MoneyRange is ignored").isEqualTo(1234);
        assertThat(h.passedOn).hasSize(4).first().isInstanceOf(SendHeadersMessage.class);
    }

    @Test
    void pongMeasuresLatencyAndNextPingWaitsForTheInterval() {
        PeerHarness h = PeerHarness.handshaken(ConnectionType.OUTBOUND_FULL_RELAY);
        PingMessage first = h.lastSent(PingMessage.class);
        assertThat(first.nonce()).isNotZero();
        assertThat(h.peer.lastPingMillis()).isEmpty();

        h.now += 40;
        h.peer.received(new PongMessage(first.nonce() + 1));
        assertThat(h.peer.lastPingMillis()).as("a mismatched nonce is not the answer").isEmpty();
        h.now += 110;
        h.peer.received(new PongMessage(first.nonce()));
        assertThat(h.peer.lastPingMillis()).hasValue(150);
        assertThat(h.peer.minPingMillis()).hasValue(150);

        long pings = h.sent.stream().filter(PingMessage.class::isInstance).count();
        h.advance(Peer.PING_INTERVAL_MILLIS - 150);
        assertThat(h.sent.stream().filter(PingMessage.class::isInstance).count()).isEqualTo(pings);
        h.advance(1);
        PingMessage second = h.lastSent(PingMessage.class);
        assertThat(second).isNotEqualTo(first);

        h.now += 80;
        h.peer.received(new PongMessage(second.nonce()));
        assertThat(h.peer.lastPingMillis()).hasValue(80);
        assertThat(h.peer.minPingMillis()).hasValue(80);

        h.advance(Peer.PING_INTERVAL_MILLIS);
        PingMessage third = h.lastSent(PingMessage.class);
        h.now += 300;
        h.peer.received(new PongMessage(third.nonce()));
        assertThat(h.peer.lastPingMillis()).hasValue(300);
        assertThat(h.peer.minPingMillis()).hasValue(80);
        assertThat(h.disconnectReason).isNull();
    }

    @Test
    void unansweredPingTimesOutAfterTwentyMinutes() {
        PeerHarness h = PeerHarness.handshaken(ConnectionType.OUTBOUND_FULL_RELAY);
        long pingStart = h.now;
        // The peer stays otherwise active (it pings us, we answer), so only the ping timeout can fire.
        while (h.now + 60_000 <= pingStart + Peer.TIMEOUT_INTERVAL_MILLIS) {
            h.advance(60_000);
            h.peer.received(new PingMessage(h.now));
        }
        assertThat(h.disconnectReason).isNull();
        assertThat(h.sent.stream().filter(PingMessage.class::isInstance)).as("no second ping while one is out")
                .hasSize(1);

        h.now = pingStart + Peer.TIMEOUT_INTERVAL_MILLIS + 1;
        h.peer.tick(h.now);
        assertThat(h.disconnectReason).isEqualTo("ping timeout: 1200.001s");
    }

    @Test
    void handshakeNotFinishedWithinSixtySecondsDisconnects() {
        PeerHarness h = new PeerHarness(ConnectionType.OUTBOUND_FULL_RELAY);
        h.peer.connected();
        h.peer.received(PeerHarness.version(70016, ServiceFlags.DESIRABLE, 99));
        h.advance(Peer.PEER_CONNECT_TIMEOUT_MILLIS);
        assertThat(h.disconnectReason).isNull();
        h.advance(1);
        assertThat(h.disconnectReason).isEqualTo("version handshake timeout");
    }

    @Test
    void silentInboundConnectionDisconnectsAfterSixtySeconds() {
        PeerHarness h = new PeerHarness(ConnectionType.INBOUND);
        h.peer.connected();
        h.advance(Peer.PEER_CONNECT_TIMEOUT_MILLIS + 1);
        assertThat(h.disconnectReason)
                .isEqualTo("socket no message in first 60 seconds, never received from peer, never sent to peer");
    }

    @Test
    void peerThatFallsSilentIsDisconnectedAfterTwentyMinutes() {
        PeerHarness h = PeerHarness.handshaken(ConnectionType.OUTBOUND_FULL_RELAY);
        h.peer.received(new PongMessage(h.lastSent(PingMessage.class).nonce()));
        long lastHeard = h.now;
        while (h.disconnectReason == null && h.now < lastHeard + 2 * Peer.TIMEOUT_INTERVAL_MILLIS) {
            h.advance(30_000);
        }
        assertThat(h.disconnectReason).startsWith("socket receive timeout: ");
        assertThat(h.now).isGreaterThan(lastHeard + Peer.TIMEOUT_INTERVAL_MILLIS)
                .isLessThanOrEqualTo(lastHeard + Peer.TIMEOUT_INTERVAL_MILLIS + 30_000);
    }

    @Test
    void tooManyHeadersIsMisbehaviourThatDiscourages() {
        PeerHarness h = PeerHarness.handshaken(ConnectionType.OUTBOUND_FULL_RELAY);
        Penalty penalty = h.peer.violation(violation("headers", new ByteWriter().writeCompactSize(2001)));
        assertThat(penalty).isEqualTo(Penalty.DISCOURAGE);
        assertThat(h.misbehaviors).singleElement().satisfies(m -> {
            assertThat(m.reason()).startsWith("headers message size = 2001");
            assertThat(m.penalty()).isEqualTo(Penalty.DISCOURAGE);
        });
        assertThat(h.disconnectReason).startsWith("Misbehaving: headers message size = 2001");
    }

    @ParameterizedTest
    @CsvSource({"127.0.0.1, INBOUND, DISCONNECT", "::1, OUTBOUND_FULL_RELAY, DISCONNECT",
        "203.0.113.9, MANUAL, NONE", "203.0.113.9, INBOUND, DISCOURAGE"})
    void misbehaviourPenaltyDependsOnAddressAndConnectionType(String ip, ConnectionType type, Penalty expected) {
        PeerHarness h = new PeerHarness(type, new InetSocketAddress(ip, 18444), new LocalNonces());
        h.peer.connected();
        Misbehavior m = h.peer.misbehaving("mutated block");
        assertThat(m).isEqualTo(new Misbehavior("mutated block", expected));
        assertThat(h.misbehaviors).containsExactly(m);
        assertThat(h.disconnectReason).isEqualTo(expected == Penalty.NONE ? null : "Misbehaving: mutated block");
    }

    @Test
    void overlongLocatorDisconnectsWithoutDiscouraging() {
        PeerHarness h = PeerHarness.handshaken(ConnectionType.INBOUND);
        Penalty penalty = h.peer.violation(violation("getheaders",
                new ByteWriter().writeInt32LE(70016).writeCompactSize(102)));
        assertThat(penalty).isEqualTo(Penalty.DISCONNECT);
        assertThat(h.misbehaviors).isEmpty();
        assertThat(h.disconnectReason).startsWith("getheaders locator size = 102");
    }

    @Test
    void badChecksumDropsTheMessageAndKeepsThePeer() {
        PeerHarness h = PeerHarness.handshaken(ConnectionType.INBOUND);
        byte[] payload = new byte[8];
        MessageHeader header = MessageHeader.of(REGTEST, "ping", new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        ProtocolViolation v = catchThrowableOfType(ProtocolViolation.class, () -> WireCodec.parse(header, payload));
        assertThat(v.kind()).isEqualTo(ProtocolViolation.Kind.BAD_CHECKSUM);

        assertThat(h.peer.violation(v)).isEqualTo(Penalty.NONE);
        assertThat(h.disconnectReason).isNull();
        h.peer.received(new PingMessage(3));
        assertThat(h.lastSent(PongMessage.class)).isEqualTo(new PongMessage(3));
    }

    @Test
    void oversizeFrameDisconnectsWithoutDiscouraging() {
        PeerHarness h = PeerHarness.handshaken(ConnectionType.INBOUND);
        byte[] frame = WireCodec.frame(REGTEST, new VerackMessage());
        int length = MessageHeader.MAX_PROTOCOL_MESSAGE_LENGTH + 1;
        for (int i = 0; i < 4; i++) {
            frame[16 + i] = (byte) (length >>> (8 * i));
        }
        ProtocolViolation v = catchThrowableOfType(ProtocolViolation.class,
                () -> MessageHeader.decode(new ByteReader(frame), REGTEST));
        assertThat(v.kind()).isEqualTo(ProtocolViolation.Kind.OVERSIZE);

        assertThat(h.peer.violation(v)).isEqualTo(Penalty.DISCONNECT);
        assertThat(h.misbehaviors).isEmpty();
        assertThat(h.disconnectReason).isNotNull();
    }

    @Test
    void disconnectedIsReportedOnce() {
        PeerHarness h = PeerHarness.handshaken(ConnectionType.INBOUND);
        h.peer.disconnected();
        h.peer.disconnected();
        assertThat(h.disconnectedEvents).isEqualTo(1);
    }

    private static ProtocolViolation violation(String command, ByteWriter payload) {
        byte[] bytes = payload.toByteArray();
        return catchThrowableOfType(ProtocolViolation.class,
                () -> WireCodec.parse(MessageHeader.of(REGTEST, command, bytes), bytes));
    }
}
