package org.minicoin.node.fees;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.minicoin.consensus.crypto.Hashes;
import org.minicoin.consensus.encoding.ByteReader;
import org.minicoin.consensus.encoding.ByteWriter;
import org.minicoin.node.store.AtomicFile;

/**
 * The envelope of a saved fee estimator ({@code fee_estimates.dat}): a magic, a format version, the estimator's
 * body and a SHA-256 of all that. Core's file has only a version in front of the body and trusts the rest; the
 * magic and checksum let us refuse a foreign, truncated or bit-flipped file with a clear reason instead of loading
 * garbage statistics. The body layout follows Core's (see {@link FeeEstimator}), so it is not Core-readable, but
 * it reads like Core's.
 */
final class FeeEstimatesFile {
    private static final byte[] MAGIC = "mcfeeest".getBytes(StandardCharsets.US_ASCII);
    /** Bumped when the body changes incompatibly (for instance the bucket boundaries). */
    static final int VERSION = 1;
    private static final int CHECKSUM_LENGTH = 32;
    private static final int HEADER_LENGTH = MAGIC.length + Integer.BYTES;
    /** A saved estimator is about 250 KB; anything far larger is not one, and is not read into memory. */
    private static final long MAX_FILE_SIZE = 4L << 20;

    private FeeEstimatesFile() {
    }

    /**
     * Writes {@code body} in the envelope so that {@code file} holds either its old content or the whole new one:
     * a temporary file in the same directory, fsync, rename over the target, fsync of the directory.
     */
    static void write(Path file, byte[] body) throws IOException {
        ByteWriter w = new ByteWriter(HEADER_LENGTH + body.length + CHECKSUM_LENGTH);
        w.writeBytes(MAGIC).writeInt32LE(VERSION).writeBytes(body);
        byte[] unsummed = w.toByteArray();
        byte[] bytes = new ByteWriter(unsummed.length + CHECKSUM_LENGTH).writeBytes(unsummed)
                .writeBytes(Hashes.sha256(unsummed)).toByteArray();

        AtomicFile.write(file, bytes);
    }

    /** Reads {@code file} and returns the body, after checking magic, version and checksum. */
    static byte[] read(Path file) throws IOException {
        long size = Files.size(file);
        String where = "fee estimates file " + file + ": ";
        if (size > MAX_FILE_SIZE) {
            throw new IOException(where + "not a minicoin fee estimates file (" + size + " bytes)");
        }
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length < HEADER_LENGTH + CHECKSUM_LENGTH
                || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new IOException(where + "not a minicoin fee estimates file (bad magic or too short, "
                    + bytes.length + " bytes)");
        }
        int version = new ByteReader(bytes, MAGIC.length, Integer.BYTES).readInt32LE("version");
        if (version != VERSION) {
            throw new IOException(where + "format version " + version + " cannot be read (this node reads "
                    + VERSION + ")");
        }
        int bodyEnd = bytes.length - CHECKSUM_LENGTH;
        byte[] expected = Hashes.sha256(bytes, 0, bodyEnd);
        if (!Arrays.equals(bytes, bodyEnd, bytes.length, expected, 0, CHECKSUM_LENGTH)) {
            throw new IOException(where + "checksum mismatch: the file is corrupted or truncated");
        }
        return Arrays.copyOfRange(bytes, HEADER_LENGTH, bodyEnd);
    }
}
