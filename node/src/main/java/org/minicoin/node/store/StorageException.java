package org.minicoin.node.store;

/** A storage failure (I/O, corruption, a locked or incompatible data directory). Wraps RocksDB's exceptions. */
public final class StorageException extends RuntimeException {
    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
