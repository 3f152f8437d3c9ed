package org.minicoin.node.ledger;

import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.validation.ValidationException;

/**
 * Told of changes to the active chain (Core's validation interface, reduced). Calls come on the thread that
 * changed the chain, while it holds the chain state's lock, in the order the changes happened: a reorganisation
 * is a run of {@link #blockDisconnected} then a run of {@link #blockConnected}, followed by one
 * {@link #tipChanged}. A listener must not throw and must not block for long.
 */
public interface ChainListener {
    /** {@code block} joined the active chain as {@code entry}, the new tip. */
    default void blockConnected(Block block, BlockIndexEntry entry) {
    }

    /** {@code block}, at {@code entry}, left the active chain; its parent is the new tip. */
    default void blockDisconnected(Block block, BlockIndexEntry entry) {
    }

    /**
     * {@code entry}'s block passed the checks on receipt but failed to connect (Core's BlockChecked with an invalid
     * state); it and its descendants are now marked invalid. Sync uses it to punish whoever sent the block.
     */
    default void blockInvalid(BlockIndexEntry entry, ValidationException failure) {
    }

    /** The active chain settled on {@code tip} after one operation (a block, an invalidation, a reconsider). */
    default void tipChanged(BlockIndexEntry tip) {
    }
}
