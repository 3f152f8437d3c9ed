package org.minicoin.consensus.address;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Bech32 (BIP-0173) and bech32m (BIP-0350): a human-readable part, the separator '1', base-32 data and a six-symbol
 * BCH checksum that detects up to four substituted characters. Decoding accepts either variant and says which one
 * the string uses; a string that fails is rejected with the reason and, for a bad checksum, the positions of up to
 * two wrong characters, exactly as Bitcoin Core's {@code bech32::LocateErrors} reports them. Segwit rules (witness
 * version, program size) are {@link Address}'s business.
 */
public final class Bech32 {
    /** BIP-0173's limit on a whole string, within which the checksum guarantees finding up to four errors. */
    public static final int MAX_LENGTH = 90;

    private static final int CHECKSUM_SIZE = 6;
    private static final char SEPARATOR = '1';
    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int[] CHARSET_REV = new int[128];
    private static final int[] GENERATOR = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};

    // GF(1024) as a degree-2 extension of GF(32) (x^2 + 9x + 23), for locating errors as Core's bech32.cpp does.
    private static final int[] GF1024_EXP = new int[1023];
    private static final int[] GF1024_LOG = new int[1024];
    private static final int[] SYNDROME_CONSTS = new int[25];

    static {
        Arrays.fill(CHARSET_REV, -1);
        for (int i = 0; i < CHARSET.length(); i++) {
            CHARSET_REV[CHARSET.charAt(i)] = i;
            CHARSET_REV[Character.toUpperCase(CHARSET.charAt(i))] = i;
        }
        buildFieldTables();
    }

    /** Which checksum constant a string satisfies: 1 for bech32, 0x2bc830a3 for bech32m. */
    public enum Encoding {
        /** BIP-0173: segwit version 0 addresses. */
        BECH32(1),
        /** BIP-0350: segwit version 1 and later. */
        BECH32M(0x2bc830a3);

        private final int constant;

        Encoding(int constant) {
            this.constant = constant;
        }
    }

    /**
     * A decoded string.
     *
     * @param encoding which checksum it carries
     * @param hrp      the human-readable part, in lower case
     * @param data     the 5-bit values between separator and checksum
     */
    public record Decoded(Encoding encoding, String hrp, byte[] data) {
    }

    private Bech32() {
    }

    /**
     * Encodes 5-bit values under a lower-case human-readable part. Like Core, does not enforce {@link #MAX_LENGTH}:
     * a caller with a long hrp gets a string that {@link #decode} will refuse.
     *
     * @throws IllegalArgumentException for an hrp that is empty, has upper case or characters outside US-ASCII
     *                                  33..126, or a value above 31
     */
    public static String encode(Encoding encoding, String hrp, byte[] values) {
        if (hrp.isEmpty()) {
            throw new IllegalArgumentException("empty bech32 human-readable part");
        }
        for (int i = 0; i < hrp.length(); i++) {
            char c = hrp.charAt(i);
            if (c < 33 || c > 126 || (c >= 'A' && c <= 'Z')) {
                throw new IllegalArgumentException("bech32 human-readable part must be lower-case US-ASCII 33..126, got '"
                        + c + "' at position " + i);
            }
        }
        StringBuilder sb = new StringBuilder(hrp.length() + 1 + values.length + CHECKSUM_SIZE);
        sb.append(hrp).append(SEPARATOR);
        for (byte v : values) {
            if ((v & 0xff) > 31) {
                throw new IllegalArgumentException("bech32 value out of range: " + (v & 0xff));
            }
            sb.append(CHARSET.charAt(v));
        }
        int mod = polyMod(expand(hrp, values, true)) ^ encoding.constant;
        for (int i = 0; i < CHECKSUM_SIZE; i++) {
            sb.append(CHARSET.charAt((mod >>> (5 * (5 - i))) & 31));
        }
        return sb.toString();
    }

    /**
     * Decodes a bech32 or bech32m string of at most {@link #MAX_LENGTH} characters, all upper or all lower case.
     *
     * @throws AddressException with Core's reason ("Bech32 string too long", "Invalid character or mixed case",
     *                          "Missing separator", "Invalid separator position", "Invalid Base 32 character",
     *                          "Invalid Bech32 checksum", "Invalid Bech32m checksum" or "Invalid checksum") and the
     *                          positions of the offending characters where Core gives them
     */
    public static Decoded decode(String s) {
        // The checks and their order are those of Core's LocateErrors, so each failure gets Core's reason.
        if (s.length() > MAX_LENGTH) {
            throw new AddressException("Bech32 string too long",
                    IntStream.range(MAX_LENGTH, s.length()).boxed().toList());
        }
        List<Integer> bad = badCharacters(s);
        if (!bad.isEmpty()) {
            throw new AddressException("Invalid character or mixed case", bad);
        }
        int pos = s.lastIndexOf(SEPARATOR);
        if (pos < 0) {
            throw new AddressException("Missing separator");
        }
        if (pos == 0 || pos + CHECKSUM_SIZE >= s.length()) {
            throw new AddressException("Invalid separator position", List.of(pos));
        }
        String hrp = asciiLowerCase(s.substring(0, pos));
        byte[] values = new byte[s.length() - 1 - pos];
        for (int i = pos + 1; i < s.length(); i++) {
            int rev = CHARSET_REV[s.charAt(i)];
            if (rev < 0) {
                throw new AddressException("Invalid Base 32 character", List.of(i));
            }
            values[i - pos - 1] = (byte) rev;
        }
        int check = polyMod(expand(hrp, values, false));
        for (Encoding e : Encoding.values()) {
            if (check == e.constant) {
                return new Decoded(e, hrp, Arrays.copyOf(values, values.length - CHECKSUM_SIZE));
            }
        }
        throw checksumError(s, hrp, values);
    }

    /**
     * Regroups bytes into 5-bit values, the last one padded with zero bits (Core's {@code ConvertBits<8, 5, true>}).
     */
    public static byte[] toFiveBit(byte[] bytes) {
        byte[] out = new byte[(bytes.length * 8 + 4) / 5];
        int acc = 0;
        int bits = 0;
        int n = 0;
        for (byte b : bytes) {
            acc = (acc << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                out[n++] = (byte) ((acc >>> bits) & 31);
            }
        }
        if (bits > 0) {
            out[n] = (byte) ((acc << (5 - bits)) & 31);
        }
        return out;
    }

    /**
     * Regroups 5-bit values into bytes (Core's {@code ConvertBits<5, 8, false>}); empty when the values leave five
     * or more bits over, or leftover bits that are not zero, which BIP-0173 forbids.
     */
    public static Optional<byte[]> fromFiveBit(byte[] values) {
        byte[] out = new byte[values.length * 5 / 8];
        int acc = 0;
        int bits = 0;
        int n = 0;
        for (byte v : values) {
            if ((v & 0xff) > 31) {
                throw new IllegalArgumentException("bech32 value out of range: " + (v & 0xff));
            }
            acc = ((acc << 5) | v) & 0xfff;
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out[n++] = (byte) (acc >>> bits);
            }
        }
        if (bits >= 5 || ((acc << (8 - bits)) & 0xff) != 0) {
            return Optional.empty();
        }
        return Optional.of(out);
    }

    /** Positions of characters outside US-ASCII 33..126 and of letters whose case differs from the first letter's. */
    private static List<Integer> badCharacters(String s) {
        List<Integer> errors = new ArrayList<>();
        boolean lower = false;
        boolean upper = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') {
                if (upper) {
                    errors.add(i);
                } else {
                    lower = true;
                }
            } else if (c >= 'A' && c <= 'Z') {
                if (lower) {
                    errors.add(i);
                } else {
                    upper = true;
                }
            } else if (c < 33 || c > 126) {
                errors.add(i);
            }
        }
        return errors;
    }

    /** A-Z to a-z, nothing else (Core's ToLower; Java's toLowerCase also maps non-ASCII letters). */
    static String asciiLowerCase(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c >= 'A' && c <= 'Z' ? (char) (c - 'A' + 'a') : c);
        }
        return sb.toString();
    }

    /** The hrp expanded (high bits, 0, low bits) and the values, plus six zeros when a checksum is to be made. */
    private static byte[] expand(String hrp, byte[] values, boolean withChecksumSpace) {
        int h = hrp.length();
        byte[] out = new byte[2 * h + 1 + values.length + (withChecksumSpace ? CHECKSUM_SIZE : 0)];
        for (int i = 0; i < h; i++) {
            out[i] = (byte) (hrp.charAt(i) >> 5);
            out[h + 1 + i] = (byte) (hrp.charAt(i) & 31);
        }
        System.arraycopy(values, 0, out, 2 * h + 1, values.length);
        return out;
    }

    /** The remainder of the values as a polynomial over GF(32) modulo the bech32 generator (BIP-0173). */
    private static int polyMod(byte[] values) {
        int c = 1;
        for (byte v : values) {
            int c0 = c >>> 25;
            c = ((c & 0x1ffffff) << 5) ^ v;
            for (int i = 0; i < 5; i++) {
                if (((c0 >>> i) & 1) != 0) {
                    c ^= GENERATOR[i];
                }
            }
        }
        return c;
    }

    /**
     * The failure for a string whose checksum matches neither variant: tries to locate one or two substitution
     * errors under each encoding and reports the one that needs fewer, as Core's LocateErrors does. Positions are
     * never turned into corrections: suggesting a "fixed" address could send money to the wrong place.
     */
    private static AddressException checksumError(String s, String hrp, byte[] values) {
        List<Integer> locations = List.of();
        Encoding found = null;
        for (Encoding e : Encoding.values()) {
            int residue = polyMod(expand(hrp, values, false)) ^ e.constant;
            List<Integer> possible = locate(s.length(), values.length, residue);
            if (locations.isEmpty() || (!possible.isEmpty() && possible.size() < locations.size())) {
                locations = possible;
                if (!locations.isEmpty()) {
                    found = e;
                }
            }
        }
        String message = found == Encoding.BECH32M ? "Invalid Bech32m checksum"
                : found == Encoding.BECH32 ? "Invalid Bech32 checksum" : "Invalid checksum";
        return new AddressException(message, locations);
    }

    /**
     * Positions (from the left of the string) of one or two substitution errors explaining a non-zero residue, or
     * none. The syndromes are the residue evaluated at e^997, e^998, e^999, the roots of the generator in GF(1024).
     */
    private static List<Integer> locate(int strLength, int length, int residue) {
        int syn = syndrome(residue);
        int s0 = syn & 0x3ff;
        int s1 = (syn >>> 10) & 0x3ff;
        int s2 = syn >>> 20;
        int ls0 = GF1024_LOG[s0];
        int ls1 = GF1024_LOG[s1];
        int ls2 = GF1024_LOG[s2];
        // One error e1 at p1: s1/s0 = s2/s1 = e^p1, so s1^2 = s0*s2.
        if (ls0 != -1 && ls1 != -1 && ls2 != -1 && (2 * ls1 - ls2 - ls0 + 2046) % 1023 == 0) {
            int p1 = (ls1 - ls0 + 1023) % 1023;
            int le1 = ls0 + (1023 - 997) * p1;
            // The error value must lie in GF(32), the subgroup of powers e^(33k).
            if (p1 < length && le1 % 33 == 0) {
                return List.of(strLength - p1 - 1);
            }
            return List.of();
        }
        // Two errors: guess p1, solve for p2 and check both error values lie in GF(32).
        for (int p1 = 0; p1 < length; p1++) {
            int s2s1p1 = s2 ^ (s1 == 0 ? 0 : GF1024_EXP[(ls1 + p1) % 1023]);
            if (s2s1p1 == 0) {
                continue;
            }
            int s1s0p1 = s1 ^ (s0 == 0 ? 0 : GF1024_EXP[(ls0 + p1) % 1023]);
            if (s1s0p1 == 0) {
                continue;
            }
            int ls1s0p1 = GF1024_LOG[s1s0p1];
            int p2 = (GF1024_LOG[s2s1p1] - ls1s0p1 + 1023) % 1023;
            if (p2 >= length || p1 == p2) {
                continue;
            }
            int s1s0p2 = s1 ^ (s0 == 0 ? 0 : GF1024_EXP[(ls0 + p2) % 1023]);
            if (s1s0p2 == 0) {
                continue;
            }
            int invP1P2 = 1023 - GF1024_LOG[GF1024_EXP[p1] ^ GF1024_EXP[p2]];
            int le2 = ls1s0p1 + invP1P2 + (1023 - 997) * p2;
            int le1 = GF1024_LOG[s1s0p2] + invP1P2 + (1023 - 997) * p1;
            if (le2 % 33 != 0 || le1 % 33 != 0) {
                continue;
            }
            int a = strLength - Math.max(p1, p2) - 1;
            int b = strLength - Math.min(p1, p2) - 1;
            return List.of(a, b);
        }
        return List.of();
    }

    /** s997, s998 and s999 packed in 10 bits each, from precomputed multiples (Core's Syndrome). */
    private static int syndrome(int residue) {
        int low = residue & 0x1f;
        int result = low ^ (low << 10) ^ (low << 20);
        for (int i = 0; i < 25; i++) {
            if (((residue >>> (5 + i)) & 1) != 0) {
                result ^= SYNDROME_CONSTS[i];
            }
        }
        return result;
    }

    private static void buildFieldTables() {
        // GF(32) modulo x^5 + x^3 + 1.
        int[] gf32Exp = new int[31];
        int[] gf32Log = new int[32];
        gf32Exp[0] = 1;
        gf32Log[0] = -1;
        int v = 1;
        for (int i = 1; i < 31; i++) {
            v <<= 1;
            if ((v & 32) != 0) {
                v ^= 41;
            }
            gf32Exp[i] = v;
            gf32Log[v] = i;
        }
        // GF(1024): an element is v1*e + v0; multiplying by e uses e^2 = 9e + 23.
        GF1024_EXP[0] = 1;
        GF1024_LOG[0] = -1;
        v = 1;
        for (int i = 1; i < 1023; i++) {
            int v0 = v & 31;
            int v1 = v >> 5;
            int v0n = v1 != 0 ? gf32Exp[(gf32Log[v1] + gf32Log[23]) % 31] : 0;
            int v1n = (v1 != 0 ? gf32Exp[(gf32Log[v1] + gf32Log[9]) % 31] : 0) ^ v0;
            v = v1n << 5 | v0n;
            GF1024_EXP[i] = v;
            GF1024_LOG[v] = i;
        }
        for (int k = 1; k < 6; k++) {
            for (int shift = 0; shift < 5; shift++) {
                int b = GF1024_LOG[1 << shift];
                int c0 = GF1024_EXP[(997 * k + b) % 1023];
                int c1 = GF1024_EXP[(998 * k + b) % 1023];
                int c2 = GF1024_EXP[(999 * k + b) % 1023];
                SYNDROME_CONSTS[5 * (k - 1) + shift] = c2 << 20 | c1 << 10 | c0;
            }
        }
    }
}
