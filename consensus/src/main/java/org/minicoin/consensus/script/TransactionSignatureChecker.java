package org.minicoin.consensus.script;

import java.util.Arrays;
import org.minicoin.consensus.crypto.SignatureVerifier;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxIn;

/**
 * Checks signatures and lock times against one input of a transaction (Core's
 * GenericTransactionSignatureChecker). Immutable; one per input, sharing the transaction's precomputed hashes.
 */
public final class TransactionSignatureChecker implements SignatureChecker {
    /** nLockTime below this is a block height, at or above it a UNIX time (Core's LOCKTIME_THRESHOLD). */
    public static final long LOCKTIME_THRESHOLD = 500_000_000L;
    /** BIP-0068: relative lock time disabled for this input. */
    public static final long SEQUENCE_LOCKTIME_DISABLE_FLAG = 1L << 31;
    /** BIP-0068: relative lock time counts 512-second units rather than blocks. */
    public static final long SEQUENCE_LOCKTIME_TYPE_FLAG = 1L << 22;
    /** BIP-0068: the relative lock-time value. */
    public static final long SEQUENCE_LOCKTIME_MASK = 0x0000ffffL;

    private final Transaction tx;
    private final int inIndex;
    private final long amount;
    private final SigHash.Precomputed precomputed;
    private final SignatureVerifier verifier;

    /**
     * @param amount the value of the output being spent (signed by BIP-0143 signatures)
     */
    public TransactionSignatureChecker(Transaction tx, int inIndex, long amount, SigHash.Precomputed precomputed,
                                       SignatureVerifier verifier) {
        this.tx = tx;
        this.inIndex = inIndex;
        this.amount = amount;
        this.precomputed = precomputed;
        this.verifier = verifier;
    }

    @Override
    public boolean checkEcdsaSignature(byte[] signature, byte[] pubKey, byte[] scriptCode, SigVersion sigVersion) {
        if (signature.length == 0) {
            return false;
        }
        // The hash type is the byte after the DER signature.
        int hashType = signature[signature.length - 1] & 0xff;
        byte[] der = Arrays.copyOf(signature, signature.length - 1);
        byte[] sighash = SigHash.hash(scriptCode, tx, inIndex, hashType, amount, sigVersion, precomputed).toBytes();
        return verifier.verify(pubKey, der, sighash);
    }

    @Override
    public boolean checkLockTime(long lockTime) {
        long txLockTime = tx.lockTime();
        // Compare heights with heights and times with times, never one with the other.
        if (!((txLockTime < LOCKTIME_THRESHOLD && lockTime < LOCKTIME_THRESHOLD)
                || (txLockTime >= LOCKTIME_THRESHOLD && lockTime >= LOCKTIME_THRESHOLD))) {
            return false;
        }
        if (lockTime > txLockTime) {
            return false;
        }
        // A final input disables the transaction's lock time, which would make CLTV meaningless.
        return tx.inputs().get(inIndex).sequence() != TxIn.SEQUENCE_FINAL;
    }

    @Override
    public boolean checkSequence(long sequence) {
        long txSequence = tx.inputs().get(inIndex).sequence();
        // Relative lock times apply only from transaction version 2 (BIP-0068). Core compares the version as
        // the unsigned 32-bit field it is, so 0xffffffff counts as >= 2.
        if (Integer.toUnsignedLong(tx.version()) < 2) {
            return false;
        }
        // An input that disabled its relative lock time cannot satisfy CSV, or CSV could be bypassed.
        if ((txSequence & SEQUENCE_LOCKTIME_DISABLE_FLAG) != 0) {
            return false;
        }
        long mask = SEQUENCE_LOCKTIME_TYPE_FLAG | SEQUENCE_LOCKTIME_MASK;
        long txMasked = txSequence & mask;
        long masked = sequence & mask;
        if (!((txMasked < SEQUENCE_LOCKTIME_TYPE_FLAG && masked < SEQUENCE_LOCKTIME_TYPE_FLAG)
                || (txMasked >= SEQUENCE_LOCKTIME_TYPE_FLAG && masked >= SEQUENCE_LOCKTIME_TYPE_FLAG))) {
            return false;
        }
        return masked <= txMasked;
    }
}
