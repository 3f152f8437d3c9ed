/**
 * Hash functions (SHA-256, double SHA-256, RIPEMD-160, HASH160), secp256k1 keys and ECDSA signatures with strict
 * and lax DER parsing. Signature verification sits behind {@link org.minicoin.consensus.crypto.SignatureVerifier}
 * so a faster backend can be plugged in. Key storage and derivation paths belong to the wallet.
 */
package org.minicoin.consensus.crypto;
