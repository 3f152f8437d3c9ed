package org.minicoin.node.bench;

import java.math.BigInteger;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.TimeUnit;
import org.minicoin.consensus.types.BlockHeader;
import org.minicoin.genesis.spec.ChainSpecs;
import org.minicoin.node.mining.HeaderHasher;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** One mining attempt (midstate hash and target check) against the raw JDK double SHA-256 of 80 bytes. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MiningBench {
    /** A mainnet-like target: practically never met, so every attempt takes the full path. */
    private static final BigInteger HARD_TARGET = BigInteger.ONE.shiftLeft(224);

    private HeaderHasher hasher;
    private byte[] headerBytes;
    private MessageDigest md;
    private final byte[] first = new byte[32];
    private final byte[] second = new byte[32];
    private long nonce;

    @Setup
    public void setup() throws NoSuchAlgorithmException {
        BlockHeader header = ChainSpecs.params("devnet").genesis().header();
        hasher = new HeaderHasher(header, HARD_TARGET);
        headerBytes = header.serialize();
        md = MessageDigest.getInstance("SHA-256");
    }

    /** What each miner thread does per nonce: two compressions from the midstate and the target comparison. */
    @Benchmark
    public boolean minerHash() {
        return hasher.meetsTarget(nonce++ & 0xffffffffL);
    }

    /** The bound: MessageDigest over the 80 bytes, then over the 32-byte result, into reused buffers. */
    @Benchmark
    public byte[] rawDoubleSha256() throws DigestException {
        headerBytes[76] = (byte) nonce++;
        md.update(headerBytes);
        md.digest(first, 0, 32);
        md.update(first);
        md.digest(second, 0, 32);
        return second;
    }
}
