package org.minicoin.node.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.testing.BlockNode;
import org.minicoin.consensus.testing.ChainParamsFixtures;
import org.minicoin.consensus.testing.TestData;
import org.minicoin.consensus.testing.UtxoSetHash;
import org.minicoin.consensus.testing.Verifiers;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.types.OutPoint;
import org.minicoin.consensus.types.TxOut;
import org.minicoin.consensus.validation.BlockConnector;
import org.minicoin.consensus.validation.BlockContext;
import org.minicoin.consensus.validation.BlockUndo;
import org.minicoin.consensus.validation.Coin;
import org.minicoin.consensus.validation.DisconnectResult;
import org.minicoin.node.store.RocksStore;
import org.minicoin.node.store.WriteBatch;

class CoinsCacheTest {
    private static final long NOW = 1L << 32;

    @TempDir
    Path dir;

    private static OutPoint op(int i) {
        return new OutPoint(Hash.sha256d(new byte[] {(byte) i}), i);
    }

    private static Coin coin(long value) {
        return new Coin(new TxOut(value, new byte[] {0x51}), 7, false);
    }

    private static void flush(RocksStore store, CoinsCache cache) {
        try (WriteBatch b = store.newBatch()) {
            cache.flushTo(b);
            store.write(b, false);
        }
    }

    @Test
    void coinsCreatedAndSpentBetweenFlushesNeverReachTheStore() {
        try (RocksStore store = RocksStore.open(dir, 1 << 20)) {
            CoinsCache cache = new CoinsCache(store);
            cache.add(op(1), coin(10), false);
            cache.add(op(2), coin(20), false);
            assertThat(cache.spend(op(1)).output().value()).isEqualTo(10);
            try (WriteBatch b = store.newBatch()) {
                assertThat(cache.flushTo(b)).isEqualTo(1); // only op(2): op(1) was fresh
                store.write(b, false);
            }
            assertThat(new CoinsCache(store).get(op(1))).isNull();
            assertThat(new CoinsCache(store).get(op(2))).isEqualTo(coin(20));
        }
    }

    @Test
    void spendingAStoredCoinDeletesItOnFlush() {
        try (RocksStore store = RocksStore.open(dir, 1 << 20)) {
            CoinsCache cache = new CoinsCache(store);
            cache.add(op(3), coin(30), false);
            flush(store, cache);
            assertThat(cache.cachedEntries()).isZero();
            assertThat(cache.spend(op(3))).isEqualTo(coin(30)); // read back from the store
            assertThat(cache.spend(op(3))).isNull();
            // Re-adding a coin whose deletion is not yet flushed must not be "fresh": spending it again has to
            // still delete it from the store.
            cache.add(op(3), coin(31), false);
            assertThat(cache.spend(op(3))).isEqualTo(coin(31));
            flush(store, cache);
            assertThat(new CoinsCache(store).get(op(3))).isNull();
        }
    }

    @Test
    void overwritingAnUnspentCoinIsRefusedUnlessAllowed() {
        try (RocksStore store = RocksStore.open(dir, 1 << 20)) {
            CoinsCache cache = new CoinsCache(store);
            cache.add(op(4), coin(40), false);
            assertThatThrownBy(() -> cache.add(op(4), coin(41), false)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("overwrite unspent coin");
            cache.add(op(4), coin(42), true); // BIP-0030 duplicate coinbases, or a disconnect restoring a coin
            assertThat(cache.get(op(4))).isEqualTo(coin(42));
            assertThat(cache.memoryBytes()).isPositive();
        }
    }

    /**
     * Core's regtest chain connected through this cache into real RocksDB, flushing every few blocks and across
     * the stale fork's connect and disconnect: the coins read back from disk are Core's UTXO set, hash for hash.
     */
    @Test
    void coresRegtestChainThroughRocksDbGivesCoresUtxoSet() {
        JsonNode core = TestData.json("regtest/core-regtest-11.json");
        ChainParams regtest = ChainParamsFixtures.regtest();
        Map<Hash, Block> byHash = new HashMap<>();
        for (Block b : TestData.regtest()) {
            byHash.put(b.hash(), b);
        }
        Deque<Block> branch = new ArrayDeque<>();
        for (Hash h = Hash.fromHex(core.get("bestblock").asText()); !h.equals(regtest.genesisHash()); ) {
            Block b = byHash.get(h);
            branch.addFirst(b);
            h = b.header().prevBlock();
        }
        List<Block> main = new ArrayList<>(branch);
        List<Block> fork = new ArrayList<>(TestData.regtest());
        fork.removeAll(main);

        BlockConnector connector = new BlockConnector(regtest, Verifiers.standard());
        int created = 0;
        int written = 0;
        try (RocksStore store = RocksStore.open(dir, 8 << 20)) {
            CoinsCache cache = new CoinsCache(store);
            BlockNode tip = BlockNode.genesis(regtest.genesis().header());
            int height = 0;
            for (Block block : main) {
                if (block.header().prevBlock().equals(fork.get(0).header().prevBlock())) {
                    // The fork's parent is the tip: connect the two stale blocks and take them off again.
                    BlockNode forkTip = tip;
                    List<BlockUndo> undos = new ArrayList<>();
                    for (Block f : fork) {
                        undos.add(connector.connectBlock(f, BlockContext.after(forkTip, NOW), cache));
                        forkTip = forkTip.child(f.header());
                        written += flushCounting(store, cache);
                    }
                    for (int i = fork.size() - 1; i >= 0; i--) {
                        assertThat(connector.disconnectBlock(fork.get(i), height + 1 + i, undos.get(i), cache))
                                .isEqualTo(DisconnectResult.OK);
                    }
                }
                connector.connectBlock(block, BlockContext.after(tip, NOW), cache);
                created += block.transactions().stream().mapToInt(t -> t.outputs().size()).sum();
                tip = tip.child(block.header());
                height++;
                if (height % 25 == 0) {
                    written += flushCounting(store, cache);
                }
            }
            written += flushCounting(store, cache);

            List<UtxoSetHash.Entry> coins = new ArrayList<>();
            CoinsCache.forEachStored(store, (op, c) -> coins.add(new UtxoSetHash.Entry(op, c.height(), c.coinbase(),
                    c.output())));
            UtxoSetHash.Stats stats = UtxoSetHash.of(coins);
            assertThat(stats.txouts()).isEqualTo(core.get("txouts").asInt());
            assertThat(stats.totalAmount()).isEqualTo(core.get("total_amount").asText());
            assertThat(stats.hashSerialized3()).hasToString(core.get("hash_serialized_3").asText());
        }
        // Without FRESH, every created coin costs at least one store write (a put, or a delete if spent before the
        // flush). With it, coins created and spent between flushes cost none, so writes fall below creations.
        System.out.printf("regtest through RocksDB: %d outputs created, %d coin writes/deletes flushed%n", created,
                written);
        assertThat(written).isLessThan(created);
    }

    private static int flushCounting(RocksStore store, CoinsCache cache) {
        try (WriteBatch b = store.newBatch()) {
            int n = cache.flushTo(b);
            store.write(b, false);
            return n;
        }
    }
}
