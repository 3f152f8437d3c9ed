package org.minicoin.node.p2p.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.OutPoint;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxOut;
import org.minicoin.node.p2p.wire.InvMessage;
import org.minicoin.node.p2p.wire.TxMessage;
import org.minicoin.node.testing.RegtestChain;

/** Transaction and block relay along a line of nodes on the deterministic {@link SimNetwork}. */
class RelaySimulationTest {
    private static final long FEE = 10_000;

    @TempDir
    Path dir;
    private SimNetwork net;

    @AfterEach
    void tearDown() {
        if (net != null) {
            net.close();
        }
    }

    @Test
    void transactionCrossesALineOfFiveNodesAndItsBlockComesBackEmptyingEveryMempool() {
        net = new SimNetwork(dir);
        List<SimNode> line = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            line.add(net.node("n" + i));
        }
        SimNode first = line.get(0);
        SimNode last = line.get(4);
        // Coinbase outputs mature after 100 blocks; all nodes learn the chain over the line itself.
        List<RegtestChain.Utxo> coins = first.rt.mineEmpty(101);
        for (int i = 0; i < 4; i++) {
            net.connect(line.get(i), line.get(i + 1));
        }
        net.runUntilIdle();
        for (SimNode n : line) {
            assertThat(n.chain().tip().hash()).as(n.name()).isEqualTo(first.chain().tip().hash());
        }

        RegtestChain.Utxo coin = coins.get(0);
        Transaction tx = RegtestChain.spend(List.of(coin),
                List.of(new TxOut(coin.output().value() - FEE, RegtestChain.p2wpkh())));
        first.mempool.accept(tx);
        net.runUntilIdle();

        for (SimNode n : line) {
            assertThat(n.mempool.contains(tx.txid())).as(n.name() + " has the transaction").isTrue();
            assertThat(n.mempool.size()).isEqualTo(1);
        }
        // Each hop carries the transaction once: announcements skip the peer it came from (Core's known filter).
        for (int i = 1; i < 5; i++) {
            assertThat(line.get(i).received(line.get(i - 1), TxMessage.class)).as("n" + i).isEqualTo(1);
            assertThat(line.get(i - 1).received(line.get(i), TxMessage.class)).as("back to n" + (i - 1)).isZero();
        }

        Block block = last.rt.mine(List.of(tx), FEE);
        assertThat(last.mempool.size()).isZero();
        net.runUntilIdle();

        for (SimNode n : line) {
            assertThat(n.chain().tip().hash()).as(n.name()).isEqualTo(block.hash());
            assertThat(n.chain().height()).isEqualTo(102);
            assertThat(n.mempool.size()).as(n.name() + " mempool").isZero();
            assertThat(n.chain().coin(new OutPoint(tx.txid(), 0))).isNotNull();
            assertThat(n.misbehaviors()).isEmpty();
        }
    }

    @Test
    void aTransactionSubmittedWithNoPeersIsAnnouncedAgainUntilAPeerAsksForIt() {
        net = new SimNetwork(dir);
        SimNode alone = net.node("alone");
        SimNode later = net.node("later");
        List<RegtestChain.Utxo> coins = alone.rt.mineEmpty(101);
        RegtestChain.Utxo coin = coins.get(0);
        Transaction tx = RegtestChain.spend(List.of(coin),
                List.of(new TxOut(coin.output().value() - FEE, RegtestChain.p2wpkh())));
        // As sendrawtransaction does: accepted, and in the unbroadcast set while no peer has asked for it.
        alone.mempool.accept(tx);
        alone.mempool.addUnbroadcast(tx.txid());
        net.runUntilIdle();
        assertThat(alone.mempool.unbroadcast()).containsExactly(tx.txid());

        net.connect(later, alone);
        net.runUntilIdle();
        assertThat(later.chain().height()).isEqualTo(101);
        assertThat(later.mempool.contains(tx.txid())).as("nothing announces it on connecting").isFalse();

        // Core's ReattemptInitialBroadcast (every 10-15 minutes in minicoind) announces it to the new peer, which
        // asks for it; that takes it out of the unbroadcast set, so it is not announced again.
        alone.relay.reattemptInitialBroadcast();
        net.runUntilIdle();
        assertThat(later.mempool.contains(tx.txid())).isTrue();
        assertThat(alone.mempool.unbroadcast()).isEmpty();
        int invs = later.received(alone, InvMessage.class);
        alone.relay.reattemptInitialBroadcast();
        net.runUntilIdle();
        assertThat(later.received(alone, InvMessage.class)).isEqualTo(invs);

        // Leaving the mempool takes a transaction out of the set too.
        RegtestChain.Utxo other = coins.get(1);
        Transaction second = RegtestChain.spend(List.of(other),
                List.of(new TxOut(other.output().value() - FEE, RegtestChain.p2wpkh())));
        alone.mempool.accept(second);
        alone.mempool.addUnbroadcast(second.txid());
        alone.rt.mine(List.of(second), FEE);
        assertThat(alone.mempool.unbroadcast()).isEmpty();
    }
}
