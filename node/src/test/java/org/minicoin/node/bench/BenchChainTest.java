package org.minicoin.node.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minicoin.consensus.crypto.BouncyCastleSignatureVerifier;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxIn;
import org.minicoin.genesis.spec.ChainSpecs;
import org.minicoin.node.importer.BlockFileReader;
import org.minicoin.node.ledger.ChainState;
import org.minicoin.node.ledger.CoinsCache;
import org.minicoin.node.store.RocksStore;

/** The benchmark's generated chain is valid, shaped as documented, and its signature samples are real. */
class BenchChainTest {
    private static final ChainParams REGTEST = ChainSpecs.params("regtest");
    private static final int LANES = 8;
    private static final int SPEND_BLOCKS = 2;

    @TempDir
    Path dir;

    private List<Block> saved(BenchChain chain) throws Exception {
        List<Block> blocks = new ArrayList<>();
        try (BlockFileReader r = BlockFileReader.open(chain.ensureSaved(dir), REGTEST.magicBytes())) {
            for (BlockFileReader.Record rec = r.next(); rec != null; rec = r.next()) {
                blocks.add(rec.block());
            }
        }
        return blocks;
    }

    @Test
    void theSavedChainConnectsOnRocksDbWithEveryCoinAccountedFor() throws Exception {
        BenchChain chain = new BenchChain(REGTEST, LANES, SPEND_BLOCKS);
        List<Block> blocks = saved(chain);
        assertThat(blocks).hasSize(103);
        ForkJoinPool pool = new ForkJoinPool(2);
        try (RocksStore store = RocksStore.open(dir.resolve("ledger"), 1 << 20)) {
            ChainState state = ChainState.open(store, REGTEST, BouncyCastleSignatureVerifier.INSTANCE, pool,
                    () -> System.currentTimeMillis() / 1000, 64 << 20);
            for (Block b : blocks) {
                assertThat(state.processBlock(b)).isEqualTo(ChainState.Outcome.ACCEPTED);
            }
            assertThat(state.height()).isEqualTo(103);
            state.flush();
            AtomicLong coins = new AtomicLong();
            AtomicLong total = new AtomicLong();
            CoinsCache.forEachStored(store, (op, c) -> {
                coins.incrementAndGet();
                total.addAndGet(c.output().value());
            });
            // One coin per lane, plus the OP_TRUE coinbases of heights 2-103 (block 1's was fanned out).
            assertThat(coins.get()).isEqualTo(LANES + 102);
            // No fees, so every subsidy so far (50 BTC each, regtest halves at 150) is still there.
            assertThat(total.get()).isEqualTo(103 * 50 * 100_000_000L);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void spendBlocksMixOneAndTwoInputSpendsOfBothKinds() throws Exception {
        List<Block> blocks = saved(new BenchChain(REGTEST, LANES, SPEND_BLOCKS));
        Block last = blocks.get(blocks.size() - 1);
        List<Transaction> spends = last.transactions().subList(1, last.transactions().size());
        // Of 4 lane pairs, one is a two-input transaction and three are two one-input transactions.
        assertThat(spends).hasSize(7);
        assertThat(spends).filteredOn(tx -> tx.inputs().size() == 2).hasSize(1);
        List<TxIn> inputs = spends.stream().flatMap(tx -> tx.inputs().stream()).toList();
        assertThat(inputs).hasSize(LANES);
        assertThat(inputs).filteredOn(in -> !in.witness().isEmpty()).hasSize(LANES / 2);
        assertThat(inputs).filteredOn(in -> in.scriptSig().length > 0).hasSize(LANES / 2);
    }

    @Test
    void theBoundsSamplesAreTheBlocksOwnSignatureChecks() throws Exception {
        List<Block> blocks = saved(new BenchChain(REGTEST, LANES, SPEND_BLOCKS));
        List<SignatureSamples.Sample> samples = SignatureSamples.of(blocks.get(blocks.size() - 2),
                blocks.get(blocks.size() - 1));
        assertThat(samples).hasSize(LANES);
        assertThat(SignatureSamples.allVerify(samples, BouncyCastleSignatureVerifier.INSTANCE)).isTrue();
        SignatureSamples.Sample first = samples.get(0);
        byte[] otherHash = first.hash().clone();
        otherHash[0] ^= 1;
        assertThat(SignatureSamples.allVerify(List.of(new SignatureSamples.Sample(first.pubkey(), first.der(),
                otherHash)), BouncyCastleSignatureVerifier.INSTANCE)).isFalse();
    }

    @Test
    void aSavedChainIsReusedNotRegenerated() throws Exception {
        BenchChain chain = new BenchChain(REGTEST, LANES, SPEND_BLOCKS);
        Path file = chain.ensureSaved(dir);
        long modified = Files.getLastModifiedTime(file).toMillis();
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(modified - 60_000));
        assertThat(chain.ensureSaved(dir)).isEqualTo(file);
        assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(modified - 60_000);
        try (var files = Files.list(dir)) {
            assertThat(files.filter(p -> p.toString().endsWith(".tmp"))).isEmpty();
        }
    }
}
