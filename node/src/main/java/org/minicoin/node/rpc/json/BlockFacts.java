package org.minicoin.node.rpc.json;

import java.math.BigInteger;
import java.util.Objects;
import org.minicoin.consensus.types.Hash;

/**
 * What a block's JSON says about its place in the chain, which the block's bytes alone cannot tell; the caller
 * fills it from its chain state (Core reads the same from the CBlockIndex and the active chain's tip).
 *
 * @param height        the block's height
 * @param confirmations tip height - height + 1 when the block is on the active chain, -1 when it is not
 *                      ({@link #confirmations(int, int, boolean)} computes it)
 * @param medianTime    the median time past of the 11 blocks ending with this one
 * @param chainWork     the total work of the chain up to and including this block
 * @param txCount       Core's {@code nTx}: the block's transaction count, 0 while only its header is known
 * @param nextBlockHash the next block on the active chain, or null for the tip and for blocks off it
 */
public record BlockFacts(int height, int confirmations, long medianTime, BigInteger chainWork, long txCount,
                         Hash nextBlockHash) {
    public BlockFacts {
        Objects.requireNonNull(chainWork, "chainWork");
        if (height < 0) {
            throw new IllegalArgumentException("height must not be negative: " + height);
        }
        if (chainWork.signum() < 0 || chainWork.bitLength() > 256) {
            throw new IllegalArgumentException("chain work must be a 256-bit unsigned number");
        }
    }

    /**
     * Core's ComputeNextBlockAndDepth: a block on the active chain has {@code tipHeight - height + 1}
     * confirmations (the tip has 1); one off the active chain has -1.
     */
    public static int confirmations(int tipHeight, int height, boolean onActiveChain) {
        return onActiveChain ? tipHeight - height + 1 : -1;
    }
}
