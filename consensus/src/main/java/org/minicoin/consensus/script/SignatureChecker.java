package org.minicoin.consensus.script;

/**
 * What the interpreter asks of the transaction being verified (Core's BaseSignatureChecker). Checks return false
 * rather than throw: a bad signature is a script outcome, not an exception.
 */
public interface SignatureChecker {
    /**
     * Verifies an ECDSA signature (DER plus the trailing sighash-type byte) by {@code pubKey} over the signature
     * hash of the transaction with {@code scriptCode}. Encoding rules have already been checked per flags.
     */
    boolean checkEcdsaSignature(byte[] signature, byte[] pubKey, byte[] scriptCode, SigVersion sigVersion);

    /** OP_CHECKLOCKTIMEVERIFY's comparison against the transaction's lock time (BIP-0065). */
    boolean checkLockTime(long lockTime);

    /** OP_CHECKSEQUENCEVERIFY's comparison against the input's sequence (BIP-0112). */
    boolean checkSequence(long sequence);

    /** A checker for scripts evaluated outside any transaction: every check fails. */
    SignatureChecker NONE = new SignatureChecker() {
        @Override
        public boolean checkEcdsaSignature(byte[] s, byte[] k, byte[] c, SigVersion v) {
            return false;
        }

        @Override
        public boolean checkLockTime(long lockTime) {
            return false;
        }

        @Override
        public boolean checkSequence(long sequence) {
            return false;
        }
    };
}
