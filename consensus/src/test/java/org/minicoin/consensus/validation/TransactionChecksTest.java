package org.minicoin.consensus.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.minicoin.consensus.validation.TestBlocks.OP_TRUE;
import static org.minicoin.consensus.validation.TestBlocks.fakeOutPoint;
import static org.minicoin.consensus.validation.TestBlocks.rejects;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.minicoin.consensus.testing.TestData;
import org.minicoin.consensus.types.Amount;
import org.minicoin.consensus.types.OutPoint;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxIn;
import org.minicoin.consensus.types.TxOut;

/** Core's CheckTransaction, IsFinalTx and CheckTxInputs, each rule broken once on an otherwise valid transaction. */
class TransactionChecksTest {
    /** Mainnet block 170's second transaction: Satoshi's 10 BTC to Hal Finney, the first real spend. */
    private static final Transaction SPEND = TestData.mainnet().get(170).transactions().get(1);
    /** Mainnet block 1's coinbase. */
    private static final Transaction COINBASE = TestData.mainnet().get(1).transactions().get(0);

    static Stream<Arguments> contextFreeRules() {
        return Stream.of(
                rule("bad-txns-vin-empty", SPEND, tx -> with(tx, List.of(), tx.outputs())),
                rule("bad-txns-vout-empty", SPEND, tx -> with(tx, tx.inputs(), List.of())),
                rule("bad-txns-oversize", SPEND, tx -> with(tx, tx.inputs(),
                        List.of(new TxOut(1, new byte[1_000_000])))),
                rule("bad-txns-vout-negative", SPEND, tx -> withOutput(tx, 0, -1)),
                rule("bad-txns-vout-toolarge", SPEND, tx -> withOutput(tx, 0, Amount.MAX_MONEY + 1)),
                rule("bad-txns-txouttotal-toolarge", SPEND, tx -> withOutput(withOutput(tx, 0, Amount.MAX_MONEY),
                        1, 1)),
                rule("bad-txns-inputs-duplicate", SPEND, tx -> with(tx,
                        List.of(tx.inputs().get(0), tx.inputs().get(0)), tx.outputs())),
                rule("bad-cb-length", COINBASE, tx -> withScriptSig(tx, new byte[1])),
                rule("bad-cb-length", COINBASE, tx -> withScriptSig(tx, new byte[101])),
                rule("bad-txns-prevout-null", SPEND, tx -> with(tx,
                        List.of(tx.inputs().get(0), new TxIn(OutPoint.NULL, new byte[0], TxIn.SEQUENCE_FINAL)),
                        tx.outputs())));
    }

    private static Arguments rule(String code, Transaction valid, UnaryOperator<Transaction> breakIt) {
        return Arguments.of(code, valid, breakIt);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contextFreeRules")
    void checkTransactionRejectsEachBrokenRule(String code, Transaction valid, UnaryOperator<Transaction> breakIt) {
        assertThatCode(() -> TransactionChecks.checkTransaction(valid)).doesNotThrowAnyException();
        ValidationException e = rejects(() -> TransactionChecks.checkTransaction(breakIt.apply(valid)), code);
        assertThat(e.result()).isEqualTo(TxValidationResult.CONSENSUS);
        assertThat(e.reason().penalizesSender()).isFalse();
    }

    @Test
    void boundaryValuesPass() {
        // Exactly MAX_MONEY in one output, and coinbase scriptSigs of exactly 2 and 100 bytes, are valid.
        assertThat(SPEND.outputs()).hasSize(2);
        assertThatCode(() -> TransactionChecks.checkTransaction(withOutput(withOutput(SPEND, 0, Amount.MAX_MONEY),
                1, 0))).doesNotThrowAnyException();
        assertThatCode(() -> TransactionChecks.checkTransaction(withScriptSig(COINBASE, new byte[2])))
                .doesNotThrowAnyException();
        assertThatCode(() -> TransactionChecks.checkTransaction(withScriptSig(COINBASE, new byte[100])))
                .doesNotThrowAnyException();
        // 999,999 bytes of outputs still weigh under 4,000,000 counted without witness.
        Transaction big = with(SPEND, SPEND.inputs(), List.of(new TxOut(1, new byte[999_800])));
        assertThat(big.baseSize()).isLessThanOrEqualTo(1_000_000);
        assertThatCode(() -> TransactionChecks.checkTransaction(big)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "lockTime {0}, height {1}, time {2}, sequence {3} -> final {4}")
    @CsvSource(textBlock = """
            # lockTime,   block height, cutoff time, input sequence, final
            0,            1,            0,           0,              true
            99,           100,          0,           0,              true
            100,          100,          0,           0,              false
            100,          100,          0,           4294967295,     true
            100,          100,          0,           4294967294,     false
            499999999,    500000000,    0,           0,              true
            500000000,    1000,         500000001,   0,              true
            500000001,    1000,         500000001,   0,              false
            500000001,    1000,         500000001,   4294967295,     true
            """)
    void isFinalFollowsCore(long lockTime, int height, long time, long sequence, boolean expected) {
        Transaction tx = new Transaction(1, List.of(new TxIn(fakeOutPoint(1), new byte[0], sequence)),
                List.of(new TxOut(1, OP_TRUE)), lockTime);
        assertThat(TransactionChecks.isFinal(tx, height, time)).isEqualTo(expected);
    }

    // ---- CheckTxInputs ----

    private static final OutPoint A = fakeOutPoint(1);
    private static final OutPoint B = fakeOutPoint(2);

    private static MemoryUtxoView view(Coin a, Coin b) {
        MemoryUtxoView v = new MemoryUtxoView();
        v.add(A, a, false);
        v.add(B, b, false);
        return v;
    }

    private static Coin coin(long value, int height, boolean coinbase) {
        return new Coin(new TxOut(value, OP_TRUE), height, coinbase);
    }

    static Stream<Arguments> inputRules() {
        Transaction spendAB = TestBlocks.spendBare(150, A, B);
        Transaction spendAC = TestBlocks.spendBare(50, A, fakeOutPoint(3));
        return Stream.of(
                Arguments.of("bad-txns-inputs-missingorspent", TxValidationResult.MISSING_INPUTS, spendAC,
                        coin(100, 1, false), coin(100, 1, false), 500),
                Arguments.of("bad-txns-premature-spend-of-coinbase", TxValidationResult.PREMATURE_SPEND, spendAB,
                        coin(100, 1, false), coin(100, 401, true), 500),
                Arguments.of("bad-txns-inputvalues-outofrange", TxValidationResult.CONSENSUS, spendAB,
                        coin(Amount.MAX_MONEY + 1, 1, false), coin(100, 1, false), 500),
                Arguments.of("bad-txns-inputvalues-outofrange", TxValidationResult.CONSENSUS, spendAB,
                        coin(-1, 1, false), coin(100, 1, false), 500),
                Arguments.of("bad-txns-inputvalues-outofrange", TxValidationResult.CONSENSUS, spendAB,
                        coin(Amount.MAX_MONEY, 1, false), coin(1, 1, false), 500),
                Arguments.of("bad-txns-in-belowout", TxValidationResult.CONSENSUS, spendAB,
                        coin(100, 1, false), coin(49, 1, false), 500));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputRules")
    void checkTxInputsRejectsEachBrokenRule(String code, TxValidationResult kind, Transaction tx, Coin a, Coin b,
                                            int spendHeight) {
        ValidationException e = rejects(() -> TransactionChecks.checkTxInputs(tx, view(a, b), spendHeight), code);
        assertThat(e.result()).isEqualTo(kind);
    }

    @Test
    void checkTxInputsReturnsTheFeeAndAllowsAMatureCoinbase() {
        Transaction spendAB = TestBlocks.spendBare(150, A, B);
        // Depth exactly 100: the coinbase at 400 is spendable in block 500.
        assertThat(TransactionChecks.checkTxInputs(spendAB, view(coin(100, 1, false), coin(70, 400, true)), 500))
                .isEqualTo(20);
        assertThat(TransactionChecks.checkTxInputs(spendAB, view(coin(100, 1, false), coin(50, 1, false)), 2))
                .isZero();
    }

    @Test
    void belowOutMessageFormatsAmountsAsCore() {
        Transaction spendAB = TestBlocks.spendBare(150_000_000, A, B);
        ValidationException e = rejects(() -> TransactionChecks.checkTxInputs(spendAB,
                view(coin(50_000_000, 1, false), coin(0, 1, false)), 10), "bad-txns-in-belowout");
        assertThat(e.reason().message()).isEqualTo("value in (0.50) < value out (1.50)");
        assertThat(TransactionChecks.coins(1)).isEqualTo("0.00000001");
        assertThat(TransactionChecks.coins(5_000_000_000L)).isEqualTo("50.00");
        assertThat(TransactionChecks.coins(1_234_500_000L)).isEqualTo("12.345");
    }

    @Test
    void legacySigOpsCountOutputsAndScriptSigsInaccurately() {
        // Block 170's spend: a scriptSig with one push, two P2PK outputs of one CHECKSIG each.
        assertThat(TransactionChecks.legacySigOpCount(SPEND)).isEqualTo(2);
        Transaction multisig = with(SPEND, SPEND.inputs(),
                List.of(new TxOut(1, new byte[] {0x52, (byte) 0xae})));
        // OP_2 OP_CHECKMULTISIG counts 20 when inaccurate.
        assertThat(TransactionChecks.legacySigOpCount(multisig)).isEqualTo(20);
    }

    // ---- helpers ----

    private static Transaction with(Transaction tx, List<TxIn> inputs, List<TxOut> outputs) {
        return new Transaction(tx.version(), inputs, outputs, tx.lockTime());
    }

    private static Transaction withOutput(Transaction tx, int index, long value) {
        List<TxOut> outs = new ArrayList<>(tx.outputs());
        outs.set(index, new TxOut(value, outs.get(index).scriptPubKey()));
        return with(tx, tx.inputs(), outs);
    }

    private static Transaction withScriptSig(Transaction tx, byte[] scriptSig) {
        return with(tx, List.of(tx.inputs().get(0).withScriptSig(scriptSig)), tx.outputs());
    }
}
