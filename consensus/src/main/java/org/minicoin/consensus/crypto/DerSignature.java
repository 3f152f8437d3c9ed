package org.minicoin.consensus.crypto;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;

/**
 * An ECDSA signature's (r, s), read leniently as Core's ecdsa_signature_parse_der_lax reads historical
 * signatures, and written in strict DER.
 *
 * @param r the r value; zero when the encoded value overflows the group order (such a signature never verifies)
 * @param s the s value; likewise zero on overflow
 */
public record DerSignature(BigInteger r, BigInteger s) {

    /**
     * Core's lax DER parser. It accepts BER-ish length forms, padding and garbage after the S value that strict
     * DER forbids, because signatures like that were accepted before BIP-0066 and are in the chain. It fails
     * (returns null) only where Core's does. A value of more than 32 significant bytes, or one at or above the
     * group order, makes both r and s zero, as Core's parser does.
     */
    public static DerSignature parseLax(byte[] in) {
        int len = in.length;
        int pos = 0;
        if (pos == len || (in[pos] & 0xff) != 0x30) {
            return null;
        }
        pos++;
        if (pos == len) {
            return null;
        }
        int lenByte = in[pos++] & 0xff;
        if ((lenByte & 0x80) != 0) {
            lenByte -= 0x80;
            if (lenByte > len - pos) {
                return null;
            }
            pos += lenByte; // the sequence length itself is ignored
        }
        int[] r = readInteger(in, pos);
        if (r == null) {
            return null;
        }
        pos = r[0] + r[1];
        int[] s = readInteger(in, pos);
        if (s == null) {
            return null;
        }
        BigInteger rv = value(in, r[0], r[1]);
        BigInteger sv = value(in, s[0], s[1]);
        if (rv == null || sv == null || rv.compareTo(Secp256k1.N) >= 0 || sv.compareTo(Secp256k1.N) >= 0) {
            return new DerSignature(BigInteger.ZERO, BigInteger.ZERO);
        }
        return new DerSignature(rv, sv);
    }

    /** Reads an INTEGER tag and length at {@code pos}; returns {start, length} of its content, or null. */
    private static int[] readInteger(byte[] in, int pos) {
        int len = in.length;
        if (pos == len || in[pos] != 0x02) {
            return null;
        }
        pos++;
        if (pos == len) {
            return null;
        }
        long valueLen;
        int lenByte = in[pos++] & 0xff;
        if ((lenByte & 0x80) != 0) {
            lenByte -= 0x80;
            if (lenByte > len - pos) {
                return null;
            }
            while (lenByte > 0 && in[pos] == 0) {
                pos++;
                lenByte--;
            }
            if (lenByte >= 4) {
                return null;
            }
            valueLen = 0;
            while (lenByte > 0) {
                valueLen = (valueLen << 8) + (in[pos] & 0xff);
                pos++;
                lenByte--;
            }
        } else {
            valueLen = lenByte;
        }
        if (valueLen > len - pos) {
            return null;
        }
        return new int[] {pos, (int) valueLen};
    }

    /** The unsigned value, ignoring leading zeros; null if more than 32 significant bytes remain. */
    private static BigInteger value(byte[] in, int start, int length) {
        while (length > 0 && in[start] == 0) {
            start++;
            length--;
        }
        if (length > 32) {
            return null;
        }
        byte[] b = new byte[length];
        System.arraycopy(in, start, b, 0, length);
        return new BigInteger(1, b);
    }

    /** Whether s is at most n/2 (the form LOW_S requires and signers produce). */
    public boolean isLowS() {
        return s.compareTo(Secp256k1.HALF_N) <= 0;
    }

    /** The same signature with s replaced by n - s when s is high. */
    public DerSignature normalized() {
        return isLowS() ? this : new DerSignature(r, Secp256k1.N.subtract(s));
    }

    /** Strict DER: 0x30 len 0x02 lenR R 0x02 lenS S, each integer minimal and positive. */
    public byte[] encode() {
        byte[] rb = r.toByteArray();
        byte[] sb = s.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream(72);
        out.write(0x30);
        out.write(4 + rb.length + sb.length);
        out.write(0x02);
        out.write(rb.length);
        out.write(rb, 0, rb.length);
        out.write(0x02);
        out.write(sb.length);
        out.write(sb, 0, sb.length);
        return out.toByteArray();
    }
}
