package org.minicoin.consensus.encoding;

import java.util.Arrays;

/**
 * Reads Bitcoin's encoding from a byte array. Every read is bounds-checked and fails with a
 * {@link DecodeException} naming what was being read and where. Counts read from the input are checked against
 * the bytes that remain <em>before</em> anything is allocated, so a peer claiming 2^32 inputs costs us nothing.
 * Not thread-safe.
 */
public final class ByteReader {
    /** Core's MAX_SIZE: the largest CompactSize value accepted for a length or count (serialize.h). */
    public static final long MAX_SIZE = 0x02000000L;

    private final byte[] buf;
    private final int end;
    private int pos;

    public ByteReader(byte[] buf) {
        this(buf, 0, buf.length);
    }

    public ByteReader(byte[] buf, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > buf.length) {
            throw new IllegalArgumentException("range outside array");
        }
        this.buf = buf;
        this.pos = offset;
        this.end = offset + length;
    }

    public int position() {
        return pos;
    }

    public int remaining() {
        return end - pos;
    }

    public boolean hasRemaining() {
        return pos < end;
    }

    /** The underlying array, for zero-copy hashing of a range already read. */
    public byte[] array() {
        return buf;
    }

    private void need(int n, String what) {
        if (n > end - pos) {
            throw new DecodeException("truncated " + what + ": needs " + n + " bytes, " + (end - pos) + " remain", pos);
        }
    }

    public int readUInt8(String what) {
        need(1, what);
        return buf[pos++] & 0xff;
    }

    public int readUInt16LE(String what) {
        need(2, what);
        int v = (buf[pos] & 0xff) | (buf[pos + 1] & 0xff) << 8;
        pos += 2;
        return v;
    }

    public int readUInt16BE(String what) {
        need(2, what);
        int v = (buf[pos] & 0xff) << 8 | (buf[pos + 1] & 0xff);
        pos += 2;
        return v;
    }

    public int readInt32LE(String what) {
        need(4, what);
        int v = LittleEndian.getInt32(buf, pos);
        pos += 4;
        return v;
    }

    public long readUInt32LE(String what) {
        return readInt32LE(what) & 0xffffffffL;
    }

    public long readInt64LE(String what) {
        need(8, what);
        long v = LittleEndian.getInt64(buf, pos);
        pos += 8;
        return v;
    }

    public byte[] readBytes(int n, String what) {
        if (n < 0) {
            throw new DecodeException("negative length for " + what, pos);
        }
        need(n, what);
        byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return out;
    }

    public void skip(int n, String what) {
        need(n, what);
        pos += n;
    }

    /**
     * A CompactSize as Core's ReadCompactSize: the shortest encoding only (a value that fits a smaller form is
     * "non-canonical"), and no value above {@link #MAX_SIZE}.
     */
    public long readCompactSize(String what) {
        int start = pos;
        int first = readUInt8(what);
        long value;
        if (first < 0xfd) {
            value = first;
        } else if (first == 0xfd) {
            value = readUInt16LE(what);
            if (value < 0xfd) {
                throw new DecodeException("non-canonical CompactSize for " + what, start);
            }
        } else if (first == 0xfe) {
            value = readUInt32LE(what);
            if (value < 0x10000L) {
                throw new DecodeException("non-canonical CompactSize for " + what, start);
            }
        } else {
            value = readInt64LE(what);
            if (Long.compareUnsigned(value, 0x100000000L) < 0) {
                throw new DecodeException("non-canonical CompactSize for " + what, start);
            }
        }
        if (Long.compareUnsigned(value, MAX_SIZE) > 0) {
            throw new DecodeException(what + " of " + Long.toUnsignedString(value) + " exceeds the maximum "
                    + MAX_SIZE, start);
        }
        return value;
    }

    /**
     * A CompactSize count of items each at least {@code minItemBytes} long. Fails before the caller allocates if
     * that many items cannot fit in what remains.
     */
    public int readCount(int minItemBytes, String what) {
        int start = pos;
        long count = readCompactSize(what + " count");
        if (count * Math.max(1, minItemBytes) > remaining()) {
            throw new DecodeException(what + " count " + count + " cannot fit in the " + remaining()
                    + " bytes that remain", start);
        }
        return (int) count;
    }

    /** A CompactSize length followed by that many bytes. */
    public byte[] readVarBytes(String what) {
        int start = pos;
        long len = readCompactSize(what + " length");
        if (len > remaining()) {
            throw new DecodeException("truncated " + what + ": length " + len + " but " + remaining() + " bytes remain",
                    start);
        }
        return readBytes((int) len, what);
    }

    /** Fails if any bytes remain: trailing garbage after a complete object is an error. */
    public void expectEnd(String what) {
        if (pos != end) {
            throw new DecodeException((end - pos) + " bytes of trailing data after " + what, pos);
        }
    }
}
