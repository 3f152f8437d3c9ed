package org.minicoin.consensus.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * A secp256k1 private key (a scalar in 1..n-1). Signs with deterministic RFC 6979 nonces and low S, as Bitcoin
 * Core does, so the same key and hash always give the same signature and LOW_S policy is met. {@link #toString()}
 * never reveals the secret.
 */
public final class PrivateKey {
    private final BigInteger secret;
    private final boolean compressedPublicKey;

    private PrivateKey(BigInteger secret, boolean compressedPublicKey) {
        if (secret.signum() <= 0 || secret.compareTo(Secp256k1.N) >= 0) {
            throw new IllegalArgumentException("private key must be in 1..n-1");
        }
        this.secret = secret;
        this.compressedPublicKey = compressedPublicKey;
    }

    /** From 32 big-endian bytes; the public key will be serialized compressed unless stated otherwise. */
    public static PrivateKey fromBytes(byte[] bytes32, boolean compressedPublicKey) {
        if (bytes32.length != 32) {
            throw new IllegalArgumentException("a private key is 32 bytes, got " + bytes32.length);
        }
        return new PrivateKey(new BigInteger(1, bytes32), compressedPublicKey);
    }

    public static PrivateKey fromBytes(byte[] bytes32) {
        return fromBytes(bytes32, true);
    }

    public static PrivateKey fromScalar(BigInteger secret, boolean compressedPublicKey) {
        return new PrivateKey(secret, compressedPublicKey);
    }

    /** A fresh key from a secure random source. */
    public static PrivateKey random(SecureRandom random) {
        while (true) {
            byte[] b = new byte[32];
            random.nextBytes(b);
            BigInteger d = new BigInteger(1, b);
            if (d.signum() > 0 && d.compareTo(Secp256k1.N) < 0) {
                return new PrivateKey(d, true);
            }
        }
    }

    /** The secret as 32 big-endian bytes (a copy; callers should wipe it when done). */
    public byte[] toBytes() {
        byte[] raw = secret.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - n, out, 32 - n, n);
        return out;
    }

    public BigInteger scalar() {
        return secret;
    }

    public boolean hasCompressedPublicKey() {
        return compressedPublicKey;
    }

    public PublicKey publicKey() {
        return new PublicKey(new FixedPointCombMultiplier().multiply(Secp256k1.DOMAIN.getG(), secret),
                compressedPublicKey);
    }

    /** An ECDSA signature of a 32-byte hash: RFC 6979 nonce (HMAC-SHA256), S normalized to the low half. */
    public DerSignature sign(byte[] hash32) {
        if (hash32.length != 32) {
            throw new IllegalArgumentException("can only sign a 32-byte hash");
        }
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(secret, Secp256k1.DOMAIN));
        BigInteger[] rs = signer.generateSignature(hash32);
        return new DerSignature(rs[0], rs[1]).normalized();
    }

    @Override
    public String toString() {
        return "PrivateKey(<secret>, " + publicKey() + ")";
    }
}
