package org.minicoin.consensus.encoding;

import java.util.Arrays;

/** Writes Bitcoin's encoding into a growing byte array. Not thread-safe. */
public final class ByteWriter {
    private byte[] buf;
    private int len;

    public ByteWriter() {
        this(256);
    }

    public ByteWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }

    public ByteWriter writeUInt8(int v) {
        ensure(1);
        buf[len++] = (byte) v;
        return this;
    }

    public ByteWriter writeUInt16LE(int v) {
        ensure(2);
        buf[len++] = (byte) v;
        buf[len++] = (byte) (v >>> 8);
        return this;
    }

    public ByteWriter writeUInt16BE(int v) {
        ensure(2);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
        return this;
    }

    public ByteWriter writeInt32LE(int v) {
        ensure(4);
        LittleEndian.putInt32(buf, len, v);
        len += 4;
        return this;
    }

    /** Writes the low 32 bits of {@code v}; used for unsigned 32-bit fields held in a long. */
    public ByteWriter writeUInt32LE(long v) {
        return writeInt32LE((int) v);
    }

    public ByteWriter writeInt64LE(long v) {
        ensure(8);
        LittleEndian.putInt64(buf, len, v);
        len += 8;
        return this;
    }

    public ByteWriter writeBytes(byte[] b) {
        return writeBytes(b, 0, b.length);
    }

    public ByteWriter writeBytes(byte[] b, int off, int n) {
        ensure(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
        return this;
    }

    /** The shortest CompactSize encoding of an unsigned value. */
    public ByteWriter writeCompactSize(long v) {
        if (v < 0) {
            throw new IllegalArgumentException("CompactSize of negative value " + v);
        }
        if (v < 0xfd) {
            writeUInt8((int) v);
        } else if (v <= 0xffff) {
            writeUInt8(0xfd).writeUInt16LE((int) v);
        } else if (v <= 0xffffffffL) {
            writeUInt8(0xfe).writeInt32LE((int) v);
        } else {
            writeUInt8(0xff).writeInt64LE(v);
        }
        return this;
    }

    public ByteWriter writeVarBytes(byte[] b) {
        return writeCompactSize(b.length).writeBytes(b);
    }

    public int size() {
        return len;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    /** Encoded size of a CompactSize value. */
    public static int compactSizeLength(long v) {
        return v < 0xfd ? 1 : v <= 0xffff ? 3 : v <= 0xffffffffL ? 5 : 9;
    }
}
