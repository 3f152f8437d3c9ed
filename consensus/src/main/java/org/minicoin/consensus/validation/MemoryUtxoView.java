package org.minicoin.consensus.validation;

import java.util.HashMap;
import java.util.Map;
import org.minicoin.consensus.types.OutPoint;

/** A {@link UtxoView} held in a hash map: for tests, tools, and as the reference the node's store must match. */
public final class MemoryUtxoView implements UtxoView {
    private final Map<OutPoint, Coin> coins = new HashMap<>();

    public MemoryUtxoView() {
    }

    public MemoryUtxoView(Map<OutPoint, Coin> initial) {
        coins.putAll(initial);
    }

    @Override
    public Coin get(OutPoint outpoint) {
        return coins.get(outpoint);
    }

    @Override
    public void add(OutPoint outpoint, Coin coin, boolean possibleOverwrite) {
        Coin previous = coins.put(outpoint, coin);
        if (previous != null && !possibleOverwrite) {
            coins.put(outpoint, previous);
            throw new IllegalStateException("attempted to overwrite the unspent coin at " + outpoint);
        }
    }

    @Override
    public Coin spend(OutPoint outpoint) {
        return coins.remove(outpoint);
    }

    public int size() {
        return coins.size();
    }

    /** The sum of all unspent values in satoshis (Core's gettxoutsetinfo total_amount). */
    public long totalValue() {
        long sum = 0;
        for (Coin c : coins.values()) {
            sum = Math.addExact(sum, c.output().value());
        }
        return sum;
    }

    /** A copy of every unspent coin. */
    public Map<OutPoint, Coin> snapshot() {
        return Map.copyOf(coins);
    }
}
