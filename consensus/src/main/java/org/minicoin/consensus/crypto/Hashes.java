package org.minicoin.consensus.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;

/** The hash functions of Bitcoin. SHA-256 comes from the JDK (it uses the CPU's SHA extensions where present). */
public final class Hashes {
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    });

    private Hashes() {
    }

    public static byte[] sha256(byte[] data) {
        return sha256(data, 0, data.length);
    }

    public static byte[] sha256(byte[] data, int off, int len) {
        MessageDigest md = SHA256.get();
        md.update(data, off, len);
        return md.digest();
    }

    /** SHA-256 applied twice: txids, block hashes, merkle nodes, checksums. */
    public static byte[] sha256d(byte[] data) {
        return sha256d(data, 0, data.length);
    }

    public static byte[] sha256d(byte[] data, int off, int len) {
        MessageDigest md = SHA256.get();
        md.update(data, off, len);
        return md.digest(md.digest());
    }

    /** Double SHA-256 of two 32-byte halves concatenated, without building the 64-byte array. */
    public static byte[] sha256d(byte[] left, byte[] right) {
        MessageDigest md = SHA256.get();
        md.update(left);
        md.update(right);
        return md.digest(md.digest());
    }

    public static byte[] ripemd160(byte[] data) {
        RIPEMD160Digest d = new RIPEMD160Digest();
        d.update(data, 0, data.length);
        byte[] out = new byte[20];
        d.doFinal(out, 0);
        return out;
    }

    /** SHA-1, which Script keeps for OP_SHA1. */
    public static byte[] sha1(byte[] data) {
        SHA1Digest d = new SHA1Digest();
        d.update(data, 0, data.length);
        byte[] out = new byte[20];
        d.doFinal(out, 0);
        return out;
    }

    /** RIPEMD-160 of SHA-256: public key hashes and script hashes. */
    public static byte[] hash160(byte[] data) {
        return ripemd160(sha256(data));
    }
}
