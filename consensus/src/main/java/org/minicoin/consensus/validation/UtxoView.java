package org.minicoin.consensus.validation;

import org.minicoin.consensus.types.OutPoint;

/**
 * The unspent outputs as validation sees them (Core's CCoinsViewCache, reduced to what connecting and
 * disconnecting a block needs). The node backs it with RocksDB and a cache; tests use {@link MemoryUtxoView}.
 * Implementations need not be thread-safe: validation calls them from one thread only.
 */
public interface UtxoView {

    /** The unspent coin at {@code outpoint}, or null if there is none (never created, or spent). */
    Coin get(OutPoint outpoint);

    default boolean contains(OutPoint outpoint) {
        return get(outpoint) != null;
    }

    /**
     * Adds an unspent coin. {@code possibleOverwrite} says an unspent coin may already be there: only the two
     * historical duplicate coinbases (BIP-0030) and a disconnect restoring a coin do that; otherwise an existing
     * coin signals a bug or a corrupt view, and an implementation may throw {@link IllegalStateException}.
     * Validation never adds provably unspendable outputs.
     */
    void add(OutPoint outpoint, Coin coin, boolean possibleOverwrite);

    /** Removes the unspent coin at {@code outpoint} and returns it, or returns null (and changes nothing). */
    Coin spend(OutPoint outpoint);
}
