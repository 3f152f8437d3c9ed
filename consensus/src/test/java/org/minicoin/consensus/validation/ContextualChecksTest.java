package org.minicoin.consensus.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.minicoin.consensus.validation.TestBlocks.NOW;
import static org.minicoin.consensus.validation.TestBlocks.OP_TRUE;
import static org.minicoin.consensus.validation.TestBlocks.REGTEST;
import static org.minicoin.consensus.validation.TestBlocks.fakeOutPoint;
import static org.minicoin.consensus.validation.TestBlocks.rejects;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.params.SoftForks;
import org.minicoin.consensus.pow.ChainLink;
import org.minicoin.consensus.testing.ChainParamsFixtures;
import org.minicoin.consensus.testing.TestData;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.BlockHeader;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxIn;
import org.minicoin.consensus.types.TxOut;
import org.minicoin.consensus.types.Witness;
import org.minicoin.consensus.validation.TestBlocks.Lock;
import org.minicoin.consensus.validation.TestBlocks.TestChain;

/** Core's ContextualCheckBlockHeader and ContextualCheckBlock: each rule broken once. */
class ContextualChecksTest {
    private static final ChainParams MAIN = ChainParamsFixtures.mainnet();

    /** Mainnet's real chain up to {@code height}, as the history contextual checks read. */
    private static ChainLink mainnetHistory(int height) {
        List<Block> blocks = TestData.mainnet();
        ChainLink link = ChainLink.genesis(blocks.get(0).header().bits(), blocks.get(0).header().time());
        for (int h = 1; h <= height; h++) {
            BlockHeader hdr = blocks.get(h).header();
            link = link.then(hdr.bits(), hdr.time() - link.time());
        }
        return link;
    }

    @Test
    void everyRealMainnetBlockPassesTheContextualChecks() {
        List<Block> blocks = TestData.mainnet();
        ChainLink prev = mainnetHistory(0);
        for (int h = 1; h < blocks.size(); h++) {
            Block b = blocks.get(h);
            BlockContext ctx = BlockContext.after(prev, b.header().time());
            assertThatCode(() -> {
                BlockChecks.contextualCheckBlockHeader(b.header(), ctx, MAIN);
                BlockChecks.contextualCheckBlock(b, ctx, MAIN);
            }).as("block %d", h).doesNotThrowAnyException();
            prev = prev.then(b.header().bits(), b.header().time() - prev.time());
        }
    }

    // ---- headers ----

    @Test
    void badDiffbits() {
        BlockHeader b1 = TestData.mainnet().get(1).header();
        BlockContext ctx = BlockContext.after(mainnetHistory(0), NOW);
        assertThatCode(() -> BlockChecks.contextualCheckBlockHeader(b1, ctx, MAIN)).doesNotThrowAnyException();
        BlockHeader easier = new BlockHeader(b1.version(), b1.prevBlock(), b1.merkleRoot(), b1.time(), 0x1d01ffffL,
                b1.nonce());
        ValidationException e = rejects(() -> BlockChecks.contextualCheckBlockHeader(easier, ctx, MAIN),
                "bad-diffbits");
        assertThat(e.result()).isEqualTo(BlockValidationResult.INVALID_HEADER);
        assertThat(e.reason().marksBlockInvalid()).isTrue();
    }

    @Test
    void timeTooOldIsAtOrBeforeTheMedianOfTheLastElevenBlocks() {
        ChainLink prev = mainnetHistory(100);
        BlockHeader b101 = TestData.mainnet().get(101).header();
        BlockContext ctx = BlockContext.after(prev, NOW);
        // The median of blocks 90..100's times.
        List<Long> times = new ArrayList<>();
        for (int h = 90; h <= 100; h++) {
            times.add(TestData.mainnet().get(h).header().time());
        }
        times.sort(null);
        assertThat(ctx.medianTimePast()).isEqualTo(times.get(5));
        assertThatCode(() -> BlockChecks.contextualCheckBlockHeader(b101.withTime(ctx.medianTimePast() + 1), ctx,
                MAIN)).doesNotThrowAnyException();
        ValidationException e = rejects(() -> BlockChecks.contextualCheckBlockHeader(
                b101.withTime(ctx.medianTimePast()), ctx, MAIN), "time-too-old");
        assertThat(e.result()).isEqualTo(BlockValidationResult.INVALID_HEADER);
    }

    @Test
    void timeTooNewIsMoreThanTwoHoursAheadOfNow() {
        BlockHeader b1 = TestData.mainnet().get(1).header();
        ChainLink genesis = mainnetHistory(0);
        assertThatCode(() -> BlockChecks.contextualCheckBlockHeader(b1,
                BlockContext.after(genesis, b1.time() - 7200), MAIN)).doesNotThrowAnyException();
        ValidationException e = rejects(() -> BlockChecks.contextualCheckBlockHeader(b1,
                BlockContext.after(genesis, b1.time() - 7201), MAIN), "time-too-new");
        assertThat(e.result()).isEqualTo(BlockValidationResult.TIME_FUTURE);
        // The block may become valid as time passes, and the sender's clock may simply differ from ours.
        assertThat(e.reason().marksBlockInvalid()).isFalse();
        assertThat(e.reason().penalizesSender()).isFalse();
    }

    @ParameterizedTest(name = "height {0}, version {1}: {2}")
    @CsvSource(textBlock = """
            # height, version,     expected (mainnet: BIP-0034 227931, BIP-0066 363725, BIP-0065 388381)
            227930,   1,           ok
            227931,   1,           bad-version(0x00000001)
            227931,   2,           ok
            363724,   2,           ok
            363725,   2,           bad-version(0x00000002)
            363725,   3,           ok
            388380,   3,           ok
            388381,   3,           bad-version(0x00000003)
            388381,   4,           ok
            500000,   536870912,   ok
            500000,   -1,          bad-version(0xffffffff)
            """)
    void badVersionFollowsTheBuriedSoftForkHeights(int height, int version, String expected) {
        ChainLink prev = ChainLink.startingAt(height - 11, 0x18009645L, 1_500_000_000L)
                .thenRepeat(10, 0x18009645L, 600);
        BlockContext ctx = BlockContext.after(prev, NOW);
        BlockHeader header = new BlockHeader(version, TestData.mainnet().get(0).hash(),
                TestData.mainnet().get(0).header().merkleRoot(), prev.time() + 600, prev.bits(), 0);
        if (expected.equals("ok")) {
            assertThatCode(() -> BlockChecks.contextualCheckBlockHeader(header, ctx, MAIN))
                    .doesNotThrowAnyException();
        } else {
            ValidationException e = rejects(() -> BlockChecks.contextualCheckBlockHeader(header, ctx, MAIN),
                    expected);
            assertThat(e.result()).isEqualTo(BlockValidationResult.INVALID_HEADER);
        }
    }

    // ---- blocks ----

    private static final int TIP_HEIGHT = 20;

    /** A regtest chain of empty blocks up to {@link #TIP_HEIGHT}. */
    private static TestChain chain() {
        TestChain chain = new TestChain();
        while (chain.height() < TIP_HEIGHT) {
            chain.append(chain.next(List.of()));
        }
        return chain;
    }

    private static Transaction lockedSpend(long lockTime, long sequence) {
        return new Transaction(1, List.of(new TxIn(fakeOutPoint(1), new byte[0], sequence)),
                List.of(new TxOut(1, OP_TRUE)), lockTime);
    }

    private static Transaction witnessSpend() {
        return TestBlocks.tx(List.of(Lock.P2WSH.unlock(fakeOutPoint(7), TxIn.SEQUENCE_FINAL)),
                List.of(new TxOut(1, OP_TRUE)));
    }

    /** Each case: the reject code, and how to make a block at height 21 on {@link #chain()} break the rule. */
    static Stream<Arguments> blockRules() {
        long finalSeq = TxIn.SEQUENCE_FINAL;
        return Stream.of(
                // Height lock: lock time 21 is the last invalid height, so it may not be in block 21.
                rule("bad-txns-nonfinal", REGTEST, c -> c.next(List.of(lockedSpend(21, 0)))),
                // Time lock against the median time past (BIP-0113): equal is still locked.
                rule("bad-txns-nonfinal", REGTEST, c -> c.next(List.of(lockedSpend(c.nextContext().medianTimePast(),
                        finalSeq - 1)))),
                rule("bad-cb-height", REGTEST, c -> {
                    Block b = c.next(List.of());
                    Transaction cb = TestBlocks.coinbase(TIP_HEIGHT + 2, 50, 0);
                    return TestBlocks.remine(b, List.of(cb), REGTEST);
                }),
                rule("bad-witness-nonce-size", REGTEST, c -> withCoinbaseWitness(c.next(List.of(witnessSpend())),
                        Witness.of(new byte[31]))),
                rule("bad-witness-nonce-size", REGTEST, c -> withCoinbaseWitness(c.next(List.of(witnessSpend())),
                        Witness.of(new byte[32], new byte[0]))),
                // A different witness keeps every txid (and the header) but breaks the commitment.
                rule("bad-witness-merkle-match", REGTEST, c -> {
                    Block b = c.next(List.of(witnessSpend()));
                    List<Transaction> txs = new ArrayList<>(b.transactions());
                    Transaction spend = txs.get(1);
                    txs.set(1, new Transaction(spend.version(), List.of(spend.inputs().get(0)
                            .withWitness(Witness.of(new byte[] {0x52}))), spend.outputs(), spend.lockTime()));
                    return new Block(b.header(), txs);
                }),
                rule("unexpected-witness", REGTEST, c -> {
                    List<Transaction> txs = List.of(TestBlocks.coinbase(TIP_HEIGHT + 1, 50, 0), witnessSpend());
                    return c.nextWith(txs);
                }),
                // Before segwit a commitment means nothing, and a witness is unexpected even with one.
                rule("unexpected-witness", withForks(REGTEST, 1, 1, 1, SoftForks.NEVER),
                        c -> c.next(List.of(witnessSpend()))),
                rule("bad-blk-weight", REGTEST, c -> c.next(List.of(TestBlocks.tx(List.of(Lock.P2WSH.unlock(
                        fakeOutPoint(8), finalSeq).withWitness(Witness.of(new byte[4_000_000], OP_TRUE))),
                        List.of(new TxOut(1, OP_TRUE)))))));
    }

    private static Arguments rule(String code, ChainParams params, Function<TestChain, Block> make) {
        return Arguments.of(code, params, make);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blockRules")
    void contextualCheckBlockRejectsEachBrokenRule(String code, ChainParams params, Function<TestChain, Block> make) {
        TestChain chain = chain();
        Block block = make.apply(chain);
        BlockContext ctx = chain.nextContext();
        // The block is well-formed and its header fits; only the contextual block rule is broken.
        assertThatCode(() -> {
            BlockChecks.checkBlock(block, params);
            BlockChecks.contextualCheckBlockHeader(block.header(), ctx, params);
        }).doesNotThrowAnyException();
        ValidationException e = rejects(() -> BlockChecks.contextualCheckBlock(block, ctx, params), code);
        BlockValidationResult expectedKind = code.startsWith("bad-witness") || code.equals("unexpected-witness")
                ? BlockValidationResult.MUTATED : BlockValidationResult.CONSENSUS;
        assertThat(e.result()).isEqualTo(expectedKind);
    }

    @Test
    void theUnbrokenBlocksPass() {
        TestChain chain = chain();
        BlockContext ctx = chain.nextContext();
        long mtp = ctx.medianTimePast();
        for (Block b : List.of(
                chain.next(List.of(lockedSpend(20, 0))),
                chain.next(List.of(lockedSpend(mtp - 1, 0))),
                chain.next(List.of(lockedSpend(TIP_HEIGHT + 5, TxIn.SEQUENCE_FINAL))),
                chain.next(List.of(witnessSpend())))) {
            assertThatCode(() -> BlockChecks.contextualCheckBlock(b, ctx, REGTEST)).doesNotThrowAnyException();
        }
    }

    @Test
    void beforeCsvTheBlockTimeIsTheLockTimeCutoff() {
        TestChain chain = chain();
        BlockContext ctx = chain.nextContext();
        // Locked until after the median time past but not after the block's own time.
        Block block = chain.next(List.of(lockedSpend(ctx.medianTimePast() + 1, 0)));
        assertThat(block.header().time()).isGreaterThan(ctx.medianTimePast() + 1);
        rejects(() -> BlockChecks.contextualCheckBlock(block, ctx, REGTEST), "bad-txns-nonfinal");
        ChainParams noCsv = withForks(REGTEST, 1, SoftForks.NEVER, 0, 0);
        assertThatCode(() -> BlockChecks.contextualCheckBlock(block, ctx, noCsv)).doesNotThrowAnyException();
    }

    @Test
    void beforeBip34AnyCoinbaseScriptWillDo() {
        TestChain chain = chain();
        Block block = TestBlocks.remine(chain.next(List.of()), List.of(TestBlocks.coinbase(999, 50, 0)), REGTEST);
        ChainParams noBip34 = withForks(REGTEST, SoftForks.NEVER, 1, 0, 0);
        assertThatCode(() -> BlockChecks.contextualCheckBlock(block, chain.nextContext(), noBip34))
                .doesNotThrowAnyException();
    }

    /** Regtest with other activation heights for BIP-0034, CSV, BIP-0065/66 (together) and segwit. */
    static ChainParams withForks(ChainParams p, int bip34, int csv, int bip65and66, int segwit) {
        SoftForks f = p.softForks();
        SoftForks forks = new SoftForks(f.bip16Exception(), bip34, bip65and66, bip65and66, csv, segwit,
                f.taprootHeight());
        return new ChainParams(p.name(), p.magic(), p.p2pPort(), p.rpcPort(), p.base58(), p.bech32Hrp(),
                p.powLimit(), p.powTargetSpacing(), p.powTargetTimespan(), p.retargetRule(),
                p.subsidyHalvingInterval(), p.initialSubsidy(), forks, p.genesis());
    }

    private static Block withCoinbaseWitness(Block b, Witness w) {
        List<Transaction> txs = new ArrayList<>(b.transactions());
        Transaction cb = txs.get(0);
        txs.set(0, new Transaction(cb.version(), List.of(cb.inputs().get(0).withWitness(w)), cb.outputs(),
                cb.lockTime()));
        return new Block(b.header(), txs);
    }
}
