package org.minicoin.node.mining;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.testing.Verifiers;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.OutPoint;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxIn;
import org.minicoin.consensus.validation.Subsidy;
import org.minicoin.genesis.spec.ChainSpecs;
import org.minicoin.node.ledger.BlockIndexEntry;
import org.minicoin.node.ledger.ChainState;
import org.minicoin.node.store.RocksStore;

/** Blocks from the assembler and the CPU miner, accepted by a fresh chain state on real RocksDB. */
class MinedChainTest {
    private static final long MIN_FEE_RATE = 1000;

    @TempDir
    Path dir;

    private final P2wpkhKey key = new P2wpkhKey(1);
    /** The node's clock, moved by the test so that block times (and so devnet's difficulty) are chosen. */
    private final AtomicLong clock = new AtomicLong();

    private ChainState open(RocksStore store, ChainParams params) {
        return ChainState.open(store, params, Verifiers.standard(), Runnable::run, clock::get, 64 << 20);
    }

    /** Builds a template on the tip at time tip + {@code spacing}, mines it and submits it. */
    private Block mineNext(ChainState chain, BlockAssembler assembler, CpuMiner miner, List<CandidateTx> mempool,
                           long spacing) {
        BlockIndexEntry tip = chain.tip();
        clock.set(tip.time() + spacing);
        BlockTemplate t = assembler.create(tip, tip.hash(), mempool, key.scriptPubKey(), clock.get());
        Block block = miner.mine(t, new AtomicBoolean());
        assertThat(chain.processBlock(block)).isEqualTo(ChainState.Outcome.ACCEPTED);
        assertThat(chain.tip().hash()).isEqualTo(block.hash());
        return block;
    }

    @Test
    void regtestBlocksWithSignedCpfpSpendsAreAccepted() {
        ChainParams params = ChainSpecs.params("regtest");
        BlockAssembler assembler = new BlockAssembler(params, BlockAssembler.Options.defaults(MIN_FEE_RATE));
        CpuMiner miner = new CpuMiner(2, clock::get);
        try (RocksStore store = RocksStore.open(dir, 8 << 20)) {
            ChainState chain = open(store, params);
            Block first = mineNext(chain, assembler, miner, List.of(), 60);
            Block second = mineNext(chain, assembler, miner, List.of(), 60);
            Block third = mineNext(chain, assembler, miner, List.of(), 60);
            while (chain.height() < 101) { // coinbase maturity: block 1's output is spendable in block 102
                mineNext(chain, assembler, miner, List.of(), 60);
            }
            long reward = Subsidy.blockSubsidy(1, params);
            int height = 102;

            Transaction parent = key.spend(new OutPoint(first.transactions().get(0).txid(), 0), reward, 1,
                    reward, 0, TxIn.SEQUENCE_FINAL); // no fee at all
            CandidateTx p = key.candidate(parent, reward, 1, true, List.of());
            Transaction child = key.spend(new OutPoint(parent.txid(), 0), reward, 1, reward - 30_000, 0,
                    TxIn.SEQUENCE_FINAL);
            CandidateTx c = key.candidate(child, reward, height, false, List.of(parent.txid()));
            Transaction medium = key.spend(new OutPoint(second.transactions().get(0).txid(), 0), reward, 1,
                    reward - 5_000, 0, TxIn.SEQUENCE_FINAL);
            CandidateTx m = key.candidate(medium, reward, 2, true, List.of());
            Transaction cheap = key.spend(new OutPoint(third.transactions().get(0).txid(), 0), reward, 1,
                    reward - 50, 0, TxIn.SEQUENCE_FINAL); // under 1 sat/vB
            CandidateTx l = key.candidate(cheap, reward, 3, true, List.of());
            assertThat(p.fee()).isZero();
            assertThat(medium.vsize()).isLessThan(5_000); // medium pays > 1 sat/vB, cheap < 1 sat/vB
            assertThat(cheap.vsize()).isGreaterThan(50);

            Block block = mineNext(chain, assembler, miner, List.of(l, m, c, p), 60);

            assertThat(block.transactions()).containsExactly(block.transactions().get(0), parent, child, medium);
            assertThat(block.transactions().get(0).outputs().get(0).value())
                    .isEqualTo(Subsidy.blockSubsidy(height, params) + 30_000 + 5_000);
            assertThat(chain.height()).isEqualTo(height);
        }
    }

    @Test
    void devnetBlocksPastAFullRetargetWindowAreAccepted() {
        ChainParams params = ChainSpecs.params("devnet");
        BlockAssembler assembler = new BlockAssembler(params, BlockAssembler.Options.defaults(MIN_FEE_RATE));
        CpuMiner miner = new CpuMiner(Runtime.getRuntime().availableProcessors(), clock::get);
        int blocks = (int) params.difficultyAdjustmentInterval() + 5;
        long startHashes = miner.hashCount();
        long start = System.nanoTime();
        Set<Long> bits = new HashSet<>();
        try (RocksStore store = RocksStore.open(dir, 8 << 20)) {
            ChainState chain = open(store, params);
            for (int i = 1; i <= blocks; i++) {
                // Alternating fast and slow blocks average the target spacing but move the target every block.
                Block b = mineNext(chain, assembler, miner, List.of(), i % 2 == 0 ? 7 : 13);
                bits.add(b.header().bits());
            }
            assertThat(chain.height()).isEqualTo(blocks);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("devnet: %d blocks, %d distinct bits, %,d hashes in %.1f s%n", blocks, bits.size(),
                miner.hashCount() - startHashes, seconds);
        assertThat(bits).hasSizeGreaterThan(1);
    }
}
