package org.minicoin.consensus.params;

/**
 * Version bytes for base58check strings (Core's base58Prefixes).
 *
 * @param pubkeyAddress one byte before a P2PKH hash (0 on main, 111 on test networks)
 * @param scriptAddress one byte before a P2SH hash (5 on main, 196 on test networks)
 * @param secretKey     one byte before a WIF private key (128 on main, 239 on test networks)
 * @param extPublicKey  four bytes before a BIP-0032 extended public key (xpub / tpub)
 * @param extSecretKey  four bytes before a BIP-0032 extended private key (xprv / tprv)
 */
public record Base58Prefixes(int pubkeyAddress, int scriptAddress, int secretKey, int extPublicKey,
                             int extSecretKey) {
    public Base58Prefixes {
        for (int b : new int[] {pubkeyAddress, scriptAddress, secretKey}) {
            if (b < 0 || b > 255) {
                throw new IllegalArgumentException("a base58 version byte must be 0..255, got " + b);
            }
        }
    }
}
