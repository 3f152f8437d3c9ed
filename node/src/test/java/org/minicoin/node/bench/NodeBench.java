package org.minicoin.node.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.testing.BlockNode;
import org.minicoin.genesis.spec.ChainSpecs;
import org.minicoin.node.mining.BlockAssembler;
import org.minicoin.node.mining.BlockTemplate;
import org.minicoin.node.mining.CpuMiner;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the node benchmarks and prints a table: each figure beside the bound measured in the same run, and their
 * ratio. Besides the JMH figures it runs the real {@link CpuMiner} for a few seconds on a template it cannot
 * solve (mainnet difficulty) and reports hashes per second per thread; then the ledger's {@link ConnectBench}, the
 * RPC server's {@link RpcBench} and the network's {@link P2pBench}. Pass {@code --quick} for a smoke run.
 */
public final class NodeBench {
    private NodeBench() {
    }

    public static void main(String[] args) throws RunnerException, InterruptedException, java.io.IOException {
        boolean quick = args.length > 0 && args[0].equals("--quick");
        int cores = Runtime.getRuntime().availableProcessors();
        Map<String, double[]> score = new HashMap<>();
        Options opts = new OptionsBuilder()
                .include(MiningBench.class.getSimpleName())
                .forks(1)
                .warmupIterations(quick ? 1 : 3)
                .warmupTime(TimeValue.seconds(quick ? 1 : 2))
                .measurementIterations(quick ? 2 : 5)
                .measurementTime(TimeValue.seconds(quick ? 1 : 2))
                .build();
        for (RunResult r : new Runner(opts).run()) {
            String name = r.getParams().getBenchmark();
            score.put(name.substring(name.lastIndexOf('.') + 1),
                    new double[] {r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError()});
        }
        long window = quick ? 2_000 : 5_000;
        double[] miner1 = new double[] {minerRate(1, window), 0};
        double[] minerAll = new double[] {minerRate(cores, window) / cores, 0};
        double[] raw = score.get("rawDoubleSha256");

        System.out.println();
        System.out.printf("%-34s %22s   %-30s %22s %7s%n", "measure", "rate", "bound (same run)", "bound rate",
                "ratio");
        row("midstate hash + target check", score.get("minerHash"), "hashes/s", raw);
        row("CpuMiner, 1 thread", miner1, "hashes/s", raw);
        row("CpuMiner, " + cores + " threads, per thread", minerAll, "hashes/s", raw);
        System.out.printf("%nbound: raw MessageDigest double SHA-256 of an 80-byte header into reused buffers, "
                + "1 thread; +/- is JMH's 99.9%% error (CpuMiner rows: one %d ms window, no error bar)%n", window);

        System.out.println();
        ConnectBench.print(ConnectBench.run(quick));
        RpcBench.print(rpcRows(quick));
        P2pBench.print(P2pBench.run(quick));
    }

    /**
     * The RPC server over a real node holding Core's regtest chain: getblockcount, and getblock at verbosity 2 on
     * its largest block, each against an empty method measured in the same run with 16 keep-alive clients.
     */
    static java.util.List<String[]> rpcRows(boolean quick) throws java.io.IOException, InterruptedException {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("rpcbench-node");
        org.minicoin.node.daemon.Node.Settings settings = new org.minicoin.node.daemon.Node.Settings(
                ChainSpecs.params("regtest"), dir, 64L << 20, org.minicoin.node.mempool.Mempool.Options.defaults(),
                false, false);
        java.util.List<String[]> rows = new java.util.ArrayList<>();
        try (org.minicoin.node.daemon.Node node = org.minicoin.node.daemon.Node.open(settings, false)) {
            node.importBlocks(org.minicoin.consensus.testing.TestData.path("regtest/core-regtest-11.dat"));
            org.minicoin.node.ledger.BlockIndexEntry largest = node.chain().tip();
            for (int h = 1; h <= node.chain().height(); h++) {
                org.minicoin.node.ledger.BlockIndexEntry e = node.chain().activeAt(h);
                if (e.txCount() > largest.txCount()) {
                    largest = e;
                }
            }
            long window = quick ? 500 : 3_000;
            int rounds = quick ? 1 : 3;
            rows.addAll(RpcBench.run(org.minicoin.node.rpc.methods.RpcMethods.registry(node, () -> { }),
                    "getblockcount", "[]", window, rounds));
            rows.addAll(RpcBench.run(org.minicoin.node.rpc.methods.RpcMethods.registry(node, () -> { }),
                    "getblock", "[\"" + largest.hash() + "\", 2]", window, rounds));
            System.out.printf("%ngetblock 2 block: height %d, %d transactions%n", largest.height(), largest.txCount());
        }
        return rows;
    }

    /** Hashes per second of a {@link CpuMiner} with {@code threads} threads over a window of wall time. */
    private static double minerRate(int threads, long millis) throws InterruptedException {
        ChainParams main = ChainSpecs.params("main");
        BlockNode genesis = BlockNode.genesis(main.genesis().header());
        BlockTemplate hard = new BlockAssembler(main, BlockAssembler.Options.defaults(1000))
                .create(genesis, main.genesisHash(), java.util.List.of(), new byte[] {0x51}, genesis.time() + 600);
        CpuMiner miner = new CpuMiner(threads, genesis::time);
        AtomicBoolean stop = new AtomicBoolean();
        Thread t = new Thread(() -> miner.mine(hard, stop));
        t.start();
        Thread.sleep(millis / 5); // warm-up, not counted
        long startHashes = miner.hashCount();
        long start = System.nanoTime();
        Thread.sleep(millis);
        long hashes = miner.hashCount() - startHashes;
        double seconds = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        t.join();
        return hashes / seconds;
    }

    private static void row(String name, double[] s, String unit, double[] b) {
        String rate = String.format("%,.1f %s", s[0], unit);
        String bound = String.format("%,.1f %s", b[0], "hashes/s");
        String err = s[1] > 0 ? String.format("(+/- %.0f%%, %.0f%%)", 100 * s[1] / s[0], 100 * b[1] / b[0])
                : String.format("(+/- -, %.0f%%)", 100 * b[1] / b[0]);
        System.out.printf("%-34s %22s   %-30s %22s %7.2f   %s%n", name, rate, "raw MessageDigest, 80 bytes x2",
                bound, s[0] / b[0], err);
    }
}
