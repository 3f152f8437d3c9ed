package org.minicoin.consensus.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.testing.BlockNode;
import org.minicoin.consensus.testing.ChainParamsFixtures;
import org.minicoin.consensus.testing.TestData;
import org.minicoin.consensus.testing.UtxoSetHash;
import org.minicoin.consensus.testing.Verifiers;
import org.minicoin.consensus.types.Amount;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.Hash;

/**
 * Real chains connected with full validation, scripts included: the first 439 mainnet blocks, and the main
 * branch of a 713-block regtest chain made by Bitcoin Core, whose final UTXO set must equal Core's coin for coin.
 */
class ChainReplayTest {
    /** Far beyond every block time: the two-hour future rule is not what these tests are about. */
    private static final long NOW = 1L << 32;
    private static ExecutorService pool;

    @BeforeAll
    static void startPool() {
        pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    /** Connects blocks[1..] on top of blocks[0] (genesis), with every check a node applies. */
    private static List<BlockUndo> connectAll(List<Block> blocks, ChainParams params, UtxoView view,
                                              BlockConnector connector) {
        List<BlockUndo> undos = new ArrayList<>();
        BlockNode tip = BlockNode.genesis(blocks.get(0).header());
        for (int i = 1; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            BlockContext ctx = BlockContext.after(tip, NOW);
            BlockChecks.checkBlockHeader(block.header(), params);
            BlockChecks.contextualCheckBlockHeader(block.header(), ctx, params);
            BlockChecks.checkBlock(block, params);
            BlockChecks.contextualCheckBlock(block, ctx, params);
            undos.add(connector.connectBlock(block, ctx, view));
            tip = tip.child(block.header());
        }
        return undos;
    }

    private static List<UtxoSetHash.Entry> entries(MemoryUtxoView view) {
        List<UtxoSetHash.Entry> out = new ArrayList<>();
        view.snapshot().forEach((op, coin) -> out.add(new UtxoSetHash.Entry(op, coin.height(), coin.coinbase(),
                coin.output())));
        return out;
    }

    @Test
    void mainnetBlocks0To438ConnectAndDisconnectToNothing() {
        ChainParams main = ChainParamsFixtures.mainnet();
        List<Block> blocks = TestData.mainnet();
        assertThat(blocks.get(0).hash()).isEqualTo(main.genesisHash());
        MemoryUtxoView view = new MemoryUtxoView();
        BlockConnector connector = new BlockConnector(main, Verifiers.standard(), pool);

        List<BlockUndo> undos = connectAll(blocks, main, view, connector);

        UtxoSetHash.Stats stats = UtxoSetHash.of(entries(view));
        System.out.printf("mainnet tip 438: %d UTXOs, %s BTC, hash_serialized_3 %s%n", stats.txouts(),
                stats.totalAmount(), stats.hashSerialized3());
        // Every block claimed exactly its 50 BTC subsidy and no fees were paid, so nothing was created or lost.
        assertThat(view.totalValue()).isEqualTo(438 * 50 * Amount.COIN);
        assertThat(view.size()).isGreaterThan(438);

        for (int i = blocks.size() - 1; i >= 1; i--) {
            byte[] undoBytes = undos.get(i - 1).serialize();
            BlockUndo undo = BlockUndo.parse(undoBytes);
            assertThat(connector.disconnectBlock(blocks.get(i), i, undo, view)).isEqualTo(DisconnectResult.OK);
        }
        assertThat(view.size()).isZero();
    }

    @Test
    void coreRegtestChainEndsWithCoresUtxoSet() {
        JsonNode core = TestData.json("regtest/core-regtest-11.json");
        ChainParams regtest = ChainParamsFixtures.regtest();
        List<Block> mainBranch = mainBranch(TestData.regtest(), regtest.genesis(),
                Hash.fromHex(core.get("bestblock").asText()));
        assertThat(mainBranch).hasSize(core.get("height").asInt() + 1);

        MemoryUtxoView view = new MemoryUtxoView();
        BlockConnector connector = new BlockConnector(regtest, Verifiers.standard(), pool);
        connectAll(mainBranch, regtest, view, connector);

        UtxoSetHash.Stats stats = UtxoSetHash.of(entries(view));
        System.out.printf("regtest tip %d: %d UTXOs, %s, hash_serialized_3 %s%n", mainBranch.size() - 1,
                stats.txouts(), stats.totalAmount(), stats.hashSerialized3());
        assertThat(stats.txouts()).isEqualTo(core.get("txouts").asInt());
        assertThat(stats.totalAmount()).isEqualTo(core.get("total_amount").asText());
        assertThat(stats.hashSerialized3()).hasToString(core.get("hash_serialized_3").asText());
    }

    /** The blocks from genesis to {@code tip}, following parent links through a file that also holds a fork. */
    static List<Block> mainBranch(List<Block> file, Block genesis, Hash tip) {
        Map<Hash, Block> byHash = new HashMap<>();
        for (Block b : file) {
            byHash.put(b.hash(), b);
        }
        Deque<Block> branch = new ArrayDeque<>();
        for (Hash h = tip; !h.equals(genesis.hash()); ) {
            Block b = byHash.get(h);
            assertThat(b).as("block %s in the file", h).isNotNull();
            branch.addFirst(b);
            h = b.header().prevBlock();
        }
        branch.addFirst(genesis);
        return new ArrayList<>(branch);
    }
}
