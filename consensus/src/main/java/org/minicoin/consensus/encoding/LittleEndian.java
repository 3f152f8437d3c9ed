package org.minicoin.consensus.encoding;

/** Little-endian integer access to byte arrays. */
public final class LittleEndian {
    private LittleEndian() {
    }

    public static int getInt32(byte[] b, int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff) << 16 | (b[off + 3] & 0xff) << 24;
    }

    public static long getInt64(byte[] b, int off) {
        return (getInt32(b, off) & 0xffffffffL) | ((long) getInt32(b, off + 4)) << 32;
    }

    public static void putInt32(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
        b[off + 2] = (byte) (v >>> 16);
        b[off + 3] = (byte) (v >>> 24);
    }

    public static void putInt64(byte[] b, int off, long v) {
        putInt32(b, off, (int) v);
        putInt32(b, off + 4, (int) (v >>> 32));
    }
}
