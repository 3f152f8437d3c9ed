package org.minicoin.devnet.state;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.minicoin.node.store.AtomicFile;

/**
 * The whole devnet as recorded in {@code <dir>/state.json}: chain, topology, nodes, the current partition (null
 * when healed), the regtest block ticker's pid and whether the wallets were funded. Every command reads it, acts,
 * and writes it back atomically, so a crash never leaves half a file.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class DevnetState {
    /** The file's name inside the devnet directory. */
    public static final String FILE = "state.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public int format = 1;
    /** {@code devnet} or {@code regtest}. */
    public String chain;
    /** {@code line}, {@code ring} or {@code mesh}. */
    public String topology;
    /** Seconds between blocks of the regtest ticker. */
    public int blockInterval;
    public List<NodeState> nodes = new ArrayList<>();
    /** The groups of the current partition, or null when every topology link is up. */
    public List<List<Integer>> partition;
    /** The regtest block ticker's process id, or 0. */
    public long tickerPid;
    /** Whether every wallet received its first coins (done once, by the first {@code up}). */
    public boolean funded;

    /** The state in {@code dir}, or empty if there is none yet. */
    public static java.util.Optional<DevnetState> read(Path dir) throws IOException {
        try {
            return java.util.Optional.of(JSON.readValue(Files.readAllBytes(dir.resolve(FILE)), DevnetState.class));
        } catch (NoSuchFileException e) {
            return java.util.Optional.empty();
        }
    }

    /** Writes this state to {@code dir} atomically. */
    public void write(Path dir) throws IOException {
        AtomicFile.write(dir.resolve(FILE), JSON.writeValueAsBytes(this));
    }

    /** The node with index {@code i}. */
    public NodeState node(int i) {
        if (i < 0 || i >= nodes.size()) {
            throw new IllegalArgumentException("no node " + i + ": this devnet has nodes 0.." + (nodes.size() - 1));
        }
        return nodes.get(i);
    }
}
