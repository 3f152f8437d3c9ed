package org.minicoin.consensus.types;

import org.minicoin.consensus.encoding.ByteReader;
import org.minicoin.consensus.encoding.ByteWriter;
import org.minicoin.consensus.encoding.Hex;

/**
 * The 80-byte block header. Time, bits and nonce are unsigned 32-bit values held in longs. The block hash is the
 * double SHA-256 of the 80 bytes, computed once on demand.
 */
public final class BlockHeader {
    public static final int SIZE = 80;

    private final int version;
    private final Hash prevBlock;
    private final Hash merkleRoot;
    private final long time;
    private final long bits;
    private final long nonce;
    private Hash hash;

    public BlockHeader(int version, Hash prevBlock, Hash merkleRoot, long time, long bits, long nonce) {
        checkUInt32(time, "time");
        checkUInt32(bits, "bits");
        checkUInt32(nonce, "nonce");
        this.version = version;
        this.prevBlock = prevBlock;
        this.merkleRoot = merkleRoot;
        this.time = time;
        this.bits = bits;
        this.nonce = nonce;
    }

    private static void checkUInt32(long v, String what) {
        if (v < 0 || v > 0xffffffffL) {
            throw new IllegalArgumentException("header " + what + " must be a uint32, got " + v);
        }
    }

    public int version() {
        return version;
    }

    public Hash prevBlock() {
        return prevBlock;
    }

    public Hash merkleRoot() {
        return merkleRoot;
    }

    public long time() {
        return time;
    }

    public long bits() {
        return bits;
    }

    public long nonce() {
        return nonce;
    }

    public BlockHeader withNonce(long newNonce) {
        return new BlockHeader(version, prevBlock, merkleRoot, time, bits, newNonce);
    }

    public BlockHeader withTime(long newTime) {
        return new BlockHeader(version, prevBlock, merkleRoot, newTime, bits, nonce);
    }

    public BlockHeader withMerkleRoot(Hash root) {
        return new BlockHeader(version, prevBlock, root, time, bits, nonce);
    }

    public Hash hash() {
        Hash h = hash;
        if (h == null) {
            h = Hash.sha256d(serialize());
            hash = h;
        }
        return h;
    }

    public byte[] serialize() {
        ByteWriter w = new ByteWriter(SIZE);
        write(w);
        return w.toByteArray();
    }

    public void write(ByteWriter w) {
        w.writeInt32LE(version);
        prevBlock.write(w);
        merkleRoot.write(w);
        w.writeUInt32LE(time);
        w.writeUInt32LE(bits);
        w.writeUInt32LE(nonce);
    }

    public static BlockHeader read(ByteReader r) {
        int version = r.readInt32LE("header version");
        Hash prev = Hash.read(r, "header previous block hash");
        Hash merkle = Hash.read(r, "header merkle root");
        long time = r.readUInt32LE("header time");
        long bits = r.readUInt32LE("header bits");
        long nonce = r.readUInt32LE("header nonce");
        return new BlockHeader(version, prev, merkle, time, bits, nonce);
    }

    public static BlockHeader fromBytes(byte[] bytes) {
        ByteReader r = new ByteReader(bytes);
        BlockHeader h = read(r);
        r.expectEnd("block header");
        return h;
    }

    public static BlockHeader fromHex(String hex) {
        return fromBytes(Hex.decode(hex));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlockHeader h && version == h.version && time == h.time && bits == h.bits
                && nonce == h.nonce && prevBlock.equals(h.prevBlock) && merkleRoot.equals(h.merkleRoot);
    }

    @Override
    public int hashCode() {
        return hash().hashCode();
    }

    @Override
    public String toString() {
        return "BlockHeader(" + hash() + ")";
    }
}
