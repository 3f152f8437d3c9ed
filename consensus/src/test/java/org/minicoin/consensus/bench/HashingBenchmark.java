package org.minicoin.consensus.bench;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.TimeUnit;
import org.minicoin.consensus.testing.TestData;
import org.minicoin.consensus.types.BlockHeader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Block-header double SHA-256: our header hashing path against the raw JDK digest on the same 80 bytes. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HashingBenchmark {
    private BlockHeader header;
    private byte[] headerBytes;
    private MessageDigest md;
    private long nonce;

    @Setup
    public void setup() throws NoSuchAlgorithmException {
        headerBytes = java.util.Arrays.copyOf(TestData.mainnetRaw().get(0), BlockHeader.SIZE);
        header = BlockHeader.fromBytes(headerBytes);
        md = MessageDigest.getInstance("SHA-256");
    }

    /** What a miner does per attempt: a new nonce, serialize, double SHA-256. */
    @Benchmark
    public Object headerHash() {
        return header.withNonce(nonce++ & 0xffffffffL).hash();
    }

    /** The bound: two MessageDigest calls on a ready 80-byte array, nothing else. */
    @Benchmark
    public byte[] rawMessageDigest() {
        headerBytes[76] = (byte) nonce++;
        md.update(headerBytes);
        return md.digest(md.digest());
    }
}
