package org.minicoin.consensus.validation;

import java.util.LinkedHashMap;
import java.util.Map;
import org.minicoin.consensus.types.OutPoint;

/**
 * Changes to a base view, kept aside until {@link #flush()} (Core's CCoinsViewCache over the chain tip's cache).
 * Connecting or disconnecting a block works on an overlay, so a block that fails half way leaves the caller's view
 * untouched. A coin created and spent within the overlay never reaches the base (Core's FRESH flag).
 */
final class UtxoOverlay implements UtxoView {
    /** A changed outpoint: its coin (null when spent) and whether the base holds no unspent coin there. */
    private record Entry(Coin coin, boolean fresh) {
    }

    private final UtxoView base;
    private final Map<OutPoint, Entry> changes = new LinkedHashMap<>();

    UtxoOverlay(UtxoView base) {
        this.base = base;
    }

    @Override
    public Coin get(OutPoint outpoint) {
        Entry e = changes.get(outpoint);
        return e != null ? e.coin : base.get(outpoint);
    }

    @Override
    public void add(OutPoint outpoint, Coin coin, boolean possibleOverwrite) {
        Entry e = changes.get(outpoint);
        if (!possibleOverwrite && e != null && e.coin != null) {
            throw new IllegalStateException("attempted to overwrite the unspent coin at " + outpoint);
        }
        // Without a possible overwrite the caller vouches that the base has no unspent coin here, which spares a
        // base lookup for every new output (as Core trusts it).
        boolean fresh = e != null ? e.fresh : !possibleOverwrite;
        changes.put(outpoint, new Entry(coin, fresh));
    }

    @Override
    public Coin spend(OutPoint outpoint) {
        Coin coin = get(outpoint);
        if (coin == null) {
            return null;
        }
        Entry e = changes.get(outpoint);
        if (e != null && e.fresh) {
            changes.remove(outpoint);
        } else {
            changes.put(outpoint, new Entry(null, false));
        }
        return coin;
    }

    /** Applies every change to the base view. */
    void flush() {
        for (Map.Entry<OutPoint, Entry> change : changes.entrySet()) {
            Entry e = change.getValue();
            if (e.coin == null) {
                base.spend(change.getKey());
            } else {
                base.add(change.getKey(), e.coin, !e.fresh);
            }
        }
        changes.clear();
    }
}
