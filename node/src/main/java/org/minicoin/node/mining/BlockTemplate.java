package org.minicoin.node.mining;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.minicoin.consensus.merkle.MerkleTree;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.pow.ChainHistory;
import org.minicoin.consensus.pow.CompactTarget;
import org.minicoin.consensus.pow.DifficultyAdjustment;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.BlockHeader;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxOut;

/**
 * A block ready to be mined (nonce 0) and what {@code getblocktemplate} reports about it (Core's CBlockTemplate).
 * {@link #fees()} and {@link #sigOpCosts()} are aligned with the block's transactions; as in Core, the coinbase's
 * entries are minus the total fees and its own legacy sigop cost. Immutable: changing the extranonce or the time
 * gives a new template.
 */
public final class BlockTemplate {
    private final ChainParams params;
    private final ChainHistory previous;
    private final Block block;
    private final List<Long> fees;
    private final List<Long> sigOpCosts;
    private final long coinbaseValue;
    private final long minTime;
    private final byte[] coinbaseScriptPubKey;
    private final TxOut witnessCommitment;
    private final long extraNonce;

    BlockTemplate(ChainParams params, ChainHistory previous, Block block, List<Long> fees, List<Long> sigOpCosts,
                  long coinbaseValue, long minTime, byte[] coinbaseScriptPubKey, TxOut witnessCommitment,
                  long extraNonce) {
        this.params = params;
        this.previous = previous;
        this.block = block;
        this.fees = List.copyOf(fees);
        this.sigOpCosts = List.copyOf(sigOpCosts);
        this.coinbaseValue = coinbaseValue;
        this.minTime = minTime;
        this.coinbaseScriptPubKey = coinbaseScriptPubKey.clone();
        this.witnessCommitment = witnessCommitment;
        this.extraNonce = extraNonce;
    }

    /** The block with nonce 0: coinbase first, then the chosen transactions, parents before children. */
    public Block block() {
        return block;
    }

    /** The block the template builds on. */
    public ChainHistory previous() {
        return previous;
    }

    public int height() {
        return previous.height() + 1;
    }

    /** Fee of each transaction of the block, in satoshis; index 0 (the coinbase) holds minus the total. */
    public List<Long> fees() {
        return fees;
    }

    /** Sigop cost of each transaction of the block; index 0 is the coinbase's. */
    public List<Long> sigOpCosts() {
        return sigOpCosts;
    }

    /** The fees of all chosen transactions. */
    public long totalFees() {
        return -fees.get(0);
    }

    /** What the coinbase may claim: subsidy plus fees ({@code coinbasevalue}). */
    public long coinbaseValue() {
        return coinbaseValue;
    }

    /** The earliest header time the block may carry ({@code mintime}). */
    public long minTime() {
        return minTime;
    }

    public long bits() {
        return block.header().bits();
    }

    /** The target the block hash must not exceed. */
    public BigInteger target() {
        return CompactTarget.decode(bits()).target();
    }

    /** The extranonce in the coinbase scriptSig. */
    public long extraNonce() {
        return extraNonce;
    }

    /** The witness commitment output's script ({@code default_witness_commitment}), if the coinbase has one. */
    public Optional<byte[]> witnessCommitment() {
        return Optional.ofNullable(witnessCommitment).map(TxOut::scriptPubKey);
    }

    /**
     * The same template with another extranonce: a new coinbase and merkle root, and so a fresh nonce space. The
     * witness commitment stays, since the witness root counts the coinbase as zero.
     */
    public BlockTemplate withExtraNonce(long newExtraNonce) {
        Transaction coinbase = Coinbase.create(height(), newExtraNonce, coinbaseValue, coinbaseScriptPubKey,
                witnessCommitment, height() >= params.softForks().segwitHeight());
        List<Transaction> txs = new ArrayList<>(block.transactions());
        txs.set(0, coinbase);
        BlockHeader header = block.header().withMerkleRoot(MerkleTree.blockRoot(txs).root()).withNonce(0);
        return new BlockTemplate(params, previous, new Block(header, txs), fees, sigOpCosts, coinbaseValue, minTime,
                coinbaseScriptPubKey, witnessCommitment, newExtraNonce);
    }

    /**
     * The same template with header time {@code time} (at least {@link #minTime()}) and nonce 0. As Core's
     * UpdateTime, the bits are recomputed, since under testnet's and regtest's minimum-difficulty rule they
     * depend on the time.
     */
    public BlockTemplate withTime(long time) {
        if (time < minTime) {
            throw new IllegalArgumentException("time " + time + " is before the template's minimum " + minTime);
        }
        BlockHeader h = block.header();
        long bits = DifficultyAdjustment.nextWorkRequired(previous, time, params);
        BlockHeader header = new BlockHeader(h.version(), h.prevBlock(), h.merkleRoot(), time, bits, 0);
        return new BlockTemplate(params, previous, new Block(header, block.transactions()), fees, sigOpCosts,
                coinbaseValue, minTime, coinbaseScriptPubKey, witnessCommitment, extraNonce);
    }
}
