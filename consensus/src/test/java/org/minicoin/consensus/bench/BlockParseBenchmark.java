package org.minicoin.consensus.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.minicoin.consensus.testing.TestData;
import org.minicoin.consensus.types.Block;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Full-block parsing over real blocks (mainnet 0-438 and Core's segwit-heavy regtest chain), against the bound of
 * copying the same bytes, which any parser that keeps its scripts must at least do.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BlockParseBenchmark {
    /** Bytes processed per benchmark call, for turning ops/s into MB/s. */
    public static long bytesPerOp() {
        long n = 0;
        for (byte[] b : corpus()) {
            n += b.length;
        }
        return n;
    }

    private List<byte[]> blocks;

    static List<byte[]> corpus() {
        List<byte[]> all = new ArrayList<>(TestData.mainnetRaw());
        all.addAll(TestData.regtestRaw());
        return all;
    }

    @Setup
    public void setup() {
        blocks = corpus();
    }

    @Benchmark
    public void parseBlocks(Blackhole bh) {
        for (byte[] b : blocks) {
            bh.consume(Block.fromBytes(b));
        }
    }

    @Benchmark
    public void copyBytes(Blackhole bh) {
        for (byte[] b : blocks) {
            bh.consume(b.clone());
        }
    }
}
