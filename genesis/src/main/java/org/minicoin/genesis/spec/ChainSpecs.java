package org.minicoin.genesis.spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.minicoin.consensus.params.ChainParams;

/**
 * Where node and tool code get a network. A built-in network ({@code main}, {@code regtest}, {@code devnet}) is
 * found by name; anything else is read as a chain spec file. Every spec returned has passed all checks, genesis hash
 * included.
 *
 * <pre>{@code
 * ChainParams main = ChainSpecs.params("main");
 * ChainParams mine = ChainSpecs.params("/path/to/mynet.json");
 * }</pre>
 */
public final class ChainSpecs {
    /** The networks shipped as resources, in the order they are listed to users. */
    public static final List<String> BUILT_IN = List.of("main", "regtest", "devnet");

    /** Specs are a page of JSON; refusing big files early stops a wrong path from being slurped into memory. */
    static final int MAX_FILE_BYTES = 1 << 20;

    private static final String RESOURCE_DIR = "/org/minicoin/genesis/specs/";

    private ChainSpecs() {
    }

    /**
     * A built-in network by name, otherwise the spec file at that path. Built-in names win, so a file called
     * {@code main} in the working directory must be given as {@code ./main}.
     */
    public static ChainSpec load(String nameOrFile) {
        if (BUILT_IN.contains(nameOrFile)) {
            return builtIn(nameOrFile);
        }
        Path file = Path.of(nameOrFile);
        if (!Files.exists(file)) {
            throw new ChainSpecException(nameOrFile, null, "no such file, and not a built-in network ("
                    + String.join(", ", BUILT_IN) + ")");
        }
        return read(file);
    }

    /** Whether {@code name} may name a network: it becomes a data directory, so no separators or leading dot. */
    public static boolean isValidName(String name) {
        return ChainSpecReader.NAME.matcher(name).matches();
    }

    /** {@link #load(String)} then {@link ChainSpec#params()}. */
    public static ChainParams params(String nameOrFile) {
        return load(nameOrFile).params();
    }

    public static ChainSpec builtIn(String name) {
        if (!BUILT_IN.contains(name)) {
            throw new ChainSpecException(name, null, "not a built-in network (" + String.join(", ", BUILT_IN) + ")");
        }
        try (InputStream in = ChainSpecs.class.getResourceAsStream(RESOURCE_DIR + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("built-in chain spec " + name + " is missing from the jar");
            }
            return ChainSpecReader.read(name, in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in chain spec " + name, e);
        }
    }

    /** Reads and checks the spec file at {@code file}. */
    public static ChainSpec read(Path file) {
        String source = file.toString();
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new ChainSpecException(source, null, "is " + size + " bytes; a chain spec is at most "
                        + MAX_FILE_BYTES);
            }
            return ChainSpecReader.read(source, Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new ChainSpecException(source, null, "no such file", e);
        } catch (IOException e) {
            throw new ChainSpecException(source, null, "cannot read: " + e, e);
        }
    }

    /** Parses and checks spec text; {@code source} names it in errors. */
    public static ChainSpec parse(String json, String source) {
        return ChainSpecReader.read(source, json.getBytes(StandardCharsets.UTF_8));
    }

    /** The spec in its canonical JSON layout, ending in a newline. */
    public static String toJson(ChainSpec spec) {
        return ChainSpecWriter.toJson(spec);
    }

    /**
     * Writes the spec so that {@code file} holds either its old content or the whole new spec, never a torn one: a
     * temporary file in the same directory, fsync, rename over the target, fsync of the directory.
     */
    public static void write(Path file, ChainSpec spec) throws IOException {
        byte[] bytes = toJson(spec).getBytes(StandardCharsets.UTF_8);
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            // A spec is public data that other users' nodes read; temp files start out owner-only.
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system; its default permissions apply.
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        syncDirectory(dir);
    }

    /** Makes the rename durable. Some platforms cannot open a directory for syncing; there it is best effort. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Not supported here (e.g. Windows); the file itself was synced before the rename.
        }
    }
}
