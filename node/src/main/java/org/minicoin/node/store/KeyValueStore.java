package org.minicoin.node.store;

import java.util.function.BiPredicate;

/**
 * A key-value store with column families and atomic batches. Keys order as unsigned bytes, so fixed-width
 * big-endian keys iterate in numeric order. Thread-safe.
 */
public interface KeyValueStore extends AutoCloseable {
    /** The value under {@code key}, or null. */
    byte[] get(Column column, byte[] key);

    WriteBatch newBatch();

    /**
     * Applies a batch atomically. With {@code sync}, returns only once the batch is on disk (fsync), so it survives
     * a power loss; without, it survives a process crash but may be lost with the machine.
     */
    void write(WriteBatch batch, boolean sync);

    /**
     * Visits entries whose key starts with {@code prefix}, in key order, until the visitor returns false.
     */
    void scan(Column column, byte[] prefix, BiPredicate<byte[], byte[]> visitor);

    @Override
    void close();
}
