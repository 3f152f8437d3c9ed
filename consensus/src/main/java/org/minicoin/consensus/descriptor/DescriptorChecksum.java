package org.minicoin.consensus.descriptor;

/**
 * The descriptor checksum of BIP-0380 (Core's {@code DescriptorChecksum}): a BCH code over 5-bit symbols, one per
 * character for its position within a group of 32 characters plus one per three characters for their groups, so
 * that case errors and errors within a group each change a single symbol. Eight characters in bech32's alphabet.
 */
final class DescriptorChecksum {
    /** Characters allowed in a descriptor, in groups of 32; hex digits and key-path characters come first. */
    private static final String INPUT_CHARSET = "0123456789()[],'/*abcdefgh@:$%{}"
            + "IJKLMNOPQRSTUVWXYZ&+-.;<=>?!^_|~"
            + "ijklmnopqrstuvwxyzABCDEFGH`#\"\\ ";
    private static final String CHECKSUM_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    static final int LENGTH = 8;

    private DescriptorChecksum() {
    }

    /** The checksum of a descriptor without its '#' part, or null if it has a character outside the set. */
    static String compute(String payload) {
        long c = 1;
        int cls = 0;
        int clsCount = 0;
        for (int i = 0; i < payload.length(); i++) {
            int pos = INPUT_CHARSET.indexOf(payload.charAt(i));
            if (pos < 0) {
                return null;
            }
            c = polyMod(c, pos & 31);
            cls = cls * 3 + (pos >> 5);
            if (++clsCount == 3) {
                c = polyMod(c, cls);
                cls = 0;
                clsCount = 0;
            }
        }
        if (clsCount > 0) {
            c = polyMod(c, cls);
        }
        for (int j = 0; j < LENGTH; j++) {
            c = polyMod(c, 0);
        }
        c ^= 1; // so that appending zeros changes the checksum
        char[] out = new char[LENGTH];
        for (int j = 0; j < LENGTH; j++) {
            out[j] = CHECKSUM_CHARSET.charAt((int) (c >>> (5 * (7 - j))) & 31);
        }
        return new String(out);
    }

    /** Core's PolyMod: multiply by x modulo the degree-8 generator over GF(32), then add {@code val}. */
    private static long polyMod(long c, int val) {
        int c0 = (int) (c >>> 35);
        c = ((c & 0x7ffffffffL) << 5) ^ val;
        if ((c0 & 1) != 0) {
            c ^= 0xf5dee51989L;
        }
        if ((c0 & 2) != 0) {
            c ^= 0xa9fdca3312L;
        }
        if ((c0 & 4) != 0) {
            c ^= 0x1bab10e32dL;
        }
        if ((c0 & 8) != 0) {
            c ^= 0x3706b1677aL;
        }
        if ((c0 & 16) != 0) {
            c ^= 0x644d626ffdL;
        }
        return c;
    }
}
