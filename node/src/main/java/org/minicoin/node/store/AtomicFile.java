package org.minicoin.node.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file so that a crash at any instant leaves either its old content or the whole new one: a temporary
 * file in the same directory, fsync, rename over the target, fsync of the directory (Core's approach for
 * mempool.dat, fee_estimates.dat and the cookie).
 */
public final class AtomicFile {
    private AtomicFile() {
    }

    /** Writes {@code bytes} to {@code file} atomically, with the default permissions. */
    public static void write(Path file, byte[] bytes) throws IOException {
        write(file, bytes, null);
    }

    /**
     * Writes {@code bytes} to {@code file} atomically; with {@code permissions} (e.g. "rw-------" for secrets)
     * the file has them from its creation, before any byte is written.
     */
    public static void write(Path file, byte[] bytes, String permissions) throws IOException {
        Path target = file.toAbsolutePath();
        Path tmp = writeTemp(target, bytes, permissions);
        try {
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        syncDirectory(target.getParent());
    }

    /**
     * Like {@link #write(Path, byte[], String)}, but never replaces anything: if {@code file} exists when the new
     * content would appear, this fails with {@link FileAlreadyExistsException} and leaves it alone. The new file
     * appears by link(2), which the kernel refuses atomically when the name is taken, so of two concurrent
     * creators exactly one wins (a check followed by a rename could let both "win" and lose the first file).
     */
    public static void writeNew(Path file, byte[] bytes, String permissions) throws IOException {
        Path target = file.toAbsolutePath();
        Path tmp = writeTemp(target, bytes, permissions);
        try {
            try {
                Files.createLink(target, tmp);
            } catch (FileAlreadyExistsException e) {
                throw e;
            } catch (UnsupportedOperationException | FileSystemException e) {
                // No hard links here (FAT, some network file systems): the JDK's move without REPLACE_EXISTING
                // checks and renames, which is the best such a file system allows.
                Files.move(tmp, target);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        syncDirectory(target.getParent());
    }

    /** A synced temporary file beside {@code target}, with {@code permissions} from its creation. */
    private static Path writeTemp(Path target, byte[] bytes, String permissions) throws IOException {
        Path dir = target.getParent();
        Path tmp;
        if (permissions != null && dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Set<PosixFilePermission> perms = PosixFilePermissions.fromString(permissions);
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp",
                    PosixFilePermissions.asFileAttribute(perms));
        } else {
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        }
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return tmp;
    }

    /** Makes a rename or link in {@code dir} durable. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Not supported here (e.g. Windows); the file itself was synced before the rename.
        }
    }
}
