package org.minicoin.consensus.pow;

/**
 * The view of a chain that retargeting needs: a block's height, compact target and time, and a link to its parent.
 * The node's block index implements it; tests use a linked list of plain records. Only headers matter here, so an
 * implementation need not hold transactions.
 */
public interface ChainHistory {

    /** Height of this block; the genesis block is 0. */
    int height();

    /** The block's compact target (nBits), an unsigned 32-bit value. */
    long bits();

    /** The block's timestamp in seconds since the epoch (nTime), an unsigned 32-bit value. */
    long time();

    /** The parent block, or null at genesis (or at the first block an implementation keeps). */
    ChainHistory previous();

    /**
     * The block at {@code height} on this block's branch, or null if the height is negative, above this block, or
     * before the first block the view holds. The default walks parent links one by one; a block index with skip
     * pointers (Core's GetAncestor) should override it.
     */
    default ChainHistory ancestor(int height) {
        if (height < 0 || height > height()) {
            return null;
        }
        ChainHistory block = this;
        while (block != null && block.height() > height) {
            block = block.previous();
        }
        return block;
    }
}
