package org.minicoin.node.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minicoin.node.testing.DaemonProcess;
import org.minicoin.node.testing.RawPeer;

/**
 * Discouragement as Core applies it (net.cpp CreateNodeFromAcceptedSocket, AttemptToEvictConnection): a misbehaving
 * peer at a non-local address is disconnected and discouraged; it may connect again while there is room to spare,
 * is evicted first when the inbound slots fill, and is refused when they are nearly full. The misbehaving peer uses
 * the machine's own non-loopback address, since loopback peers are never discouraged.
 */
class DiscouragementTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final byte[] REGTEST_MAGIC = HexFormat.of().parseHex("fabfb5da");

    @TempDir
    Path dir;

    /** The machine's first non-loopback IPv4 address (the CI machines have one, as this one does). */
    private static InetAddress nonLoopback() throws Exception {
        List<InetAddress> found = new ArrayList<>();
        for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nif.isUp() && !nif.isLoopback()) {
                for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLinkLocalAddress()) {
                        found.add(a);
                    }
                }
            }
        }
        assertThat(found).as("a non-loopback IPv4 address on this machine").isNotEmpty();
        return found.get(0);
    }

    @Test
    void aDiscouragedPeerMayReturnWhileThereIsRoomIsEvictedFirstAndIsRefusedWhenNearlyFull() throws Exception {
        InetAddress self = nonLoopback();
        Path data = dir.resolve("node");
        Files.createDirectories(data);
        int port = DaemonProcess.freePort();
        // Three inbound slots: -maxconnections=3 and no outbound connections (-listen with no peers to dial).
        try (DaemonProcess node = DaemonProcess.start("-regtest", "-datadir=" + data, "-port=" + port,
                "-maxconnections=3", "-rpcport=" + DaemonProcess.freePort(), "-printtoconsole")) {
            node.awaitLine(l -> l.contains("Done loading"), WAIT);
            try (RawPeer bad = RawPeer.connectFrom(self, port, REGTEST_MAGIC)) {
                bad.handshake(WAIT);
                bad.send("headers", tooManyHeaders());
                assertThat(bad.awaitClosed(WAIT)).as("disconnected for misbehaviour").isTrue();
            }
            node.awaitLine(l -> l.contains("Misbehaving: peer=") && l.contains("headers message size = 2001"), WAIT);

            // Room to spare: the discouraged address is let in again.
            RawPeer back = RawPeer.connectFrom(self, port, REGTEST_MAGIC);
            back.handshake(WAIT);
            try (RawPeer first = RawPeer.connect(port, REGTEST_MAGIC);
                 RawPeer second = RawPeer.connect(port, REGTEST_MAGIC)) {
                first.handshake(WAIT);
                second.handshake(WAIT);
                // All three slots are taken; a fourth peer evicts the discouraged one rather than being dropped.
                try (RawPeer third = RawPeer.connect(port, REGTEST_MAGIC)) {
                    third.handshake(WAIT);
                    assertThat(back.awaitClosed(WAIT)).as("the discouraged peer was evicted").isTrue();
                    assertThat(first.pingAnswered(WAIT)).isTrue();
                    assertThat(second.pingAnswered(WAIT)).isTrue();
                    assertThat(third.pingAnswered(WAIT)).isTrue();
                    node.awaitLine(l -> l.contains("evicting discouraged peer="), WAIT);
                }
                // Two of three slots taken: one left, but not for a discouraged address.
                try (RawPeer refused = RawPeer.connectFrom(self, port, REGTEST_MAGIC)) {
                    assertThat(refused.awaitClosed(WAIT)).as("refused while nearly full").isTrue();
                }
                node.awaitLine(l -> l.contains("connection from /" + self.getHostAddress())
                        && l.contains("dropped (discouraged)"), WAIT);
                // A local peer still gets the last slot.
                try (RawPeer local = RawPeer.connect(port, REGTEST_MAGIC)) {
                    local.handshake(WAIT);
                    assertThat(local.pingAnswered(WAIT)).isTrue();
                }
            } finally {
                back.close();
            }
            assertThat(node.stop(WAIT)).isZero();
        }
    }

    /** A headers message of 2,001 empty-bodied headers: over Core's MAX_HEADERS_RESULTS, so misbehaviour. */
    private static byte[] tooManyHeaders() {
        int n = 2001;
        byte[] payload = new byte[3 + n * 81];
        ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN).put((byte) 0xfd).putShort((short) n);
        return payload;
    }
}
