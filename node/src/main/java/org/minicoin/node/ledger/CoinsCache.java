package org.minicoin.node.ledger;

import java.util.HashMap;
import java.util.Map;
import org.minicoin.consensus.types.OutPoint;
import org.minicoin.consensus.validation.Coin;
import org.minicoin.consensus.validation.UtxoView;
import org.minicoin.node.store.Column;
import org.minicoin.node.store.KeyValueStore;
import org.minicoin.node.store.WriteBatch;

/**
 * The UTXO set as validation sees it: the coins column of the store behind a write-back cache (Core's
 * CCoinsViewCache over CCoinsViewDB). Changes stay in memory until {@link #flushTo}; a coin created and spent
 * between two flushes never reaches the disk at all (Core's FRESH flag), which is most coins during sync.
 * Not thread-safe: validation uses it from one thread.
 */
public final class CoinsCache implements UtxoView {
    /** Rough heap cost of one cached entry beyond its script: map node, outpoint, coin, output objects. */
    private static final long ENTRY_OVERHEAD = 200;

    private final KeyValueStore store;
    private final Map<OutPoint, Entry> entries = new HashMap<>();
    private long memoryBytes;

    /** A cached coin; {@code coin == null} means spent. */
    private static final class Entry {
        Coin coin;
        /** Differs from the store: must be written (or deleted) on flush. */
        boolean dirty;
        /** The store has no unspent coin here, so spending this entry can simply forget it. */
        boolean fresh;

        Entry(Coin coin, boolean dirty, boolean fresh) {
            this.coin = coin;
            this.dirty = dirty;
            this.fresh = fresh;
        }
    }

    public CoinsCache(KeyValueStore store) {
        this.store = store;
    }

    private static long cost(Coin coin) {
        return ENTRY_OVERHEAD + (coin == null ? 0 : coin.output().scriptPubKeyLength());
    }

    private Entry fetch(OutPoint outpoint) {
        Entry e = entries.get(outpoint);
        if (e == null) {
            byte[] value = store.get(Column.COINS, CoinCodec.key(outpoint));
            if (value == null) {
                return null;
            }
            e = new Entry(CoinCodec.coin(value), false, false);
            entries.put(outpoint, e);
            memoryBytes += cost(e.coin);
        }
        return e;
    }

    @Override
    public Coin get(OutPoint outpoint) {
        Entry e = fetch(outpoint);
        return e == null ? null : e.coin;
    }

    @Override
    public void add(OutPoint outpoint, Coin coin, boolean possibleOverwrite) {
        Entry e = entries.get(outpoint);
        boolean fresh = false;
        if (!possibleOverwrite) {
            if (e != null && e.coin != null) {
                throw new IllegalStateException("attempt to overwrite unspent coin " + outpoint);
            }
            // A spent-but-dirty entry has not told the store yet; it must not become fresh, or spending it again
            // before a flush would forget the deletion.
            fresh = e == null || !e.dirty;
        }
        if (e == null) {
            e = new Entry(coin, true, fresh);
            entries.put(outpoint, e);
        } else {
            memoryBytes -= cost(e.coin);
            e.coin = coin;
            e.dirty = true;
            e.fresh = e.fresh || fresh;
        }
        memoryBytes += cost(coin);
    }

    @Override
    public Coin spend(OutPoint outpoint) {
        Entry e = fetch(outpoint);
        if (e == null || e.coin == null) {
            return null;
        }
        Coin spent = e.coin;
        if (e.fresh) {
            entries.remove(outpoint);
            memoryBytes -= cost(spent);
        } else {
            // The entry stays, as a deletion to flush.
            e.coin = null;
            e.dirty = true;
            memoryBytes -= spent.output().scriptPubKeyLength();
        }
        return spent;
    }

    /** Approximate heap held by the cache, for the -dbcache limit. */
    public long memoryBytes() {
        return memoryBytes;
    }

    public int cachedEntries() {
        return entries.size();
    }

    /**
     * Adds every change to {@code batch} (for the caller to write atomically with the tip pointer) and empties
     * the cache. Returns the number of writes and deletes added.
     */
    public int flushTo(WriteBatch batch) {
        int changes = 0;
        for (Map.Entry<OutPoint, Entry> me : entries.entrySet()) {
            Entry e = me.getValue();
            if (!e.dirty) {
                continue;
            }
            byte[] key = CoinCodec.key(me.getKey());
            if (e.coin != null) {
                batch.put(Column.COINS, key, CoinCodec.value(e.coin));
            } else {
                batch.delete(Column.COINS, key);
            }
            changes++;
        }
        entries.clear();
        memoryBytes = 0;
        return changes;
    }

    /** Visits every stored (flushed) coin in key order; the cache must have been flushed for a full view. */
    public static void forEachStored(KeyValueStore store, java.util.function.BiConsumer<OutPoint, Coin> visitor) {
        store.scan(Column.COINS, new byte[0], (k, v) -> {
            visitor.accept(CoinCodec.outpoint(k), CoinCodec.coin(v));
            return true;
        });
    }
}
