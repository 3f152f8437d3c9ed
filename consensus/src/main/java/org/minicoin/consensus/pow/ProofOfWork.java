package org.minicoin.consensus.pow;

import java.math.BigInteger;
import java.util.Optional;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.types.Hash;

/**
 * The proof-of-work check on a block hash and the work a block contributes to its chain, as Core's
 * CheckProofOfWork, DeriveTarget and GetBlockProof. Whether the bits are the ones the chain requires at that height
 * is {@link DifficultyAdjustment}'s question, asked separately.
 */
public final class ProofOfWork {
    private static final BigInteger TWO_TO_256 = BigInteger.ONE.shiftLeft(256);

    private ProofOfWork() {
    }

    /**
     * The target encoded by {@code bits}, or empty when a header could not legitimately carry them: negative, zero,
     * overflowing 256 bits, or easier than {@code powLimit}. Rejecting easier targets is what stops a miner from
     * simply declaring a trivial difficulty. (Core's DeriveTarget.)
     */
    public static Optional<BigInteger> deriveTarget(long bits, BigInteger powLimit) {
        CompactTarget compact = CompactTarget.decode(bits);
        if (!compact.isValidPositive() || compact.target().compareTo(powLimit) > 0) {
            return Optional.empty();
        }
        return Optional.of(compact.target());
    }

    /**
     * True when {@code bits} is a valid target within the network's limit and the block hash, read as a 256-bit
     * little-endian number, does not exceed it (Core's CheckProofOfWork). A hash equal to the target passes.
     */
    public static boolean checkProofOfWork(Hash blockHash, long bits, ChainParams params) {
        Optional<BigInteger> target = deriveTarget(bits, params.powLimit());
        return target.isPresent() && blockHash.toBigInteger().compareTo(target.get()) <= 0;
    }

    /**
     * The expected number of hashes needed to meet {@code bits}: 2^256 / (target + 1), or zero when the bits are
     * negative, overflowing or zero (Core's GetBlockProof). Summed along a chain this is its chainwork, which picks
     * the best chain. Unlike {@link #deriveTarget} this ignores the pow limit, as Core does; the header has already
     * been checked against it before its work counts.
     */
    public static BigInteger blockWork(long bits) {
        CompactTarget compact = CompactTarget.decode(bits);
        if (!compact.isValidPositive()) {
            return BigInteger.ZERO;
        }
        // Core computes ~target / (target + 1) + 1 to stay within 256 bits; with no width limit the plain
        // quotient is the same number.
        return TWO_TO_256.divide(compact.target().add(BigInteger.ONE));
    }
}
