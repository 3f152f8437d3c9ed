package org.minicoin.node.p2p.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.BlockHeader;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxOut;
import org.minicoin.node.ledger.BlockIndexEntry;
import org.minicoin.node.p2p.peer.Misbehavior;
import org.minicoin.node.p2p.peer.Penalty;
import org.minicoin.node.p2p.sync.BlockSync;
import org.minicoin.node.p2p.wire.BlockMessage;
import org.minicoin.node.p2p.wire.GetDataMessage;
import org.minicoin.node.p2p.wire.GetHeadersMessage;
import org.minicoin.node.p2p.wire.HeadersMessage;
import org.minicoin.node.p2p.wire.InvVector;

/**
 * Block sync between several nodes on the deterministic {@link SimNetwork}: a stalling peer, a competing branch
 * and a peer feeding an invalid block. Each node runs the real BlockSync, chain state and RocksDB.
 */
class SyncSimulationTest {
    /** Regtest's target spacing, which sets Core's block download timeout (one spacing with no other downloads). */
    private static final long TARGET_SPACING_MILLIS = 600_000;

    @TempDir
    Path dir;
    private SimNetwork net;

    @BeforeEach
    void setUp() {
        net = new SimNetwork(dir);
    }

    @AfterEach
    void tearDown() {
        net.close();
    }

    /** A node with {@code n} freshly mined empty blocks, and {@code others} nodes holding the same chain. */
    private List<Block> mineShared(SimNode miner, int n, SimNode... others) {
        miner.rt.mineEmpty(n);
        List<Block> blocks = miner.activeBlocks();
        for (SimNode o : others) {
            o.load(blocks);
        }
        return blocks;
    }

    private static Hash tip(SimNode n) {
        return n.chain().tip().hash();
    }

    /** The one connection ever made between {@code a} and {@code b}. */
    private SimNetwork.Connection only(SimNode a, SimNode b) {
        List<SimNetwork.Connection> all = net.ever(a, b);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    @Test
    void stallerThatHoldsUpTheWindowIsDisconnectedAndSyncFinishesFromTheOthers() {
        SimNode honest1 = net.node("honest1");
        SimNode honest2 = net.node("honest2");
        SimNode honest3 = net.node("honest3");
        SimNode staller = net.node("staller", "203.0.113.20");
        mineShared(honest1, 300, honest2, honest3, staller);
        // It serves headers and answers pings, but never a getdata: its blocks never come.
        staller.onReceive((from, m) -> m instanceof GetDataMessage);
        // A window of 32 blocks is filled by two peers' 16 in-flight blocks, so the staller holds it up at once.
        SimNode fresh = net.node("fresh", "127.0.0.50", 32);
        net.connect(fresh, staller); // first: its handshake completes first, so it is given the first blocks
        net.connect(fresh, honest1);
        net.connect(fresh, honest2);
        net.connect(fresh, honest3);

        net.runUntilIdle();
        assertThat(fresh.sync.inFlight(only(fresh, staller).peerAt(fresh).id())).as("staller's requests")
                .hasSize(BlockSync.MAX_BLOCKS_IN_TRANSIT_PER_PEER);
        assertThat(fresh.chain().height()).as("stuck behind the staller's blocks").isZero();
        assertThat(fresh.isConnectedTo(staller)).isTrue();

        long start = net.now();
        net.advanceUntil(() -> tip(fresh).equals(tip(honest1)), 60_000);

        SimNetwork.Connection c = only(fresh, staller);
        assertThat(c.isOpen()).isFalse();
        assertThat(c.closedBy()).isEqualTo("fresh");
        assertThat(c.reason()).isEqualTo("Peer is stalling block download, disconnecting");
        // Core's stalling timeout is 2 s; ticks come each second, so it fires on the third.
        assertThat(net.now() - start).isBetween(2_000L, 4_000L);
        // Core only disconnects a staller (it may just be slow): no Misbehaving, no discouragement.
        assertThat(fresh.misbehaviors()).isEmpty();
        assertThat(fresh.bans.isDiscouraged(staller.address())).isFalse();
        assertThat(fresh.blocksReceivedFrom(staller)).isZero();
        assertThat(fresh.blockSources()).as("honest peers that served blocks").isGreaterThan(1);
        assertThat(fresh.blocksReceivedFrom(honest1) + fresh.blocksReceivedFrom(honest2)
                + fresh.blocksReceivedFrom(honest3)).as("every block fetched exactly once").isEqualTo(300);
        assertThat(fresh.chain().height()).isEqualTo(300);
        assertThat(fresh.isConnectedTo(honest1) && fresh.isConnectedTo(honest2) && fresh.isConnectedTo(honest3))
                .isTrue();
        assertThat(fresh.sync.blocksInFlight()).isZero();
    }

    @Test
    void stallerOutsideAFullWindowIsCaughtByTheBlockDownloadTimeout() {
        SimNode honest1 = net.node("honest1");
        SimNode honest2 = net.node("honest2");
        SimNode staller = net.node("staller", "203.0.113.21");
        mineShared(honest1, 300, honest2, staller);
        staller.onReceive((from, m) -> m instanceof GetDataMessage);
        // Core's default window (1,024) is never full with 300 blocks, so stall detection never fires.
        SimNode fresh = net.node("fresh");
        net.connect(fresh, staller);
        net.connect(fresh, honest1);
        net.connect(fresh, honest2);

        net.runUntilIdle();
        long start = net.now();
        List<Hash> held = fresh.sync.inFlight(only(fresh, staller).peerAt(fresh).id());
        assertThat(held).hasSize(BlockSync.MAX_BLOCKS_IN_TRANSIT_PER_PEER);
        assertThat(fresh.chain().height()).as("blocks 1-16 are with the staller").isZero();
        assertThat(fresh.chain().entry(tip(honest1)).has(BlockIndexEntry.HAVE_DATA))
                .as("everything else arrived").isTrue();

        // Just short of the timeout nothing has happened (pings keep every connection alive meanwhile).
        net.advance(TARGET_SPACING_MILLIS - 1_000);
        assertThat(fresh.isConnectedTo(staller)).isTrue();
        assertThat(fresh.chain().height()).isZero();

        net.advanceUntil(() -> tip(fresh).equals(tip(honest1)), 10_000);
        SimNetwork.Connection c = only(fresh, staller);
        assertThat(c.isOpen()).isFalse();
        assertThat(c.reason()).isEqualTo("Timeout downloading block " + held.get(0));
        // Core's timeout: one target spacing, plus half a spacing per other peer still downloading (none now).
        assertThat(net.now() - start).isBetween(TARGET_SPACING_MILLIS, TARGET_SPACING_MILLIS + 2_000);
        assertThat(fresh.misbehaviors()).isEmpty();
        assertThat(fresh.bans.isDiscouraged(staller.address())).isFalse();
        assertThat(fresh.chain().height()).isEqualTo(300);
        assertThat(fresh.blocksReceivedFrom(honest1) + fresh.blocksReceivedFrom(honest2)).isEqualTo(300);
    }

    @Test
    void longerBranchFromANewPeerReorganizesTheNodeAndItsOtherPeers() {
        SimNode a = net.node("A");
        SimNode b = net.node("B");
        List<Block> common = mineShared(a, 15, b);
        a.rt.mineEmpty(5); // A: 15 common + 5 = 20
        b.rt.mineEmpty(10); // B: 15 common + 10 = 25, forking 5 blocks back from A's tip
        List<Block> oldBranch = a.activeBlocks().subList(15, 20);
        SimNode node = net.node("node");
        net.connect(node, a);
        net.runUntilIdle();
        assertThat(tip(node)).isEqualTo(tip(a));

        net.connect(node, b);
        net.runUntilIdle();

        assertThat(tip(node)).isEqualTo(tip(b));
        assertThat(node.chain().height()).isEqualTo(25);
        assertOldBranchInactive(node, oldBranch, common);
        // The node tells A of its new tip; A fetches B's branch from it and reorganizes too.
        assertThat(tip(a)).isEqualTo(tip(b));
        assertOldBranchInactive(a, oldBranch, common);
        assertThat(node.misbehaviors()).isEmpty();
        assertThat(node.blocksReceivedFrom(b)).as("only the new branch is fetched").isEqualTo(10);
    }

    @Test
    void competingBranchAnnouncedByAConnectedPeerReorganizesTheNetwork() {
        SimNode a = net.node("A");
        SimNode b = net.node("B");
        List<Block> common = mineShared(a, 15, b);
        SimNode node = net.node("node");
        net.connect(node, a);
        net.connect(node, b);
        net.runUntilIdle();
        assertThat(tip(node)).isEqualTo(tip(a)).isEqualTo(tip(b));

        // A mines 5 and B 10 blocks on the same parent at the same moment; both are announced (by headers) at once.
        a.rt.mineEmpty(5);
        List<Block> aBranch = a.activeBlocks().subList(15, 20);
        b.rt.mineEmpty(10);
        net.runUntilIdle();

        assertThat(tip(node)).isEqualTo(tip(b));
        assertThat(tip(a)).as("A gave up its own branch").isEqualTo(tip(b));
        assertOldBranchInactive(a, aBranch, common);
        assertOldBranchInactive(node, aBranch, common);
        assertThat(b.chain().height()).isEqualTo(25);
    }

    private static void assertOldBranchInactive(SimNode n, List<Block> oldBranch, List<Block> common) {
        for (Block old : oldBranch) {
            BlockIndexEntry e = n.chain().entry(old.hash());
            assertThat(e).as("old branch block still indexed").isNotNull();
            assertThat(n.chain().isActive(e)).as("old branch block active").isFalse();
        }
        for (Block c : common) {
            assertThat(n.chain().isActive(n.chain().entry(c.hash()))).isTrue();
        }
    }

    @Test
    void peerFeedingAMutatedBlockAfterValidOnesIsDiscouragedWhileSyncCompletesFromTheOthers() {
        SimNode honest1 = net.node("honest1");
        SimNode honest2 = net.node("honest2");
        SimNode bad = net.node("bad", "203.0.113.66");
        mineShared(honest1, 200, honest2, bad);
        // The bad peer serves ten blocks correctly, then one whose transactions do not match its header's merkle root.
        int[] served = {0};
        Hash[] mutated = {null};
        bad.onSend((to, m) -> {
            if (m instanceof BlockMessage bm && served[0]++ == 10) {
                mutated[0] = bm.block().hash();
                return new BlockMessage(mutate(bm.block()), bm.witness());
            }
            return m;
        });
        SimNode fresh = net.node("fresh");
        net.connect(fresh, bad);
        net.connect(fresh, honest1);
        net.connect(fresh, honest2);

        net.advanceUntil(() -> tip(fresh).equals(tip(honest1)), 60_000);

        assertThat(mutated[0]).isNotNull();
        assertThat(fresh.blocksReceivedFrom(bad)).as("10 valid blocks, then the mutated one").isEqualTo(11);
        SimNetwork.Connection c = only(fresh, bad);
        assertThat(c.isOpen()).isFalse();
        assertThat(c.closedBy()).isEqualTo("fresh");
        assertThat(c.reason()).isEqualTo("Misbehaving: invalid block " + mutated[0] + ": bad-txnmrklroot");
        assertThat(fresh.misbehaviors()).extracting(Misbehavior::penalty).containsExactly(Penalty.DISCOURAGE);
        assertThat(fresh.bans.isDiscouraged(bad.address())).isTrue();
        assertThat(fresh.bans.isDiscouraged(honest1.address())).isFalse();
        assertThat(fresh.isConnectedTo(honest1) && fresh.isConnectedTo(honest2)).isTrue();
        // A mutated copy says nothing about the block its header names: the real one was fetched and connected.
        BlockIndexEntry real = fresh.chain().entry(mutated[0]);
        assertThat(real.isFailed()).isFalse();
        assertThat(fresh.chain().isActive(real)).isTrue();
        assertThat(fresh.chain().height()).isEqualTo(200);
    }

    /**
     * Core's BlockChecked: a block that passes the checks on receipt but fails when connected (here a coinbase that
     * pays one satoshi too much, bad-cb-amount) gets its sender punished through mapBlockSource, as
     * MaybePunishNodeForBlock does for BLOCK_CONSENSUS.
     */
    @Test
    void peerFeedingABlockThatFailsToConnectIsDiscouragedWhileSyncCompletesFromTheOthers() {
        SimNode honest1 = net.node("honest1");
        SimNode honest2 = net.node("honest2");
        SimNode bad = net.node("bad", "203.0.113.67");
        List<Block> honest = mineShared(honest1, 200, honest2);
        bad.load(honest.subList(0, 120));
        // The bad branch: 81 blocks on honest block 120, one more than the honest chain, so it is the best header
        // chain; its first block's coinbase claims the subsidy plus one satoshi of fees that do not exist.
        Map<Hash, Block> badBlocks = new HashMap<>();
        List<BlockHeader> badHeaders = new ArrayList<>();
        Block parent = honest.get(119);
        for (int height = 121; height <= 201; height++) {
            Block blk = bad.rt.build(parent.hash(), height, parent.header().time(), List.of(), height == 121 ? 1 : 0);
            badBlocks.put(blk.hash(), blk);
            badHeaders.add(blk.header());
            parent = blk;
        }
        Hash invalid = badHeaders.get(0).hash();
        SimNode fresh = net.node("fresh");
        boolean[] announced = {false};
        bad.onReceive((from, m) -> {
            if (from == fresh && m instanceof GetHeadersMessage && !announced[0]) {
                announced[0] = true;
                // After the honest reply to this getheaders (queued as the message is processed), the bad branch.
                net.enqueue(() -> net.inject(bad, fresh, new HeadersMessage(badHeaders)));
            } else if (from == fresh && m instanceof GetDataMessage g) {
                for (InvVector v : g.inventory()) {
                    Block blk = badBlocks.get(v.hash());
                    if (blk != null) {
                        net.inject(bad, fresh, new BlockMessage(blk, true));
                    }
                }
            }
            return false;
        });
        net.connect(fresh, bad);
        net.connect(fresh, honest1);
        net.connect(fresh, honest2);

        net.advanceUntil(() -> tip(fresh).equals(tip(honest1)), 60_000);

        assertThat(fresh.chain().invalidReason(invalid)).isEqualTo("bad-cb-amount");
        assertThat(fresh.chain().entry(invalid).isFailed()).isTrue();
        assertThat(fresh.blocksReceivedFrom(bad)).as("valid blocks came from the bad peer first").isGreaterThan(0);
        SimNetwork.Connection c = only(fresh, bad);
        assertThat(c.isOpen()).as("the bad peer is disconnected").isFalse();
        assertThat(c.closedBy()).isEqualTo("fresh");
        assertThat(c.reason()).isEqualTo("Misbehaving: invalid block " + invalid + ": bad-cb-amount");
        assertThat(fresh.misbehaviors()).extracting(Misbehavior::penalty).containsExactly(Penalty.DISCOURAGE);
        assertThat(fresh.bans.isDiscouraged(bad.address())).isTrue();
        assertThat(fresh.bans.isDiscouraged(honest1.address())).isFalse();
        assertThat(fresh.isConnectedTo(honest1) && fresh.isConnectedTo(honest2)).isTrue();
        assertThat(fresh.chain().height()).isEqualTo(200);
    }

    /** The block with its coinbase paying one satoshi less: same header, so the merkle root no longer matches. */
    private static Block mutate(Block block) {
        Transaction cb = block.transactions().get(0);
        List<TxOut> outs = new ArrayList<>(cb.outputs());
        TxOut first = outs.get(0);
        outs.set(0, new TxOut(first.value() - 1, first.scriptPubKey()));
        List<Transaction> txs = new ArrayList<>(block.transactions());
        txs.set(0, new Transaction(cb.version(), cb.inputs(), outs, cb.lockTime()));
        return new Block(block.header(), txs);
    }
}
