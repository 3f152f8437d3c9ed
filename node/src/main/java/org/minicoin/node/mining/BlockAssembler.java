package org.minicoin.node.mining;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.minicoin.consensus.merkle.MerkleTree;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.pow.ChainHistory;
import org.minicoin.consensus.pow.DifficultyAdjustment;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.BlockHeader;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxOut;
import org.minicoin.consensus.validation.BlockContext;
import org.minicoin.consensus.validation.ConsensusLimits;
import org.minicoin.consensus.validation.Subsidy;
import org.minicoin.consensus.validation.TransactionChecks;

/**
 * Builds block templates as Core v29's BlockAssembler::CreateNewBlock (node/miner.cpp): transactions chosen by
 * ancestor fee rate within the weight and sigop limits, a coinbase paying subsidy plus fees with the witness
 * commitment, version {@code 0x20000000}, the earliest allowed time or now if later, and the required bits. The
 * template is not validated against the UTXO set here (Core's TestBlockValidity); the candidates are expected to
 * be valid mempool transactions. Thread-safe: it holds only settings.
 */
public final class BlockAssembler {
    /** BIP-0009's top bits with no deployment signalled (Core's ComputeBlockVersion with none in progress). */
    public static final int BLOCK_VERSION = 0x20000000;
    /** Core's MAX_TIMEWARP: BIP-0094 keeps a retarget block at most this far before its parent. */
    static final long MAX_TIMEWARP = 600;

    /**
     * Block-creation settings (Core's BlockAssembler::Options and BlockCreateOptions).
     *
     * @param maxWeight         -blockmaxweight; clamped to [reservedWeight, 4,000,000] as Core's ClampOptions
     * @param reservedWeight    -blockreservedweight: weight kept for the header, transaction count and coinbase
     * @param coinbaseMaxSigOps sigop cost kept for the coinbase outputs
     * @param minFeeRatePerKvB  -blockmintxfee in satoshis per 1000 virtual bytes; packages below it are left out
     */
    public record Options(int maxWeight, int reservedWeight, int coinbaseMaxSigOps, long minFeeRatePerKvB) {
        /** Core's MINIMUM_BLOCK_RESERVED_WEIGHT: a smaller reservation risks an overweight block. */
        public static final int MIN_RESERVED_WEIGHT = 2000;

        public Options {
            if (reservedWeight > ConsensusLimits.MAX_BLOCK_WEIGHT) {
                throw new IllegalArgumentException("Specified -blockreservedweight (" + reservedWeight
                        + ") exceeds consensus maximum block weight (" + ConsensusLimits.MAX_BLOCK_WEIGHT + ")");
            }
            if (reservedWeight < MIN_RESERVED_WEIGHT) {
                throw new IllegalArgumentException("Specified -blockreservedweight (" + reservedWeight
                        + ") is lower than minimum safety value of (" + MIN_RESERVED_WEIGHT + ")");
            }
            if (coinbaseMaxSigOps < 0 || coinbaseMaxSigOps > ConsensusLimits.MAX_BLOCK_SIGOPS_COST) {
                throw new IllegalArgumentException("coinbase sigop reservation must be between 0 and "
                        + ConsensusLimits.MAX_BLOCK_SIGOPS_COST + ": " + coinbaseMaxSigOps);
            }
            maxWeight = Math.max(reservedWeight, Math.min(maxWeight, ConsensusLimits.MAX_BLOCK_WEIGHT));
        }

        /**
         * Core v29's defaults (policy/policy.h, node/types.h): max weight 4,000,000 with 8,000 reserved, 400
         * sigops reserved, and the given minimum fee rate (Core's default -blockmintxfee is 1000 sat/kvB).
         */
        public static Options defaults(long minFeeRatePerKvB) {
            return new Options(ConsensusLimits.MAX_BLOCK_WEIGHT, 8000, 400, minFeeRatePerKvB);
        }
    }

    private final ChainParams params;
    private final Options options;

    public BlockAssembler(ChainParams params, Options options) {
        this.params = Objects.requireNonNull(params, "params");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * A template for the block after {@code previous} (whose hash is {@code previousHash}), paying
     * {@code coinbaseScriptPubKey}, from the mempool's {@code candidates} in any order. {@code now} is the
     * node's adjusted time in seconds.
     *
     * @throws IllegalArgumentException if two candidates share a txid
     */
    public BlockTemplate create(ChainHistory previous, Hash previousHash, Collection<CandidateTx> candidates,
                                byte[] coinbaseScriptPubKey, long now) {
        int height = previous.height() + 1;
        long mtp = BlockContext.medianTimePast(previous);
        PackageSelector.Selection sel = new PackageSelector(options, height, mtp).select(candidates);

        long value = sel.fees() + Subsidy.blockSubsidy(height, params);
        boolean segwit = height >= params.softForks().segwitHeight();
        List<Transaction> txs = new ArrayList<>(sel.txs().size() + 1);
        txs.add(Coinbase.create(height, 0, value, coinbaseScriptPubKey, null, segwit));
        List<Long> fees = new ArrayList<>(txs.size());
        List<Long> sigOps = new ArrayList<>(txs.size());
        fees.add(-sel.fees());
        sigOps.add(0L);
        for (CandidateTx c : sel.txs()) {
            txs.add(c.tx());
            fees.add(c.fee());
            sigOps.add(c.sigOpCost());
        }
        // Core's GenerateCoinbaseCommitment adds the commitment whatever the height; the coinbase witness (the
        // reserved value) only once segwit is active, and before that the commitment is an unread OP_RETURN.
        TxOut commitment = Coinbase.witnessCommitment(txs);
        Transaction coinbase = Coinbase.create(height, 0, value, coinbaseScriptPubKey, commitment, segwit);
        txs.set(0, coinbase);
        sigOps.set(0, (long) TransactionChecks.legacySigOpCount(coinbase) * ConsensusLimits.WITNESS_SCALE_FACTOR);

        long minTime = minimumTime(previous, params);
        long time = Math.max(minTime, now);
        long bits = DifficultyAdjustment.nextWorkRequired(previous, time, params);
        BlockHeader header = new BlockHeader(BLOCK_VERSION, previousHash, MerkleTree.blockRoot(txs).root(), time,
                bits, 0);
        return new BlockTemplate(params, previous, new Block(header, txs), fees, sigOps, value, minTime,
                coinbaseScriptPubKey, commitment, 0);
    }

    /**
     * The earliest time a block after {@code previous} may carry (Core's GetMinimumTime): one second after the
     * median time past, and at a retarget height no more than {@link #MAX_TIMEWARP} before the parent, the
     * BIP-0094 timewarp bound Core applies on every network so a future activation cannot catch its miner out.
     */
    public static long minimumTime(ChainHistory previous, ChainParams params) {
        long min = BlockContext.medianTimePast(previous) + 1;
        if ((previous.height() + 1L) % params.difficultyAdjustmentInterval() == 0) {
            min = Math.max(min, previous.time() - MAX_TIMEWARP);
        }
        return min;
    }
}
