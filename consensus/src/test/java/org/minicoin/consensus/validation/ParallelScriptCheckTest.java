package org.minicoin.consensus.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minicoin.consensus.validation.TestBlocks.NO_SIGNATURES;
import static org.minicoin.consensus.validation.TestBlocks.OP_TRUE;
import static org.minicoin.consensus.validation.TestBlocks.REGTEST;
import static org.minicoin.consensus.validation.TestBlocks.fakeOutPoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.minicoin.consensus.script.Opcodes;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.OutPoint;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxIn;
import org.minicoin.consensus.types.TxOut;
import org.minicoin.consensus.validation.TestBlocks.TestChain;

/**
 * Script checks on an executor reach exactly the serial verdict: with several bad inputs, the first in block
 * order is reported, whichever thread finds which failure first.
 */
class ParallelScriptCheckTest {
    private static final int TXS = 60;
    private static final int INPUTS_PER_TX = 3;
    /** scriptSigs that make an OP_TRUE output fail, each with its own error, so the verdict names the input. */
    private static final byte[][] BAD_SCRIPT_SIGS = {
        {(byte) Opcodes.OP_RETURN},
        {0x00, (byte) Opcodes.OP_VERIFY},
        {0x51, 0x52, (byte) Opcodes.OP_EQUALVERIFY},
        {(byte) Opcodes.OP_CAT},
        {(byte) Opcodes.OP_DROP},
    };

    private static ExecutorService pool;

    @BeforeAll
    static void startPool() {
        pool = Executors.newFixedThreadPool(4);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    private static OutPoint coinOf(int tx, int input) {
        return fakeOutPoint(tx * INPUTS_PER_TX + input + 1);
    }

    private static MemoryUtxoView view() {
        MemoryUtxoView v = new MemoryUtxoView();
        for (int t = 0; t < TXS; t++) {
            for (int i = 0; i < INPUTS_PER_TX; i++) {
                v.add(coinOf(t, i), new Coin(new TxOut(1_000, OP_TRUE), 1, false), false);
            }
        }
        return v;
    }

    /** A block of {@link #TXS} transactions whose inputs at the given global positions have bad scriptSigs. */
    private static Block block(TestChain chain, Map<Integer, byte[]> badInputs) {
        List<Transaction> txs = new ArrayList<>();
        for (int t = 0; t < TXS; t++) {
            List<TxIn> ins = new ArrayList<>();
            for (int i = 0; i < INPUTS_PER_TX; i++) {
                byte[] scriptSig = badInputs.getOrDefault(t * INPUTS_PER_TX + i, new byte[0]);
                ins.add(new TxIn(coinOf(t, i), scriptSig, TxIn.SEQUENCE_FINAL));
            }
            txs.add(TestBlocks.tx(ins, List.of(new TxOut(2_000, OP_TRUE))));
        }
        return chain.next(txs);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void parallelAndSerialReportTheSameFirstFailingInput(long seed) {
        Random rnd = new Random(seed);
        Map<Integer, byte[]> bad = new java.util.HashMap<>();
        int failures = 2 + rnd.nextInt(6);
        while (bad.size() < failures) {
            bad.put(rnd.nextInt(TXS * INPUTS_PER_TX), BAD_SCRIPT_SIGS[rnd.nextInt(BAD_SCRIPT_SIGS.length)]);
        }
        int first = new TreeSet<>(bad.keySet()).first();
        TestChain chain = new TestChain();
        Block block = block(chain, bad);
        BlockContext ctx = chain.nextContext();

        RejectReason serial = verdict(block, ctx, null);
        Transaction failingTx = block.transactions().get(1 + first / INPUTS_PER_TX);
        assertThat(serial.message()).startsWith("input " + first % INPUTS_PER_TX + " of " + failingTx.txid());

        Executor direct = Runnable::run;
        Executor rejecting = r -> {
            throw new RejectedExecutionException("saturated");
        };
        Executor neverRuns = r -> { };
        for (Executor executor : List.of(pool, ForkJoinPool.commonPool(), direct, rejecting, neverRuns)) {
            for (int run = 0; run < 5; run++) {
                assertThat(verdict(block, ctx, executor)).isEqualTo(serial);
            }
        }
    }

    @Test
    void aValidBlockPassesOnTheExecutor() {
        TestChain chain = new TestChain();
        Block block = block(chain, Map.of());
        MemoryUtxoView view = view();
        BlockUndo undo = new BlockConnector(REGTEST, NO_SIGNATURES, pool).connectBlock(block, chain.nextContext(),
                view);
        assertThat(undo.txUndos()).hasSize(TXS);
        assertThat(view.size()).isEqualTo(TXS + 1);
    }

    @Test
    void anExceptionInACheckReachesTheCallerNotAVerdict() {
        // A P2PK-style output: the verifier is reached, and it fails with a bug rather than an answer.
        byte[] pubKey = new byte[33];
        pubKey[0] = 0x02;
        byte[] spk = TestBlocks.concat(org.minicoin.consensus.script.Scripts.push(pubKey),
                new byte[] {(byte) Opcodes.OP_CHECKSIG});
        byte[] sig = {0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01, 0x01};
        MemoryUtxoView view = view();
        OutPoint p2pk = fakeOutPoint(10_000);
        view.add(p2pk, new Coin(new TxOut(1_000, spk), 1, false), false);
        TestChain chain = new TestChain();
        Block block = chain.next(List.of(TestBlocks.tx(List.of(new TxIn(p2pk,
                org.minicoin.consensus.script.Scripts.push(sig), TxIn.SEQUENCE_FINAL)),
                List.of(new TxOut(1, OP_TRUE)))));
        BlockConnector connector = new BlockConnector(REGTEST, (k, s, h) -> {
            throw new IllegalStateException("verifier bug");
        }, pool);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> connector.connectBlock(block,
                chain.nextContext(), view))).isInstanceOf(IllegalStateException.class).hasMessage("verifier bug");
    }

    private static RejectReason verdict(Block block, BlockContext ctx, Executor executor) {
        MemoryUtxoView view = view();
        Map<OutPoint, Coin> before = view.snapshot();
        BlockConnector connector = new BlockConnector(REGTEST, NO_SIGNATURES, executor);
        ValidationException e = org.assertj.core.api.Assertions.catchThrowableOfType(ValidationException.class,
                () -> connector.connectBlock(block, ctx, view));
        assertThat(e).isNotNull();
        assertThat(e.code()).startsWith("mandatory-script-verify-flag-failed (");
        assertThat(view.snapshot()).isEqualTo(before);
        return e.reason();
    }
}
