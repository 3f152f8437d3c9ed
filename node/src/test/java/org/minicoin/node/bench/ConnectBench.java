package org.minicoin.node.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.minicoin.consensus.crypto.BouncyCastleSignatureVerifier;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.testing.TestData;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.genesis.spec.ChainSpecs;
import org.minicoin.node.importer.BlockFileReader;
import org.minicoin.node.ledger.ChainState;
import org.minicoin.node.store.RocksStore;

/**
 * The ledger benchmark: imports a generated regtest chain of over 100,000 signed P2PKH and P2WPKH spends into a
 * fresh {@link ChainState} over real RocksDB, and prints the rate in inputs per second beside the bound measured in
 * the same run, a single thread's raw Bouncy Castle verifies per second of the same signatures. With one thread
 * per core the ratio shows how much of the import is parallel signature checking (on 2 cores, 2.0 would be all
 * of it); with one thread it shows the serial overhead around the checks. It also imports the mainnet blocks
 * 0-438 and the generated chain in child JVMs and reports their peak resident set size (VmHWM).
 *
 * <p>The chain is saved under {@code -Dminicoin.bench.dir} (default {@code target/bench}) and reused, so its
 * generation, which signs every input, is never timed. Pass {@code --quick} for a small smoke run.
 */
public final class ConnectBench {
    /** The table's column titles; every row of {@link #run} has these six fields. */
    public static final String[] HEADER = {"measure", "rate", "bound (same run)", "bound rate", "ratio",
        "+/- (half the range of runs)"};

    /** Inputs per spend block, and spend blocks: 46 x 2,187 = 100,602 transactions with 115,000 inputs. */
    private static final int LANES = 2_500;
    private static final int SPEND_BLOCKS = 46;
    /** -dbcache large enough that the coins are flushed only once, at the end: the cache is not what is timed. */
    private static final long DBCACHE = 2L << 30;
    private static final long ROCKS_BLOCK_CACHE = 64L << 20;
    private static final long BOUND_NANOS = TimeUnit.SECONDS.toNanos(3);
    private static final String CHILD_HEAP = "-Xmx2g";

    private ConnectBench() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = Arrays.asList(args).contains("--quick");
        print(run(quick));
    }

    /** The full benchmark's table rows (see {@link #HEADER}). */
    public static List<String[]> run() throws IOException, InterruptedException {
        return run(false);
    }

    /** The table rows; {@code quick} uses a chain of a few hundred inputs and one round, for a smoke test. */
    public static List<String[]> run(boolean quick) throws IOException, InterruptedException {
        ChainParams regtest = ChainSpecs.params("regtest");
        BenchChain chain = quick ? new BenchChain(regtest, 200, 3) : new BenchChain(regtest, LANES, SPEND_BLOCKS);
        Path dir = Path.of(System.getProperty("minicoin.bench.dir", "target/bench"));
        long genStart = System.nanoTime();
        Path file = chain.ensureSaved(dir);
        log("chain %s ready in %.1f s (%,d signed inputs to height %d)", file, (System.nanoTime() - genStart) / 1e9,
                chain.signedInputs(), chain.tipHeight());

        List<SignatureSamples.Sample> samples = lastBlockSamples(file, regtest);
        if (!SignatureSamples.allVerify(samples, BouncyCastleSignatureVerifier.INSTANCE)) {
            throw new IllegalStateException("the bound's sample signatures do not verify");
        }
        int cores = Runtime.getRuntime().availableProcessors();
        ForkJoinPool pool = new ForkJoinPool(cores);
        int rounds = quick ? 1 : 3;
        Map<String, List<Double>> rates = new HashMap<>();
        try {
            // Warm-up: the JIT compiles the whole path once before anything is recorded.
            importChain(file, regtest, pool, dir, chain);
            SignatureSamples.verifiesPerSecond(samples, BouncyCastleSignatureVerifier.INSTANCE, BOUND_NANOS / 2);
            // Rounds interleave the measures so that a noisy neighbour affects all of them alike.
            for (int r = 0; r < rounds; r++) {
                record(rates, "all", importChain(file, regtest, pool, dir, chain));
                record(rates, "one", importChain(file, regtest, null, dir, chain));
                record(rates, "raw", SignatureSamples.verifiesPerSecond(samples,
                        BouncyCastleSignatureVerifier.INSTANCE, BOUND_NANOS));
            }
        } finally {
            pool.shutdown();
        }
        Rss mainnet = peakRss("main", TestData.path("mainnet/blocks-0-438.dat"), dir, cores);
        Rss generated = peakRss("regtest", file, dir, cores);

        String inputs = String.format("%,d", chain.signedInputs());
        List<String[]> rows = new ArrayList<>();
        rows.add(row("connect " + inputs + " inputs, " + cores + " thr.", rates.get("all"), "inputs/s",
                "raw ECDSA verify, 1 thread", rates.get("raw"), "verifies/s"));
        rows.add(row("connect " + inputs + " inputs, 1 thread", rates.get("one"), "inputs/s",
                "raw ECDSA verify, 1 thread", rates.get("raw"), "verifies/s"));
        rows.add(rssRow("peak RSS, import mainnet 0-438", mainnet));
        rows.add(rssRow("peak RSS, import bench chain", generated));
        return rows;
    }

    /** Prints rows in the layout of the consensus benchmark's table. */
    public static void print(List<String[]> rows) {
        String format = "%-36s %22s   %-30s %22s %7s   %s%n";
        System.out.println();
        System.out.printf(format, (Object[]) HEADER);
        for (String[] r : rows) {
            System.out.printf(format, (Object[]) r);
        }
        System.out.printf("%nchild JVMs for RSS run with %s and -dbcache %d MiB%n", CHILD_HEAP, DBCACHE >> 20);
    }

    private static void record(Map<String, List<Double>> rates, String key, double rate) {
        rates.computeIfAbsent(key, k -> new ArrayList<>()).add(rate);
    }

    /**
     * Imports the saved chain into a fresh ledger and returns signed inputs per second, timed from the first
     * block read to the final flush (file reading and parsing, checks, storing, connecting, writing).
     */
    private static double importChain(Path file, ChainParams params, Executor executor, Path dir, BenchChain chain)
            throws IOException {
        Path db = Files.createTempDirectory(dir, "ledger");
        try (RocksStore store = RocksStore.open(db, ROCKS_BLOCK_CACHE)) {
            ChainState state = ChainState.open(store, params, BouncyCastleSignatureVerifier.INSTANCE, executor,
                    () -> System.currentTimeMillis() / 1000, DBCACHE);
            long inputs = 0;
            long start = System.nanoTime();
            try (BlockFileReader r = BlockFileReader.open(file, params.magicBytes())) {
                for (BlockFileReader.Record rec = r.next(); rec != null; rec = r.next()) {
                    state.processBlock(rec.block());
                    inputs += signedInputs(rec.block());
                }
            }
            state.flush();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (state.height() != chain.tipHeight() || inputs != chain.signedInputs()) {
                throw new IllegalStateException("import ended at height " + state.height() + " after " + inputs
                        + " inputs; expected " + chain.tipHeight() + " and " + chain.signedInputs());
            }
            log("import %s: %.2f s, %,.0f inputs/s", executor == null ? "1 thread" : "pool", seconds,
                    inputs / seconds);
            return inputs / seconds;
        } finally {
            deleteTree(db);
        }
    }

    private static long signedInputs(Block block) {
        long n = 0;
        for (Transaction tx : block.transactions()) {
            n += tx.isCoinbase() ? 0 : tx.inputs().size();
        }
        return n;
    }

    /** The signature checks of the chain's last block, the bound's workload. */
    private static List<SignatureSamples.Sample> lastBlockSamples(Path file, ChainParams params) throws IOException {
        Block parent = null;
        Block last = null;
        try (BlockFileReader r = BlockFileReader.open(file, params.magicBytes())) {
            for (BlockFileReader.Record rec = r.next(); rec != null; rec = r.next()) {
                parent = last;
                last = rec.block();
            }
        }
        return SignatureSamples.of(parent, last);
    }

    /** Peak resident set sizes of a child JVM importing a file: before the import begins, and overall. */
    private record Rss(long beforeKb, long peakKb, int height) {
    }

    private static Rss peakRss(String network, Path file, Path dir, int threads)
            throws IOException, InterruptedException {
        Path db = Files.createTempDirectory(dir, "rss");
        try {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    CHILD_HEAP, "-cp", System.getProperty("java.class.path"), ImportChild.class.getName(), network,
                    file.toAbsolutePath().toString(), db.toString(), Integer.toString(threads))
                    .redirectErrorStream(true).start();
            Map<String, Long> out = new HashMap<>();
            StringBuilder log = new StringBuilder();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    log.append(line).append('\n');
                    String[] kv = line.split(" ");
                    if (kv.length == 2 && kv[1].matches("\\d+")) {
                        out.put(kv[0], Long.parseLong(kv[1]));
                    }
                }
            }
            if (child.waitFor() != 0 || !out.containsKey("peak-kb")) {
                throw new IllegalStateException("import child failed:\n" + log);
            }
            log("RSS %s: %s", file.getFileName(), log.toString().replace('\n', ' '));
            return new Rss(out.get("before-kb"), out.get("peak-kb"), out.get("height").intValue());
        } finally {
            deleteTree(db);
        }
    }

    /**
     * The child process of the RSS measure: imports a blk*.dat file into a fresh ledger and prints VmHWM from
     * {@code /proc/self/status} before and after. Arguments: network, file, ledger directory, threads.
     */
    public static final class ImportChild {
        private ImportChild() {
        }

        public static void main(String[] args) throws IOException {
            ChainParams params = ChainSpecs.params(args[0]);
            ForkJoinPool pool = new ForkJoinPool(Integer.parseInt(args[3]));
            try (RocksStore store = RocksStore.open(Path.of(args[2]), ROCKS_BLOCK_CACHE);
                 BlockFileReader r = BlockFileReader.open(Path.of(args[1]), params.magicBytes())) {
                ChainState state = ChainState.open(store, params, BouncyCastleSignatureVerifier.INSTANCE, pool,
                        () -> System.currentTimeMillis() / 1000, DBCACHE);
                System.out.println("before-kb " + vmHwmKb());
                for (BlockFileReader.Record rec = r.next(); rec != null; rec = r.next()) {
                    state.processBlock(rec.block());
                }
                state.flush();
                System.out.println("height " + state.height());
                System.out.println("peak-kb " + vmHwmKb());
            } finally {
                pool.shutdown();
            }
        }

        /** The process's peak resident set size so far, in kB (Linux). */
        static long vmHwmKb() throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
            throw new IOException("no VmHWM in /proc/self/status");
        }
    }

    private static String[] row(String name, List<Double> rates, String unit, String boundName,
                                List<Double> bounds, String boundUnit) {
        double rate = median(rates);
        double bound = median(bounds);
        return new String[] {name, String.format("%,.1f %s", rate, unit), boundName,
            String.format("%,.1f %s", bound, boundUnit), String.format("%.2f", rate / bound),
            String.format("(+/- %.0f%%, %.0f%%)", halfRangePercent(rates), halfRangePercent(bounds))};
    }

    private static String[] rssRow(String name, Rss rss) {
        return new String[] {name + " (to " + rss.height() + ")", String.format("%,d MiB", rss.peakKb() >> 10),
            "same JVM, before the import", String.format("%,d MiB", rss.beforeKb() >> 10),
            String.format("%.2f", (double) rss.peakKb() / rss.beforeKb()), ""};
    }

    static double median(List<Double> xs) {
        List<Double> s = xs.stream().sorted().toList();
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    static double halfRangePercent(List<Double> xs) {
        double min = xs.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = xs.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return 100 * (max - min) / 2 / median(xs);
    }

    private static void log(String format, Object... args) {
        System.err.printf("[connect-bench] " + format + "%n", args);
    }

    static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
