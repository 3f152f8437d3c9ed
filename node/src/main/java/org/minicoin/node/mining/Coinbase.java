package org.minicoin.node.mining;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.minicoin.consensus.crypto.Hashes;
import org.minicoin.consensus.merkle.MerkleTree;
import org.minicoin.consensus.script.Scripts;
import org.minicoin.consensus.types.OutPoint;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxIn;
import org.minicoin.consensus.types.TxOut;
import org.minicoin.consensus.types.Witness;
import org.minicoin.consensus.validation.BlockChecks;

/**
 * The coinbase transaction of a new block, as Core v29's CreateNewBlock and GenerateCoinbaseCommitment build it:
 * version 2, lock time 0, one input spending the null outpoint with a final sequence, a scriptSig that starts
 * with the BIP-0034 height, an output paying subsidy plus fees, and the BIP-0141 witness commitment.
 */
public final class Coinbase {
    /** Core's CTransaction::CURRENT_VERSION, which a fresh CMutableTransaction carries. */
    static final int VERSION = 2;
    /** The BIP-0141 witness reserved value this miner commits to: 32 zero bytes, as Core's. */
    private static final byte[] WITNESS_RESERVED_VALUE = new byte[32];
    private static final byte[] COMMITMENT_HEADER = {0x6a, 0x24, (byte) 0xaa, 0x21, (byte) 0xa9, (byte) 0xed};

    private Coinbase() {
    }

    /**
     * The scriptSig {@code <height> <extraNonce>}: the BIP-0034 height, then the extranonce as a script number.
     * Extranonce 0 pushes OP_0, which makes it exactly Core v29's {@code CScript() << nHeight << OP_0}; the
     * second push also keeps the script at the 2-byte minimum for heights 1 to 16, whose height is one opcode.
     */
    public static byte[] scriptSig(int height, long extraNonce) {
        if (extraNonce < 0) {
            throw new IllegalArgumentException("extranonce must not be negative: " + extraNonce);
        }
        byte[] h = BlockChecks.heightScript(height);
        byte[] x = Scripts.push(scriptNum(extraNonce));
        byte[] out = Arrays.copyOf(h, h.length + x.length);
        System.arraycopy(x, 0, out, h.length, x.length);
        // 2 to 15 bytes: inside the consensus bounds of 2 to 100 (Core's bad-cb-length).
        return out;
    }

    /**
     * The coinbase of the block at {@code height}. With {@code commitment} (from {@link #witnessCommitment}) the
     * commitment becomes the last output, and with {@code segwitActive} the input's witness becomes the reserved
     * value, as Core's UpdateUncommittedBlockStructures does.
     */
    public static Transaction create(int height, long extraNonce, long value, byte[] scriptPubKey, TxOut commitment,
                                     boolean segwitActive) {
        Witness witness = commitment != null && segwitActive ? Witness.of(WITNESS_RESERVED_VALUE) : Witness.EMPTY;
        TxIn in = new TxIn(OutPoint.NULL, scriptSig(height, extraNonce), TxIn.SEQUENCE_FINAL, witness);
        List<TxOut> outs = new ArrayList<>(2);
        outs.add(new TxOut(value, scriptPubKey));
        if (commitment != null) {
            outs.add(commitment);
        }
        return new Transaction(VERSION, List.of(in), outs, 0);
    }

    /**
     * The witness commitment output for a block of {@code txs} (the first being the coinbase, whose wtxid counts
     * as zero): zero value, OP_RETURN, a 36-byte push of aa21a9ed and the double SHA-256 of the witness merkle
     * root and the reserved value (BIP-0141; Core's GenerateCoinbaseCommitment).
     */
    public static TxOut witnessCommitment(List<Transaction> txs) {
        byte[] root = MerkleTree.witnessRoot(txs).root().toBytes();
        byte[] commitment = Hashes.sha256d(root, WITNESS_RESERVED_VALUE);
        byte[] script = Arrays.copyOf(COMMITMENT_HEADER, COMMITMENT_HEADER.length + commitment.length);
        System.arraycopy(commitment, 0, script, COMMITMENT_HEADER.length, commitment.length);
        return new TxOut(0, script);
    }

    /** Minimal little-endian script number of a non-negative value (Core's CScriptNum::serialize). */
    private static byte[] scriptNum(long value) {
        byte[] tmp = new byte[9];
        int n = 0;
        for (long v = value; v != 0; v >>>= 8) {
            tmp[n++] = (byte) v;
        }
        if (n > 0 && (tmp[n - 1] & 0x80) != 0) {
            tmp[n++] = 0;
        }
        return Arrays.copyOf(tmp, n);
    }
}
