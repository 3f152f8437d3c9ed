package org.minicoin.node.importer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.minicoin.consensus.encoding.DecodeException;
import org.minicoin.consensus.types.Block;

/**
 * Streams the records of a blk*.dat file: [4-byte magic][4-byte little-endian length][block]. As Core's
 * LoadExternalBlockFile, it searches forward for the next magic after garbage (zero padding from preallocation,
 * a torn write after a crash), skips a record whose length is impossible or whose bytes do not parse as a block,
 * and stops at end of file. It never reads a record's length worth of bytes before checking that length against
 * the maximum block size, so a corrupt length cannot make it allocate gigabytes.
 */
public final class BlockFileReader implements AutoCloseable {
    /** Core's MAX_BLOCK_SERIALIZED_SIZE: no valid block is larger. */
    public static final int MAX_BLOCK_SIZE = 4_000_000;

    private final InputStream in;
    private final byte[] magic;
    private long offset;
    private long skippedBytes;
    private int badRecords;

    /** One block read, and where its record started in the file. */
    public record Record(long offset, Block block, int size) {
    }

    public BlockFileReader(InputStream in, byte[] magic) {
        this.in = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 1 << 20);
        this.magic = magic.clone();
    }

    public static BlockFileReader open(Path file, byte[] magic) throws IOException {
        return new BlockFileReader(Files.newInputStream(file), magic);
    }

    /** The next block, or null at end of file. */
    public Record next() throws IOException {
        while (true) {
            long start = findMagic();
            if (start < 0) {
                return null;
            }
            byte[] len = new byte[4];
            if (!readFully(len)) {
                return null; // truncated at the very end, as after a crash mid-write
            }
            long size = (len[0] & 0xffL) | (len[1] & 0xffL) << 8 | (len[2] & 0xffL) << 16 | (len[3] & 0xffL) << 24;
            if (size < 80 || size > MAX_BLOCK_SIZE) {
                badRecords++;
                continue; // not a real record: search on for the next magic
            }
            byte[] body = new byte[(int) size];
            if (!readFully(body)) {
                badRecords++;
                return null;
            }
            try {
                return new Record(start, Block.fromBytes(body), (int) size);
            } catch (DecodeException e) {
                badRecords++;
                // Core also skips a record that does not deserialize, and goes on with the next magic.
            }
        }
    }

    /** Bytes skipped while searching for a magic (padding or garbage). */
    public long skippedBytes() {
        return skippedBytes;
    }

    /** Records whose length was impossible or whose bytes were not a block. */
    public int badRecords() {
        return badRecords;
    }

    /** Bytes consumed so far. */
    public long offset() {
        return offset;
    }

    /** Consumes input up to and including the next magic; returns the offset where it started, or -1 at EOF. */
    private long findMagic() throws IOException {
        int matched = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                skippedBytes += matched;
                return -1;
            }
            offset++;
            if ((byte) b == magic[matched]) {
                matched++;
                if (matched == magic.length) {
                    return offset - magic.length;
                }
            } else {
                // Restart the match; the byte may itself begin a magic. (Network magics do not overlap
                // themselves, so no longer fallback is needed.)
                skippedBytes += matched + ((byte) b == magic[0] ? 0 : 1);
                matched = (byte) b == magic[0] ? 1 : 0;
            }
        }
    }

    private boolean readFully(byte[] buf) throws IOException {
        int n = 0;
        while (n < buf.length) {
            int r = in.read(buf, n, buf.length - n);
            if (r < 0) {
                return false;
            }
            n += r;
            offset += r;
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
