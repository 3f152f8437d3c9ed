package org.minicoin.consensus.crypto;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * An ECDSA signature (r, s) over secp256k1, with Bitcoin Core's three views of its DER encoding: the strict BIP-0066
 * check ({@link #isValidSignatureEncoding}), the lax parser that accepts every historical signature
 * ({@link #parseDerLax}), and the low-S test ({@link #isLowS(byte[])}).
 *
 * <p>r and s lie in [0, n). Zero is allowed because Core's lax parser yields (0, 0) for encodings whose integers
 * overflow the group order; such a signature parses but never verifies.
 */
public final class EcdsaSignature {
    private static final int SEQUENCE = 0x30;
    private static final int INTEGER = 0x02;

    private final BigInteger r;
    private final BigInteger s;

    private EcdsaSignature(BigInteger r, BigInteger s) {
        this.r = r;
        this.s = s;
    }

    /** @throws IllegalArgumentException unless 0 <= r, s < n */
    public static EcdsaSignature of(BigInteger r, BigInteger s) {
        requireScalar(r, "r");
        requireScalar(s, "s");
        return new EcdsaSignature(r, s);
    }

    private static void requireScalar(BigInteger v, String name) {
        Objects.requireNonNull(v, name);
        if (v.signum() < 0 || v.compareTo(Secp256k1.N) >= 0) {
            throw new IllegalArgumentException(name + " is outside [0, n): " + v.toString(16));
        }
    }

    public BigInteger r() {
        return r;
    }

    public BigInteger s() {
        return s;
    }

    /** S <= n/2. The complement n - S verifies equally, so only one of the pair is standard (malleability). */
    public boolean isLowS() {
        return s.compareTo(Secp256k1.HALF_N) <= 0;
    }

    /** This signature with S replaced by n - S if S is high: libsecp256k1's secp256k1_ecdsa_signature_normalize. */
    public EcdsaSignature normalizeS() {
        return isLowS() ? this : new EcdsaSignature(r, Secp256k1.N.subtract(s));
    }

    /** Strict DER: {@code 30 len 02 lenR R 02 lenS S}, minimal positive integers, no sighash byte. */
    public byte[] encodeDer() {
        // toByteArray gives the shortest two's-complement form, which for a non-negative value is exactly DER's
        // minimal encoding (a 0x00 prefix only when the top bit would otherwise be set). At most 33 bytes each.
        byte[] rb = r.toByteArray();
        byte[] sb = s.toByteArray();
        byte[] out = new byte[6 + rb.length + sb.length];
        int pos = 0;
        out[pos++] = SEQUENCE;
        out[pos++] = (byte) (4 + rb.length + sb.length);
        out[pos++] = INTEGER;
        out[pos++] = (byte) rb.length;
        System.arraycopy(rb, 0, out, pos, rb.length);
        pos += rb.length;
        out[pos++] = INTEGER;
        out[pos++] = (byte) sb.length;
        System.arraycopy(sb, 0, out, pos, sb.length);
        return out;
    }

    /**
     * Bitcoin Core's {@code IsValidSignatureEncoding} (script/interpreter.cpp), consensus-critical since BIP-0066:
     * strict DER followed by one sighash-type byte, which is required but whose value is not checked here.
     * Negative or over-padded integers are rejected because any BER leniency is a source of malleability and of
     * disagreement between DER parsers (the OpenSSL consensus split that BIP-0066 closed).
     */
    public static boolean isValidSignatureEncoding(byte[] sig) {
        int size = sig.length;
        // 9 = the smallest encoding (one-byte R and S) plus sighash; 73 = two 33-byte integers plus sighash.
        if (size < 9 || size > 73) {
            return false;
        }
        if (u8(sig, 0) != SEQUENCE) {
            return false;
        }
        // The sequence length covers everything but its own two header bytes and the sighash byte.
        if (u8(sig, 1) != size - 3) {
            return false;
        }
        int lenR = u8(sig, 3);
        if (5 + lenR >= size) {
            return false;
        }
        int lenS = u8(sig, 5 + lenR);
        if (lenR + lenS + 7 != size) {
            return false;
        }
        return isStrictInteger(sig, 2, lenR) && isStrictInteger(sig, lenR + 4, lenS);
    }

    /** The INTEGER at {@code tagAt} (tag, one length byte, value) is positive and minimally encoded. */
    private static boolean isStrictInteger(byte[] sig, int tagAt, int len) {
        if (u8(sig, tagAt) != INTEGER || len == 0) {
            return false;
        }
        int first = u8(sig, tagAt + 2);
        if ((first & 0x80) != 0) {
            return false; // negative
        }
        // A leading zero is allowed only to stop the next byte's top bit from reading as a sign.
        return !(len > 1 && first == 0 && (u8(sig, tagAt + 3) & 0x80) == 0);
    }

    /**
     * Bitcoin Core's {@code ecdsa_signature_parse_der_lax} (pubkey.cpp), byte for byte: accepts the BER violations
     * found in pre-BIP-0066 blocks (negative integers read as unsigned, excess padding, long-form lengths, any
     * sequence length, trailing garbage). Fails only where Core fails. If R or S does not fit below the group
     * order, the result is the (0, 0) signature rather than a failure, exactly as Core, so that the signature parses
     * but cannot verify. The input has no sighash byte.
     */
    public static Optional<EcdsaSignature> parseDerLax(byte[] in) {
        int len = in.length;
        int pos = 0;
        if (pos == len || u8(in, pos) != SEQUENCE) {
            return Optional.empty();
        }
        pos++;
        if (pos == len) {
            return Optional.empty();
        }
        int lenByte = u8(in, pos++);
        if ((lenByte & 0x80) != 0) {
            // The sequence length itself is skipped unread: only that its bytes are present matters.
            lenByte -= 0x80;
            if (lenByte > len - pos) {
                return Optional.empty();
            }
            pos += lenByte;
        }
        long r = readLaxIntegerHeader(in, pos);
        if (r < 0) {
            return Optional.empty();
        }
        int rPos = (int) (r >>> 32);
        int rLen = (int) r;
        pos = rPos + rLen;
        long s = readLaxIntegerHeader(in, pos);
        if (s < 0) {
            return Optional.empty();
        }
        int sPos = (int) (s >>> 32);
        int sLen = (int) s;

        BigInteger rValue = laxUnsigned(in, rPos, rLen);
        BigInteger sValue = laxUnsigned(in, sPos, sLen);
        if (rValue == null || sValue == null
                || rValue.compareTo(Secp256k1.N) >= 0 || sValue.compareTo(Secp256k1.N) >= 0) {
            return Optional.of(new EcdsaSignature(BigInteger.ZERO, BigInteger.ZERO));
        }
        return Optional.of(new EcdsaSignature(rValue, sValue));
    }

    /**
     * Reads an INTEGER tag and its (short- or long-form) length at {@code pos}. Returns the value's position in the
     * high 32 bits and its length in the low 32 bits, or -1 where Core's parser returns 0.
     */
    private static long readLaxIntegerHeader(byte[] in, int pos) {
        int len = in.length;
        if (pos == len || u8(in, pos) != INTEGER) {
            return -1;
        }
        pos++;
        if (pos == len) {
            return -1;
        }
        int lenByte = u8(in, pos++);
        int valueLen;
        if ((lenByte & 0x80) != 0) {
            lenByte -= 0x80;
            if (lenByte > len - pos) {
                return -1;
            }
            while (lenByte > 0 && in[pos] == 0) {
                pos++;
                lenByte--;
            }
            // Core caps the length of the length at 3 significant bytes, so it always fits its size_t.
            if (lenByte >= 4) {
                return -1;
            }
            valueLen = 0;
            while (lenByte > 0) {
                valueLen = (valueLen << 8) + u8(in, pos);
                pos++;
                lenByte--;
            }
        } else {
            valueLen = lenByte;
        }
        if (valueLen > len - pos) {
            return -1;
        }
        return ((long) pos << 32) | valueLen;
    }

    /** The bytes as an unsigned big-endian number, or null if more than 32 significant bytes (Core's overflow). */
    private static BigInteger laxUnsigned(byte[] in, int pos, int len) {
        while (len > 0 && in[pos] == 0) {
            pos++;
            len--;
        }
        if (len > 32) {
            return null;
        }
        byte[] magnitude = new byte[len];
        System.arraycopy(in, pos, magnitude, 0, len);
        return new BigInteger(1, magnitude);
    }

    /**
     * Bitcoin Core's {@code CPubKey::CheckLowS}: the signature (without sighash byte) lax-parses and its S is at most
     * n/2. Enforced by the LOW_S script flag, which is policy, not consensus.
     */
    public static boolean isLowS(byte[] der) {
        return parseDerLax(der).map(EcdsaSignature::isLowS).orElse(false);
    }

    private static int u8(byte[] b, int i) {
        return b[i] & 0xff;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EcdsaSignature other && r.equals(other.r) && s.equals(other.s);
    }

    @Override
    public int hashCode() {
        return 31 * r.hashCode() + s.hashCode();
    }

    @Override
    public String toString() {
        return "EcdsaSignature[r=" + r.toString(16) + ", s=" + s.toString(16) + "]";
    }
}
