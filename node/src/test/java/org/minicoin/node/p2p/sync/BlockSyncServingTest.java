package org.minicoin.node.p2p.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minicoin.consensus.types.Hash;
import org.minicoin.node.p2p.peer.ConnectionType;
import org.minicoin.node.p2p.peer.LocalNonces;
import org.minicoin.node.p2p.peer.LocalVersion;
import org.minicoin.node.p2p.peer.Peer;
import org.minicoin.node.p2p.peer.PeerOutput;
import org.minicoin.node.p2p.peer.ServiceFlags;
import org.minicoin.node.p2p.wire.BlockMessage;
import org.minicoin.node.p2p.wire.GetBlocksMessage;
import org.minicoin.node.p2p.wire.GetDataMessage;
import org.minicoin.node.p2p.wire.InvMessage;
import org.minicoin.node.p2p.wire.InvVector;
import org.minicoin.node.p2p.wire.Message;
import org.minicoin.node.p2p.wire.NetAddress;
import org.minicoin.node.p2p.wire.SendHeadersMessage;
import org.minicoin.node.p2p.wire.VerackMessage;
import org.minicoin.node.p2p.wire.VersionMessage;
import org.minicoin.node.testing.RegtestChain;

/** What BlockSync serves: getblocks for old clients with Core's hashContinue, and getdata paced by the send buffer. */
class BlockSyncServingTest {
    @TempDir
    Path dir;
    private RegtestChain chain;
    private BlockSync sync;
    private final List<Message> sent = new ArrayList<>();
    private boolean full;
    private int fullAfter = Integer.MAX_VALUE;
    private Peer peer;

    @BeforeEach
    void handshake() {
        chain = new RegtestChain(dir);
        sync = new BlockSync(chain.chain);
        PeerOutput output = new PeerOutput() {
            @Override
            public void send(Message message) {
                sent.add(message);
                if (sent.stream().filter(m -> m instanceof BlockMessage).count() >= fullAfter) {
                    full = true;
                }
            }

            @Override
            public void disconnect(String reason) {
                throw new AssertionError("disconnected: " + reason);
            }

            @Override
            public boolean sendBufferFull() {
                return full;
            }
        };
        peer = new Peer(1, ConnectionType.INBOUND, new InetSocketAddress("203.0.113.9", 8333),
                new LocalVersion(ServiceFlags.DESIRABLE, "/minicoin:test/", true, () -> 0), new LocalNonces(), output,
                sync, System::currentTimeMillis, new Random(1));
        peer.connected();
        peer.received(new VersionMessage(70015, ServiceFlags.NODE_NETWORK, 1_700_000_000L, NetAddress.unspecified(),
                NetAddress.unspecified(), 5, "/bitcoinj:0.17/", 0, true));
        peer.received(new VerackMessage());
        assertThat(peer.handshakeComplete()).isTrue();
        assertThat(sent).anyMatch(m -> m instanceof SendHeadersMessage);
        sent.clear();
    }

    @AfterEach
    void close() {
        chain.close();
    }

    @Test
    void getblocksAnswersFiveHundredAndTheLastOnesGetdataIsFollowedByAnInvOfTheTip() {
        chain.mineEmpty(600);
        Hash genesis = chain.chain.activeAt(0).hash();
        peer.received(new GetBlocksMessage(70015, List.of(genesis), Hash.ZERO));
        InvMessage inv = (InvMessage) sent.get(0);
        assertThat(inv.inventory()).hasSize(500);
        assertThat(inv.inventory().get(0)).isEqualTo(new InvVector(InvVector.MSG_BLOCK, chain.chain.activeAt(1).hash()));
        Hash last = chain.chain.activeAt(500).hash();
        assertThat(inv.inventory().get(499).hash()).isEqualTo(last);

        sent.clear();
        peer.received(new GetDataMessage(List.of(new InvVector(InvVector.MSG_BLOCK, last))));
        assertThat(sent).hasSize(2);
        BlockMessage block = (BlockMessage) sent.get(0);
        assertThat(block.block().hash()).isEqualTo(last);
        assertThat(sent.get(1)).isEqualTo(new InvMessage(List.of(
                new InvVector(InvVector.MSG_BLOCK, chain.chain.tip().hash()))));

        // The second round starts from the locator the client now has and ends at our tip.
        sent.clear();
        peer.received(new GetBlocksMessage(70015, List.of(last, genesis), Hash.ZERO));
        assertThat(((InvMessage) sent.get(0)).inventory()).hasSize(100);
        // hashStop ends the list before that block.
        sent.clear();
        peer.received(new GetBlocksMessage(70015, List.of(genesis), chain.chain.activeAt(4).hash()));
        assertThat(((InvMessage) sent.get(0)).inventory()).hasSize(3);
    }

    @Test
    void aGetdataForManyBlocksPausesWhileTheSendBufferIsFullAndResumesWhenItDrains() {
        chain.mineEmpty(30);
        List<InvVector> all = new ArrayList<>();
        for (int h = 1; h <= 30; h++) {
            all.add(new InvVector(h % 2 == 0 ? InvVector.MSG_WITNESS_BLOCK : InvVector.MSG_BLOCK,
                    chain.chain.activeAt(h).hash()));
        }
        fullAfter = 10;
        peer.received(new GetDataMessage(all));
        assertThat(sent).hasSize(10);

        full = false;
        fullAfter = 25;
        peer.sendBufferDrained();
        assertThat(sent).hasSize(25);
        full = false;
        fullAfter = Integer.MAX_VALUE;
        peer.sendBufferDrained();
        assertThat(sent).hasSize(30);
        for (int i = 0; i < 30; i++) {
            BlockMessage m = (BlockMessage) sent.get(i);
            assertThat(m.block().hash()).isEqualTo(all.get(i).hash());
            assertThat(m.witness()).isEqualTo(all.get(i).type() == InvVector.MSG_WITNESS_BLOCK);
        }
    }
}
