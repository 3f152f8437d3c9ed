package org.minicoin.devnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.minicoin.devnet.control.Network;
import org.minicoin.devnet.process.DevnetNode;
import org.minicoin.devnet.wallet.NodeWallet;

/**
 * Runs {@code devnet} commands in the test JVM against a devnet directory, as the launcher script would (the nodes
 * it starts are real detached minicoind processes with the test class path), and reads the network back.
 */
final class DevnetHarness {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration WAIT = Duration.ofSeconds(60);

    private final Path dir;

    DevnetHarness(Path dir) {
        this.dir = dir;
    }

    /** What one command printed and its exit code. */
    record Run(int code, String out, String err) {
    }

    /** Runs {@code devnet <args> --dir <dir>}; fails the test unless it exits 0. */
    Run ok(String... args) {
        Run r = run(args);
        assertThat(r.code()).as("devnet %s\nout: %s\nerr: %s", String.join(" ", args), r.out(), r.err()).isZero();
        return r;
    }

    Run run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add(1, "--dir=" + dir); // before any positional: cli stops reading its own options at the node index
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Devnet.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    JsonNode status() throws Exception {
        return JSON.readTree(ok("status", "--json").out());
    }

    Network network() throws Exception {
        return Network.require(dir, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    JsonNode rpc(int node, String method, Object... params) throws Exception {
        return network().node(node).rpc().call(method, params);
    }

    long spendable(int node) throws Exception {
        Network net = network();
        return NodeWallet.open(net.node(node), net.state().chain).coins().spendable();
    }

    /** Every pid the devnet recorded (nodes and ticker) whose process is still alive. */
    List<Long> liveProcesses() throws Exception {
        Network net = network();
        List<Long> live = new ArrayList<>();
        for (DevnetNode n : net.nodes()) {
            if (ProcessHandle.of(n.state().pid).map(ProcessHandle::isAlive).orElse(false)) {
                live.add(n.state().pid);
            }
        }
        if (ProcessHandle.of(net.state().tickerPid).map(ProcessHandle::isAlive).orElse(false)) {
            live.add(net.state().tickerPid);
        }
        return live;
    }

    /** Brings the devnet down if it exists, and checks that no process of it is left. */
    void downQuietly() throws Exception {
        if (dir.resolve("state.json").toFile().exists()) {
            run("down");
            assertThat(liveProcesses()).as("processes left after down").isEmpty();
        }
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("timed out waiting for " + what).isNegative();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The RPC answer, or null if the node does not answer. */
    JsonNode tryRpc(int node, String method, Object... params) {
        try {
            return rpc(node, method, params);
        } catch (Exception e) {
            return null;
        }
    }

    boolean inMempool(int node, String txid) {
        JsonNode m = tryRpc(node, "getrawmempool");
        if (m == null) {
            return false;
        }
        for (JsonNode t : m) {
            if (t.asText().equals(txid)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code txid} is in a block of {@code node}'s active chain, among the last {@code depth}. */
    boolean confirmed(int node, String txid, int depth) throws Exception {
        long tip = rpc(node, "getblockcount").asLong();
        for (long h = tip; h > tip - depth && h > 0; h--) {
            JsonNode block = rpc(node, "getblock", rpc(node, "getblockhash", h).asText(), 1);
            for (JsonNode t : block.path("tx")) {
                if (t.asText().equals(txid)) {
                    return true;
                }
            }
        }
        return false;
    }
}
