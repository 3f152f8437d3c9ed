package org.minicoin.consensus.crypto;

/**
 * Checks an ECDSA signature with exactly the semantics of Bitcoin Core's {@code CPubKey::Verify}, which is what
 * OP_CHECKSIG and friends call once the script flags' encoding rules have passed. An interface so that a faster
 * backend (libsecp256k1 through JNI or the FFM API) can replace {@link BouncyCastleSignatureVerifier} without
 * touching the script interpreter; every implementation must give the same answer on every input, since a
 * disagreement is a consensus split.
 *
 * <p>Implementations are thread-safe and stateless.
 */
public interface SignatureVerifier {
    /**
     * True if the signature is valid for the key and hash, under Core's rules: the key must parse
     * ({@link PublicKey#isFullyValid}, hybrid keys included); the signature is parsed with Core's lax DER parser
     * ({@link EcdsaSignature#parseDerLax}); a high S is normalised to low S before checking (the LOW_S rule is a
     * separate script flag, not part of verification). Malformed input of any kind gives {@code false}, never an
     * exception.
     *
     * @param pubkey the public key as pushed in the script
     * @param derSignature the signature without its trailing sighash-type byte
     * @param hash32 the 32-byte signature hash; any other length gives {@code false}
     */
    boolean verify(byte[] pubkey, byte[] derSignature, byte[] hash32);
}
