package org.minicoin.node.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.pow.ProofOfWork;
import org.minicoin.consensus.script.Scripts;
import org.minicoin.consensus.testing.ChainParamsFixtures;
import org.minicoin.consensus.testing.TestData;
import org.minicoin.consensus.testing.UtxoSetHash;
import org.minicoin.consensus.testing.Verifiers;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.BlockHeader;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.types.OutPoint;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxIn;
import org.minicoin.consensus.types.TxOut;
import org.minicoin.consensus.validation.BlockChecks;
import org.minicoin.consensus.validation.Subsidy;
import org.minicoin.consensus.merkle.MerkleTree;
import org.minicoin.node.importer.BlockFileReader;
import org.minicoin.node.store.RocksStore;

/** The chain state on real RocksDB: imports of real chains, restart, orphans, reorgs and invalid branches. */
class ChainStateTest {
    private static final byte[] MAIN_MAGIC = ChainParamsFixtures.mainnet().magicBytes();
    private static final byte[] REGTEST_MAGIC = ChainParamsFixtures.regtest().magicBytes();

    @TempDir
    Path dir;

    private static ChainState open(RocksStore store, ChainParams params) {
        return open(store, params, 64 << 20);
    }

    private static ChainState open(RocksStore store, ChainParams params, long cacheBytes) {
        return ChainState.open(store, params, Verifiers.standard(), Runnable::run,
                () -> System.currentTimeMillis() / 1000, cacheBytes);
    }

    /** The coins on disk after a flush of the chain state's cache. */
    private static UtxoSetHash.Stats utxos(ChainState chain, RocksStore store) {
        chain.flush();
        return utxos(store);
    }

    private static UtxoSetHash.Stats utxos(RocksStore store) {
        List<UtxoSetHash.Entry> coins = new ArrayList<>();
        CoinsCache.forEachStored(store, (op, c) -> coins.add(new UtxoSetHash.Entry(op, c.height(), c.coinbase(),
                c.output())));
        return UtxoSetHash.of(coins);
    }

    private static void importFile(ChainState chain, String file, byte[] magic) throws Exception {
        try (BlockFileReader r = BlockFileReader.open(TestData.path(file), magic)) {
            for (BlockFileReader.Record rec = r.next(); rec != null; rec = r.next()) {
                chain.processBlock(rec.block());
            }
        }
    }

    @Test
    void mainnetImportReachesHeight438AndARestartKeepsIt() throws Exception {
        ChainParams main = ChainParamsFixtures.mainnet();
        Hash expectedTip = TestData.mainnet().get(438).hash();
        try (RocksStore store = RocksStore.open(dir, 8 << 20)) {
            ChainState chain = open(store, main);
            importFile(chain, "mainnet/blocks-0-438.dat", MAIN_MAGIC);
            assertThat(chain.height()).isEqualTo(438);
            assertThat(chain.tip().hash()).isEqualTo(expectedTip);
            chain.flush();
        }
        try (RocksStore store = RocksStore.open(dir, 8 << 20)) {
            ChainState chain = open(store, main);
            assertThat(chain.height()).isEqualTo(438);
            assertThat(chain.tip().hash()).isEqualTo(expectedTip);
            assertThat(utxos(chain, store).totalAmount()).isEqualTo("21900.00000000");
        }
    }

    @Test
    void coreRegtestImportEndsAtCoresTipWithCoresUtxoSetAndKeepsTheStaleFork() throws Exception {
        JsonNode core = TestData.json("regtest/core-regtest-11.json");
        try (RocksStore store = RocksStore.open(dir, 8 << 20)) {
            // A tiny -dbcache: the coins are flushed many times during the import.
            long limit = 64 << 10;
            ChainState chain = open(store, ChainParamsFixtures.regtest(), limit);
            long peak = 0;
            try (BlockFileReader r = BlockFileReader.open(TestData.path("regtest/core-regtest-11.dat"),
                    REGTEST_MAGIC)) {
                for (BlockFileReader.Record rec = r.next(); rec != null; rec = r.next()) {
                    chain.processBlock(rec.block());
                    peak = Math.max(peak, chain.cachedCoinBytes());
                }
            }
            assertThat(peak).as("cache stays within its limit after each block").isLessThanOrEqualTo(limit);
            assertThat(chain.height()).isEqualTo(core.get("height").asInt());
            assertThat(chain.tip().hash()).hasToString(core.get("bestblock").asText());
            UtxoSetHash.Stats stats = utxos(chain, store);
            assertThat(stats.txouts()).isEqualTo(core.get("txouts").asInt());
            assertThat(stats.totalAmount()).isEqualTo(core.get("total_amount").asText());
            assertThat(stats.hashSerialized3()).hasToString(core.get("hash_serialized_3").asText());
            // Genesis plus every block of the file, the two stale ones included, off the active chain.
            assertThat(chain.indexSize()).isEqualTo(core.get("blocks_in_file").asInt() + 1);
            long offChain = TestData.regtest().stream()
                    .filter(b -> chain.activeAt(chain.entry(b.hash()).height()) != chain.entry(b.hash())).count();
            assertThat(offChain).isEqualTo(2);
        }
    }

    @Test
    void blocksArrivingBackwardsWaitAsOrphansAndThenConnect() {
        try (RocksStore store = RocksStore.open(dir, 1 << 20)) {
            ChainState chain = open(store, ChainParamsFixtures.mainnet());
            List<Block> blocks = TestData.mainnet();
            for (int h = 20; h >= 2; h--) {
                assertThat(chain.processBlock(blocks.get(h))).isEqualTo(ChainState.Outcome.ORPHAN);
            }
            assertThat(chain.orphanCount()).isEqualTo(19);
            assertThat(chain.processBlock(blocks.get(1))).isEqualTo(ChainState.Outcome.ACCEPTED);
            assertThat(chain.height()).isEqualTo(20);
            assertThat(chain.orphanCount()).isZero();
            assertThat(chain.processBlock(blocks.get(5))).isEqualTo(ChainState.Outcome.DUPLICATE);
        }
    }

    @Test
    void aHeavierBranchWithAnInvalidBlockIsRejectedAndAValidOneWins() {
        ChainParams regtest = ChainParamsFixtures.regtest();
        try (RocksStore store = RocksStore.open(dir, 1 << 20)) {
            ChainState chain = open(store, regtest);
            List<Block> main = new ArrayList<>();
            Block parent = regtest.genesis();
            for (int h = 1; h <= 10; h++) {
                parent = mine(chain, parent, h, 0, "main");
                main.add(parent);
                chain.processBlock(parent);
            }
            assertThat(chain.height()).isEqualTo(10);
            UtxoSetHash.Stats atMainTip = utxos(chain, store);

            // A branch from height 8 whose first block pays itself one satoshi too much, and two children:
            // more work than the main chain, but invalid.
            Block fork = main.get(7); // height 8
            Block bad = mine(chain, fork, 9, 1, "bad");
            Block badChild = mine(chain, bad, 10, 0, "bad");
            Block badGrandchild = mine(chain, badChild, 11, 0, "bad");
            chain.processBlock(bad);
            chain.processBlock(badChild);
            chain.processBlock(badGrandchild);
            assertThat(chain.tip().hash()).isEqualTo(main.get(9).hash());
            assertThat(chain.entry(bad.hash()).has(BlockIndexEntry.FAILED)).isTrue();
            assertThat(chain.entry(badGrandchild.hash()).has(BlockIndexEntry.FAILED_PARENT)).isTrue();
            assertThat(utxos(chain, store)).isEqualTo(atMainTip);

            // A valid branch from height 8 that grows longer: the node reorganizes onto it.
            List<Block> winner = new ArrayList<>(main.subList(0, 8));
            Block p = fork;
            for (int h = 9; h <= 11; h++) {
                p = mine(chain, p, h, 0, "winner");
                winner.add(p);
                chain.processBlock(p);
            }
            assertThat(chain.height()).isEqualTo(11);
            assertThat(chain.tip().hash()).isEqualTo(p.hash());
            UtxoSetHash.Stats afterReorg = utxos(chain, store);

            // The UTXO set equals a from-scratch replay of the winning branch.
            Path fresh = dir.resolve("fresh");
            try (RocksStore store2 = RocksStore.open(fresh, 1 << 20)) {
                ChainState replay = open(store2, regtest);
                for (Block b : winner) {
                    replay.processBlock(b);
                }
                assertThat(replay.tip().hash()).isEqualTo(p.hash());
                assertThat(utxos(replay, store2)).isEqualTo(afterReorg);
            }
        }
    }

    @Test
    void invalidateAndReconsiderMoveTheTipAndRestoreIt() {
        ChainParams regtest = ChainParamsFixtures.regtest();
        try (RocksStore store = RocksStore.open(dir, 1 << 20)) {
            ChainState chain = open(store, regtest);
            List<Block> blocks = new ArrayList<>();
            Block parent = regtest.genesis();
            List<UtxoSetHash.Stats> atHeight = new ArrayList<>();
            atHeight.add(utxos(chain, store));
            for (int h = 1; h <= 10; h++) {
                parent = mine(chain, parent, h, 0, "x");
                blocks.add(parent);
                chain.processBlock(parent);
                atHeight.add(utxos(chain, store));
            }
            assertThat(chain.invalidateBlock(blocks.get(7).hash())).isTrue(); // height 8
            assertThat(chain.height()).isEqualTo(7);
            assertThat(utxos(chain, store)).isEqualTo(atHeight.get(7));
            assertThat(chain.entry(blocks.get(9).hash()).has(BlockIndexEntry.FAILED_PARENT)).isTrue();

            assertThat(chain.reconsiderBlock(blocks.get(7).hash())).isTrue();
            assertThat(chain.height()).isEqualTo(10);
            assertThat(chain.tip().hash()).isEqualTo(blocks.get(9).hash());
            assertThat(utxos(chain, store)).isEqualTo(atHeight.get(10));
            assertThat(chain.invalidateBlock(Hash.ZERO)).isFalse();
        }
    }

    /**
     * A coinbase-only regtest block on {@code parent} at {@code height}, paying the subsidy plus {@code overpay}
     * to OP_TRUE, with {@code tag} making sibling blocks differ.
     */
    private static Block mine(ChainState chain, Block parent, int height, long overpay, String tag) {
        ChainParams params = chain.params();
        byte[] scriptSig = concat(BlockChecks.heightScript(height), Scripts.push(tag.getBytes()));
        Transaction coinbase = new Transaction(1, List.of(new TxIn(OutPoint.NULL, scriptSig, TxIn.SEQUENCE_FINAL)),
                List.of(new TxOut(Subsidy.blockSubsidy(height, params) + overpay, new byte[] {0x51})), 0);
        long time = parent.header().time() + 60;
        BlockHeader h = new BlockHeader(0x20000000, parent.hash(), MerkleTree.blockRoot(List.of(coinbase)).root(),
                time, params.genesis().header().bits(), 0);
        while (!ProofOfWork.checkProofOfWork(h.hash(), h.bits(), params)) {
            h = h.withNonce(h.nonce() + 1);
        }
        return new Block(h, List.of(coinbase));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
