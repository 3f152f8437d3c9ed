package org.minicoin.consensus.crypto;

import java.math.BigInteger;
import java.security.MessageDigest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * A secp256k1 private key: a 32-byte scalar in [1, n-1]. Signs as Bitcoin Core's {@code CKey::Sign} does with
 * {@code grind=false}: RFC 6979 deterministic nonces with HMAC-SHA256 (so a weak random source cannot leak the key)
 * and the S value normalised to low S (BIP-0062; standard since Core 0.11.1).
 */
public final class PrivateKey {
    public static final int SIZE = 32;

    private final BigInteger d;
    private final ECPoint publicPoint;

    private PrivateKey(BigInteger d) {
        this.d = d;
        this.publicPoint = new FixedPointCombMultiplier().multiply(Secp256k1.G, d).normalize();
    }

    /** @throws IllegalArgumentException unless 32 bytes encoding a number in [1, n-1] */
    public static PrivateKey fromBytes(byte[] key32) {
        if (key32.length != SIZE) {
            throw new IllegalArgumentException("a private key is 32 bytes, not " + key32.length);
        }
        if (!isValid(key32)) {
            throw new IllegalArgumentException("a private key must be in [1, n-1]");
        }
        return new PrivateKey(new BigInteger(1, key32));
    }

    /** Core's {@code CKey::Check}: 32 bytes, not zero, below the group order. */
    public static boolean isValid(byte[] key32) {
        if (key32.length != SIZE) {
            return false;
        }
        BigInteger v = new BigInteger(1, key32);
        return v.signum() > 0 && v.compareTo(Secp256k1.N) < 0;
    }

    public byte[] toBytes() {
        return Secp256k1.toBytes32(d);
    }

    /** The compressed public key, the form every modern output uses. */
    public PublicKey publicKey() {
        return publicKey(true);
    }

    public PublicKey publicKey(boolean compressed) {
        return PublicKey.fromPoint(publicPoint, compressed);
    }

    /**
     * Signs a 32-byte hash; returns the strict-DER signature without a sighash byte. Deterministic: the same key
     * and hash always give the same bytes.
     */
    public byte[] sign(byte[] hash32) {
        if (hash32.length != 32) {
            throw new IllegalArgumentException("a signature hash is 32 bytes, not " + hash32.length);
        }
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(d, Secp256k1.DOMAIN));
        BigInteger[] rs = signer.generateSignature(hash32);
        EcdsaSignature sig = EcdsaSignature.of(rs[0], rs[1]).normalizeS();
        byte[] der = sig.encodeDer();
        // As CKey::Sign does: check before releasing. A signature computed under a hardware or memory fault can
        // reveal the private key to whoever sees it.
        if (!BouncyCastleSignatureVerifier.verify(publicPoint, der, hash32)) {
            throw new IllegalStateException("freshly made signature does not verify");
        }
        return der;
    }

    /** Constant-time, so comparing keys does not leak their bytes through timing. */
    @Override
    public boolean equals(Object o) {
        return o instanceof PrivateKey other && MessageDigest.isEqual(toBytes(), other.toBytes());
    }

    @Override
    public int hashCode() {
        return publicPoint.hashCode();
    }

    /** Never the key itself: keys must not end up in logs. */
    @Override
    public String toString() {
        return "PrivateKey[" + publicKey() + "]";
    }
}
