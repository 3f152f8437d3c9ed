package org.minicoin.node.daemon;

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
import org.minicoin.consensus.types.TxOut;
import org.minicoin.consensus.validation.Subsidy;
import org.minicoin.consensus.validation.ValidationException;
import org.minicoin.node.fees.FeeEstimator;
import org.minicoin.node.mempool.Mempool;
import org.minicoin.node.mining.BlockTemplate;
import org.minicoin.node.testing.RegtestChain;
import org.minicoin.node.testing.RegtestChain.Utxo;

/** The mining operations over a real chain and mempool: templates by fee rate, generate, generateblock, submitblock. */
class MiningTest {
    @TempDir
    Path dir;

    private RegtestChain rt;
    private Mempool mempool;
    private Mining mining;
    private final List<Utxo> coins = new ArrayList<>();

    @BeforeEach
    void setUp() {
        rt = new RegtestChain(dir);
        coins.addAll(rt.mineEmpty(110).subList(0, 10));
        mempool = new Mempool(rt.chain, Verifiers.standard(), Mempool.Options.defaults(), new FeeEstimator(),
                new Random(3));
        mining = new Mining(rt.chain, mempool, rt.clock::get);
    }

    @AfterEach
    void tearDown() {
        mining.close();
        rt.close();
    }

    private static Transaction pay(Utxo in, long fee) {
        return RegtestChain.spend(List.of(in), List.of(new TxOut(in.output().value() - fee, RegtestChain.p2wpkh())));
    }

    @Test
    void theTemplateTakesTransactionsByAncestorFeeRateAndTheMinedBlockEmptiesTheMempool() {
        Transaction low = pay(coins.get(0), 1_000);
        Transaction high = pay(coins.get(1), 50_000);
        Transaction poorParent = pay(coins.get(2), 500);
        Transaction richChild = pay(RegtestChain.utxo(poorParent, 0), 120_000); // pays for its parent too
        Transaction medium = pay(coins.get(3), 20_000);
        for (Transaction tx : List.of(low, high, poorParent, richChild, medium)) {
            mempool.accept(tx);
        }
        BlockTemplate t = mining.template(RegtestChain.p2wpkh());
        List<Hash> order = t.block().transactions().stream().skip(1).map(Transaction::txid).toList();
        // The parent-child package (120,500 sat over twice the size) beats the 50,000-sat one on fee rate.
        assertThat(order).containsExactly(poorParent.txid(), richChild.txid(), high.txid(), medium.txid(),
                low.txid());
        long fees = 1_000 + 50_000 + 500 + 120_000 + 20_000;
        assertThat(t.totalFees()).isEqualTo(fees);
        assertThat(t.coinbaseValue()).isEqualTo(Subsidy.blockSubsidy(t.height(), rt.params) + fees);

        List<Hash> mined = mining.generate(1, RegtestChain.p2wpkh(), Mining.DEFAULT_MAX_TRIES);
        assertThat(mined).hasSize(1);
        assertThat(rt.chain.tip().hash()).isEqualTo(mined.get(0));
        assertThat(mempool.size()).isZero();
        Block block = rt.chain.readBlock(mined.get(0));
        assertThat(block.transactions().get(0).outputs().get(0).value())
                .isEqualTo(Subsidy.blockSubsidy(t.height(), rt.params) + fees);
    }

    @Test
    void generateMinesTheRequestedNumberOfBlocks() {
        int before = rt.chain.height();
        List<Hash> hashes = mining.generate(5, RegtestChain.p2pkh(), Mining.DEFAULT_MAX_TRIES);
        assertThat(hashes).hasSize(5).doesNotHaveDuplicates();
        assertThat(rt.chain.height()).isEqualTo(before + 5);
        assertThat(rt.chain.tip().hash()).isEqualTo(hashes.get(4));
    }

    @Test
    void generateBlockMinesExactlyTheGivenTransactionsOrRefusesAnInvalidSet() {
        Transaction a = pay(coins.get(0), 1_000);
        Transaction b = pay(RegtestChain.utxo(a, 0), 1_000);
        Transaction unrelated = pay(coins.get(1), 90_000);
        mempool.accept(unrelated);
        Block block = mining.generateBlock(RegtestChain.p2wpkh(), List.of(a, b), true);
        assertThat(block.transactions()).hasSize(3);
        assertThat(block.transactions().subList(1, 3)).containsExactly(a, b);
        assertThat(rt.chain.tip().hash()).isEqualTo(block.hash());
        assertThat(mempool.contains(unrelated.txid())).isTrue();

        // A child before its parent cannot be in a block.
        Transaction c = pay(coins.get(2), 1_000);
        Transaction d = pay(RegtestChain.utxo(c, 0), 1_000);
        int height = rt.chain.height();
        assertThatThrownBy(() -> mining.generateBlock(RegtestChain.p2wpkh(), List.of(d, c), true))
                .isInstanceOf(ValidationException.class);
        assertThat(rt.chain.height()).isEqualTo(height);
    }

    @Test
    void submitBlockAnswersAsCoreDoes() {
        BlockTemplate t = mining.template(RegtestChain.p2wpkh());
        Block good = solve(t.block());
        assertThat(mining.submitBlock(good)).isNull();
        assertThat(mining.submitBlock(good)).isEqualTo("duplicate");

        // A block whose parent is unknown.
        Block orphan = rt.build(Hash.fromHex("22".repeat(32)), 5, rt.chain.tip().header().time(), List.of(), 0);
        assertThat(mining.submitBlock(orphan)).isEqualTo("inconclusive");

        // A coinbase paying one satoshi too much fails when connected.
        Block greedy = rt.build(rt.chain.tip().hash(), rt.chain.height() + 1, rt.chain.tip().header().time(),
                List.of(), 1);
        assertThat(mining.submitBlock(greedy)).isEqualTo("bad-cb-amount");
        assertThat(mining.submitBlock(greedy)).isEqualTo("duplicate-invalid");
    }

    private Block solve(Block b) {
        var h = b.header();
        while (!org.minicoin.consensus.pow.ProofOfWork.checkProofOfWork(h.hash(), h.bits(), rt.params)) {
            h = h.withNonce(h.nonce() + 1);
        }
        return new Block(h, b.transactions());
    }

    @Test
    void feeEstimatesLearnFromTransactionsConfirmedInMinedBlocks() {
        FeeEstimator estimator = new FeeEstimator();
        mempool = new Mempool(rt.chain, Verifiers.standard(), Mempool.Options.defaults(), estimator, new Random(4));
        mining = new Mining(rt.chain, mempool, rt.clock::get);
        assertThat(estimator.estimateSmartFee(2, false, 1000)).isEmpty();
        List<Utxo> lanes = new ArrayList<>(coins);
        for (int block = 0; block < 40; block++) {
            for (int i = 0; i < lanes.size(); i++) {
                Transaction tx = pay(lanes.get(i), 2_000 + 100L * i); // about 18 to 26 sat/vB
                mempool.accept(tx);
                lanes.set(i, RegtestChain.utxo(tx, 0));
            }
            mining.generate(1, RegtestChain.p2wpkh(), Mining.DEFAULT_MAX_TRIES);
            assertThat(mempool.size()).isZero();
        }
        var estimate = estimator.estimateSmartFee(2, false, 1000).orElseThrow();
        // Everything confirmed in the next block at 18+ sat/vB, so that is what a 2-block target needs.
        assertThat(estimate.feeRateSatPerKvB()).isBetween(15_000L, 30_000L);
    }
}
