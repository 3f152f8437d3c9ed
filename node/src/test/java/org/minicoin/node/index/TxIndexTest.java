package org.minicoin.node.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minicoin.consensus.testing.TestData;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxOut;
import org.minicoin.node.importer.BlockFileReader;
import org.minicoin.node.ledger.BlockIndexEntry;
import org.minicoin.node.ledger.ChainState;
import org.minicoin.node.store.Column;
import org.minicoin.node.store.StorageException;
import org.minicoin.node.store.WriteBatch;
import org.minicoin.node.testing.RegtestChain;

/** The transaction index on real RocksDB: background build, following blocks and reorgs, restarts. */
class TxIndexTest {
    private static final Duration WAIT = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    /** Every transaction of the active chain but the genesis coinbase, where it is: read from the blocks. */
    private static Map<Hash, TxIndex.Location> activeTransactions(ChainState chain) {
        Map<Hash, TxIndex.Location> all = new HashMap<>();
        for (int h = 1; h <= chain.height(); h++) {
            Hash hash = chain.activeAt(h).hash();
            List<Transaction> txs = chain.readBlock(hash).transactions();
            for (int i = 0; i < txs.size(); i++) {
                all.put(txs.get(i).txid(), new TxIndex.Location(hash, i));
            }
        }
        return all;
    }

    /** Checks the index holds exactly the active chain: each transaction at its place, nothing else. */
    private static void assertIndexesExactlyTheActiveChain(TxIndex index, RegtestChain rc) {
        Map<Hash, TxIndex.Location> expected = activeTransactions(rc.chain);
        for (Map.Entry<Hash, TxIndex.Location> e : expected.entrySet()) {
            assertThat(index.find(e.getKey())).as("tx %s", e.getKey()).contains(e.getValue());
        }
        AtomicInteger stored = new AtomicInteger();
        rc.store.scan(Column.TX_INDEX, new byte[] {'t'}, (k, v) -> stored.incrementAndGet() > 0);
        assertThat(stored.get()).as("entries stored").isEqualTo(expected.size());
        assertThat(index.find(rc.params.genesis().transactions().get(0).txid())).as("genesis coinbase").isEmpty();
        assertThat(index.bestHeight()).isEqualTo(rc.chain.height());
    }

    private static Hash coinbaseTxid(Block b) {
        return b.transactions().get(0).txid();
    }

    @Test
    void isBuiltInTheBackgroundForAnExistingChainWhileBlocksArrive() throws Exception {
        try (RegtestChain rc = new RegtestChain(dir)) {
            rc.clock.set(System.currentTimeMillis() / 1000); // Core made these blocks recently
            try (BlockFileReader r = BlockFileReader.open(TestData.path("regtest/core-regtest-11.dat"),
                    rc.params.magicBytes())) {
                for (BlockFileReader.Record rec = r.next(); rec != null; rec = r.next()) {
                    rc.chain.processBlock(rec.block());
                }
            }
            assertThat(rc.chain.height()).isEqualTo(711);
            try (TxIndex index = TxIndex.start(rc.store, rc.chain)) {
                rc.mineEmpty(5); // while the sync thread runs, most likely
                assertThat(index.awaitSynced(WAIT)).isTrue();
                assertThat(index.synced()).isTrue();
                assertThat(rc.chain.height()).isEqualTo(716);
                assertIndexesExactlyTheActiveChain(index, rc);

                Map<Hash, TxIndex.Location> active = activeTransactions(rc.chain);
                int staleOnly = 0;
                for (Block b : TestData.regtest()) {
                    BlockIndexEntry e = rc.chain.entry(b.hash());
                    if (rc.chain.activeAt(e.height()) == e) {
                        continue;
                    }
                    for (Transaction tx : b.transactions()) {
                        if (!active.containsKey(tx.txid())) {
                            assertThat(index.find(tx.txid())).as("stale tx %s", tx.txid()).isEmpty();
                            staleOnly++;
                        }
                    }
                }
                assertThat(staleOnly).as("transactions only in the stale fork").isGreaterThanOrEqualTo(2);
            }
        }
    }

    @Test
    void followsNewBlocksAReorgAndAnInvalidation() throws Exception {
        try (RegtestChain rc = new RegtestChain(dir)) {
            List<RegtestChain.Utxo> coins = rc.mineEmpty(102);
            try (TxIndex index = TxIndex.start(rc.store, rc.chain)) {
                assertThat(index.awaitSynced(WAIT)).isTrue();
                assertThat(index.bestHeight()).isEqualTo(102);

                Transaction both = spend(coins.get(0));
                Transaction onlyA = spend(coins.get(1));
                Block a = rc.mine(List.of(both, onlyA), 2000);
                assertThat(index.find(both.txid())).contains(new TxIndex.Location(a.hash(), 1));
                assertThat(index.find(onlyA.txid())).contains(new TxIndex.Location(a.hash(), 2));
                assertThat(index.bestHeight()).isEqualTo(103);

                // A longer branch from A's parent holding one of A's two transactions.
                Block parent = rc.chain.readBlock(a.header().prevBlock());
                Block b1 = rc.build(parent.hash(), 103, parent.header().time(), List.of(both), 1000);
                Block b2 = rc.build(b1.hash(), 104, b1.header().time(), List.of(), 0);
                rc.chain.processBlock(b1);
                assertThat(rc.chain.tip().hash()).as("first seen wins the tie").isEqualTo(a.hash());
                assertThat(index.find(coinbaseTxid(b1))).isEmpty();
                rc.chain.processBlock(b2);
                assertThat(rc.chain.tip().hash()).isEqualTo(b2.hash());
                assertThat(index.find(both.txid())).contains(new TxIndex.Location(b1.hash(), 1));
                assertThat(index.find(onlyA.txid())).isEmpty();
                assertThat(index.find(coinbaseTxid(a))).isEmpty();
                assertThat(index.find(coinbaseTxid(b2))).contains(new TxIndex.Location(b2.hash(), 0));
                assertIndexesExactlyTheActiveChain(index, rc);

                assertThat(rc.chain.invalidateBlock(b1.hash())).isTrue();
                assertThat(rc.chain.tip().hash()).isEqualTo(a.hash());
                assertThat(index.find(both.txid())).contains(new TxIndex.Location(a.hash(), 1));
                assertThat(index.find(onlyA.txid())).contains(new TxIndex.Location(a.hash(), 2));
                assertThat(index.find(coinbaseTxid(b2))).isEmpty();
                assertIndexesExactlyTheActiveChain(index, rc);
            }
        }
    }

    private static Transaction spend(RegtestChain.Utxo coin) {
        return RegtestChain.spend(List.of(coin), List.of(new TxOut(coin.output().value() - 1000,
                RegtestChain.p2wpkh())));
    }

    @Test
    void survivesARestartAndRewindsAReorgThatHappenedWhileItWasStopped() throws Exception {
        List<Block> staleBranch = new ArrayList<>();
        try (RegtestChain rc = new RegtestChain(dir)) {
            rc.mineEmpty(10);
            try (TxIndex index = TxIndex.start(rc.store, rc.chain)) {
                assertThat(index.awaitSynced(WAIT)).isTrue();
            }
            for (int h = 8; h <= 10; h++) {
                staleBranch.add(rc.chain.readBlock(rc.chain.activeAt(h).hash()));
            }
            BlockIndexEntry fork = rc.chain.activeAt(7);
            Hash parent = fork.hash();
            long time = fork.header().time();
            for (int h = 8; h <= 11; h++) {
                Block b = rc.build(parent, h, time, List.of(), 0);
                rc.chain.processBlock(b);
                parent = b.hash();
                time = b.header().time();
            }
            assertThat(rc.chain.height()).isEqualTo(11);
            assertThat(rc.chain.activeAt(8).hash()).isNotEqualTo(staleBranch.get(0).hash());
        }
        try (RegtestChain rc = new RegtestChain(dir);
             TxIndex index = TxIndex.start(rc.store, rc.chain)) {
            assertThat(index.awaitSynced(WAIT)).isTrue();
            assertIndexesExactlyTheActiveChain(index, rc);
            for (Block b : staleBranch) {
                assertThat(index.find(coinbaseTxid(b))).as("stale block %s", b.hash()).isEmpty();
            }
        }
        try (RegtestChain rc = new RegtestChain(dir);
             TxIndex index = TxIndex.start(rc.store, rc.chain)) {
            assertThat(index.awaitSynced(WAIT)).isTrue();
            assertThat(index.bestHeight()).isEqualTo(11);
            assertIndexesExactlyTheActiveChain(index, rc);
        }
    }

    @Test
    void aFreshChainIsSyncedAtTheGenesisBlockWithNothingIndexed() throws Exception {
        try (RegtestChain rc = new RegtestChain(dir);
             TxIndex index = TxIndex.start(rc.store, rc.chain)) {
            assertThat(index.awaitSynced(WAIT)).isTrue();
            assertThat(index.bestHeight()).isZero();
            assertIndexesExactlyTheActiveChain(index, rc);
            Block b = rc.mine(List.of(), 0);
            assertThat(index.find(coinbaseTxid(b))).contains(new TxIndex.Location(b.hash(), 0));
            assertThat(index.bestHeight()).isEqualTo(1);
        }
    }

    @Test
    void aBestBlockTheChainDoesNotKnowIsRefused() {
        try (RegtestChain rc = new RegtestChain(dir)) {
            try (WriteBatch b = rc.store.newBatch()) {
                b.put(Column.TX_INDEX, new byte[] {'B'}, Hash.sha256d(new byte[] {1}).toBytes());
                rc.store.write(b, true);
            }
            assertThatThrownBy(() -> TxIndex.start(rc.store, rc.chain))
                    .isInstanceOf(StorageException.class)
                    .hasMessage("best block of txindex not found. Please rebuild the index.");
        }
    }
}
