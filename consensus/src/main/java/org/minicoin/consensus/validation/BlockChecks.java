package org.minicoin.consensus.validation;

import static org.minicoin.consensus.validation.BlockValidationResult.CONSENSUS;
import static org.minicoin.consensus.validation.BlockValidationResult.INVALID_HEADER;
import static org.minicoin.consensus.validation.BlockValidationResult.MUTATED;
import static org.minicoin.consensus.validation.ConsensusLimits.MAX_BLOCK_WEIGHT;
import static org.minicoin.consensus.validation.ConsensusLimits.WITNESS_SCALE_FACTOR;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.minicoin.consensus.crypto.Hashes;
import org.minicoin.consensus.merkle.MerkleTree;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.params.SoftForks;
import org.minicoin.consensus.pow.DifficultyAdjustment;
import org.minicoin.consensus.pow.ProofOfWork;
import org.minicoin.consensus.script.Opcodes;
import org.minicoin.consensus.script.Scripts;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.BlockHeader;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxOut;
import org.minicoin.consensus.types.Witness;

/**
 * The block rules that need no UTXO set, in Core's two layers: context-free (CheckBlockHeader, CheckBlock), which
 * any block must pass before it is stored, and contextual (ContextualCheckBlockHeader, ContextualCheckBlock), which
 * need the parent and the chain parameters. Each failure carries Core's reject string.
 */
public final class BlockChecks {
    /** OP_RETURN, a 36-byte push, then the BIP-0141 commitment header aa21a9ed. */
    private static final byte[] WITNESS_COMMITMENT_HEADER = {(byte) 0x6a, 0x24, (byte) 0xaa, 0x21, (byte) 0xa9,
        (byte) 0xed};
    /** Header plus the 32-byte commitment (Core's MINIMUM_WITNESS_COMMITMENT). */
    private static final int MINIMUM_WITNESS_COMMITMENT = 38;
    /** The first height from which Core stops trusting BIP-0034 to rule out duplicate transactions. */
    static final int BIP34_IMPLIES_BIP30_LIMIT = 1_983_702;

    private BlockChecks() {
    }

    // ---- context-free ------------------------------------------------------------------------------------------

    /** Core's CheckBlockHeader: the hash meets the target the header claims, within the network's pow limit. */
    public static void checkBlockHeader(BlockHeader header, ChainParams params) {
        if (!ProofOfWork.checkProofOfWork(header.hash(), header.bits(), params)) {
            throw ValidationException.block(INVALID_HEADER, "high-hash", "proof of work failed");
        }
    }

    /**
     * Core's CheckBlock: proof of work, the merkle root, sizes, exactly one coinbase first, every transaction's
     * context-free checks, and the legacy sigop limit. Merkle failures are {@link BlockValidationResult#MUTATED}
     * and are checked before anything else about the transactions, so a corrupted copy of an honest block is
     * never mistaken for an invalid block.
     */
    public static void checkBlock(Block block, ChainParams params) {
        checkBlockHeader(block.header(), params);
        checkMerkleRoot(block);

        List<Transaction> txs = block.transactions();
        if (txs.isEmpty() || (long) txs.size() * WITNESS_SCALE_FACTOR > MAX_BLOCK_WEIGHT
                || (long) block.baseSize() * WITNESS_SCALE_FACTOR > MAX_BLOCK_WEIGHT) {
            throw ValidationException.block(CONSENSUS, "bad-blk-length", "size limits failed");
        }
        if (!txs.get(0).isCoinbase()) {
            throw ValidationException.block(CONSENSUS, "bad-cb-missing", "first tx is not coinbase");
        }
        for (int i = 1; i < txs.size(); i++) {
            if (txs.get(i).isCoinbase()) {
                throw ValidationException.block(CONSENSUS, "bad-cb-multiple", "more than one coinbase");
            }
        }
        for (Transaction tx : txs) {
            try {
                TransactionChecks.checkTransaction(tx);
            } catch (ValidationException e) {
                throw new ValidationException(RejectReason.block(CONSENSUS, e.code(),
                        "Transaction check failed (tx hash " + tx.txid() + ") " + e.reason().message()));
            }
        }
        // An undercount: P2SH and witness sigops need the spent outputs and are counted when connecting.
        long sigOps = 0;
        for (Transaction tx : txs) {
            sigOps += TransactionChecks.legacySigOpCount(tx);
        }
        if (sigOps * WITNESS_SCALE_FACTOR > ConsensusLimits.MAX_BLOCK_SIGOPS_COST) {
            throw ValidationException.block(CONSENSUS, "bad-blk-sigops", "out-of-bounds SigOpCount");
        }
    }

    /**
     * Core's CheckMerkleRoot: the header's merkle root matches the transactions, and the transaction list is not
     * the CVE-2012-2459 duplication of another list with the same root.
     */
    public static void checkMerkleRoot(Block block) {
        MerkleTree.Result root = MerkleTree.blockRoot(block);
        if (!root.root().equals(block.header().merkleRoot())) {
            throw ValidationException.block(MUTATED, "bad-txnmrklroot", "hashMerkleRoot mismatch");
        }
        if (root.mutated()) {
            throw ValidationException.block(MUTATED, "bad-txns-duplicate", "duplicate transaction");
        }
    }

    // ---- contextual --------------------------------------------------------------------------------------------

    /**
     * Core's ContextualCheckBlockHeader against the parent in {@code ctx}: the bits the retarget rule requires,
     * a time after the parent's median time past and at most two hours after {@code ctx.now()}, and a version
     * no older than the buried soft forks require. Not for a genesis block. Testnet4's BIP-0094 timewarp rule is
     * not implemented (the chain parameters have no switch for it).
     */
    public static void contextualCheckBlockHeader(BlockHeader header, BlockContext ctx, ChainParams params) {
        if (ctx.previous() == null) {
            throw new IllegalArgumentException("a genesis header has no parent to be checked against");
        }
        if (header.bits() != DifficultyAdjustment.nextWorkRequired(ctx.previous(), header.time(), params)) {
            throw ValidationException.block(INVALID_HEADER, "bad-diffbits", "incorrect proof of work");
        }
        if (header.time() <= ctx.medianTimePast()) {
            throw ValidationException.block(INVALID_HEADER, "time-too-old", "block's timestamp is too early");
        }
        if (header.time() > ctx.now() + ConsensusLimits.MAX_FUTURE_BLOCK_TIME) {
            throw ValidationException.block(BlockValidationResult.TIME_FUTURE, "time-too-new",
                    "block timestamp too far in the future");
        }
        SoftForks forks = params.softForks();
        int height = ctx.height();
        int version = header.version();
        if ((version < 2 && height >= forks.bip34Height())
                || (version < 3 && height >= forks.bip66Height())
                || (version < 4 && height >= forks.bip65Height())) {
            String hex = String.format(Locale.ROOT, "0x%08x", version);
            throw ValidationException.block(INVALID_HEADER, "bad-version(" + hex + ")",
                    "rejected nVersion=" + hex + " block");
        }
    }

    /**
     * Core's ContextualCheckBlock: every transaction final at this height (by the parent's median time past from
     * BIP-0113 on), the height first in the coinbase from BIP-0034, the BIP-0141 witness commitment (or no
     * witness at all), and the weight limit. Expects {@link #checkBlock} to have passed.
     */
    public static void contextualCheckBlock(Block block, BlockContext ctx, ChainParams params) {
        SoftForks forks = params.softForks();
        int height = ctx.height();
        boolean medianTimeLocks = height >= forks.csvHeight() && ctx.previous() != null;
        long lockTimeCutoff = medianTimeLocks ? ctx.medianTimePast() : block.header().time();
        for (Transaction tx : block.transactions()) {
            if (!TransactionChecks.isFinal(tx, height, lockTimeCutoff)) {
                throw ValidationException.block(CONSENSUS, "bad-txns-nonfinal", "non-final transaction");
            }
        }
        if (height >= forks.bip34Height()) {
            // The height makes every coinbase, and so every txid, unique (BIP-0034).
            byte[] expect = heightScript(height);
            Transaction coinbase = block.transactions().get(0);
            byte[] scriptSig = coinbase.inputs().get(0).scriptSig();
            if (scriptSig.length < expect.length
                    || !Arrays.equals(scriptSig, 0, expect.length, expect, 0, expect.length)) {
                throw ValidationException.block(CONSENSUS, "bad-cb-height", "block height mismatch in coinbase");
            }
        }
        checkWitnessMalleation(block, height >= forks.segwitHeight());
        // Only now is the weight meaningful: before the commitment was checked, anyone could have stuffed the
        // coinbase witness, which the block hash does not cover, and made an honest block look overweight.
        if (block.weight() > MAX_BLOCK_WEIGHT) {
            throw ValidationException.block(CONSENSUS, "bad-blk-weight", "ContextualCheckBlock : weight limit failed");
        }
    }

    /**
     * Core's CheckWitnessMalleation: once segwit is active and the coinbase carries a commitment, the coinbase
     * witness must be a single 32-byte reserved value and the commitment must match the witness merkle root;
     * otherwise no transaction may carry a witness at all, since nothing commits to it.
     */
    static void checkWitnessMalleation(Block block, boolean expectWitnessCommitment) {
        List<Transaction> txs = block.transactions();
        if (expectWitnessCommitment) {
            int pos = witnessCommitmentIndex(block);
            if (pos >= 0) {
                Witness witness = txs.get(0).inputs().get(0).witness();
                if (witness.size() != 1 || witness.get(0).length != 32) {
                    throw ValidationException.block(MUTATED, "bad-witness-nonce-size",
                            "CheckWitnessMalleation : invalid witness reserved value size");
                }
                byte[] root = MerkleTree.witnessRoot(txs).root().toBytes();
                byte[] commitment = Hashes.sha256d(root, witness.get(0));
                byte[] spk = txs.get(0).outputs().get(pos).scriptPubKey();
                if (!Arrays.equals(commitment, 0, 32, spk, 6, 38)) {
                    throw ValidationException.block(MUTATED, "bad-witness-merkle-match",
                            "CheckWitnessMalleation : witness merkle commitment mismatch");
                }
                return;
            }
        }
        for (Transaction tx : txs) {
            if (tx.hasWitness()) {
                throw ValidationException.block(MUTATED, "unexpected-witness",
                        "CheckWitnessMalleation : unexpected witness data found");
            }
        }
    }

    /** Core's GetWitnessCommitmentIndex: the last coinbase output that is a witness commitment, or -1. */
    public static int witnessCommitmentIndex(Block block) {
        if (block.transactions().isEmpty()) {
            return -1;
        }
        List<TxOut> outs = block.transactions().get(0).outputs();
        int pos = -1;
        for (int o = 0; o < outs.size(); o++) {
            byte[] spk = outs.get(o).scriptPubKey();
            if (spk.length >= MINIMUM_WITNESS_COMMITMENT && Arrays.equals(spk, 0, WITNESS_COMMITMENT_HEADER.length,
                    WITNESS_COMMITMENT_HEADER, 0, WITNESS_COMMITMENT_HEADER.length)) {
                pos = o;
            }
        }
        return pos;
    }

    /**
     * The script {@code CScript() << height}: OP_0, OP_1..OP_16, or the shortest push of the height as a script
     * number. A BIP-0034 coinbase scriptSig starts with these bytes.
     */
    public static byte[] heightScript(int height) {
        if (height == 0) {
            return new byte[] {(byte) Opcodes.OP_0};
        }
        if (height >= 1 && height <= 16) {
            return new byte[] {(byte) (Opcodes.OP_1 + height - 1)};
        }
        return Scripts.push(scriptNum(height));
    }

    /** Minimal little-endian sign-magnitude encoding of a positive number (Core's CScriptNum::serialize). */
    private static byte[] scriptNum(long value) {
        byte[] tmp = new byte[9];
        int n = 0;
        for (long v = value; v != 0; v >>>= 8) {
            tmp[n++] = (byte) v;
        }
        if ((tmp[n - 1] & 0x80) != 0) {
            tmp[n++] = 0; // keep the number positive
        }
        return Arrays.copyOf(tmp, n);
    }
}
