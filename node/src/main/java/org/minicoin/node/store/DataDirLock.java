package org.minicoin.node.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a data directory (the file {@code .lock} in it), held for as long as a node uses the
 * directory: two nodes writing one database would corrupt it. The operating system releases the lock if the
 * process dies, so a crashed node never leaves a stale lock behind.
 */
public final class DataDirLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock, or fails with Core's message if another process (or this one) holds it. */
    public static DataDirLock acquire(Path dir) {
        try {
            Files.createDirectories(dir);
            FileChannel ch = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null; // held by this JVM
            }
            if (l == null) {
                ch.close();
                throw new StorageException("Cannot obtain a lock on data directory " + dir
                        + ". minicoind is probably already running.");
            }
            return new DataDirLock(ch, l);
        } catch (IOException e) {
            throw new StorageException("cannot lock data directory " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new StorageException("cannot release data directory lock: " + e.getMessage(), e);
        }
    }
}
