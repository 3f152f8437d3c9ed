package org.minicoin.consensus.address;

import java.util.Arrays;
import org.minicoin.consensus.crypto.Hashes;
import org.minicoin.consensus.encoding.Base58;

/**
 * Base58 decoding with the tolerances and limits of Core's {@code DecodeBase58}/{@code DecodeBase58Check}: leading
 * and trailing whitespace is skipped, a NUL anywhere fails, and a result longer than a caller's maximum fails
 * before the quadratic-time conversion runs, so a megabyte of '2's costs nothing.
 */
final class CoreBase58 {
    private CoreBase58() {
    }

    /** The decoded bytes, or null if not base58 or longer than {@code maxLength} bytes. */
    static byte[] decode(String s, int maxLength) {
        if (s.indexOf('\0') >= 0) {
            return null;
        }
        String trimmed = trimSpaces(s);
        int zeros = 0;
        while (zeros < trimmed.length() && trimmed.charAt(zeros) == '1') {
            zeros++;
        }
        int rest = trimmed.length() - zeros;
        // The first digit after the '1's is non-zero, so the number is at least 58^(rest-1): it needs more than
        // (rest-1) * log256(58) > (rest-1) * 0.732 bytes.
        if (zeros > maxLength || (rest > 0 && zeros + (rest - 1) * 732L / 1000 + 1 > maxLength)) {
            return null;
        }
        byte[] out;
        try {
            out = Base58.decode(trimmed);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return out.length > maxLength ? null : out;
    }

    /** The payload of a base58check string of at most {@code maxPayload} bytes, or null (bad base58 or checksum). */
    static byte[] decodeCheck(String s, int maxPayload) {
        byte[] full = decode(s, maxPayload + 4);
        if (full == null || full.length < 4) {
            return null;
        }
        byte[] payload = Arrays.copyOf(full, full.length - 4);
        byte[] sum = Hashes.sha256d(payload);
        for (int i = 0; i < 4; i++) {
            if (sum[i] != full[payload.length + i]) {
                return null;
            }
        }
        return payload;
    }

    /** Strips what Core's IsSpace calls space: ' ', \f, \n, \r, \t, \v. */
    private static String trimSpaces(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\f' || c == '\n' || c == '\r' || c == '\t' || c == 0x0b;
    }
}
