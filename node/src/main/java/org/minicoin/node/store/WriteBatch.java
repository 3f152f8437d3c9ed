package org.minicoin.node.store;

/**
 * Changes to apply together: after a crash either all of a batch is in the database or none of it. One block
 * connect (coins, undo data, tip pointer) is one batch. Not thread-safe; close it (or write it) when done.
 */
public interface WriteBatch extends AutoCloseable {
    void put(Column column, byte[] key, byte[] value);

    void delete(Column column, byte[] key);

    /** Number of operations added so far. */
    int count();

    @Override
    void close();
}
