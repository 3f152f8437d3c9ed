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
        connectOnto(BlockNode.genesis(blocks.get(0).header()), blocks.subList(1, blocks.size()), params, view,
                connector, undos);
        return undos;
    }

    /** Connects {@code blocks} in order on top of {@code tip}; returns the new tip, adding undo data to the list. */
    private static BlockNode connectOnto(BlockNode tip, List<Block> blocks, ChainParams params, UtxoView view,
                                         BlockConnector connector, List<BlockUndo> undos) {
        for (Block block : blocks) {
            BlockContext ctx = BlockContext.after(tip, NOW);
            BlockChecks.checkBlockHeader(block.header(), params);
            BlockChecks.contextualCheckBlockHeader(block.header(), ctx, params);
            BlockChecks.checkBlock(block, params);
            BlockChecks.contextualCheckBlock(block, ctx, params);
            undos.add(connector.connectBlock(block, ctx, view));
            tip = tip.child(block.header());
        }
        return tip;
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

        // The file also holds a stale two-block fork. Connect the main branch up to where it forks, connect the
        // fork (fully validated: it is a valid chain Core saw), disconnect it again, and check the set is exactly
        // as before; then carry on along the main branch.
        List<Block> fork = new ArrayList<>(TestData.regtest());
        fork.removeAll(mainBranch);
        assertThat(fork).hasSize(core.get("blocks_in_file").asInt() - (mainBranch.size() - 1));
        int forkParent = 0;
        while (!mainBranch.get(forkParent).hash().equals(fork.get(0).header().prevBlock())) {
            forkParent++;
        }
        List<BlockUndo> undos = new ArrayList<>();
        BlockNode tip = connectOnto(BlockNode.genesis(mainBranch.get(0).header()),
                mainBranch.subList(1, forkParent + 1), regtest, view, connector, undos);
        java.util.Map<org.minicoin.consensus.types.OutPoint, Coin> before = view.snapshot();
        List<BlockUndo> forkUndos = new ArrayList<>();
        connectOnto(tip, fork, regtest, view, connector, forkUndos);
        assertThat(view.snapshot()).isNotEqualTo(before);
        for (int i = fork.size() - 1; i >= 0; i--) {
            assertThat(connector.disconnectBlock(fork.get(i), forkParent + 1 + i, forkUndos.get(i), view))
                    .isEqualTo(DisconnectResult.OK);
        }
        assertThat(view.snapshot()).isEqualTo(before);
        connectOnto(tip, mainBranch.subList(forkParent + 1, mainBranch.size()), regtest, view, connector, undos);

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
