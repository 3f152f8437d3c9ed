package org.minicoin.devnet.process;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.minicoin.devnet.state.NodeState;
import org.minicoin.node.cli.CliOptions;
import org.minicoin.wallet.rpc.NodeClient;

/**
 * One node of a devnet on disk and as a process: its directory ({@code <devnet>/node<i>/}) with the data
 * directory, log, pid file and wallet, and the operations on its {@code minicoind}: start detached, check, stop
 * with the {@code stop} RPC, kill with SIGKILL, and RPC calls with its cookie.
 */
public final class DevnetNode {
    /** minicoind's main class, started with the launcher's own class path. */
    public static final String MAIN = "org.minicoin.node.daemon.Minicoind";

    private final Path dir;
    private final String chain;
    private final NodeState state;

    public DevnetNode(Path devnetDir, String chain, NodeState state) {
        this.dir = devnetDir.resolve("node" + state.index).toAbsolutePath().normalize();
        this.chain = chain;
        this.state = state;
    }

    public NodeState state() {
        return state;
    }

    public int index() {
        return state.index;
    }

    /** {@code <devnet>/node<i>}. */
    public Path dir() {
        return dir;
    }

    /** The node's -datadir. */
    public Path dataDir() {
        return dir.resolve("data");
    }

    /** Its console output (-printtoconsole), and anything the JVM prints before logging starts. */
    public Path logFile() {
        return dir.resolve("node.log");
    }

    public Path pidFile() {
        return dir.resolve("minicoind.pid");
    }

    public Path walletFile() {
        return dir.resolve("wallet.json");
    }

    public Path passphraseFile() {
        return dir.resolve("wallet.pass");
    }

    /** minicoin-cli's connection options for this node: chain, data directory (for the cookie) and RPC port. */
    public List<String> cliOptions() {
        return List.of("-chain=" + chain, "-datadir=" + dataDir(), "-rpcport=" + state.rpcPort);
    }

    /** An RPC client for this node (cookie auth). */
    public NodeClient rpc() {
        List<String> args = new ArrayList<>(cliOptions());
        args.add("-rpcclienttimeout=60");
        return new NodeClient(CliOptions.parse(args).withConfigFile());
    }

    /** The arguments minicoind is started with. */
    public List<String> daemonArgs() {
        List<String> args = new ArrayList<>(List.of("-chain=" + chain, "-datadir=" + dataDir(),
                "-port=" + state.p2pPort, "-bind=127.0.0.1:" + state.p2pPort, "-rpcport=" + state.rpcPort,
                "-listen=1", "-printtoconsole", "-pid=" + pidFile()));
        if (state.miner && "devnet".equals(chain)) {
            // One CPU thread per miner: a 2-core machine runs several nodes at once.
            args.addAll(List.of("-gen", "-genproclimit=1", "-mineraddress=" + state.miningAddress));
        }
        return args;
    }

    /** The live minicoind of this node, if any (a dead or reused pid gives empty). */
    public Optional<ProcessHandle> process() {
        return Detached.find(state.pid, dataDir().toString());
    }

    public boolean alive() {
        return process().isPresent();
    }

    /** Starts minicoind detached and records its pid in the node state (the caller saves the state). */
    public void start(List<String> jvmOptions) throws IOException {
        Files.createDirectories(dataDir());
        state.pid = Detached.startJava(MAIN, jvmOptions, daemonArgs(), logFile());
    }

    /**
     * Waits until the node answers RPC (its cookie written and {@code getblockchaininfo} served).
     *
     * @throws IllegalStateException if the process died or the deadline passed, with the log's last lines
     */
    public void awaitRpc(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            if (!alive()) {
                throw new IllegalStateException("node " + index() + " exited while starting; its log "
                        + logFile() + " ends with:\n" + tail(20));
            }
            try {
                rpc().call("getblockchaininfo");
                return;
            } catch (RuntimeException e) {
                last = e; // cookie not yet written, RPC not yet up, or still warming up
            }
            Waits.pause();
        }
        throw new IllegalStateException("node " + index() + " did not answer RPC within " + timeout.toSeconds()
                + " s (" + (last == null ? "" : last.getMessage()) + "); log " + logFile());
    }

    /**
     * Stops the node cleanly with the {@code stop} RPC (SIGTERM if that fails) and waits for the process to exit,
     * killing it after {@code timeout}. Returns true if it exited cleanly.
     */
    public boolean stop(Duration timeout) {
        Optional<ProcessHandle> p = process();
        if (p.isEmpty()) {
            return true;
        }
        try {
            rpc().call("stop");
        } catch (RuntimeException e) {
            p.get().destroy(); // minicoind shuts down cleanly on SIGTERM too
        }
        if (Detached.awaitExit(p.get(), timeout)) {
            return true;
        }
        Detached.terminate(p.get(), Duration.ofSeconds(5));
        return false;
    }

    /** SIGKILL: the node gets no chance to flush or clean up, as after a crash. */
    public void kill() {
        process().ifPresent(h -> {
            h.destroyForcibly();
            Detached.awaitExit(h, Duration.ofSeconds(10));
        });
    }

    /** The last {@code lines} lines of the node's log. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile());
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** A call that returns null instead of throwing when the node is down or answers with an error. */
    public JsonNode tryCall(String method, Object... params) {
        try {
            return rpc().call(method, params);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
