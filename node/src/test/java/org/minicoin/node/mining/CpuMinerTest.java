package org.minicoin.node.mining;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.testing.BlockNode;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.validation.BlockChecks;
import org.minicoin.consensus.validation.BlockContext;
import org.minicoin.genesis.spec.ChainSpecs;

/** The CPU miner: solutions, the stop flag, and the background mode. */
class CpuMinerTest {
    private static final byte[] PAY_TO = {0x51};

    private static BlockTemplate templateOn(ChainParams params, BlockNode tip) {
        return new BlockAssembler(params, BlockAssembler.Options.defaults(1000))
                .create(tip, tip.header().hash(), List.of(), PAY_TO, tip.time() + params.powTargetSpacing());
    }

    @Test
    void twoThreadsFindABlockThatPassesTheBlockChecks() {
        ChainParams devnet = ChainSpecs.params("devnet");
        BlockNode genesis = BlockNode.genesis(devnet.genesis().header());
        BlockTemplate t = templateOn(devnet, genesis);
        CpuMiner miner = new CpuMiner(2, () -> genesis.time());
        Block block = miner.mine(t, new AtomicBoolean());
        BlockChecks.checkBlock(block, devnet);
        BlockChecks.contextualCheckBlockHeader(block.header(), BlockContext.after(genesis, t.block().header()
                .time()), devnet);
        BlockChecks.contextualCheckBlock(block, BlockContext.after(genesis, t.block().header().time()), devnet);
        assertThat(miner.hashCount()).isPositive();
    }

    @Test
    void aStopFlagEndsTheSearchWithoutABlock() throws Exception {
        ChainParams main = ChainSpecs.params("main");
        BlockNode genesis = BlockNode.genesis(main.genesis().header());
        BlockTemplate hard = templateOn(main, genesis); // 2^32 hashes per block expected: not found here
        CpuMiner miner = new CpuMiner(2, genesis::time);

        AtomicBoolean stopped = new AtomicBoolean(true);
        assertThat(miner.mine(hard, stopped)).isNull();

        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Block> result = new AtomicReference<>();
        Thread t = new Thread(() -> result.set(miner.mine(hard, stop)));
        t.start();
        long before = miner.hashCount();
        while (miner.hashCount() < before + 100_000) {
            Thread.onSpinWait(); // wait until the miner is demonstrably hashing
        }
        stop.set(true);
        t.join(10_000);
        assertThat(t.isAlive()).isFalse();
        assertThat(result.get()).isNull();
    }

    @Test
    void theBackgroundMinerExtendsTheTipItIsGivenAndWaitsWhenThereIsNone() throws Exception {
        ChainParams regtest = ChainSpecs.params("regtest");
        AtomicReference<BlockNode> tip = new AtomicReference<>(BlockNode.genesis(regtest.genesis().header()));
        AtomicBoolean ready = new AtomicBoolean();
        List<Block> mined = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch five = new CountDownLatch(5);
        CpuMiner miner = new CpuMiner(2, () -> tip.get().time());
        try (CpuMiner.Background bg = miner.startBackground(
                () -> ready.get() ? templateOn(regtest, tip.get()) : null,
                block -> {
                    mined.add(block);
                    tip.set(tip.get().child(block.header()));
                    five.countDown();
                })) {
            assertThat(bg.isRunning()).isTrue();
            assertThat(mined).isEmpty(); // nothing to mine on until told
            ready.set(true);
            bg.tipChanged();
            assertThat(five.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(bg.failure()).isEmpty();
        }
        for (int i = 1; i < 5; i++) {
            assertThat(mined.get(i).header().prevBlock()).isEqualTo(mined.get(i - 1).hash());
        }
        assertThat(mined.get(0).header().prevBlock()).isEqualTo(regtest.genesisHash());
    }

    @Test
    void tipChangedAbandonsTheCurrentWork() throws Exception {
        ChainParams main = ChainSpecs.params("main");
        BlockNode genesis = BlockNode.genesis(main.genesis().header());
        ChainParams regtest = ChainSpecs.params("regtest");
        BlockNode regtestGenesis = BlockNode.genesis(regtest.genesis().header());
        AtomicBoolean easy = new AtomicBoolean();
        CountDownLatch solved = new CountDownLatch(1);
        CpuMiner miner = new CpuMiner(1, genesis::time);
        // First a template too hard to solve; after tipChanged() an easy one, which only a restart picks up.
        try (CpuMiner.Background bg = miner.startBackground(
                () -> easy.get() ? templateOn(regtest, regtestGenesis) : templateOn(main, genesis),
                block -> solved.countDown())) {
            long before = miner.hashCount();
            while (miner.hashCount() < before + 10_000) {
                Thread.onSpinWait();
            }
            easy.set(true);
            bg.tipChanged();
            assertThat(solved.await(20, TimeUnit.SECONDS)).isTrue();
        }
    }
}
