package org.minicoin.consensus.script;

/**
 * Core's CScriptNum: numbers on the script stack are little-endian sign-magnitude byte strings. Operands are
 * limited to 4 bytes (5 for lock times), and under MINIMALDATA must be minimally encoded; results may exceed that
 * range, because they only fail if used as an operand again.
 */
final class ScriptNum {
    static final int DEFAULT_MAX_SIZE = 4;

    private ScriptNum() {
    }

    /** Decodes an operand; a violation is a {@link ScriptFailure} with {@link ScriptError#SCRIPTNUM}. */
    static long decode(byte[] vch, boolean requireMinimal, int maxSize) {
        if (vch.length > maxSize) {
            throw new ScriptFailure(ScriptError.SCRIPTNUM);
        }
        if (requireMinimal && vch.length > 0) {
            // The most significant byte, sign bit aside, must be non-zero, unless the next byte needs the sign bit
            // (+-255 encode as ff00 and ff80). This also rejects negative zero, 0x80.
            if ((vch[vch.length - 1] & 0x7f) == 0) {
                if (vch.length <= 1 || (vch[vch.length - 2] & 0x80) == 0) {
                    throw new ScriptFailure(ScriptError.SCRIPTNUM);
                }
            }
        }
        if (vch.length == 0) {
            return 0;
        }
        long result = 0;
        for (int i = 0; i < vch.length; i++) {
            result |= (long) (vch[i] & 0xff) << (8 * i);
        }
        if ((vch[vch.length - 1] & 0x80) != 0) {
            return -(result & ~(0x80L << (8 * (vch.length - 1))));
        }
        return result;
    }

    static long decode(byte[] vch, boolean requireMinimal) {
        return decode(vch, requireMinimal, DEFAULT_MAX_SIZE);
    }

    /** The minimal encoding of {@code value}. */
    static byte[] encode(long value) {
        if (value == 0) {
            return new byte[0];
        }
        boolean neg = value < 0;
        long abs = neg ? -value : value;
        byte[] tmp = new byte[9];
        int n = 0;
        while (abs != 0) {
            tmp[n++] = (byte) abs;
            abs >>>= 8;
        }
        if ((tmp[n - 1] & 0x80) != 0) {
            tmp[n++] = (byte) (neg ? 0x80 : 0);
        } else if (neg) {
            tmp[n - 1] |= (byte) 0x80;
        }
        return java.util.Arrays.copyOf(tmp, n);
    }

    /** Core's getint(): clamps to the int range. */
    static int toInt(long value) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }
}
