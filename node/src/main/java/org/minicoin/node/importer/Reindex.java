package org.minicoin.node.importer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.minicoin.consensus.types.BlockHeader;
import org.minicoin.consensus.types.Hash;
import org.minicoin.node.ledger.BlockIndexEntry;
import org.minicoin.node.store.Column;
import org.minicoin.node.store.KeyValueStore;
import org.minicoin.node.store.WriteBatch;

/**
 * -reindex: throws away the chain state (block index, coins, undo data, tip) and rebuilds it from the stored
 * blocks, which are checked and connected again as if they had just arrived. A flag written before anything is
 * deleted and cleared only at the end makes an interrupted reindex start over on the next start (Core keeps a
 * similar "reindexing" flag in its block tree database).
 */
public final class Reindex {
    private static final byte[] FLAG = "reindexing".getBytes(StandardCharsets.US_ASCII);
    /** Keys deleted per batch while wiping; the flag makes the wipe safe to split. */
    private static final int WIPE_BATCH = 10_000;

    private Reindex() {
    }

    /** Whether a reindex was begun and not finished: the node must finish it before anything else. */
    public static boolean pending(KeyValueStore store) {
        return store.get(Column.CHAIN_STATE, FLAG) != null;
    }

    /**
     * Marks a reindex as under way, wipes the chain state, and returns the stored blocks that descend from
     * {@code genesis} in an order in which each comes after its parent: by height, and at equal height in the
     * order they were first seen (so the first-seen rule picks the same tip as before). Blocks that do not
     * descend from genesis are left out.
     */
    public static List<Hash> begin(KeyValueStore store, Hash genesis) {
        Map<Hash, Long> firstSeen = new HashMap<>();
        if (!pending(store)) {
            store.scan(Column.BLOCK_INDEX, new byte[0], (k, v) -> {
                firstSeen.put(Hash.wrap(k), BlockIndexEntry.Stored.parse(v).sequence());
                return true;
            });
            try (WriteBatch b = store.newBatch()) {
                b.put(Column.CHAIN_STATE, FLAG, new byte[] {1});
                store.write(b, true);
            }
        }
        Map<Hash, List<Hash>> children = new HashMap<>();
        store.scan(Column.BLOCK_DATA, new byte[0], (k, v) -> {
            BlockHeader h = BlockHeader.fromBytes(java.util.Arrays.copyOf(v, BlockHeader.SIZE));
            children.computeIfAbsent(h.prevBlock(), p -> new ArrayList<>()).add(Hash.wrap(k));
            return true;
        });
        for (Column c : new Column[] {Column.BLOCK_INDEX, Column.UNDO, Column.COINS, Column.CHAIN_STATE}) {
            wipe(store, c);
        }
        Comparator<Hash> order = Comparator.comparingLong((Hash h) -> firstSeen.getOrDefault(h, Long.MAX_VALUE))
                .thenComparing(Hash::toString);
        List<Hash> out = new ArrayList<>();
        List<Hash> level = new ArrayList<>(List.of(genesis));
        while (!level.isEmpty()) {
            level.sort(order);
            out.addAll(level);
            List<Hash> next = new ArrayList<>();
            for (Hash h : level) {
                next.addAll(children.getOrDefault(h, List.of()));
            }
            level = next;
        }
        return out;
    }

    /** Deletes every key of a column except the reindex flag, in batches. */
    private static void wipe(KeyValueStore store, Column column) {
        Deque<byte[]> keys = new ArrayDeque<>();
        store.scan(column, new byte[0], (k, v) -> {
            if (!(column == Column.CHAIN_STATE && java.util.Arrays.equals(k, FLAG))) {
                keys.add(k);
            }
            return true;
        });
        while (!keys.isEmpty()) {
            try (WriteBatch b = store.newBatch()) {
                for (int i = 0; i < WIPE_BATCH && !keys.isEmpty(); i++) {
                    b.delete(column, keys.pop());
                }
                store.write(b, false);
            }
        }
    }

    /** Clears the flag: the chain state is whole again. Call after the rebuilt state is flushed. */
    public static void finish(KeyValueStore store) {
        try (WriteBatch b = store.newBatch()) {
            b.delete(Column.CHAIN_STATE, FLAG);
            store.write(b, true);
        }
    }
}
