package org.minicoin.consensus.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.minicoin.consensus.validation.TestBlocks.NO_SIGNATURES;
import static org.minicoin.consensus.validation.TestBlocks.OP_TRUE;
import static org.minicoin.consensus.validation.TestBlocks.REGTEST;
import static org.minicoin.consensus.validation.TestBlocks.fakeOutPoint;
import static org.minicoin.consensus.validation.TestBlocks.outpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.minicoin.consensus.encoding.DecodeException;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.OutPoint;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxIn;
import org.minicoin.consensus.types.TxOut;
import org.minicoin.consensus.validation.TestBlocks.Lock;
import org.minicoin.consensus.validation.TestBlocks.TestChain;

/**
 * Connecting random valid blocks and disconnecting them in reverse restores the view exactly, at every step, and
 * the undo data survives its byte form. The blocks spend random coins of every lock kind: several inputs per
 * transaction, outputs spent later in the same block, matured coinbases, BIP-0068 relative locks, and OP_RETURN
 * outputs that never enter the view.
 */
class ConnectDisconnectPropertyTest {
    private static final int BLOCKS = 115;
    private static final int FUNDING_COINS = 40;

    /** A spendable output the generator knows how to unlock. */
    private record Spendable(OutPoint outpoint, Lock lock, long value, int height, boolean coinbase) {
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void connectThenDisconnectRestoresTheViewExactly(long seed) {
        Random rnd = new Random(seed);
        BlockConnector connector = new BlockConnector(REGTEST, NO_SIGNATURES);
        TestChain chain = new TestChain();
        MemoryUtxoView view = new MemoryUtxoView();
        List<Spendable> pool = new ArrayList<>();
        List<Spendable> immatureCoinbases = new ArrayList<>();
        Lock[] locks = Lock.values();
        for (int i = 0; i < FUNDING_COINS; i++) {
            Lock lock = locks[rnd.nextInt(locks.length)];
            Spendable s = new Spendable(fakeOutPoint(i), lock, 1_000_000 + rnd.nextInt(100_000_000), 1, false);
            view.add(s.outpoint(), new Coin(new TxOut(s.value(), lock.scriptPubKey()), 1, false), false);
            pool.add(s);
        }

        List<Map<OutPoint, Coin>> before = new ArrayList<>();
        List<Block> connected = new ArrayList<>();
        List<byte[]> undoBytes = new ArrayList<>();
        int sameBlockSpends = 0;
        int coinbaseSpends = 0;
        for (int b = 0; b < BLOCKS; b++) {
            int height = chain.height() + 1;
            // Coinbases become spendable 100 blocks on.
            for (var it = immatureCoinbases.iterator(); it.hasNext(); ) {
                Spendable s = it.next();
                if (height - s.height() >= ConsensusLimits.COINBASE_MATURITY) {
                    pool.add(s);
                    it.remove();
                }
            }
            List<Transaction> txs = new ArrayList<>();
            int txCount = rnd.nextInt(5);
            for (int t = 0; t < txCount && !pool.isEmpty(); t++) {
                int inputs = 1 + rnd.nextInt(Math.min(3, pool.size()));
                List<TxIn> ins = new ArrayList<>();
                long valueIn = 0;
                for (int i = 0; i < inputs; i++) {
                    Spendable s = pool.remove(rnd.nextInt(pool.size()));
                    sameBlockSpends += s.height() == height ? 1 : 0;
                    coinbaseSpends += s.coinbase() ? 1 : 0;
                    // A relative lock the coin's depth satisfies exactly or with room, or none at all.
                    long sequence = rnd.nextBoolean() ? TxIn.SEQUENCE_FINAL : rnd.nextInt(height - s.height() + 1);
                    ins.add(s.lock().unlock(s.outpoint(), sequence));
                    valueIn += s.value();
                }
                long fee = rnd.nextInt(10_000);
                int outputs = 1 + rnd.nextInt(3);
                List<TxOut> outs = new ArrayList<>();
                List<Lock> outLocks = new ArrayList<>();
                long remaining = valueIn - fee;
                for (int o = 0; o < outputs; o++) {
                    long v = o == outputs - 1 ? remaining : remaining / 2;
                    remaining -= v;
                    Lock lock = locks[rnd.nextInt(locks.length)];
                    outs.add(new TxOut(v, lock.scriptPubKey()));
                    outLocks.add(lock);
                }
                if (rnd.nextInt(4) == 0) {
                    outs.add(new TxOut(0, new byte[] {0x6a, 0x01, (byte) b}));
                    outLocks.add(null);
                }
                Transaction tx = new Transaction(2, ins, outs, 0);
                txs.add(tx);
                for (int o = 0; o < outs.size(); o++) {
                    if (outLocks.get(o) != null) {
                        pool.add(new Spendable(outpoint(tx, o), outLocks.get(o), outs.get(o).value(), height,
                                false));
                    }
                }
            }
            Block block = chain.next(txs);
            BlockContext ctx = chain.nextContext();
            BlockChecks.checkBlock(block, REGTEST);
            BlockChecks.contextualCheckBlockHeader(block.header(), ctx, REGTEST);
            BlockChecks.contextualCheckBlock(block, ctx, REGTEST);

            before.add(view.snapshot());
            BlockUndo undo = connector.connectBlock(block, ctx, view);
            byte[] bytes = undo.serialize();
            assertThat(BlockUndo.parse(bytes)).isEqualTo(undo);
            undoBytes.add(bytes);
            connected.add(block);
            chain.append(block);
            Transaction cb = block.transactions().get(0);
            immatureCoinbases.add(new Spendable(outpoint(cb, 0), Lock.BARE, cb.outputs().get(0).value(), height,
                    true));
        }
        assertThat(sameBlockSpends).as("same-block chains exercised").isPositive();
        assertThat(coinbaseSpends).as("matured coinbases spent").isPositive();

        for (int b = BLOCKS - 1; b >= 0; b--) {
            BlockUndo undo = BlockUndo.parse(undoBytes.get(b));
            assertThat(connector.disconnectBlock(connected.get(b), b + 1, undo, view)).isEqualTo(DisconnectResult.OK);
            assertThat(view.snapshot()).as("view before block %d", b + 1).isEqualTo(before.get(b));
        }
    }

    @Test
    void disconnectReportsMismatchesAsCore() {
        BlockConnector connector = new BlockConnector(REGTEST, NO_SIGNATURES);
        TestChain chain = new TestChain();
        OutPoint funding = fakeOutPoint(1);
        Coin fundingCoin = new Coin(new TxOut(5_000, OP_TRUE), 1, false);
        MemoryUtxoView view = new MemoryUtxoView();
        view.add(funding, fundingCoin, false);
        Transaction spend = TestBlocks.spendBare(4_000, funding);
        Block block = chain.next(List.of(spend));
        BlockUndo undo = connector.connectBlock(block, chain.nextContext(), view);
        Map<OutPoint, Coin> connected = view.snapshot();

        // Undo data for the wrong number of transactions or inputs: FAILED, and the view is untouched.
        assertThat(connector.disconnectBlock(block, 1, BlockUndo.EMPTY, view)).isEqualTo(DisconnectResult.FAILED);
        assertThat(connector.disconnectBlock(block, 1, new BlockUndo(List.of(new TxUndo(List.of()))), view))
                .isEqualTo(DisconnectResult.FAILED);
        assertThat(view.snapshot()).isEqualTo(connected);

        // An output already gone: rolled back, but UNCLEAN.
        MemoryUtxoView missingOutput = new MemoryUtxoView(connected);
        missingOutput.spend(outpoint(spend, 0));
        assertThat(connector.disconnectBlock(block, 1, undo, missingOutput)).isEqualTo(DisconnectResult.UNCLEAN);
        assertThat(missingOutput.get(funding)).isEqualTo(fundingCoin);

        // The wrong height for the block's outputs: UNCLEAN.
        assertThat(connector.disconnectBlock(block, 2, undo, new MemoryUtxoView(connected)))
                .isEqualTo(DisconnectResult.UNCLEAN);

        // A coin to restore is already there: UNCLEAN, and the undo's coin wins.
        MemoryUtxoView alreadyThere = new MemoryUtxoView(connected);
        alreadyThere.add(funding, new Coin(new TxOut(1, OP_TRUE), 7, false), false);
        assertThat(connector.disconnectBlock(block, 1, undo, alreadyThere)).isEqualTo(DisconnectResult.UNCLEAN);
        assertThat(alreadyThere.get(funding)).isEqualTo(fundingCoin);

        assertThat(connector.disconnectBlock(block, 1, undo, view)).isEqualTo(DisconnectResult.OK);
        assertThat(view.snapshot()).isEqualTo(Map.of(funding, fundingCoin));
    }

    @Test
    void undoBytesAreCheckedBeforeAllocating() {
        BlockUndo undo = new BlockUndo(List.of(new TxUndo(List.of(
                new Coin(new TxOut(1, OP_TRUE), 0x7fffffff, true),
                new Coin(new TxOut(-5, new byte[0]), 0, false))), new TxUndo(List.of())));
        assertThat(BlockUndo.parse(undo.serialize())).isEqualTo(undo);
        // A claimed 2^25 transactions in five bytes, a truncated coin, trailing bytes.
        assertThat(catchThrowable(() -> BlockUndo.parse(new byte[] {(byte) 0xfe, 0, 0, 0, 2})))
                .isInstanceOf(DecodeException.class);
        byte[] bytes = undo.serialize();
        assertThat(catchThrowable(() -> BlockUndo.parse(java.util.Arrays.copyOf(bytes, bytes.length - 2))))
                .isInstanceOf(DecodeException.class);
        assertThat(catchThrowable(() -> BlockUndo.parse(java.util.Arrays.copyOf(bytes, bytes.length + 1))))
                .isInstanceOf(DecodeException.class);
    }
}
