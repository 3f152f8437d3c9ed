package org.minicoin.node.p2p.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.genesis.spec.ChainSpecs;
import org.minicoin.node.p2p.addr.AddressManager;
import org.minicoin.node.p2p.addr.BanList;
import org.minicoin.node.p2p.peer.Peer;
import org.minicoin.node.p2p.peer.PeerInfo;
import org.minicoin.node.p2p.peer.PeerListener;
import org.minicoin.node.p2p.wire.UnknownMessage;
import org.minicoin.node.store.RocksStore;

/**
 * The send buffer's "drained" event reaches the layers above the connection manager: block sync waits for it to
 * serve the rest of a getdata once the buffer is over its cap (Core's fPauseSend), so a lost event leaves the
 * peer waiting for blocks until its download timeout.
 */
class SendBufferDrainTest {
    private static final ChainParams REGTEST = ChainSpecs.params("regtest");

    @TempDir
    Path dir;

    @Test
    void aReplyOverTheSendBufferCapIsFollowedByADrainedEventUpstairs() throws Exception {
        CountDownLatch drained = new CountDownLatch(1);
        PeerListener sender = new PeerListener() {
            @Override
            public void handshakeComplete(Peer p, PeerInfo info) {
                // One message larger than the cap makes the channel unwritable until the peer has read it.
                p.send(new UnknownMessage("bigreply", new byte[ConnectionManager.MAX_SEND_BUFFER + 200_000]));
            }

            @Override
            public void sendBufferDrained(Peer p) {
                drained.countDown();
            }
        };
        try (RocksStore storeA = RocksStore.open(dir.resolve("a"), 1 << 20);
             RocksStore storeB = RocksStore.open(dir.resolve("b"), 1 << 20)) {
            ConnectionManager a = ConnectionManager.start(REGTEST, new ConnectionManager.Settings(
                    List.of(new InetSocketAddress("127.0.0.1", 0)), List.of(), List.of(), List.of(), 8, "/a/"),
                    BanList.open(storeA, () -> System.currentTimeMillis() / 1000),
                    AddressManager.open(storeA, () -> System.currentTimeMillis() / 1000), () -> 0, sender);
            ConnectionManager b = null;
            try {
                b = ConnectionManager.start(REGTEST, new ConnectionManager.Settings(List.of(),
                        List.of(new InetSocketAddress("127.0.0.1", a.port())), List.of(), List.of(), 8, "/b/"),
                        BanList.open(storeB, () -> System.currentTimeMillis() / 1000),
                        AddressManager.open(storeB, () -> System.currentTimeMillis() / 1000), () -> 0,
                        new PeerListener() {
                        });
                assertThat(drained.await(30, TimeUnit.SECONDS)).as("sendBufferDrained reached the listener").isTrue();
            } finally {
                if (b != null) {
                    b.close();
                }
                a.close();
            }
        }
    }
}
