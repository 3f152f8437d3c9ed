package org.minicoin.consensus.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.minicoin.consensus.validation.TestBlocks.OP_TRUE;
import static org.minicoin.consensus.validation.TestBlocks.REGTEST;
import static org.minicoin.consensus.validation.TestBlocks.coinbase;
import static org.minicoin.consensus.validation.TestBlocks.fakeOutPoint;
import static org.minicoin.consensus.validation.TestBlocks.rejects;
import static org.minicoin.consensus.validation.TestBlocks.repeat;
import static org.minicoin.consensus.validation.TestBlocks.spendBare;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.script.Opcodes;
import org.minicoin.consensus.testing.ChainParamsFixtures;
import org.minicoin.consensus.testing.TestData;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxOut;

/** Core's CheckBlockHeader and CheckBlock: each context-free block rule broken once. */
class BlockChecksTest {
    private static final ChainParams MAIN = ChainParamsFixtures.mainnet();
    private static final Block BLOCK_170 = TestData.mainnet().get(170);

    static Stream<Arguments> contextFreeRules() {
        return Stream.of(
                rule("high-hash", BlockValidationResult.INVALID_HEADER, MAIN, () -> {
                    Block b = TestData.mainnet().get(1);
                    return new Block(b.header().withNonce(b.header().nonce() + 1), b.transactions());
                }),
                // Block 170 with its two transactions swapped: the real header, the wrong merkle root.
                rule("bad-txnmrklroot", BlockValidationResult.MUTATED, MAIN, () -> new Block(BLOCK_170.header(),
                        List.of(BLOCK_170.transactions().get(1), BLOCK_170.transactions().get(0)))),
                rule("bad-txnmrklroot", BlockValidationResult.MUTATED, REGTEST, () -> {
                    Block b = valid(List.of(spendBare(1, fakeOutPoint(1))));
                    return new Block(b.header(), List.of(b.transactions().get(0)));
                }),
                // CVE-2012-2459: repeating the last transaction keeps the merkle root.
                rule("bad-txns-duplicate", BlockValidationResult.MUTATED, REGTEST, () -> {
                    Transaction t1 = spendBare(1, fakeOutPoint(1));
                    Transaction t2 = spendBare(1, fakeOutPoint(2));
                    Block b = valid(List.of(t1, t2));
                    return new Block(b.header(), List.of(b.transactions().get(0), t1, t2, t2));
                }),
                rule("bad-blk-length", BlockValidationResult.CONSENSUS, REGTEST, () -> mined(List.of())),
                rule("bad-blk-length", BlockValidationResult.CONSENSUS, REGTEST, () -> valid(List.of(
                        bigTx(1, 600_000), bigTx(2, 600_000)))),
                rule("bad-cb-missing", BlockValidationResult.CONSENSUS, REGTEST,
                        () -> mined(List.of(spendBare(1, fakeOutPoint(1))))),
                rule("bad-cb-multiple", BlockValidationResult.CONSENSUS, REGTEST,
                        () -> mined(List.of(coinbase(1, 1, 0), coinbase(1, 1, 1)))),
                // A transaction rule inside a block becomes a block consensus failure with the same code.
                rule("bad-txns-vout-negative", BlockValidationResult.CONSENSUS, REGTEST, () -> valid(List.of(
                        TestBlocks.tx(List.of(TestBlocks.Lock.BARE.unlock(fakeOutPoint(1), 0)),
                                List.of(new TxOut(-1, OP_TRUE)))))),
                rule("bad-txns-inputs-duplicate", BlockValidationResult.CONSENSUS, REGTEST, () -> valid(List.of(
                        spendBare(1, fakeOutPoint(1), fakeOutPoint(1))))),
                rule("bad-blk-sigops", BlockValidationResult.CONSENSUS, REGTEST, () -> valid(List.of(
                        TestBlocks.tx(List.of(TestBlocks.Lock.BARE.unlock(fakeOutPoint(1), 0)),
                                List.of(new TxOut(0, repeat(Opcodes.OP_CHECKSIG, 20_001))))))),
                // CHECKMULTISIG counts 20 when not preceded by OP_1..OP_16 in the legacy count.
                rule("bad-blk-sigops", BlockValidationResult.CONSENSUS, REGTEST, () -> valid(List.of(
                        TestBlocks.tx(List.of(TestBlocks.Lock.BARE.unlock(fakeOutPoint(1), 0)),
                                List.of(new TxOut(0, repeat(Opcodes.OP_CHECKMULTISIG, 1_001))))))));
    }

    private static Arguments rule(String code, BlockValidationResult kind, ChainParams params, Supplier<Block> b) {
        return Arguments.of(code, kind, params, b);
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("contextFreeRules")
    void checkBlockRejectsEachBrokenRule(String code, BlockValidationResult kind, ChainParams params,
                                         Supplier<Block> broken) {
        ValidationException e = rejects(() -> BlockChecks.checkBlock(broken.get(), params), code);
        assertThat(e.result()).isEqualTo(kind);
        assertThat(e.reason().penalizesSender()).isTrue();
        // A mutated block says nothing about the header: the honest block may still arrive.
        assertThat(e.reason().marksBlockInvalid()).isEqualTo(kind != BlockValidationResult.MUTATED);
    }

    @Test
    void theValidVersionsOfTheRegtestBlocksPass() {
        assertThatCode(() -> BlockChecks.checkBlock(valid(List.of(spendBare(1, fakeOutPoint(1)),
                spendBare(1, fakeOutPoint(2)))), REGTEST)).doesNotThrowAnyException();
        // 20,000 legacy sigops cost exactly 80,000: at the limit, not over it.
        assertThatCode(() -> BlockChecks.checkBlock(valid(List.of(TestBlocks.tx(
                List.of(TestBlocks.Lock.BARE.unlock(fakeOutPoint(1), 0)),
                List.of(new TxOut(0, repeat(Opcodes.OP_CHECKSIG, 19_999)))))), REGTEST))
                .doesNotThrowAnyException();
    }

    @Test
    void everyRealMainnetBlockPasses() {
        for (Block b : TestData.mainnet()) {
            assertThatCode(() -> BlockChecks.checkBlock(b, MAIN)).as("block %s", b.hash())
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void transactionFailureInABlockNamesTheTransaction() {
        Transaction bad = spendBare(1, fakeOutPoint(1), fakeOutPoint(1));
        ValidationException e = rejects(() -> BlockChecks.checkBlock(valid(List.of(bad)), REGTEST),
                "bad-txns-inputs-duplicate");
        assertThat(e.reason().message()).isEqualTo("Transaction check failed (tx hash " + bad.txid() + ") ");
    }

    @Test
    void heightScriptIsCoresCScriptOfTheHeight() {
        assertThat(BlockChecks.heightScript(0)).containsExactly(0x00);
        assertThat(BlockChecks.heightScript(1)).containsExactly(0x51);
        assertThat(BlockChecks.heightScript(16)).containsExactly(0x60);
        assertThat(BlockChecks.heightScript(17)).containsExactly(0x01, 0x11);
        assertThat(BlockChecks.heightScript(128)).containsExactly(0x02, 0x80, 0x00);
        assertThat(BlockChecks.heightScript(227_931)).containsExactly(0x03, 0x5b, 0x7a, 0x03);
    }

    /** A coinbase at height 1 followed by {@code txs}, mined on regtest genesis. */
    static Block valid(List<Transaction> txs) {
        List<Transaction> all = new java.util.ArrayList<>();
        all.add(coinbase(1, 50, 0));
        all.addAll(txs);
        return mined(all);
    }

    static Block mined(List<Transaction> txs) {
        Block genesis = REGTEST.genesis();
        return TestBlocks.mine(TestBlocks.VERSION, genesis.hash(), genesis.header().time() + 600,
                genesis.header().bits(), txs, REGTEST);
    }

    private static Transaction bigTx(int n, int scriptBytes) {
        return TestBlocks.tx(List.of(TestBlocks.Lock.BARE.unlock(fakeOutPoint(n), 0)),
                List.of(new TxOut(0, new byte[scriptBytes])));
    }
}
