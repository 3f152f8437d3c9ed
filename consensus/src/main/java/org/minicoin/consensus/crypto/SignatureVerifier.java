package org.minicoin.consensus.crypto;

/**
 * Verifies ECDSA signatures on secp256k1, with Core's CPubKey::Verify semantics: an unparsable key or signature
 * is simply false, and a high-S signature is normalized before checking (LOW_S is a separate script rule).
 * Behind an interface so that a faster backend (or a cache) can be plugged in. Implementations are thread-safe.
 */
public interface SignatureVerifier {
    /**
     * @param pubKey       a serialized public key (compressed, uncompressed or hybrid)
     * @param derSignature a DER signature without the sighash-type byte, parsed leniently as Core does
     * @param hash32       the 32-byte message hash
     * @return whether the signature is valid; never throws on malformed input
     */
    boolean verify(byte[] pubKey, byte[] derSignature, byte[] hash32);
}
