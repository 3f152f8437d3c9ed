package org.minicoin.devnet.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import org.minicoin.devnet.control.Network;
import org.minicoin.devnet.load.LoadGenerator;
import org.minicoin.devnet.process.DevnetNode;
import org.minicoin.devnet.state.DevnetState;
import org.minicoin.devnet.status.Status;
import org.minicoin.devnet.topology.Partition;
import org.minicoin.devnet.topology.Topology;
import org.minicoin.node.cli.MinicoinCli;
import org.minicoin.wallet.core.Wallet;
import org.minicoin.wallet.spend.Amounts;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code devnet}: a local network of real {@code minicoind} processes on 127.0.0.1, kept in a directory
 * ({@code ./.devnet} by default) so every command, from any shell, acts on the same network.
 */
@Command(name = "devnet", mixinStandardHelpOptions = true, version = "devnet 0.1.0",
        description = "A local multi-node minicoin network: real minicoind processes on 127.0.0.1.",
        subcommands = {Devnet.Up.class, Devnet.StatusCmd.class, Devnet.Mine.class, Devnet.Send.class,
                Devnet.Fund.class, Devnet.Load.class, Devnet.PartitionCmd.class, Devnet.Heal.class,
                Devnet.Kill.class, Devnet.Restart.class, Devnet.Stop.class, Devnet.Start.class, Devnet.Logs.class,
                Devnet.Cli.class, Devnet.Down.class, Devnet.Clean.class, Devnet.Ticker.class})
public final class Devnet implements Callable<Integer> {
    private PrintStream out;
    private PrintStream err;

    /** Runs the command and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs {@code devnet args...}; returns 0 on success, 1 on an error (printed to {@code err}), 2 on bad usage. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Devnet root = new Devnet();
        root.out = out;
        root.err = err;
        CommandLine cl = new CommandLine(root);
        cl.getSubcommands().get("cli").setStopAtPositional(true).setUnmatchedOptionsArePositionalParams(true);
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            err.println("devnet: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(out);
        return 2;
    }

    /** The options every subcommand takes. */
    abstract static class Base implements Callable<Integer> {
        @ParentCommand
        Devnet root;

        @Option(names = "--dir", defaultValue = "${env:DEVNET_DIR:-.devnet}",
                description = "The devnet directory (default ./.devnet, or $DEVNET_DIR).")
        Path dir;

        PrintStream out() {
            return root.out;
        }

        Network network() throws IOException {
            return Network.require(dir, out());
        }

        @Override
        public Integer call() throws Exception {
            run();
            return 0;
        }

        abstract void run() throws Exception;
    }

    @Command(name = "up", description = "Start the devnet (create it on first use); returns when all nodes are "
            + "connected and mining has started.")
    static final class Up extends Base {
        @Option(names = "--nodes", defaultValue = "3", description = "Number of nodes (default 3).")
        int nodes;
        @Option(names = "--miners", defaultValue = "1", description = "How many of them mine (default 1).")
        int miners;
        @Option(names = "--topology", defaultValue = "mesh", description = "line, ring or mesh (default mesh).")
        String topology;
        @Option(names = "--chain", defaultValue = "devnet", description = "devnet (CPU mining, 10 s blocks) or "
                + "regtest (blocks on a timer) (default devnet).")
        String chain;
        @Option(names = "--block-interval", defaultValue = "10", description = "regtest: seconds between the "
                + "ticker's blocks (default 10).")
        int blockInterval;

        @Override
        void run() throws Exception {
            Network net;
            if (DevnetState.read(dir).isPresent()) {
                net = network();
                out().println("resuming the devnet in " + net.dir() + " (" + net.nodes().size() + " nodes, "
                        + net.state().chain + "); its recorded settings apply");
            } else {
                net = Network.create(dir, new Network.Plan(nodes, miners, Topology.parse(topology), chain,
                        blockInterval), out());
            }
            net.up();
        }
    }

    @Command(name = "status", description = "Each node's height, tip, peers, mempool, hash rate, last block age and "
            + "wallet balance, and whether the tips agree.")
    static final class StatusCmd extends Base {
        @Option(names = "--json", description = "Print JSON.")
        boolean json;
        @Option(names = "--watch", description = "Refresh every 2 s until Ctrl-C.")
        boolean watch;

        @Override
        void run() throws Exception {
            Network net = network();
            while (true) {
                Status s = Status.of(net);
                if (watch && !json) {
                    out().print("\033[H\033[2J"); // clear the terminal
                }
                out().print(json ? s.json() + "\n" : s.table());
                out().flush();
                if (!watch) {
                    return;
                }
                Thread.sleep(2_000); // the refresh period
            }
        }
    }

    @Command(name = "mine", description = "Mine <n> blocks now on a node, paying its wallet.")
    static final class Mine extends Base {
        @Parameters(index = "0", description = "How many blocks.")
        int n;
        @Option(names = "--node", defaultValue = "0", description = "The node that mines (default 0).")
        int node;

        @Override
        void run() throws Exception {
            List<String> hashes = network().mine(n, node);
            out().println("mined " + hashes.size() + " block(s) on node " + node
                    + (hashes.isEmpty() ? "" : ", tip " + hashes.get(hashes.size() - 1)));
        }
    }

    @Command(name = "send", description = "Pay <amount> coins from one node's wallet to another's.")
    static final class Send extends Base {
        @Parameters(index = "0", description = "Paying node.")
        int from;
        @Parameters(index = "1", description = "Receiving node.")
        int to;
        @Parameters(index = "2", description = "Amount in coins, e.g. 1.5.")
        String amount;

        @Override
        void run() throws Exception {
            Wallet.Sent s = network().send(from, to, Amounts.parse(amount));
            out().println(s.transaction().txid() + "  (" + Amounts.format(s.amount()) + " from node " + from
                    + " to node " + to + ", fee " + Amounts.format(s.fee()) + ")");
        }
    }

    @Command(name = "fund", description = "Pay <amount> coins to any address from a node's wallet.")
    static final class Fund extends Base {
        @Parameters(index = "0", description = "The address to pay.")
        String address;
        @Parameters(index = "1", description = "Amount in coins.")
        String amount;
        @Option(names = "--from", defaultValue = "0", description = "The paying node's wallet (default 0).")
        int from;

        @Override
        void run() throws Exception {
            Wallet.Sent s = network().fund(address, Amounts.parse(amount), from);
            out().println(s.transaction().txid() + "  (" + Amounts.format(s.amount()) + " to " + address
                    + ", fee " + Amounts.format(s.fee()) + ")");
        }
    }

    @Command(name = "load", description = "Payments between random nodes at --tps for --duration seconds; then "
            + "reports sent, accepted, confirmed and lost.")
    static final class Load extends Base {
        @Option(names = "--tps", defaultValue = "2", description = "Payments per second (default 2).")
        double tps;
        @Option(names = "--duration", defaultValue = "10", description = "Seconds (default 10).")
        int duration;
        @Option(names = "--drain-timeout", defaultValue = "120", description = "Seconds to wait for the payments "
                + "to confirm (default 120).")
        int drainTimeout;

        @Override
        void run() throws Exception {
            LoadGenerator.Result r = new LoadGenerator(network(), out(), new Random()).run(tps,
                    Duration.ofSeconds(duration), Duration.ofSeconds(drainTimeout));
            out().print(r.summary());
            if (r.lost() > 0) {
                throw new IllegalStateException(r.lost() + " accepted payment(s) lost");
            }
        }
    }

    @Command(name = "partition", description = "Cut the links between groups of nodes, e.g. 0,1|2 (groups "
            + "separated by |, quote it in the shell).")
    static final class PartitionCmd extends Base {
        @Parameters(index = "0", description = "The groups, e.g. '0,1|2'.")
        String groups;

        @Override
        void run() throws Exception {
            Network net = network();
            Partition p = Partition.parse(groups, net.nodes().size());
            net.partition(p);
            out().println("partitioned: " + p);
        }
    }

    @Command(name = "heal", description = "Restore every link cut by partition.")
    static final class Heal extends Base {
        @Override
        void run() throws Exception {
            network().heal();
            out().println("healed: all links up");
        }
    }

    @Command(name = "kill", description = "SIGKILL a node.")
    static final class Kill extends Base {
        @Parameters(index = "0")
        int node;

        @Override
        void run() throws Exception {
            network().kill(node);
        }
    }

    @Command(name = "restart", description = "Stop a node cleanly (if running) and start it again.")
    static final class Restart extends Base {
        @Parameters(index = "0")
        int node;

        @Override
        void run() throws Exception {
            network().restart(node);
        }
    }

    @Command(name = "stop", description = "Stop a node cleanly (stop RPC).")
    static final class Stop extends Base {
        @Parameters(index = "0")
        int node;

        @Override
        void run() throws Exception {
            network().stop(node);
        }
    }

    @Command(name = "start", description = "Start a stopped or killed node and link it again.")
    static final class Start extends Base {
        @Parameters(index = "0")
        int node;

        @Override
        void run() throws Exception {
            network().start(node);
        }
    }

    @Command(name = "logs", description = "Print the end of a node's log (-f to follow it).")
    static final class Logs extends Base {
        @Parameters(index = "0")
        int node;
        @Option(names = {"-n", "--lines"}, defaultValue = "50", description = "Lines to print (default 50).")
        int lines;
        @Option(names = {"-f", "--follow"}, description = "Keep printing what is appended, until Ctrl-C.")
        boolean follow;

        @Override
        void run() throws Exception {
            DevnetNode n = network().node(node);
            out().println(n.tail(lines));
            if (!follow) {
                return;
            }
            try (RandomAccessFile f = new RandomAccessFile(n.logFile().toFile(), "r")) {
                long pos = f.length();
                while (true) {
                    if (f.length() > pos) {
                        f.seek(pos);
                        byte[] b = new byte[(int) Math.min(f.length() - pos, 1 << 20)];
                        f.readFully(b);
                        pos += b.length;
                        out().print(new String(b, StandardCharsets.UTF_8));
                        out().flush();
                    } else {
                        Thread.sleep(500); // polling the file for appended lines
                    }
                }
            }
        }
    }

    @Command(name = "cli", description = "Run minicoin-cli against a node: cli <i> <method> [args...].")
    static final class Cli extends Base {
        @Parameters(index = "0")
        int node;
        @Parameters(index = "1..*", description = "minicoin-cli arguments: options, then the method and its "
                + "arguments.")
        List<String> args = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            List<String> all = new ArrayList<>(network().node(node).cliOptions());
            all.addAll(args);
            return MinicoinCli.run(all, System.in, out(), root.err);
        }

        @Override
        void run() {
        }
    }

    @Command(name = "down", description = "Stop every node cleanly (and the block ticker); the chain stays.")
    static final class Down extends Base {
        @Override
        void run() throws Exception {
            network().down();
            out().println("devnet down: no node running (its chain stays in " + dir.toAbsolutePath().normalize()
                    + "; 'devnet up' resumes it)");
        }
    }

    @Command(name = "clean", description = "down, then delete the devnet directory.")
    static final class Clean extends Base {
        @Override
        void run() throws Exception {
            if (DevnetState.read(dir).isEmpty()) {
                out().println("no devnet in " + dir.toAbsolutePath().normalize());
                return;
            }
            network().clean();
            out().println("devnet removed: " + dir.toAbsolutePath().normalize());
        }
    }

    /**
     * The regtest block ticker, started detached by {@code up}: every {@code blockInterval} seconds one block on
     * the next running miner, in turn. Stopped by SIGTERM from {@code down}; ends by itself when the devnet
     * directory is gone.
     */
    @Command(name = "ticker", hidden = true)
    static final class Ticker extends Base {
        @Override
        void run() throws Exception {
            int turn = 0;
            while (Files.exists(dir.resolve(DevnetState.FILE))) {
                Network net = network();
                List<DevnetNode> miners = net.nodes().stream().filter(n -> n.state().miner && n.alive()).toList();
                if (!miners.isEmpty()) {
                    DevnetNode m = miners.get(turn++ % miners.size());
                    m.tryCall("generatetoaddress", 1, m.state().miningAddress);
                }
                Thread.sleep(net.state().blockInterval * 1000L); // the timer: a block every interval
            }
        }
    }
}
