package org.minicoin.node.mining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.minicoin.consensus.encoding.Hex;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.testing.BlockNode;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.types.OutPoint;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxIn;
import org.minicoin.consensus.types.TxOut;
import org.minicoin.consensus.types.Witness;
import org.minicoin.consensus.validation.BlockChecks;
import org.minicoin.consensus.validation.BlockContext;
import org.minicoin.consensus.validation.Subsidy;
import org.minicoin.genesis.spec.ChainSpecs;

/** Transaction selection and the coinbase, on templates over regtest's genesis block. */
class BlockAssemblerTest {
    private static final ChainParams REGTEST = ChainSpecs.params("regtest");
    private static final BlockNode GENESIS = BlockNode.genesis(REGTEST.genesis().header());
    private static final byte[] PAY_TO = {0x51};
    private static final long NOW = REGTEST.genesis().header().time() + 600;
    /** Size of the test transactions below: version 4, 1 + 41 (input), 1 + 31 (output), lock time 4. */
    private static final int TX_SIZE = 82;

    private final Random random = new Random(7);

    /** A transaction of {@link #TX_SIZE} bytes spending {@code prevout}. */
    private static Transaction tx(OutPoint prevout, long lockTime, long sequence) {
        return new Transaction(2, List.of(new TxIn(prevout, new byte[0], sequence)),
                List.of(new TxOut(1000, new byte[22])), lockTime);
    }

    private Transaction confirmedSpend() {
        byte[] h = new byte[32];
        random.nextBytes(h);
        return tx(new OutPoint(Hash.wrap(h), 0), 0, TxIn.SEQUENCE_FINAL);
    }

    private static Transaction childOf(Transaction parent) {
        return tx(new OutPoint(parent.txid(), 0), 0, TxIn.SEQUENCE_FINAL);
    }

    private static BlockTemplate template(BlockAssembler.Options options, List<CandidateTx> mempool) {
        return new BlockAssembler(REGTEST, options).create(GENESIS, REGTEST.genesisHash(), mempool, PAY_TO, NOW);
    }

    private static List<Transaction> chosen(BlockTemplate t) {
        List<Transaction> txs = t.block().transactions();
        return txs.subList(1, txs.size());
    }

    @Test
    void aHighFeeChildPullsItsZeroFeeParentAheadOfAMediumTxAndACheapTxIsLeftOut() {
        Transaction parent = confirmedSpend();
        Transaction child = childOf(parent);
        Transaction medium = confirmedSpend();
        Transaction cheap = confirmedSpend();
        assertThat(parent.vsize()).isEqualTo(TX_SIZE);
        List<CandidateTx> mempool = List.of(
                new CandidateTx(cheap, 40, 0, List.of()),                      // 0.49 sat/vB
                new CandidateTx(medium, 5 * TX_SIZE, 0, List.of()),            // 5 sat/vB
                new CandidateTx(child, 20 * TX_SIZE, 0, List.of(parent.txid())), // 20 alone, 10 with its parent
                new CandidateTx(parent, 0, 0, List.of()));

        BlockTemplate t = template(BlockAssembler.Options.defaults(1000), mempool);

        assertThat(chosen(t)).containsExactly(parent, child, medium);
        assertThat(t.fees()).containsExactly(-25L * TX_SIZE, 0L, 20L * TX_SIZE, 5L * TX_SIZE);
        assertThat(t.totalFees()).isEqualTo(25L * TX_SIZE);
        assertThat(t.coinbaseValue()).isEqualTo(50_0000_0000L + 25L * TX_SIZE);
        assertThat(t.block().transactions().get(0).outputs().get(0).value()).isEqualTo(t.coinbaseValue());
    }

    @Test
    void theMinimumFeeRateIsAParameter() {
        Transaction cheap = confirmedSpend();
        List<CandidateTx> mempool = List.of(new CandidateTx(cheap, 40, 0, List.of()));
        assertThat(chosen(template(BlockAssembler.Options.defaults(1000), mempool))).isEmpty();
        assertThat(chosen(template(BlockAssembler.Options.defaults(400), mempool))).containsExactly(cheap);
    }

    @Test
    void aChildIsRescoredWithoutItsParentOnceTheParentIsInTheBlock() {
        // A parent with two children: after the best child's package goes in, the other child is re-scored
        // without the parent and overtakes a transaction that had the higher ancestor fee rate before.
        Transaction parent = confirmedSpend();
        Transaction best = childOf(parent);
        Transaction second = tx(new OutPoint(parent.txid(), 1), 0, TxIn.SEQUENCE_FINAL);
        Transaction other = confirmedSpend();
        List<CandidateTx> mempool = List.of(
                new CandidateTx(parent, TX_SIZE, 0, List.of()),                   // 1 sat/vB
                new CandidateTx(best, 41 * TX_SIZE, 0, List.of(parent.txid())),  // 21 with parent
                new CandidateTx(second, 12 * TX_SIZE, 0, List.of(parent.txid())), // 6.5 with parent, 12 alone
                new CandidateTx(other, 8 * TX_SIZE, 0, List.of()));              // 8
        assertThat(chosen(template(BlockAssembler.Options.defaults(1000), mempool)))
                .containsExactly(parent, best, second, other);
    }

    @Test
    void theWeightLimitIsRespectedStrictlyAsCore() {
        List<CandidateTx> mempool = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            mempool.add(new CandidateTx(confirmedSpend(), 10 * TX_SIZE, 0, List.of()));
        }
        int weight = 4 * TX_SIZE;
        BlockAssembler.Options room = new BlockAssembler.Options(8000 + 3 * weight + 1, 8000, 400, 1000);
        BlockTemplate t = template(room, mempool);
        assertThat(chosen(t)).hasSize(3);
        assertThat(t.block().weight()).isLessThanOrEqualTo(room.maxWeight());
        // A package must leave the block strictly below the limit (Core's TestPackage uses >=).
        assertThat(chosen(template(new BlockAssembler.Options(8000 + 3 * weight, 8000, 400, 1000), mempool)))
                .hasSize(2);
    }

    @Test
    void theSigopLimitIsRespectedWithTheCoinbaseReservation() {
        List<CandidateTx> mempool = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            // 20,000 sigop cost makes the policy size 100,000 vbytes (20 bytes per sigop), so pay for that.
            mempool.add(new CandidateTx(confirmedSpend(), 200_000, 20_000, List.of()));
        }
        BlockTemplate t = template(BlockAssembler.Options.defaults(1000), mempool);
        assertThat(chosen(t)).hasSize(3); // 400 + 3 x 20,000 < 80,000 <= 400 + 4 x 20,000
        assertThat(t.sigOpCosts().subList(1, 4)).containsOnly(20_000L);
    }

    @Test
    void aNonFinalTransactionAndItsChildAndAChildOfAnUnknownParentAreLeftOut() {
        int height = 1;
        Transaction locked = tx(new OutPoint(Hash.wrap(new byte[32]), 5), height, 0xfffffffeL);
        Transaction lockedChild = childOf(locked);
        Transaction unlocked = tx(new OutPoint(Hash.wrap(new byte[32]), 6), height - 1, 0xfffffffeL);
        Transaction orphan = confirmedSpend();
        List<CandidateTx> mempool = List.of(
                new CandidateTx(locked, 10 * TX_SIZE, 0, List.of()),
                new CandidateTx(lockedChild, 10 * TX_SIZE, 0, List.of(locked.txid())),
                new CandidateTx(unlocked, 10 * TX_SIZE, 0, List.of()),
                new CandidateTx(orphan, 10 * TX_SIZE, 0, List.of(Hash.wrap(new byte[32]))));
        assertThat(chosen(template(BlockAssembler.Options.defaults(1000), mempool))).containsExactly(unlocked);
    }

    @Test
    void coinbaseCarriesHeightExtranonceAndAWitnessCommitmentThatValidates() {
        Transaction witnessTx = confirmedSpend();
        witnessTx = new Transaction(2, List.of(witnessTx.inputs().get(0).withWitness(Witness.of(new byte[] {1, 2}))),
                witnessTx.outputs(), 0);
        BlockTemplate t = template(BlockAssembler.Options.defaults(1000),
                List.of(new CandidateTx(witnessTx, 1000, 0, List.of())));
        Block block = t.block();
        Transaction coinbase = block.transactions().get(0);
        // Core v29's CScript() << 1 << OP_0 for height 1.
        assertThat(Hex.encode(coinbase.inputs().get(0).scriptSig())).isEqualTo("5100");
        assertThat(coinbase.inputs().get(0).witness()).isEqualTo(Witness.of(new byte[32]));
        assertThat(BlockChecks.witnessCommitmentIndex(block)).isEqualTo(1);
        assertThat(t.witnessCommitment()).hasValueSatisfying(
                spk -> assertThat(spk).isEqualTo(coinbase.outputs().get(1).scriptPubKey()));
        BlockContext ctx = BlockContext.after(GENESIS, NOW);
        BlockChecks.checkMerkleRoot(block);
        BlockChecks.contextualCheckBlock(block, ctx, REGTEST);

        BlockTemplate bumped = t.withExtraNonce(0x1234);
        Block b2 = bumped.block();
        assertThat(Hex.encode(b2.transactions().get(0).inputs().get(0).scriptSig())).isEqualTo("51023412");
        assertThat(b2.header().merkleRoot()).isNotEqualTo(block.header().merkleRoot());
        BlockChecks.checkMerkleRoot(b2);
        BlockChecks.contextualCheckBlock(b2, ctx, REGTEST);
        assertThat(bumped.coinbaseValue()).isEqualTo(t.coinbaseValue());
    }

    @Test
    void aTamperedWitnessIsCaughtByTheCommitment() {
        Transaction witnessTx = confirmedSpend();
        Witness original = Witness.of(new byte[] {1, 2});
        witnessTx = new Transaction(2, List.of(witnessTx.inputs().get(0).withWitness(original)),
                witnessTx.outputs(), 0);
        Block block = template(BlockAssembler.Options.defaults(1000),
                List.of(new CandidateTx(witnessTx, 1000, 0, List.of()))).block();
        Transaction changed = new Transaction(2, List.of(witnessTx.inputs().get(0).withWitness(
                Witness.of(new byte[] {1, 3}))), witnessTx.outputs(), 0);
        Block tampered = new Block(block.header(), List.of(block.transactions().get(0), changed));
        assertThatThrownBy(() -> BlockChecks.contextualCheckBlock(tampered, BlockContext.after(GENESIS, NOW),
                REGTEST)).hasMessageContaining("bad-witness-merkle-match");
    }

    @Test
    void headerFieldsFollowCore() {
        BlockTemplate t = template(BlockAssembler.Options.defaults(1000), List.of());
        assertThat(t.block().header().version()).isEqualTo(0x20000000);
        assertThat(t.block().header().prevBlock()).isEqualTo(REGTEST.genesisHash());
        assertThat(t.block().header().time()).isEqualTo(NOW);
        assertThat(t.block().header().nonce()).isZero();
        assertThat(t.height()).isEqualTo(1);
        assertThat(t.bits()).isEqualTo(0x207fffffL);
        assertThat(t.minTime()).isEqualTo(REGTEST.genesis().header().time() + 1);
        assertThat(t.coinbaseValue()).isEqualTo(Subsidy.blockSubsidy(1, REGTEST));
        // A clock behind the chain: the time is the earliest allowed instead.
        BlockTemplate early = new BlockAssembler(REGTEST, BlockAssembler.Options.defaults(1000))
                .create(GENESIS, REGTEST.genesisHash(), List.of(), PAY_TO, 0);
        assertThat(early.block().header().time()).isEqualTo(REGTEST.genesis().header().time() + 1);
        assertThatThrownBy(() -> t.withTime(t.minTime() - 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(t.withTime(NOW + 5).block().header().time()).isEqualTo(NOW + 5);
    }

    @Test
    void badSettingsAndDuplicateCandidatesAreRefused() {
        assertThatThrownBy(() -> new BlockAssembler.Options(4_000_000, 1999, 400, 1000))
                .hasMessage("Specified -blockreservedweight (1999) is lower than minimum safety value of (2000)");
        assertThat(new BlockAssembler.Options(5_000_000, 8000, 400, 1000).maxWeight()).isEqualTo(4_000_000);
        assertThat(new BlockAssembler.Options(10, 8000, 400, 1000).maxWeight()).isEqualTo(8000);
        Transaction tx = confirmedSpend();
        List<CandidateTx> twice = List.of(new CandidateTx(tx, 1000, 0, List.of()),
                new CandidateTx(tx, 2000, 0, List.of()));
        assertThatThrownBy(() -> template(BlockAssembler.Options.defaults(1000), twice))
                .hasMessage("duplicate candidate transaction " + tx.txid());
    }
}
