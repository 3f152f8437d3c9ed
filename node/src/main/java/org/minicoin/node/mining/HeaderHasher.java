package org.minicoin.node.mining;

import java.math.BigInteger;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.minicoin.consensus.types.BlockHeader;
import org.minicoin.consensus.types.Hash;

/**
 * Hashes one header at many nonces from a SHA-256 midstate. The first 64 of the 80 header bytes (version, previous
 * hash, most of the merkle root) do not change with the nonce, so they are compressed once; each nonce then costs
 * the second block of the first SHA-256 and the one block of the second: two compressions instead of three.
 *
 * <p>The midstate is a JDK {@link MessageDigest} that has consumed those 64 bytes; a {@code clone()} carries its
 * state. Measured on the development machine (SHA-NI), this beat Bouncy Castle's SHA256Digest, whose state can be
 * restored without allocating but whose compression is plain Java and about three times slower than the JDK's
 * intrinsic. Not thread-safe: one hasher per mining thread.
 */
public final class HeaderHasher {
    private static final int MIDSTATE_BYTES = 64;
    private static final int NONCE_OFFSET = 76;

    private final byte[] header;
    private final MessageDigest midstate;
    private final MessageDigest outer;
    private final byte[] first = new byte[32];
    private final byte[] second = new byte[32];
    /** The target as 32 big-endian bytes, to compare against the hash without building numbers. */
    private final byte[] targetBigEndian;

    /** A hasher for {@code header} (its nonce is ignored) that tests hashes against {@code target}. */
    public HeaderHasher(BlockHeader header, BigInteger target) {
        if (target.signum() < 0 || target.bitLength() > 256) {
            throw new IllegalArgumentException("target must be a 256-bit non-negative number");
        }
        this.header = header.serialize();
        this.midstate = sha256();
        this.midstate.update(this.header, 0, MIDSTATE_BYTES);
        this.outer = sha256();
        byte[] t = target.toByteArray();
        this.targetBigEndian = new byte[32];
        int n = Math.min(t.length, 32);
        System.arraycopy(t, t.length - n, targetBigEndian, 32 - n, n);
    }

    /**
     * Hashes the header with {@code nonce} and says whether the hash, read as a little-endian number, is at or
     * below the target (the proof-of-work rule). Allocates only the cloned digest state.
     */
    public boolean meetsTarget(long nonce) {
        hashInto(nonce);
        for (int i = 0; i < 32; i++) {
            int h = second[31 - i] & 0xff;
            int t = targetBigEndian[i] & 0xff;
            if (h != t) {
                return h < t;
            }
        }
        return true;
    }

    /** The block hash of the header with {@code nonce}. */
    public Hash hash(long nonce) {
        hashInto(nonce);
        return Hash.wrap(second);
    }

    private void hashInto(long nonce) {
        if (nonce < 0 || nonce > 0xffffffffL) {
            throw new IllegalArgumentException("nonce must be a uint32, got " + nonce);
        }
        header[NONCE_OFFSET] = (byte) nonce;
        header[NONCE_OFFSET + 1] = (byte) (nonce >>> 8);
        header[NONCE_OFFSET + 2] = (byte) (nonce >>> 16);
        header[NONCE_OFFSET + 3] = (byte) (nonce >>> 24);
        try {
            MessageDigest inner = (MessageDigest) midstate.clone();
            inner.update(header, MIDSTATE_BYTES, BlockHeader.SIZE - MIDSTATE_BYTES);
            inner.digest(first, 0, 32);
            outer.update(first);
            outer.digest(second, 0, 32);
        } catch (CloneNotSupportedException | DigestException e) {
            throw new IllegalStateException("the JDK's SHA-256 cannot be cloned", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.clone(); // fail here, not per nonce, on a provider whose digest cannot be cloned
            return md;
        } catch (NoSuchAlgorithmException | CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK lacks a cloneable SHA-256", e);
        }
    }
}
