package org.minicoin.node.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.pow.ChainHistory;
import org.minicoin.consensus.testing.BlockNode;
import org.minicoin.consensus.testing.ChainParamsFixtures;
import org.minicoin.consensus.testing.TestData;
import org.minicoin.consensus.testing.UtxoSetHash;
import org.minicoin.consensus.testing.Verifiers;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.validation.BlockConnector;
import org.minicoin.consensus.validation.BlockContext;
import org.minicoin.consensus.validation.MemoryUtxoView;
import org.minicoin.node.store.RocksStore;

/**
 * Kill -9 at random instants: a child JVM imports mainnet blocks into a real RocksDB ledger and is killed with
 * SIGKILL after a random number of blocks; each restart must find a tip whose UTXO set is exactly that of a clean
 * replay to the same height, and the import then carries on from there.
 */
class CrashRecoveryTest {
    @TempDir
    Path dir;

    /** The child: imports mainnet blocks into args[0], printing each new height, until done or killed. */
    public static final class Importer {
        public static void main(String[] args) throws Exception {
            try (RocksStore store = RocksStore.open(Path.of(args[0]), 8 << 20)) {
                // A small -dbcache, so that kills land between coin flushes as well as during them.
                ChainState chain = ChainState.open(store, ChainParamsFixtures.mainnet(), Verifiers.standard(),
                        Runnable::run, () -> System.currentTimeMillis() / 1000, 16 << 10);
                System.out.println("start " + chain.height());
                for (Block b : TestData.mainnet()) {
                    if (chain.processBlock(b) == ChainState.Outcome.ACCEPTED) {
                        System.out.println("h " + chain.height());
                    }
                }
                chain.flush();
                System.out.println("done " + chain.height());
            }
        }
    }

    @Test
    void killedAtRandomPointsItAlwaysRestartsConsistent() throws Exception {
        List<UtxoSetHash.Stats> clean = cleanReplayStats();
        Random rnd = new Random(20261121);
        Path data = dir.resolve("ledger");
        int previousTip = 0;
        int kills = 6;
        for (int round = 0; round <= kills; round++) {
            boolean last = round == kills;
            int killAfter = last ? Integer.MAX_VALUE : 1 + rnd.nextInt(60);
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"),
                    "-Dminicoin.testdata=" + TestData.dir().toAbsolutePath(),
                    Importer.class.getName(), data.toString()).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            int seen = 0;
            String line;
            StringBuilder log = new StringBuilder();
            while ((line = out.readLine()) != null) {
                log.append(line).append('\n');
                if (line.startsWith("start ")) {
                    // It resumed where the last kill left the ledger.
                    assertThat(Integer.parseInt(line.substring(6))).isGreaterThanOrEqualTo(previousTip);
                } else if (line.startsWith("h ") && ++seen >= killAfter) {
                    child.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, mid-write
                    break;
                }
            }
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            if (last) {
                assertThat(child.exitValue()).as(log.toString()).isZero();
            }

            try (RocksStore store = RocksStore.open(data, 8 << 20)) {
                // Opening reconnects any blocks stored after the last flushed tip; flush to read the coins back.
                ChainState chain = ChainState.open(store, ChainParamsFixtures.mainnet(), Verifiers.standard(),
                        Runnable::run, () -> System.currentTimeMillis() / 1000, 16 << 10);
                chain.flush();
                int tip = chain.height();
                assertThat(chain.tip().hash()).isEqualTo(TestData.mainnet().get(tip).hash());
                List<UtxoSetHash.Entry> coins = new ArrayList<>();
                CoinsCache.forEachStored(store, (op, c) -> coins.add(new UtxoSetHash.Entry(op, c.height(),
                        c.coinbase(), c.output())));
                assertThat(UtxoSetHash.of(coins)).as("UTXO set at height %d after round %d", tip, round)
                        .isEqualTo(clean.get(tip));
                assertThat(tip).isGreaterThanOrEqualTo(previousTip);
                previousTip = tip;
            }
        }
        assertThat(previousTip).isEqualTo(438);
    }

    /** The UTXO-set figures after each height, from a plain in-memory replay. */
    private static List<UtxoSetHash.Stats> cleanReplayStats() {
        ChainParams main = ChainParamsFixtures.mainnet();
        BlockConnector connector = new BlockConnector(main, Verifiers.standard());
        MemoryUtxoView view = new MemoryUtxoView();
        List<UtxoSetHash.Stats> stats = new ArrayList<>();
        stats.add(UtxoSetHash.of(List.of()));
        List<Block> blocks = TestData.mainnet();
        ChainHistory tip = BlockNode.genesis(blocks.get(0).header());
        for (int h = 1; h < blocks.size(); h++) {
            connector.connectBlock(blocks.get(h), BlockContext.after(tip, 1L << 32), view);
            tip = ((BlockNode) tip).child(blocks.get(h).header());
            List<UtxoSetHash.Entry> coins = new ArrayList<>();
            view.snapshot().forEach((op, c) -> coins.add(new UtxoSetHash.Entry(op, c.height(), c.coinbase(),
                    c.output())));
            stats.add(UtxoSetHash.of(coins));
        }
        return stats;
    }
}
