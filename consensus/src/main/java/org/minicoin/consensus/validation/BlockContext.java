package org.minicoin.consensus.validation;

import java.util.Arrays;
import org.minicoin.consensus.pow.ChainHistory;
import org.minicoin.consensus.types.Hash;

/**
 * Where a block would sit, as the node's block index knows it: everything the contextual checks and
 * {@link BlockConnector#connectBlock} need beyond the block and the UTXO view. Consensus has no clock, so "now"
 * comes from the caller too.
 *
 * @param height            the block's height (0 for genesis)
 * @param previous          the parent block, reaching back at least 11 blocks, and further where BIP-0068
 *                          time locks need older median times (the node's index reaches genesis); null at genesis
 * @param medianTimePast    the parent's median time past (Core's pindexPrev-&gt;GetMedianTimePast()); 0 at genesis
 * @param now               the node's adjusted time in seconds, for the two-hour future limit
 * @param bip34AncestorHash the hash of this branch's block at the BIP-0034 height, when the branch reaches it;
 *                          null if not, or if the caller does not know it (BIP-0030 is then always checked, which
 *                          is safe and merely slower)
 */
public record BlockContext(int height, ChainHistory previous, long medianTimePast, long now, Hash bip34AncestorHash) {
    public BlockContext {
        if (height < 0) {
            throw new IllegalArgumentException("height must not be negative: " + height);
        }
        if ((previous == null) != (height == 0)) {
            throw new IllegalArgumentException("exactly the genesis block (height 0) has no previous block");
        }
        if (previous != null && previous.height() != height - 1) {
            throw new IllegalArgumentException("previous block is at height " + previous.height() + ", not "
                    + (height - 1));
        }
    }

    /** The context of a block on top of {@code previous}, with its median time past computed. */
    public static BlockContext after(ChainHistory previous, long now) {
        return new BlockContext(previous.height() + 1, previous, medianTimePast(previous), now, null);
    }

    /** The context of a genesis block. */
    public static BlockContext genesis(long now) {
        return new BlockContext(0, null, 0, now, null);
    }

    public BlockContext withBip34AncestorHash(Hash hash) {
        return new BlockContext(height, previous, medianTimePast, now, hash);
    }

    /**
     * The median of the times of {@code block} and up to 10 of its ancestors (Core's GetMedianTimePast). A new
     * block must be later than its parent's, which keeps block times moving forward even though single
     * timestamps may go backwards.
     */
    public static long medianTimePast(ChainHistory block) {
        long[] times = new long[ConsensusLimits.MEDIAN_TIME_SPAN];
        int n = 0;
        for (ChainHistory b = block; b != null && n < times.length; b = b.previous()) {
            times[n++] = b.time();
        }
        if (n == 0) {
            throw new IllegalArgumentException("no block to take the median time of");
        }
        Arrays.sort(times, 0, n);
        return times[n / 2];
    }
}
