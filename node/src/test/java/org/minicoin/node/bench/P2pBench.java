package org.minicoin.node.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.minicoin.consensus.crypto.BouncyCastleSignatureVerifier;
import org.minicoin.consensus.encoding.Hex;
import org.minicoin.consensus.encoding.LittleEndian;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.types.Block;
import org.minicoin.genesis.spec.ChainSpecs;
import org.minicoin.node.importer.BlockFileReader;
import org.minicoin.node.ledger.ChainState;
import org.minicoin.node.store.RocksStore;
import org.minicoin.node.testing.DaemonProcess;
import org.minicoin.node.testing.RpcCaller;

/**
 * The P2P benchmarks, over real minicoind processes on 127.0.0.1, each figure beside a bound measured in the same
 * run:
 *
 * <ul>
 *   <li><b>Sync vs -loadblock.</b> A fresh node imports the generated chain of over 100,000 transactions (the one
 *       {@link ConnectBench} connects) with {@code -loadblock}; that rate is the bound. A second fresh node with
 *       {@code -connect} to the first then syncs the same chain from it by headers-first P2P download; that rate is
 *       the figure. Both are timed the same way, from the node's first JSON-RPC answer (the RPC server starts just
 *       before P2P and the import, so this is "ready" without JVM start-up and database opening) to the answer
 *       that shows the tip height, polling {@code getblockcount}. The ratio is sync rate over import rate: 1.0
 *       means fetching blocks from a peer costs nothing over reading them from a file.
 *   <li><b>Relay per hop vs validation.</b> Five nodes in a line (each {@code -addnode} to the one before) hold a
 *       common chain whose last blocks carry thousands of signed spends (so every node has run the validation path
 *       hot). A new block of the same shape is handed to node 0 with {@code submitblock}; the time that call takes
 *       is one bound (validation plus the RPC's hex decoding, which a duplicate resubmit shows to be small). Then
 *       each node in turn is polled with {@code getbestblockhash} until it reports the block; a hop is the time
 *       from the previous node having it to this one having it. The other bound is the same block connected by a
 *       {@link ChainState} in this JVM, warmed on the same common chain, with the daemon's script threads, timed
 *       right after each relay. The first relayed block warms the P2P path and is not counted. Log lines carry
 *       whole seconds only, so the times come from RPC polling (1 ms).
 * </ul>
 *
 * <p>Without compact blocks (BIP-0152) each hop is: headers announcement, getdata, the full block, full validation,
 * then the next announcement; so a hop cannot beat one validation, and the ratio shows what the network part adds.
 * (Core in high-bandwidth compact-block mode forwards a block once its header and proof of work check out, before
 * validating it; that is why its hops can be shorter than a validation.)
 */
public final class P2pBench {
    /** The table's column titles; every row has these six fields. */
    public static final String[] HEADER = {"measure", "rate", "bound (same run)", "bound rate", "ratio",
        "+/- (half the range of runs)"};

    /** The sync chain: the connect benchmark's, 46 blocks of 2,187 transactions (2,500 inputs) each. */
    private static final int SYNC_LANES = 2_500;
    private static final int SYNC_SPEND_BLOCKS = 46;
    /** The relay chain: blocks of 1,750 transactions (2,000 inputs, about 480 kB); see {@link #relayShape}. */
    private static final int RELAY_LANES = 2_000;
    private static final int RELAY_NODES = 5;
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final long SYNC_POLL_NANOS = 5_000_000;
    private static final long RELAY_POLL_NANOS = 1_000_000;

    private P2pBench() {
    }

    public static void main(String[] args) throws Exception {
        print(run(Arrays.asList(args).contains("--quick")));
    }

    /** The table rows; {@code quick} uses small chains, one sync round and two relayed blocks. */
    public static List<String[]> run(boolean quick) throws IOException, InterruptedException {
        ChainParams regtest = ChainSpecs.params("regtest");
        Path dir = Path.of(System.getProperty("minicoin.bench.dir", "target/bench"));
        BenchChain syncChain = quick ? new BenchChain(regtest, 200, 3)
                : new BenchChain(regtest, SYNC_LANES, SYNC_SPEND_BLOCKS);
        List<String[]> rows = new ArrayList<>(sync(syncChain, regtest, dir, quick ? 1 : 3));
        int relayRounds = quick ? 2 : 4;
        int relaySpends = relayShape(relayRounds);
        rows.addAll(relay(new BenchChain(regtest, quick ? 200 : RELAY_LANES, relaySpends,
                BenchChain.recentFirstTime(101 + relaySpends)), regtest, dir, RELAY_NODES, relayRounds));
        return rows;
    }

    /**
     * Spend blocks for the relay chain: five relayed as part of the common chain (the validation warm-up), then
     * one relayed block not counted, then {@code rounds} measured.
     */
    static int relayShape(int rounds) {
        return 5 + 1 + rounds;
    }

    /** Prints rows in the layout of the other node tables. */
    public static void print(List<String[]> rows) {
        String format = "%-44s %20s   %-34s %20s %7s   %s%n";
        System.out.println();
        System.out.printf(format, (Object[]) HEADER);
        for (String[] r : rows) {
            System.out.printf(format, (Object[]) r);
        }
        System.out.printf("%nsync: both nodes timed from their first RPC answer to the tip; relay: %d nodes in a "
                + "line, hop = previous node has the block -> this node has it (getbestblockhash polled every ms)%n",
                RELAY_NODES);
    }

    // ------------------------------------------------------------------------------------------ sync

    /** What the chain in a blk file holds. */
    record ChainFile(Path file, List<Block> blocks, long transactions) {
        Block tip() {
            return blocks.get(blocks.size() - 1);
        }

        int tipHeight() {
            return blocks.size();
        }
    }

    static ChainFile read(Path file, ChainParams params) throws IOException {
        List<Block> blocks = new ArrayList<>();
        long txs = 0;
        try (BlockFileReader r = BlockFileReader.open(file, params.magicBytes())) {
            for (BlockFileReader.Record rec = r.next(); rec != null; rec = r.next()) {
                blocks.add(rec.block());
                txs += rec.block().transactions().size();
            }
        }
        return new ChainFile(file, blocks, txs);
    }

    /** Sync rounds; each imports the chain on a fresh node, then syncs a second fresh node from it. */
    static List<String[]> sync(BenchChain chain, ChainParams params, Path dir, int rounds)
            throws IOException, InterruptedException {
        long genStart = System.nanoTime();
        ChainFile c = read(chain.ensureSaved(dir), params);
        log("sync chain %s ready in %.1f s: %,d blocks, %,d transactions", c.file(),
                (System.nanoTime() - genStart) / 1e9, c.tipHeight(), c.transactions());
        List<Double> loadRates = new ArrayList<>();
        List<Double> syncRates = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            Path round = Files.createTempDirectory(dir, "p2p-sync");
            try (Daemon loaded = Daemon.start(round.resolve("loaded"), "-loadblock=" + c.file().toAbsolutePath(),
                    "-bind=127.0.0.1")) {
                double load = loaded.secondsToHeight(c.tipHeight(), SYNC_POLL_NANOS);
                loaded.expectTip(c.tip());
                log("round %d: -loadblock %.2f s (%,.0f tx/s; the node's own count: %s)", r + 1, load,
                        c.transactions() / load, loaded.importMillis());
                try (Daemon syncing = Daemon.start(round.resolve("syncing"),
                        "-connect=127.0.0.1:" + loaded.p2pPort)) {
                    double sync = syncing.secondsToHeight(c.tipHeight(), SYNC_POLL_NANOS);
                    syncing.expectTip(c.tip());
                    log("round %d: P2P sync %.2f s (%,.0f tx/s)", r + 1, sync, c.transactions() / sync);
                    loadRates.add(c.transactions() / load);
                    syncRates.add(c.transactions() / sync);
                    syncing.stop();
                }
                loaded.stop();
            } finally {
                ConnectBench.deleteTree(round);
            }
        }
        String name = String.format("P2P sync from 1 peer, %,d tx", c.transactions());
        List<String[]> rows = new ArrayList<>();
        rows.add(row(name, syncRates, "tx/s", "-loadblock of the same chain", loadRates, "tx/s"));
        return rows;
    }

    // ------------------------------------------------------------------------------------------ relay

    /**
     * Relays the last {@code rounds + 1} blocks of {@code chain} across {@code nodes} nodes in a line that hold the
     * blocks before them (each node imports them with -loadblock, which is also its validation warm-up).
     */
    static List<String[]> relay(BenchChain chain, ChainParams params, Path dir, int nodes, int rounds)
            throws IOException, InterruptedException {
        ChainFile c = read(chain.ensureSaved(dir), params);
        int common = c.tipHeight() - rounds - 1;
        Path root = Files.createTempDirectory(dir, "p2p-relay");
        List<Daemon> line = new ArrayList<>();
        List<Double> validations = new ArrayList<>();
        List<Double> connects = new ArrayList<>();
        List<Double> perHop = new ArrayList<>();
        List<List<Double>> hops = new ArrayList<>();
        for (int k = 1; k < nodes; k++) {
            hops.add(new ArrayList<>());
        }
        InProcessLedger ledger = null;
        try {
            ledger = new InProcessLedger(root.resolve("in-process"), params, c.blocks().subList(0, common));
            Path prefix = root.resolve("common.dat");
            writeBlocks(prefix, c.blocks().subList(0, common), params);
            for (int i = 0; i < nodes; i++) {
                List<String> args = new ArrayList<>(List.of("-loadblock=" + prefix.toAbsolutePath(),
                        "-bind=127.0.0.1"));
                if (i > 0) {
                    args.add("-addnode=127.0.0.1:" + line.get(i - 1).p2pPort);
                }
                Daemon d = Daemon.start(root.resolve("node" + i), args.toArray(String[]::new));
                line.add(d);
                d.secondsToHeight(common, SYNC_POLL_NANOS);
            }
            for (int i = 0; i < nodes; i++) {
                int peers = i == 0 || i == nodes - 1 ? 1 : 2;
                line.get(i).awaitConnections(peers);
                line.get(i).expectTip(c.blocks().get(common - 1));
            }
            for (int b = common; b < c.tipHeight(); b++) {
                Block block = c.blocks().get(b);
                double[] t = relayOne(line, block);
                double connect = ledger.connectMillis(block);
                if (b == common) {
                    log("relay warm-up block: validation %.1f ms, hops %s ms", t[0], Arrays.toString(
                            Arrays.stream(t, 1, t.length).map(x -> Math.round(x * 10) / 10.0).toArray()));
                    continue;
                }
                validations.add(t[0]);
                connects.add(connect);
                double sum = 0;
                for (int k = 1; k < nodes; k++) {
                    hops.get(k - 1).add(t[k]);
                    sum += t[k];
                }
                perHop.add(sum / (nodes - 1));
                log("relay block %d: submitblock %.1f ms, in-process connect %.1f ms, hops %s ms", b + 1, t[0],
                        connect, Arrays.toString(
                        Arrays.stream(t, 1, t.length).map(x -> Math.round(x * 10) / 10.0).toArray()));
            }
            for (Daemon d : line) {
                d.stop();
            }
        } finally {
            for (Daemon d : line) {
                d.close();
            }
            if (ledger != null) {
                ledger.close();
            }
            ConnectBench.deleteTree(root);
        }
        Block sample = c.tip();
        long inputs = sample.transactions().stream().filter(tx -> !tx.isCoinbase())
                .mapToLong(tx -> tx.inputs().size()).sum();
        String bound = "submitblock on node 0 (validate)";
        List<String[]> rows = new ArrayList<>();
        String mean = String.format("relay %,d-tx block, mean of %d hops", sample.transactions().size(), nodes - 1);
        rows.add(timeRow(mean, perHop, bound, validations));
        rows.add(timeRow(mean, perHop, "in-process connect, same block", connects));
        for (int k = 1; k < nodes; k++) {
            rows.add(timeRow(String.format("  hop %d (node %d -> %d)", k, k - 1, k), hops.get(k - 1), bound,
                    validations));
        }
        log("relayed blocks: %,d transactions, %,d signed inputs, %,d bytes", sample.transactions().size(), inputs,
                sample.serialize().length);
        return rows;
    }

    /**
     * Submits {@code block} to the first node and waits for each node in turn to report it as its tip. Returns the
     * submitblock time, then each hop's time, in milliseconds.
     */
    private static double[] relayOne(List<Daemon> line, Block block) {
        String hex = Hex.encode(block.serialize());
        String hash = block.hash().toString();
        double[] out = new double[line.size()];
        long start = System.nanoTime();
        JsonNode result = line.get(0).call("submitblock", "[\"" + hex + "\"]");
        long previous = System.nanoTime();
        if (!result.isNull()) {
            throw new IllegalStateException("submitblock rejected block " + hash + ": " + result);
        }
        line.get(0).expectTip(block);
        out[0] = (previous - start) / 1e6;
        for (int i = 1; i < line.size(); i++) {
            long at = line.get(i).awaitTip(hash, RELAY_POLL_NANOS);
            out[i] = (at - previous) / 1e6;
            previous = at;
        }
        // The same block again is a duplicate: its time is what the RPC and decoding alone cost.
        long again = System.nanoTime();
        JsonNode dup = line.get(0).call("submitblock", "[\"" + hex + "\"]");
        log("submitblock again: %s in %.1f ms", dup, (System.nanoTime() - again) / 1e6);
        return out;
    }

    /** Writes blocks in Core's blk*.dat framing (magic, little-endian length, block). */
    static void writeBlocks(Path file, List<Block> blocks, ChainParams params) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            for (Block block : blocks) {
                byte[] body = block.serialize();
                byte[] head = new byte[8];
                System.arraycopy(params.magicBytes(), 0, head, 0, 4);
                LittleEndian.putInt32(head, 4, body.length);
                out.write(head);
                out.write(body);
            }
        }
    }

    /**
     * The second relay bound: a {@link ChainState} in this JVM over RocksDB, with the daemon's script threads (one
     * fewer than the cores, besides the calling thread), holding the same common chain, which also warms it up.
     */
    private static final class InProcessLedger implements AutoCloseable {
        private final RocksStore store;
        private final ExecutorService scriptThreads;
        private final ChainState state;

        InProcessLedger(Path db, ChainParams params, List<Block> common) {
            store = RocksStore.open(db, 64L << 20);
            scriptThreads = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
            state = ChainState.open(store, params, BouncyCastleSignatureVerifier.INSTANCE, scriptThreads,
                    () -> System.currentTimeMillis() / 1000, 256L << 20);
            for (Block b : common) {
                state.processBlock(b);
            }
        }

        /** Milliseconds to check, store and connect {@code block} on the tip. */
        double connectMillis(Block block) {
            long start = System.nanoTime();
            state.processBlock(block);
            double millis = (System.nanoTime() - start) / 1e6;
            if (!state.tip().hash().equals(block.hash())) {
                throw new IllegalStateException("in-process ledger did not connect " + block.hash());
            }
            return millis;
        }

        @Override
        public void close() {
            scriptThreads.shutdown();
            store.close();
        }
    }

    // ------------------------------------------------------------------------------------------ nodes

    /** One minicoind process on regtest with its own data directory, ports and RPC client. */
    static final class Daemon implements AutoCloseable {
        private static final Pattern IMPORT_MILLIS = Pattern.compile("Loaded \\d+ blocks from external file in "
                + "(\\d+)ms");

        final DaemonProcess process;
        final int p2pPort;
        final RpcCaller rpc;

        private Daemon(DaemonProcess process, int p2pPort, RpcCaller rpc) {
            this.process = process;
            this.p2pPort = p2pPort;
            this.rpc = rpc;
        }

        /** Starts a node in {@code datadir} (created) on free ports, with the extra {@code args}. */
        static Daemon start(Path datadir, String... args) throws IOException {
            Files.createDirectories(datadir);
            int p2p = DaemonProcess.freePort();
            int rpcPort = DaemonProcess.freePort();
            List<String> all = new ArrayList<>(List.of("-regtest", "-datadir=" + datadir, "-port=" + p2p,
                    "-rpcport=" + rpcPort, "-printtoconsole"));
            all.addAll(List.of(args));
            return new Daemon(DaemonProcess.start(all.toArray(String[]::new)), p2p,
                    new RpcCaller(datadir.resolve("regtest"), rpcPort));
        }

        /** The result of {@code method}; any failure (the node not up yet, an RPC error) is an exception. */
        JsonNode call(String method, String params) {
            try {
                return rpc.call(method, params);
            } catch (Exception | AssertionError e) {
                throw new IllegalStateException(method + " failed: " + e.getMessage(), e);
            }
        }

        /**
         * Polls getblockcount until it reaches {@code height}; returns the seconds from the sending of the first call
         * the node answered to the answer that showed the height.
         */
        double secondsToHeight(int height, long pollNanos) {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            long ready = -1;
            while (true) {
                long sent = System.nanoTime();
                int h;
                try {
                    h = rpc.call("getblockcount", "[]").asInt();
                } catch (Exception | AssertionError notUpYet) {
                    h = -1;
                }
                long answered = System.nanoTime();
                if (h >= 0 && ready < 0) {
                    ready = sent;
                }
                if (h >= height) {
                    return (answered - ready) / 1e9;
                }
                if (answered > deadline) {
                    throw new IllegalStateException("node at height " + h + " after " + TIMEOUT + ", not " + height
                            + "; output:\n" + tail(process.output()));
                }
                LockSupport.parkNanos(pollNanos);
            }
        }

        /** Waits until the node has {@code peers} connections. */
        void awaitConnections(int peers) {
            try {
                rpc.await("getconnectioncount", n -> n.asInt() == peers, TIMEOUT);
            } catch (Exception | AssertionError e) {
                throw new IllegalStateException("never " + peers + " connections: " + e.getMessage(), e);
            }
        }

        /** Polls getbestblockhash until it is {@code hash}; returns the nanoTime of that answer. */
        long awaitTip(String hash, long pollNanos) {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (true) {
                String tip = call("getbestblockhash", "[]").asText();
                long answered = System.nanoTime();
                if (tip.equals(hash)) {
                    return answered;
                }
                if (answered > deadline) {
                    throw new IllegalStateException("node never reached " + hash + "; output:\n"
                            + tail(process.output()));
                }
                LockSupport.parkNanos(pollNanos);
            }
        }

        void expectTip(Block block) {
            String tip = call("getbestblockhash", "[]").asText();
            if (!tip.equals(block.hash().toString())) {
                throw new IllegalStateException("tip " + tip + ", expected " + block.hash());
            }
        }

        /** The import time the node logged for -loadblock ("Loaded n blocks from external file in Xms"), or "-". */
        String importMillis() {
            Matcher m = IMPORT_MILLIS.matcher(process.output());
            return m.find() ? m.group(1) + " ms" : "-";
        }

        /** SIGTERM, and a clean exit expected. */
        void stop() throws InterruptedException {
            int code = process.stop(TIMEOUT);
            if (code != 0) {
                throw new IllegalStateException("minicoind exited with " + code + ":\n" + tail(process.output()));
            }
        }

        @Override
        public void close() {
            process.close();
        }

        private static String tail(String output) {
            return output.length() <= 4_000 ? output : output.substring(output.length() - 4_000);
        }
    }

    // ------------------------------------------------------------------------------------------ table

    /** A rate row: figure and bound are medians of the rounds; higher is better. */
    private static String[] row(String name, List<Double> rates, String unit, String boundName, List<Double> bounds,
                                String boundUnit) {
        double rate = ConnectBench.median(rates);
        double bound = ConnectBench.median(bounds);
        return new String[] {name, String.format("%,.1f %s", rate, unit), boundName,
            String.format("%,.1f %s", bound, boundUnit), String.format("%.2f", rate / bound), spread(rates, bounds)};
    }

    /** A time row: figure and bound are median milliseconds; the ratio is figure over bound (lower is better). */
    private static String[] timeRow(String name, List<Double> millis, String boundName, List<Double> boundMillis) {
        double t = ConnectBench.median(millis);
        double b = ConnectBench.median(boundMillis);
        return new String[] {name, String.format("%,.1f ms", t), boundName, String.format("%,.1f ms", b),
            String.format("%.2f", t / b), spread(millis, boundMillis)};
    }

    private static String spread(List<Double> a, List<Double> b) {
        return a.size() < 2 ? "(one run)" : String.format("(+/- %.0f%%, %.0f%%)", ConnectBench.halfRangePercent(a),
                ConnectBench.halfRangePercent(b));
    }

    private static void log(String format, Object... args) {
        System.err.printf("[p2p-bench] " + format + "%n", args);
    }
}
