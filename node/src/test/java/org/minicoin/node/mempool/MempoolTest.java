package org.minicoin.node.mempool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minicoin.consensus.testing.Verifiers;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxIn;
import org.minicoin.consensus.types.TxOut;
import org.minicoin.consensus.types.Witness;
import org.minicoin.consensus.validation.ValidationException;
import org.minicoin.node.fees.FeeEstimator;
import org.minicoin.node.policy.FeeRate;
import org.minicoin.node.testing.RegtestChain;
import org.minicoin.node.testing.RegtestChain.Utxo;

/**
 * The mempool over a real regtest chain on RocksDB: acceptance, each reject reason and limit, orphans, eviction
 * under the size cap, expiry, block and reorg handling, and persistence.
 */
class MempoolTest {
    @TempDir
    Path dir;

    private RegtestChain rt;
    private Mempool pool;
    /** Mature coinbase outputs (50 coins each) to spend, oldest first. */
    private final List<Utxo> coins = new ArrayList<>();

    @BeforeEach
    void setUp() {
        rt = new RegtestChain(dir.resolve("chain"));
        coins.addAll(rt.mineEmpty(120).subList(0, 20)); // heights 1..20 are mature at height 121
        pool = newPool(Mempool.Options.defaults());
    }

    @AfterEach
    void tearDown() {
        rt.close();
    }

    private Mempool newPool(Mempool.Options options) {
        return new Mempool(rt.chain, Verifiers.standard(), options, new FeeEstimator(), new Random(7));
    }

    private Utxo coin() {
        return coins.remove(0);
    }

    /** Spends {@code in} to one P2WPKH output, paying {@code fee}. */
    private static Transaction pay(Utxo in, long fee) {
        return RegtestChain.spend(List.of(in), List.of(new TxOut(in.output().value() - fee, RegtestChain.p2wpkh())));
    }

    private void assertRejected(Transaction tx, String reason) {
        assertThatThrownBy(() -> pool.accept(tx)).isInstanceOf(ValidationException.class)
                .extracting(e -> ((ValidationException) e).code()).isEqualTo(reason);
        assertThat(pool.contains(tx.txid())).isFalse();
    }

    @Test
    void acceptsAStandardSpendAndDropsItWhenMined() {
        Transaction tx = pay(coin(), 10_000);
        MempoolEntry e = pool.accept(tx);
        assertThat(e.fee()).isEqualTo(10_000);
        assertThat(e.vsize()).isEqualTo(tx.vsize());
        assertThat(pool.size()).isEqualTo(1);
        assertThat(pool.totalVsize()).isEqualTo(tx.vsize());
        assertThat(pool.totalFee()).isEqualTo(10_000);

        rt.mine(List.of(tx), 10_000);
        assertThat(pool.size()).isZero();
        assertThat(pool.totalVsize()).isZero();
        assertThat(pool.usage()).isZero();
    }

    @Test
    void rejectsWithCoresReasons() {
        Utxo c = coin();
        // Immature coinbase: the newest block's.
        Utxo young = rt.mineEmpty(1).get(0);
        assertRejected(pay(young, 1000), "bad-txns-premature-spend-of-coinbase");
        // Fee below 1 sat/vB, and none at all.
        assertRejected(pay(c, 50), "min relay fee not met");
        assertRejected(pay(c, 0), "min relay fee not met");
        // Output below the dust threshold (294 sat for P2WPKH).
        assertRejected(RegtestChain.spend(List.of(c), List.of(
                new TxOut(c.output().value() - 10_000, RegtestChain.p2wpkh()),
                new TxOut(293, RegtestChain.p2wpkh()))), "dust");
        // A bare OP_TRUE output is not a standard script.
        assertRejected(RegtestChain.spend(List.of(c), List.of(new TxOut(c.output().value() - 10_000,
                new byte[] {0x51}))), "scriptpubkey");
        // Two OP_RETURN outputs.
        byte[] opReturn = {0x6a, 0x01, 0x01};
        assertRejected(RegtestChain.spend(List.of(c), List.of(new TxOut(c.output().value() - 10_000,
                RegtestChain.p2wpkh()), new TxOut(0, opReturn), new TxOut(0, opReturn))), "multi-op-return");
        // More than it has.
        assertRejected(pay(c, -1), "bad-txns-in-belowout");
        // A lock time at a future height.
        int next = rt.next().height();
        assertRejected(RegtestChain.spend(List.of(c), List.of(new TxOut(c.output().value() - 10_000,
                RegtestChain.p2wpkh())), 2, next + 5, TxIn.SEQUENCE_FINAL - 1), "non-final");
        // A BIP-0068 relative lock of 200 blocks on a coin 100-odd blocks deep.
        assertRejected(RegtestChain.spend(List.of(c), List.of(new TxOut(c.output().value() - 10_000,
                RegtestChain.p2wpkh())), 2, 0, 200), "non-BIP68-final");
        // A signature over something else.
        Transaction good = pay(c, 10_000);
        Transaction forged = new Transaction(good.version(), List.of(good.inputs().get(0).withWitness(
                Witness.of(flipLastBeforeHashType(good.inputs().get(0).witness().get(0)),
                        good.inputs().get(0).witness().get(1)))), good.outputs(), good.lockTime());
        assertThatThrownBy(() -> pool.accept(forged)).isInstanceOf(ValidationException.class)
                .extracting(e -> ((ValidationException) e).code()).asString()
                .startsWith("mandatory-script-verify-flag-failed");
        // Unknown input.
        Utxo ghost = new Utxo(new org.minicoin.consensus.types.OutPoint(Hash.fromHex(
                "11".repeat(32)), 0), c.output());
        assertRejected(pay(ghost, 1000), "bad-txns-inputs-missingorspent");
        // A coinbase.
        assertRejected(rt.chain.readBlock(rt.chain.tip().hash()).transactions().get(0), "coinbase");

        // After all that, the honest spend still goes in; then the same again, and a double spend.
        pool.accept(good);
        assertThatThrownBy(() -> pool.accept(good)).extracting(e -> ((ValidationException) e).code())
                .isEqualTo("txn-already-in-mempool");
        assertRejected(pay(c, 20_000), "txn-mempool-conflict");
        assertThat(pool.size()).isEqualTo(1);
    }

    private static byte[] flipLastBeforeHashType(byte[] sig) {
        byte[] s = sig.clone();
        s[s.length - 2] ^= 1;
        return s;
    }

    @Test
    void rejectsATransactionOverTheStandardWeight() {
        Utxo c = coin();
        List<TxOut> outs = new ArrayList<>();
        for (int i = 0; i < 3300; i++) {
            outs.add(new TxOut(10_000, RegtestChain.p2wpkh())); // 31 bytes each: over 100 kB, 400,000 WU
        }
        Transaction big = RegtestChain.spend(List.of(c), outs);
        assertThat(big.weight()).isGreaterThan(400_000);
        assertRejected(big, "tx-size");
    }

    @Test
    void rejectsAnAlreadyConfirmedTransaction() {
        Transaction tx = pay(coin(), 10_000);
        rt.mine(List.of(tx), 10_000);
        assertRejected(tx, "txn-already-known");
    }

    @Test
    void limitsUnconfirmedChainsTo25() {
        Utxo c = coin();
        Transaction prev = null;
        for (int i = 0; i < 25; i++) {
            Utxo in = prev == null ? c : RegtestChain.utxo(prev, 0);
            prev = pay(in, 1000);
            pool.accept(prev);
        }
        Transaction tooDeep = pay(RegtestChain.utxo(prev, 0), 1000);
        assertThatThrownBy(() -> pool.accept(tooDeep)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("too many unconfirmed ancestors [limit: 25]")
                .extracting(e -> ((ValidationException) e).code()).isEqualTo("too-long-mempool-chain");
        MempoolEntry last = pool.entry(prev.txid());
        assertThat(pool.withAncestors(last).count()).isEqualTo(25);
        assertThat(pool.withAncestors(last).fees()).isEqualTo(25_000);
    }

    @Test
    void limitsDescendantsOfOneTransactionTo25() {
        Utxo c = coin();
        List<TxOut> outs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            outs.add(new TxOut(1_000_000, RegtestChain.p2wpkh()));
        }
        Transaction fan = RegtestChain.spend(List.of(c), outs);
        pool.accept(fan);
        for (int i = 0; i < 24; i++) {
            pool.accept(pay(RegtestChain.utxo(fan, i), 1000));
        }
        assertThatThrownBy(() -> pool.accept(pay(RegtestChain.utxo(fan, 24), 1000)))
                .hasMessageContaining("too many descendants for tx " + fan.txid() + " [limit: 25]");
        assertThat(pool.descendants(pool.entry(fan.txid()))).hasSize(24);
    }

    @Test
    void keepsOrphansUntilTheirParentArrives() {
        Transaction parent = pay(coin(), 10_000);
        Transaction child = pay(RegtestChain.utxo(parent, 0), 10_000);
        Transaction grandchild = pay(RegtestChain.utxo(child, 0), 10_000);

        assertThat(pool.receive(grandchild, 1).orphaned()).isTrue();
        assertThat(pool.receive(child, 2).orphaned()).isTrue();
        assertThat(pool.orphanCount()).isEqualTo(2);
        assertThat(pool.size()).isZero();

        Mempool.Received r = pool.receive(parent, 3);
        assertThat(r.accepted()).extracting(MempoolEntry::txid)
                .containsExactly(parent.txid(), child.txid(), grandchild.txid());
        assertThat(pool.orphanCount()).isZero();
        assertThat(pool.size()).isEqualTo(3);
    }

    @Test
    void boundsTheOrphanPool() {
        Utxo c = coin();
        for (int i = 0; i < OrphanPool.MAX_ORPHANS + 20; i++) {
            Utxo missing = new Utxo(new org.minicoin.consensus.types.OutPoint(
                    Hash.wrap(org.minicoin.consensus.crypto.Hashes.sha256(new byte[] {(byte) i, 1})), 0), c.output());
            pool.receive(pay(missing, 1000), i);
        }
        assertThat(pool.orphanCount()).isEqualTo(OrphanPool.MAX_ORPHANS);
    }

    @Test
    void evictsTheLowestFeeRatePackagesUnderTheSizeCapAndRaisesTheMinimumFee() {
        List<Transaction> txs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            txs.add(pay(coin(), 1000L * (i + 1) * 10)); // fee rates rising with i
        }
        long oneEntry = MempoolEntry.estimateUsage(txs.get(0));
        // Room for five entries.
        pool = newPool(Mempool.Options.defaults().withMaxBytes(oneEntry * 5 + oneEntry / 2));
        for (int i = 0; i < 5; i++) {
            pool.accept(txs.get(i));
        }
        assertThat(pool.minFee().satPerKvB()).isZero();
        // A sixth with a higher fee rate pushes out the cheapest.
        pool.accept(txs.get(5));
        assertThat(pool.size()).isEqualTo(5);
        assertThat(pool.contains(txs.get(0).txid())).isFalse();
        assertThat(pool.contains(txs.get(5).txid())).isTrue();
        // The minimum fee is now above the evicted package's rate.
        long evictedRate = 10_000L * 1000 / txs.get(0).vsize();
        assertThat(pool.minFee().satPerKvB()).isGreaterThan(evictedRate);

        // One cheaper than the new minimum is turned away without disturbing the pool.
        Transaction cheap = pay(coin(), 1500);
        assertThatThrownBy(() -> pool.accept(cheap)).extracting(e -> ((ValidationException) e).code())
                .isEqualTo("mempool min fee not met");
        assertThat(pool.size()).isEqualTo(5);
    }

    @Test
    void aTransactionThatWouldBeEvictedAtOnceIsRejectedAsMempoolFull() {
        Transaction rich = pay(coin(), 50_000);
        pool = newPool(Mempool.Options.defaults().withMaxBytes(MempoolEntry.estimateUsage(rich) + 10));
        pool.accept(rich);
        assertRejected(pay(coin(), 20_000), "mempool full");
        assertThat(pool.contains(rich.txid())).isTrue();
    }

    @Test
    void aChildPayingForItsParentProtectsItFromEviction() {
        Transaction poorParent = pay(coin(), 200);
        Transaction richChild = pay(RegtestChain.utxo(poorParent, 0), 60_000);
        Transaction middling = pay(coin(), 5_000);
        long usage = MempoolEntry.estimateUsage(poorParent) + MempoolEntry.estimateUsage(richChild)
                + MempoolEntry.estimateUsage(middling);
        pool = newPool(Mempool.Options.defaults().withMaxBytes(usage - 10));
        pool.accept(poorParent);
        pool.accept(richChild);
        // Over the cap: the parent's package (with its child) scores higher than this one, so this one goes.
        assertRejected(middling, "mempool full");
        assertThat(pool.contains(poorParent.txid())).isTrue();
        assertThat(pool.contains(richChild.txid())).isTrue();
    }

    @Test
    void expiresTransactionsAfter336Hours() {
        Transaction old = pay(coin(), 10_000);
        pool.accept(old);
        rt.clock.addAndGet(336 * 3600 + 1);
        Transaction fresh = pay(coin(), 10_000);
        pool.accept(fresh); // each acceptance expires what is too old
        assertThat(pool.contains(old.txid())).isFalse();
        assertThat(pool.contains(fresh.txid())).isTrue();
    }

    @Test
    void aBlockRemovesConflictsAndTheirDescendants() {
        Utxo c = coin();
        Transaction inPool = pay(c, 10_000);
        Transaction child = pay(RegtestChain.utxo(inPool, 0), 10_000);
        pool.accept(inPool);
        pool.accept(child);
        Transaction minedInstead = pay(c, 30_000);
        rt.mine(List.of(minedInstead), 30_000);
        assertThat(pool.size()).isZero();
    }

    @Test
    void aReorgReturnsTransactionsOfDisconnectedBlocks() {
        Utxo a = coin();
        Utxo b = coin();
        Transaction tx1 = pay(a, 10_000);
        Transaction tx2 = pay(b, 10_000);
        Transaction spendsTx1 = pay(RegtestChain.utxo(tx1, 0), 10_000);
        pool.accept(tx1);
        pool.accept(tx2);
        Block forkPoint = rt.chain.readBlock(rt.chain.tip().hash());
        int forkHeight = rt.chain.height();
        rt.mine(List.of(tx1, tx2), 20_000);
        pool.accept(spendsTx1); // its parent is confirmed now
        assertThat(pool.size()).isEqualTo(1);

        // A heavier branch from the fork point confirms a conflicting spend of b, and not tx1.
        Transaction conflictB = pay(b, 40_000);
        Block s1 = rt.build(forkPoint.hash(), forkHeight + 1, forkPoint.header().time(), List.of(conflictB), 40_000);
        Block s2 = rt.build(s1.hash(), forkHeight + 2, s1.header().time(), List.of(), 0);
        rt.chain.processBlock(s1);
        rt.chain.processBlock(s2);
        assertThat(rt.chain.tip().hash()).isEqualTo(s2.hash());

        assertThat(pool.contains(tx1.txid())).as("returned from the disconnected block").isTrue();
        assertThat(pool.contains(tx2.txid())).as("conflicts with the new chain").isFalse();
        assertThat(pool.contains(spendsTx1.txid())).as("kept, now below its returned parent").isTrue();
        MempoolEntry child = pool.entry(spendsTx1.txid());
        assertThat(pool.ancestors(child)).extracting(MempoolEntry::txid).containsExactly(tx1.txid());
    }

    @Test
    void savedTransactionsComeBackAfterARestart() throws Exception {
        Transaction t1 = pay(coin(), 10_000);
        Transaction t2 = pay(RegtestChain.utxo(t1, 0), 10_000);
        Transaction t3 = pay(coin(), 12_345);
        pool.accept(t1);
        pool.accept(t2);
        pool.accept(t3);
        pool.addUnbroadcast(t3.txid()); // submitted here, not yet asked for by any peer
        long t1Time = pool.entry(t1.txid()).time();
        Path file = dir.resolve("mempool.dat");
        pool.save(file);

        rt.close();
        rt = new RegtestChain(dir.resolve("chain"));
        Mempool reloaded = newPool(Mempool.Options.defaults());
        Mempool.LoadResult r = reloaded.load(file);
        assertThat(r.accepted()).isEqualTo(3);
        assertThat(reloaded.entries()).extracting(MempoolEntry::txid)
                .containsExactlyInAnyOrder(t1.txid(), t2.txid(), t3.txid());
        assertThat(reloaded.entry(t1.txid()).time()).isEqualTo(t1Time);
        assertThat(reloaded.entry(t3.txid()).fee()).isEqualTo(12_345);
        assertThat(reloaded.unbroadcast()).containsExactly(t3.txid()); // Core keeps the set in mempool.dat
    }

    @Test
    void aDamagedMempoolFileIsAClearError() throws Exception {
        pool.accept(pay(coin(), 10_000));
        Path file = dir.resolve("mempool.dat");
        pool.save(file);
        byte[] bytes = java.nio.file.Files.readAllBytes(file);
        java.nio.file.Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 5));
        assertThatThrownBy(() -> newPool(Mempool.Options.defaults()).load(file))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("damaged mempool file");
    }

    @Test
    void theMinimumRelayFeeIsAnOption() {
        pool = newPool(Mempool.Options.defaults().withMinRelayFee(new FeeRate(5000)));
        Transaction tx = pay(coin(), 3 * 110); // about 3 sat/vB
        assertRejected(tx, "min relay fee not met");
    }
}
