package org.minicoin.genesis.block;

import java.math.BigInteger;
import org.minicoin.consensus.pow.CompactTarget;
import org.minicoin.consensus.types.BlockHeader;

/**
 * Finds a nonce (and, if all 2^32 nonces fail, a later time) that puts a header's hash at or below the target of
 * its own bits. Single-threaded on purpose: a new network's genesis uses easy bits, and a simple loop is easy to
 * trust. The caller bounds the work by choosing the bits; there is no other limit.
 */
public final class GenesisMiner {
    private static final long MAX_UINT32 = 0xffffffffL;

    /** A solved header and how many hashes it took. */
    public record Result(BlockHeader header, long hashes) {
    }

    private GenesisMiner() {
    }

    /**
     * Searches upward from {@code start}'s nonce. When the nonce wraps, the time moves on by one second and the
     * nonces start again from 0, as Core's miners do with the time field.
     *
     * @throws IllegalArgumentException if the bits do not decode to a positive target
     * @throws IllegalStateException    if the time would pass 2^32 - 1 before a solution is found
     */
    public static Result mine(BlockHeader start) {
        CompactTarget decoded = CompactTarget.decode(start.bits());
        if (!decoded.isValidPositive()) {
            throw new IllegalArgumentException(
                    "bits " + String.format("%08x", start.bits()) + " do not decode to a positive target");
        }
        BigInteger target = decoded.target();
        BlockHeader header = start;
        long hashes = 0;
        while (true) {
            hashes++;
            if (meetsTarget(header, target)) {
                return new Result(header, hashes);
            }
            if (header.nonce() < MAX_UINT32) {
                header = header.withNonce(header.nonce() + 1);
            } else if (header.time() < MAX_UINT32) {
                header = header.withTime(header.time() + 1).withNonce(0);
            } else {
                throw new IllegalStateException("no solution before the header time overflows");
            }
        }
    }

    /** Core's CheckProofOfWork comparison for an already-decoded target: hash <= target. */
    public static boolean meetsTarget(BlockHeader header, BigInteger target) {
        return header.hash().toBigInteger().compareTo(target) <= 0;
    }
}
