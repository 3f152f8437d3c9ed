package org.minicoin.consensus.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.minicoin.consensus.testing.TestData;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the consensus benchmarks and prints a table: each figure beside the bound measured in the same run, and
 * their ratio. Pass {@code --quick} for a short smoke run.
 */
public final class ConsensusBench {
    private ConsensusBench() {
    }

    public static void main(String[] args) throws RunnerException {
        boolean quick = args.length > 0 && args[0].equals("--quick");
        int cores = Runtime.getRuntime().availableProcessors();
        Map<String, double[]> score = new HashMap<>();
        run(score, "", 1, quick, HashingBenchmark.class, BlockParseBenchmark.class, ScriptBenchmark.class);
        // The same script benchmarks with one thread per core: what parallel block validation can reach.
        run(score, "@all", cores, quick, ScriptBenchmark.class);
        double mbPerOp = BlockParseBenchmark.bytesPerOp() / 1e6;
        System.out.println();
        System.out.printf("%-30s %22s   %-30s %22s %7s%n", "measure", "rate", "bound (same run)", "bound rate", "ratio");
        row("block header double-SHA-256", score.get("headerHash"), 1, "hashes/s",
                "raw MessageDigest, 80 bytes", score.get("rawMessageDigest"), 1, "hashes/s");
        row("full-block parse", score.get("parseBlocks"), mbPerOp, "MB/s",
                "byte copy of the same blocks", score.get("copyBytes"), mbPerOp, "MB/s");
        row("P2PKH input verify, 1 thread", score.get("p2pkhInput"), 1, "inputs/s",
                "raw ECDSA verify, 1 thread", score.get("rawEcdsaVerify"), 1, "verifies/s");
        row("P2WPKH input verify, 1 thread", score.get("p2wpkhInput"), 1, "inputs/s",
                "raw ECDSA verify, 1 thread", score.get("rawEcdsaVerify"), 1, "verifies/s");
        row("P2PKH input verify, " + cores + " threads", score.get("p2pkhInput@all"), 1, "inputs/s",
                "raw ECDSA verify, " + cores + " thr.", score.get("rawEcdsaVerify@all"), 1, "verifies/s");
        row("P2WPKH input verify, " + cores + " threads", score.get("p2wpkhInput@all"), 1, "inputs/s",
                "raw ECDSA verify, " + cores + " thr.", score.get("rawEcdsaVerify@all"), 1, "verifies/s");
        System.out.printf("%nparse corpus: %.2f MB per op (mainnet 0-438 + Core regtest chain); +/- is JMH's 99.9%% "
                + "error%n", mbPerOp);
    }

    private static void run(Map<String, double[]> score, String suffix, int threads, boolean quick,
                            Class<?>... benchmarks) throws RunnerException {
        OptionsBuilder b = new OptionsBuilder();
        for (Class<?> c : benchmarks) {
            b.include(c.getSimpleName());
        }
        Options opts = b.forks(1)
                .threads(threads)
                .warmupIterations(quick ? 1 : 3)
                .warmupTime(TimeValue.seconds(quick ? 1 : 2))
                .measurementIterations(quick ? 2 : 5)
                .measurementTime(TimeValue.seconds(quick ? 1 : 2))
                .jvmArgsAppend("-Dminicoin.testdata=" + TestData.dir().toAbsolutePath())
                .build();
        Collection<RunResult> results = new Runner(opts).run();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1) + suffix;
            score.put(name, new double[] {r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError()});
        }
    }

    private static void row(String name, double[] s, double scale, String unit, String boundName, double[] b,
                            double boundScale, String boundUnit) {
        String rate = String.format("%,.1f %s", s[0] * scale, unit);
        String bound = String.format("%,.1f %s", b[0] * boundScale, boundUnit);
        System.out.printf("%-30s %22s   %-30s %22s %7.2f   (+/- %.0f%%, %.0f%%)%n", name, rate, boundName, bound,
                (s[0] * scale) / (b[0] * boundScale), 100 * s[1] / s[0], 100 * b[1] / b[0]);
    }
}
