package org.minicoin.consensus.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.minicoin.consensus.validation.TestBlocks.NO_SIGNATURES;
import static org.minicoin.consensus.validation.TestBlocks.OP_TRUE;
import static org.minicoin.consensus.validation.TestBlocks.REGTEST;
import static org.minicoin.consensus.validation.TestBlocks.concat;
import static org.minicoin.consensus.validation.TestBlocks.fakeOutPoint;
import static org.minicoin.consensus.validation.TestBlocks.outpoint;
import static org.minicoin.consensus.validation.TestBlocks.p2sh;
import static org.minicoin.consensus.validation.TestBlocks.p2wsh;
import static org.minicoin.consensus.validation.TestBlocks.rejects;
import static org.minicoin.consensus.validation.TestBlocks.repeat;
import static org.minicoin.consensus.validation.TestBlocks.spendBare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.params.SoftForks;
import org.minicoin.consensus.script.Opcodes;
import org.minicoin.consensus.script.Scripts;
import org.minicoin.consensus.script.VerifyFlags;
import org.minicoin.consensus.testing.ChainParamsFixtures;
import org.minicoin.consensus.types.Amount;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.types.OutPoint;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxIn;
import org.minicoin.consensus.types.TxOut;
import org.minicoin.consensus.types.Witness;
import org.minicoin.consensus.validation.TestBlocks.Lock;
import org.minicoin.consensus.validation.TestBlocks.TestChain;

/** Core's ConnectBlock and CheckTxInputs: each rule broken once against a view of planted coins. */
class ConnectBlockTest {
    private static final long COIN = Amount.COIN;
    private static final int TIP_HEIGHT = 20;
    private static final BlockConnector CONNECTOR = new BlockConnector(REGTEST, NO_SIGNATURES);

    /** Ordinary coins: 10 BTC each, locked with OP_TRUE, created at height 1. */
    private static final OutPoint P1 = fakeOutPoint(1);
    private static final OutPoint P2 = fakeOutPoint(2);
    /** A coinbase output from the tip block: one confirmation, far from mature. */
    private static final OutPoint YOUNG_COINBASE = fakeOutPoint(3);
    private static final OutPoint TOO_VALUABLE = fakeOutPoint(4);
    private static final OutPoint MAX_1 = fakeOutPoint(5);
    private static final OutPoint MAX_2 = fakeOutPoint(6);
    /** P2WSH of a script of 4,001 CHECKMULTISIGs: 80,020 witness sigops in one input. */
    private static final OutPoint SIGOP_HEAVY_P2WSH = fakeOutPoint(7);
    private static final byte[] SIGOP_HEAVY_SCRIPT = repeat(Opcodes.OP_CHECKMULTISIG, 4_001);
    /** Coins locked by {@code 5 OP_CHECKSEQUENCEVERIFY}. */
    private static final OutPoint CSV_LOCKED = fakeOutPoint(8);
    /**
     * P2SH outputs whose redeem script counts 26 CHECKMULTISIGs, 520 sigops at cost 2,080 each, in a branch that
     * never runs ({@code 0 IF ... ENDIF 1}): sigops are counted, not executed.
     */
    private static final int P2SH_SIGOP_COINS = 40;
    private static final byte[] P2SH_SIGOP_SCRIPT = concat(new byte[] {0x00, (byte) Opcodes.OP_IF},
            repeat(Opcodes.OP_CHECKMULTISIG, 26), new byte[] {(byte) Opcodes.OP_ENDIF}, OP_TRUE);

    private static OutPoint p2shSigOpCoin(int i) {
        return fakeOutPoint(100 + i);
    }

    private static MemoryUtxoView plantedView() {
        MemoryUtxoView v = new MemoryUtxoView();
        v.add(P1, coin(10 * COIN, OP_TRUE, 1, false), false);
        v.add(P2, coin(10 * COIN, OP_TRUE, 1, false), false);
        v.add(YOUNG_COINBASE, coin(50 * COIN, OP_TRUE, TIP_HEIGHT, true), false);
        v.add(TOO_VALUABLE, coin(Amount.MAX_MONEY + 1, OP_TRUE, 1, false), false);
        v.add(MAX_1, coin(Amount.MAX_MONEY, OP_TRUE, 1, false), false);
        v.add(MAX_2, coin(Amount.MAX_MONEY, OP_TRUE, 1, false), false);
        v.add(SIGOP_HEAVY_P2WSH, coin(COIN, p2wsh(SIGOP_HEAVY_SCRIPT), 1, false), false);
        v.add(CSV_LOCKED, coin(COIN, new byte[] {0x55, (byte) Opcodes.OP_CHECKSEQUENCEVERIFY}, 1, false), false);
        for (int i = 0; i < P2SH_SIGOP_COINS; i++) {
            v.add(p2shSigOpCoin(i), coin(COIN, p2sh(P2SH_SIGOP_SCRIPT), 1, false), false);
        }
        return v;
    }

    private static Coin coin(long value, byte[] spk, int height, boolean coinbase) {
        return new Coin(new TxOut(value, spk), height, coinbase);
    }

    private static TestChain chain() {
        TestChain chain = new TestChain();
        while (chain.height() < TIP_HEIGHT) {
            chain.append(chain.next(List.of()));
        }
        return chain;
    }

    /** A version 2 transaction spending {@code prevout} (bare OP_TRUE) with {@code sequence}. */
    private static Transaction v2Spend(OutPoint prevout, long sequence) {
        return new Transaction(2, List.of(Lock.BARE.unlock(prevout, sequence)),
                List.of(new TxOut(COIN, OP_TRUE)), 0);
    }

    private static Transaction withScriptSig(OutPoint prevout, byte[] scriptSig) {
        return TestBlocks.tx(List.of(new TxIn(prevout, scriptSig, TxIn.SEQUENCE_FINAL)),
                List.of(new TxOut(COIN, OP_TRUE)));
    }

    /** A test case: a block at height 21 that breaks one rule, built against the planted view (which it may add to). */
    interface Case extends Function<Scenario, Block> {
    }

    record Scenario(TestChain chain, MemoryUtxoView view) {
        Block next(Transaction... txs) {
            return chain.next(List.of(txs));
        }
    }

    static Stream<Arguments> connectRules() {
        String evalFalse = "mandatory-script-verify-flag-failed (Script evaluated without error but finished with a "
                + "false/empty top stack element)";
        return Stream.of(
                rule("bad-txns-inputs-missingorspent", s -> s.next(spendBare(COIN, P1, fakeOutPoint(99)))),
                // Two transactions spending one coin: the second finds it spent.
                rule("bad-txns-inputs-missingorspent", s -> s.next(spendBare(COIN, P1), spendBare(2 * COIN, P1, P2))),
                rule("bad-txns-premature-spend-of-coinbase", s -> s.next(spendBare(COIN, YOUNG_COINBASE))),
                rule("bad-txns-inputvalues-outofrange", s -> s.next(spendBare(COIN, TOO_VALUABLE))),
                rule("bad-txns-inputvalues-outofrange", s -> s.next(spendBare(COIN, MAX_1, MAX_2))),
                rule("bad-txns-in-belowout", s -> s.next(spendBare(11 * COIN, P1))),
                // Each fee is in range; their sum is not.
                rule("bad-txns-accumulated-fee-outofrange", s -> s.next(spendBare(0, MAX_1), spendBare(0, MAX_2))),
                rule("bad-cb-amount", s -> {
                    Block b = s.next(spendBare(9 * COIN, P1));
                    // Subsidy plus the 1 BTC fee is the limit; one satoshi more is too much.
                    Transaction cb = TestBlocks.coinbase(TIP_HEIGHT + 1, 51 * COIN + 1, 0);
                    return TestBlocks.remine(b, List.of(cb, b.transactions().get(1)), REGTEST);
                }),
                rule("bad-txns-BIP30", s -> {
                    Transaction t = spendBare(COIN, P1);
                    s.view().add(outpoint(t, 0), coin(COIN, OP_TRUE, 5, false), false);
                    return s.next(t);
                }),
                // BIP-0068: 50 blocks after a coin from block 1 is block 51, not 21.
                rule("bad-txns-nonfinal", s -> s.next(v2Spend(P1, 50))),
                // BIP-0068 in time: 100 x 512 seconds after block 1's parent's median time past.
                rule("bad-txns-nonfinal", s -> s.next(v2Spend(P1, ConsensusLimits.SEQUENCE_LOCKTIME_TYPE_FLAG | 100))),
                rule("bad-blk-sigops", s -> s.next(TestBlocks.tx(List.of(new TxIn(SIGOP_HEAVY_P2WSH, new byte[0],
                        TxIn.SEQUENCE_FINAL, Witness.of(SIGOP_HEAVY_SCRIPT))), List.of(new TxOut(COIN, OP_TRUE))))),
                // 39 inputs x 520 P2SH sigops x 4 = 81,120 > 80,000 (38 would be 79,040).
                rule("bad-blk-sigops", s -> s.next(p2shSigOpSpend(39))),
                rule("mandatory-script-verify-flag-failed (OP_RETURN was encountered)",
                        s -> s.next(withScriptSig(P1, new byte[] {(byte) Opcodes.OP_RETURN}))),
                rule(evalFalse, ConnectBlockTest::nextSpendingWithWrongRedeemScript),
                rule("mandatory-script-verify-flag-failed (Locktime requirement not satisfied)",
                        s -> s.next(v2Spend(CSV_LOCKED, 4))));
    }

    private static Block nextSpendingWithWrongRedeemScript(Scenario s) {
        OutPoint p2shCoin = p2shSigOpCoin(0);
        // Pushes a redeem script that does not hash to the output's script hash.
        return s.next(TestBlocks.tx(List.of(new TxIn(p2shCoin, Scripts.push(OP_TRUE), TxIn.SEQUENCE_FINAL)),
                List.of(new TxOut(COIN, OP_TRUE))));
    }

    private static Transaction p2shSigOpSpend(int inputs) {
        List<TxIn> ins = new ArrayList<>();
        for (int i = 0; i < inputs; i++) {
            ins.add(new TxIn(p2shSigOpCoin(i), Scripts.push(P2SH_SIGOP_SCRIPT), TxIn.SEQUENCE_FINAL));
        }
        return TestBlocks.tx(ins, List.of(new TxOut(COIN, OP_TRUE)));
    }

    private static Arguments rule(String code, Case c) {
        return Arguments.of(code, c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("connectRules")
    void connectBlockRejectsEachBrokenRuleAndLeavesTheViewUnchanged(String code, Case brokenBlock) {
        TestChain chain = chain();
        MemoryUtxoView view = plantedView();
        Block block = brokenBlock.apply(new Scenario(chain, view));
        BlockContext ctx = chain.nextContext();
        // Everything before connecting passes: the failure needs the coins.
        assertThatCode(() -> {
            BlockChecks.checkBlock(block, REGTEST);
            BlockChecks.contextualCheckBlockHeader(block.header(), ctx, REGTEST);
            BlockChecks.contextualCheckBlock(block, ctx, REGTEST);
        }).doesNotThrowAnyException();
        Map<OutPoint, Coin> before = view.snapshot();

        ValidationException e = rejects(() -> CONNECTOR.connectBlock(block, ctx, view), code);

        assertThat(e.result()).isEqualTo(BlockValidationResult.CONSENSUS);
        assertThat(e.reason().marksBlockInvalid()).isTrue();
        assertThat(view.snapshot()).isEqualTo(before);
    }

    @Test
    void theUnbrokenVariantsConnect() {
        TestChain chain = chain();
        MemoryUtxoView view = plantedView();
        Scenario s = new Scenario(chain, view);
        BlockContext ctx = chain.nextContext();
        Block block = s.next(
                spendBare(9 * COIN, P1),
                // Exactly 20 blocks after block 1 is block 21: the relative lock is met.
                v2Spend(P2, 20),
                v2Spend(CSV_LOCKED, 5),
                p2shSigOpSpend(38),
                // A same-block chain: spends the output of the transaction before it.
                spendBare(COIN / 2, new OutPoint(v2Spend(P2, 20).txid(), 0)));
        Map<OutPoint, Coin> before = view.snapshot();

        BlockUndo undo = CONNECTOR.connectBlock(block, ctx, view);

        assertThat(undo.txUndos()).hasSize(5);
        assertThat(view.contains(P1)).isFalse();
        assertThat(view.contains(new OutPoint(v2Spend(P2, 20).txid(), 0))).isFalse();
        assertThat(view.get(outpoint(block.transactions().get(5), 0)))
                .isEqualTo(new Coin(new TxOut(COIN / 2, OP_TRUE), TIP_HEIGHT + 1, false));
        assertThat(view.get(outpoint(block.transactions().get(0), 0)).coinbase()).isTrue();
        assertThat(CONNECTOR.disconnectBlock(block, TIP_HEIGHT + 1, undo, view)).isEqualTo(DisconnectResult.OK);
        assertThat(view.snapshot()).isEqualTo(before);
    }

    @Test
    void timeBasedRelativeLockIsMeasuredFromTheCoinsParentsMedianTime() {
        TestChain chain = chain();
        BlockContext ctx = chain.nextContext();
        // The coin is from block 1, so its time is block 0's median time past; the lock ends after that plus
        // units x 512 seconds, and must be before the new block's parent's median time past.
        long elapsed = ctx.medianTimePast() - BlockContext.medianTimePast(chain.tip().ancestor(0));
        long fits = elapsed / 512;
        long unitsMet = (elapsed - 1) / 512;
        assertThat(fits).isPositive();
        MemoryUtxoView view = plantedView();
        Block ok = chain.next(List.of(v2Spend(P1, ConsensusLimits.SEQUENCE_LOCKTIME_TYPE_FLAG | unitsMet)));
        assertThatCode(() -> CONNECTOR.connectBlock(ok, ctx, view)).doesNotThrowAnyException();
        long unitsTooMany = elapsed % 512 == 0 ? fits : fits + 1;
        Block locked = chain.next(List.of(v2Spend(P2, ConsensusLimits.SEQUENCE_LOCKTIME_TYPE_FLAG | unitsTooMany)));
        rejects(() -> CONNECTOR.connectBlock(locked, ctx, plantedView()), "bad-txns-nonfinal");
    }

    @Test
    void sequenceLocksApplyOnlyToVersion2AndFromTheCsvHeight() {
        TestChain chain = chain();
        Block v1 = chain.next(List.of(new Transaction(1, List.of(Lock.BARE.unlock(P1, 50)),
                List.of(new TxOut(COIN, OP_TRUE)), 0)));
        assertThatCode(() -> CONNECTOR.connectBlock(v1, chain.nextContext(), plantedView()))
                .doesNotThrowAnyException();
        // Core compares the version as unsigned: 0xffffffff counts as 2 or more.
        Block negative = chain.next(List.of(new Transaction(-1, List.of(Lock.BARE.unlock(P1, 50)),
                List.of(new TxOut(COIN, OP_TRUE)), 0)));
        rejects(() -> CONNECTOR.connectBlock(negative, chain.nextContext(), plantedView()), "bad-txns-nonfinal");
        Block v2 = chain.next(List.of(v2Spend(P1, 50)));
        ChainParams noCsv = ContextualChecksTest.withForks(REGTEST, 1, SoftForks.NEVER, 1, 0);
        assertThatCode(() -> new BlockConnector(noCsv, NO_SIGNATURES).connectBlock(v2, chain.nextContext(),
                plantedView())).doesNotThrowAnyException();
    }

    @Test
    void anEarlierScriptFailureWinsOverALaterFailureOfAnyKind() {
        TestChain chain = chain();
        Transaction badScript = withScriptSig(P1, new byte[] {(byte) Opcodes.OP_RETURN});
        Transaction missing = spendBare(COIN, fakeOutPoint(99));
        Block scriptFirst = chain.next(List.of(badScript, missing));
        rejects(() -> CONNECTOR.connectBlock(scriptFirst, chain.nextContext(), plantedView()),
                "mandatory-script-verify-flag-failed (OP_RETURN was encountered)");
        Block missingFirst = chain.next(List.of(missing, badScript));
        rejects(() -> CONNECTOR.connectBlock(missingFirst, chain.nextContext(), plantedView()),
                "bad-txns-inputs-missingorspent");
        // And a script failure anywhere beats the coinbase amount, which is checked last.
        Block b = chain.next(List.of(badScript));
        Block overpaying = TestBlocks.remine(b, List.of(TestBlocks.coinbase(TIP_HEIGHT + 1, 60 * COIN, 0),
                badScript), REGTEST);
        rejects(() -> CONNECTOR.connectBlock(overpaying, chain.nextContext(), plantedView()),
                "mandatory-script-verify-flag-failed (OP_RETURN was encountered)");
    }

    @Test
    void scriptFailureNamesTheInputAsCoreDoes() {
        TestChain chain = chain();
        Transaction bad = TestBlocks.tx(List.of(Lock.BARE.unlock(P2, TxIn.SEQUENCE_FINAL),
                new TxIn(P1, new byte[] {(byte) Opcodes.OP_RETURN}, TxIn.SEQUENCE_FINAL)),
                List.of(new TxOut(COIN, OP_TRUE)));
        ValidationException e = rejects(() -> CONNECTOR.connectBlock(chain.next(List.of(bad)), chain.nextContext(),
                plantedView()), "mandatory-script-verify-flag-failed (OP_RETURN was encountered)");
        assertThat(e.reason().message()).isEqualTo("input 1 of " + bad.txid() + " (wtxid " + bad.wtxid()
                + "), spending " + P1.txid() + ":0");
    }

    @Test
    void genesisConnectsWithoutTouchingTheView() {
        MemoryUtxoView view = plantedView();
        Map<OutPoint, Coin> before = view.snapshot();
        assertThat(CONNECTOR.connectBlock(REGTEST.genesis(), BlockContext.genesis(TestBlocks.NOW), view))
                .isEqualTo(BlockUndo.EMPTY);
        assertThat(view.snapshot()).isEqualTo(before);
    }

    @Test
    void unspendableOutputsNeverEnterTheView() {
        TestChain chain = chain();
        MemoryUtxoView view = plantedView();
        Transaction t = TestBlocks.tx(List.of(Lock.BARE.unlock(P1, TxIn.SEQUENCE_FINAL)), List.of(
                new TxOut(0, new byte[] {(byte) Opcodes.OP_RETURN, 0x01, 0x02}),
                new TxOut(COIN, new byte[10_001]),
                new TxOut(COIN, new byte[10_000])));
        CONNECTOR.connectBlock(chain.next(List.of(t)), chain.nextContext(), view);
        assertThat(view.contains(outpoint(t, 0))).isFalse();
        assertThat(view.contains(outpoint(t, 1))).isFalse();
        assertThat(view.contains(outpoint(t, 2))).isTrue();
    }

    // ---- script flags and BIP-0030 ----

    @ParameterizedTest(name = "mainnet height {0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0|       P2SH,WITNESS
            170060|  P2SH,WITNESS
            363724|  P2SH,WITNESS
            363725|  P2SH,DERSIG,WITNESS
            388381|  P2SH,DERSIG,CHECKLOCKTIMEVERIFY,WITNESS
            419328|  P2SH,DERSIG,CHECKLOCKTIMEVERIFY,CHECKSEQUENCEVERIFY,WITNESS
            481824|  P2SH,DERSIG,NULLDUMMY,CHECKLOCKTIMEVERIFY,CHECKSEQUENCEVERIFY,WITNESS
            709632|  P2SH,DERSIG,NULLDUMMY,CHECKLOCKTIMEVERIFY,CHECKSEQUENCEVERIFY,WITNESS
            """)
    void scriptFlagsFollowTheBuriedDeploymentsAndNeverIncludeTaproot(int height, String flags) {
        ChainParams main = ChainParamsFixtures.mainnet();
        int f = ScriptFlags.forBlock(Hash.sha256d(new byte[] {1}), height, main);
        assertThat(VerifyFlags.format(f)).isEqualTo(flags.replace(" ", ""));
        assertThat(f & VerifyFlags.TAPROOT).isZero();
    }

    @Test
    void theBip16ExceptionBlockGetsNoFlags() {
        ChainParams main = ChainParamsFixtures.mainnet();
        Hash exception = Hash.fromHex("00000000000002dc756eebf4f49723ed8d30cc28a5f108eb94b1ba88ac4f9c22");
        assertThat(ScriptFlags.forBlock(exception, 170060, main)).isEqualTo(VerifyFlags.NONE);
        // Regtest has no exception block: the zero hash means none, not "the block hashing to zero".
        assertThat(ScriptFlags.forBlock(Hash.ZERO, 5, REGTEST) & VerifyFlags.P2SH).isNotZero();
    }

    private static final Hash MAIN_BIP34_HASH =
            Hash.fromHex("000000000000024b89b42a942fe0d9fea3bb44ab7bd1b19115dd6a759c0808b8");

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            # case,                                        network, height,  BIP-0034 ancestor,  block hash,  enforced
            before BIP-0034,                               main,    227931,  known,              other,       true
            below BIP-0034 without the ancestor hash,      main,    100,     none,               other,       true
            on the BIP-0034 chain,                         main,    300000,  known,              other,       false
            on another chain past the BIP-0034 height,     main,    300000,  other,              other,       true
            ancestor unknown to the caller,                main,    300000,  none,               other,       true
            from the first possible duplicate height,      main,    1983702, known,              other,       true
            just below it,                                 main,    1983701, known,              other,       false
            the first historical repeat,                   main,    91842,   none,               repeat91842, false
            regtest always checks,                         regtest, 300000,  known,              other,       true
            """)
    void bip30IsEnforcedAsCoreDecides(String name, String network, int height, String ancestor, String hash,
                                      boolean enforced) {
        ChainParams params = network.equals("main") ? ChainParamsFixtures.mainnet() : REGTEST;
        Hash ancestorHash = switch (ancestor) {
            case "known" -> MAIN_BIP34_HASH;
            case "other" -> Hash.sha256d(new byte[] {2});
            default -> null;
        };
        Hash blockHash = hash.equals("repeat91842")
                ? Hash.fromHex("00000000000a4d0a398161ffc163c503763b1f4360639393e0e4c8e300e0caec")
                : Hash.sha256d(new byte[] {3});
        org.minicoin.consensus.pow.ChainLink prev = org.minicoin.consensus.pow.ChainLink.startingAt(height - 1,
                0x1d00ffffL, 1_500_000_000L);
        BlockContext ctx = BlockContext.after(prev, TestBlocks.NOW).withBip34AncestorHash(ancestorHash);
        assertThat(BlockConnector.bip30Enforced(blockHash, ctx, params)).isEqualTo(enforced);
    }

    @Test
    void aBip30RepeatCoinbaseOverwritesTheCoinItDuplicates() {
        // Without BIP-0030 checks (here: the BIP-0034 chain on mainnet), a duplicate coinbase replaces the coin,
        // as the two historical repeats did.
        MemoryUtxoView view = new MemoryUtxoView();
        Transaction cb = TestBlocks.coinbase(5, 50 * COIN, 0);
        view.add(outpoint(cb, 0), new Coin(cb.outputs().get(0), 5, true), false);
        UtxoOverlay overlay = new UtxoOverlay(view);
        overlay.add(outpoint(cb, 0), new Coin(cb.outputs().get(0), 9, true), true);
        overlay.flush();
        assertThat(view.get(outpoint(cb, 0)).height()).isEqualTo(9);
        // A non-coinbase overwrite is a bug, not a rule: the view refuses it.
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> view.add(outpoint(cb, 0),
                new Coin(cb.outputs().get(0), 10, false), false))).isInstanceOf(IllegalStateException.class);
    }
}
