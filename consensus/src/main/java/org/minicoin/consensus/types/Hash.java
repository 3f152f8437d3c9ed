package org.minicoin.consensus.types;

import java.math.BigInteger;
import java.util.Arrays;
import org.minicoin.consensus.crypto.Hashes;
import org.minicoin.consensus.encoding.ByteReader;
import org.minicoin.consensus.encoding.ByteWriter;
import org.minicoin.consensus.encoding.Hex;

/**
 * A 32-byte hash (txid, block hash, merkle node) kept in internal byte order, the order it is serialized in.
 * Bitcoin displays hashes byte-reversed; {@link #toString()} and {@link #fromHex(String)} use that display order.
 */
public final class Hash implements Comparable<Hash> {
    public static final int LENGTH = 32;
    public static final Hash ZERO = new Hash(new byte[LENGTH]);

    private final byte[] bytes;

    private Hash(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Wraps 32 bytes in internal order (copied). */
    public static Hash wrap(byte[] internalOrder) {
        if (internalOrder.length != LENGTH) {
            throw new IllegalArgumentException("a hash is 32 bytes, got " + internalOrder.length);
        }
        return new Hash(internalOrder.clone());
    }

    /** Takes ownership of a fresh 32-byte array without copying; the caller must not modify it. */
    static Hash wrapOwned(byte[] internalOrder) {
        return new Hash(internalOrder);
    }

    /** Parses a hash in display order (byte-reversed hex, as block explorers and Core's RPC show it). */
    public static Hash fromHex(String displayHex) {
        byte[] b = Hex.decode(displayHex);
        if (b.length != LENGTH) {
            throw new IllegalArgumentException("a hash is 64 hex digits, got " + displayHex.length());
        }
        reverse(b);
        return new Hash(b);
    }

    /** The double SHA-256 of {@code data}. */
    public static Hash sha256d(byte[] data) {
        return new Hash(Hashes.sha256d(data));
    }

    public static Hash sha256d(byte[] data, int off, int len) {
        return new Hash(Hashes.sha256d(data, off, len));
    }

    public static Hash read(ByteReader r, String what) {
        return new Hash(r.readBytes(LENGTH, what));
    }

    public void write(ByteWriter w) {
        w.writeBytes(bytes);
    }

    /** Internal byte order (a copy). */
    public byte[] toBytes() {
        return bytes.clone();
    }

    /** Display byte order (reversed), e.g. for comparing against a target as a big-endian number. */
    public byte[] toDisplayBytes() {
        byte[] b = bytes.clone();
        reverse(b);
        return b;
    }

    /** The hash read as a 256-bit little-endian unsigned number, as Core's UintToArith256. */
    public BigInteger toBigInteger() {
        return new BigInteger(1, toDisplayBytes());
    }

    public boolean isZero() {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** Reads internal byte {@code i} without copying. */
    public byte byteAt(int i) {
        return bytes[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hash h && Arrays.equals(bytes, h.bytes);
    }

    @Override
    public int hashCode() {
        // The bytes are already uniformly distributed.
        return (bytes[0] & 0xff) | (bytes[1] & 0xff) << 8 | (bytes[2] & 0xff) << 16 | (bytes[3] & 0xff) << 24;
    }

    /** Orders as 256-bit numbers (display order), so sorting matches Core's uint256 comparison. */
    @Override
    public int compareTo(Hash o) {
        for (int i = LENGTH - 1; i >= 0; i--) {
            int c = Integer.compare(bytes[i] & 0xff, o.bytes[i] & 0xff);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return Hex.encode(toDisplayBytes());
    }

    private static void reverse(byte[] b) {
        for (int i = 0, j = b.length - 1; i < j; i++, j--) {
            byte t = b[i];
            b[i] = b[j];
            b[j] = t;
        }
    }
}
