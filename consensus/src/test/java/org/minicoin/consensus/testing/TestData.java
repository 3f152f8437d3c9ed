package org.minicoin.consensus.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.minicoin.consensus.encoding.LittleEndian;
import org.minicoin.consensus.types.Block;

/**
 * The shared conformance data ({@code ../shared/testdata} beside the repository), located through the system
 * property {@code minicoin.testdata} that the root POM hands to Surefire. A missing directory fails the test:
 * conformance data that cannot be read is a failing test, never a skipped one.
 */
public final class TestData {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestData() {
    }

    public static Path dir() {
        String prop = System.getProperty("minicoin.testdata");
        Path dir = prop != null ? Path.of(prop) : Path.of("..", "..", "shared", "testdata");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("conformance data not found at " + dir.toAbsolutePath()
                    + " (set -Dminicoin.testdata=<path to shared/testdata>)");
        }
        return dir;
    }

    public static Path path(String relative) {
        return dir().resolve(relative);
    }

    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(String relative) {
        try {
            return JSON.readTree(path(relative).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Rows of a Bitcoin Core test-vector file, without the comment rows (arrays holding a single string).
     */
    public static List<JsonNode> vectorRows(String relative) {
        List<JsonNode> rows = new ArrayList<>();
        for (JsonNode row : json(relative)) {
            if (!(row.size() == 1 && row.get(0).isTextual())) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** The records of a file in blk*.dat framing: [4-byte magic][4-byte little-endian length][payload]. */
    public static List<byte[]> blockFileRecords(String relative, byte[] magic) {
        byte[] file = bytes(relative);
        List<byte[]> records = new ArrayList<>();
        int pos = 0;
        while (pos + 8 <= file.length) {
            for (int i = 0; i < 4; i++) {
                if (file[pos + i] != magic[i]) {
                    throw new IllegalStateException("bad magic at offset " + pos + " of " + relative);
                }
            }
            int len = LittleEndian.getInt32(file, pos + 4);
            records.add(java.util.Arrays.copyOfRange(file, pos + 8, pos + 8 + len));
            pos += 8 + len;
        }
        return records;
    }

    /** Mainnet blocks 0-438, each as serialized; element i is the block at height i. */
    public static List<byte[]> mainnetRaw() {
        return blockFileRecords("mainnet/blocks-0-438.dat", new byte[] {(byte) 0xf9, (byte) 0xbe, (byte) 0xb4,
                (byte) 0xd9});
    }

    /** Core's regtest chain (heights 1-711 and a stale two-block fork), each block as serialized. */
    public static List<byte[]> regtestRaw() {
        return blockFileRecords("regtest/core-regtest-11.dat", new byte[] {(byte) 0xfa, (byte) 0xbf, (byte) 0xb5,
                (byte) 0xda});
    }

    private static List<Block> mainnet;
    private static List<Block> regtest;

    /** Mainnet blocks 0-438 parsed, read once per test JVM. */
    public static synchronized List<Block> mainnet() {
        if (mainnet == null) {
            mainnet = parse(mainnetRaw());
        }
        return mainnet;
    }

    /** Core's regtest chain parsed, in file order (height order, the stale fork included), read once. */
    public static synchronized List<Block> regtest() {
        if (regtest == null) {
            regtest = parse(regtestRaw());
        }
        return regtest;
    }

    private static List<Block> parse(List<byte[]> raw) {
        List<Block> out = new ArrayList<>(raw.size());
        for (byte[] b : raw) {
            out.add(Block.fromBytes(b));
        }
        return List.copyOf(out);
    }
}
