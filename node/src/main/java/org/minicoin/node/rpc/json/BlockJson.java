package org.minicoin.node.rpc.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import org.minicoin.consensus.encoding.Hex;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.pow.CompactTarget;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.BlockHeader;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxIn;
import org.minicoin.consensus.validation.BlockUndo;
import org.minicoin.consensus.validation.TxUndo;

/**
 * Block headers and blocks as {@code getblockheader} (verbose) and {@code getblock} (verbosity 1, 2 and 3) return
 * them: Core's blockheaderToJSON and blockToJSON (rpc/blockchain.cpp, Core master), fields in Core's order.
 */
public final class BlockJson {
    private BlockJson() {
    }

    /**
     * Core's blockheaderToJSON: {@code hash}, {@code confirmations}, {@code height}, {@code version},
     * {@code versionHex}, {@code merkleroot}, {@code time}, {@code mediantime}, {@code nonce}, {@code bits},
     * {@code target}, {@code difficulty}, {@code chainwork}, {@code nTx}, {@code previousblockhash} (all but the
     * genesis block) and {@code nextblockhash} (when there is one).
     */
    public static ObjectNode header(BlockHeader header, BlockFacts facts) {
        ObjectNode result = CoreJson.object();
        result.put("hash", header.hash().toString());
        result.put("confirmations", facts.confirmations());
        result.put("height", facts.height());
        result.put("version", header.version());
        result.put("versionHex", String.format("%08x", header.version()));
        result.put("merkleroot", header.merkleRoot().toString());
        result.put("time", header.time());
        result.put("mediantime", facts.medianTime());
        result.put("nonce", header.nonce());
        result.put("bits", String.format("%08x", header.bits()));
        // Core's GetTarget is DeriveTarget, which can only fail for headers that never entered the index.
        result.put("target", hex256(CompactTarget.decode(header.bits()).target()));
        result.set("difficulty", CoreJson.number(difficulty(header.bits())));
        result.put("chainwork", hex256(facts.chainWork()));
        result.put("nTx", facts.txCount());
        // Core tests pprev, which only the genesis block lacks.
        if (facts.height() > 0) {
            result.put("previousblockhash", header.prevBlock().toString());
        }
        if (facts.nextBlockHash() != null) {
            result.put("nextblockhash", facts.nextBlockHash().toString());
        }
        return result;
    }

    /**
     * Core's blockToJSON: the header object, then {@code strippedsize}, {@code size}, {@code weight},
     * {@code coinbase_tx} and {@code tx}. At {@link TxVerbosity#SHOW_TXID} {@code tx} lists txids; above it,
     * transaction objects with {@code hex}, and with {@code fee} (and at
     * {@link TxVerbosity#SHOW_DETAILS_AND_PREVOUT} each input's {@code prevout}) when {@code undo} is given.
     *
     * @param undo the block's undo data, or null when there is none (Core: pruned, or not connected yet)
     * @throws IllegalArgumentException if the block has no transactions, or the undo data does not match it
     */
    public static ObjectNode block(Block block, BlockFacts facts, TxVerbosity verbosity, BlockUndo undo,
                                   ChainParams params) {
        if (block.transactions().isEmpty()) {
            throw new IllegalArgumentException("block " + block.hash() + " has no transactions");
        }
        if (undo != null && undo.txUndos().size() != block.transactions().size() - 1) {
            throw new IllegalArgumentException("undo data has " + undo.txUndos().size() + " entries for "
                    + (block.transactions().size() - 1) + " non-coinbase transactions of block " + block.hash());
        }
        ObjectNode result = header(block.header(), facts);
        result.put("strippedsize", block.baseSize());
        result.put("size", block.totalSize());
        result.put("weight", block.weight());
        result.set("coinbase_tx", coinbaseTx(block.transactions().get(0)));
        ArrayNode txs = result.putArray("tx");
        for (int i = 0; i < block.transactions().size(); i++) {
            Transaction tx = block.transactions().get(i);
            if (verbosity == TxVerbosity.SHOW_TXID) {
                txs.add(tx.txid().toString());
            } else {
                // The coinbase spends nothing, so undo data starts with the second transaction.
                TxUndo txUndo = undo != null && i > 0 ? undo.txUndos().get(i - 1) : null;
                txs.add(TxJson.toJson(tx, params, null, true, txUndo, verbosity));
            }
        }
        return result;
    }

    /**
     * Core's coinbaseTxToJSON (added to getblock after v29): the coinbase's {@code version}, {@code locktime},
     * {@code sequence}, {@code coinbase} script and, when present, its one {@code witness} item (the witness
     * commitment's reserved value).
     */
    private static ObjectNode coinbaseTx(Transaction coinbase) {
        TxIn in = coinbase.inputs().get(0);
        ObjectNode o = CoreJson.object();
        o.put("version", Integer.toUnsignedLong(coinbase.version()));
        o.put("locktime", coinbase.lockTime());
        o.put("sequence", in.sequence());
        o.put("coinbase", Hex.encode(in.scriptSig()));
        if (!in.witness().isEmpty()) {
            o.put("witness", Hex.encode(in.witness().get(0)));
        }
        return o;
    }

    /**
     * Core's GetDifficulty: how many times harder than the easiest original target (0x1d00ffff) these bits are,
     * computed in doubles exactly as Core does so that the digits agree.
     */
    public static double difficulty(long bits) {
        int shift = (int) ((bits >>> 24) & 0xff);
        double diff = (double) 0x0000ffff / (double) (bits & 0x00ffffff);
        while (shift < 29) {
            diff *= 256.0;
            shift++;
        }
        while (shift > 29) {
            diff /= 256.0;
            shift--;
        }
        return diff;
    }

    /** A 256-bit number as uint256::GetHex prints it: 64 lower-case hex digits, most significant first. */
    private static String hex256(BigInteger value) {
        String hex = value.toString(16);
        return "0".repeat(64 - hex.length()) + hex;
    }
}
