package org.minicoin.consensus.encoding;

import java.util.Arrays;
import org.minicoin.consensus.crypto.Hashes;

/**
 * Base58 and base58check as Bitcoin uses them for legacy addresses, WIF keys and BIP-0032 extended keys. Leading
 * zero bytes become leading '1's. Decoding rejects any character outside the alphabet (including whitespace,
 * which Core's DecodeBase58 tolerates only around the string; callers trim if they want that).
 */
public final class Base58 {
    private static final char[] ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
    private static final int[] INDEXES = new int[128];

    static {
        Arrays.fill(INDEXES, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            INDEXES[ALPHABET[i]] = i;
        }
    }

    private Base58() {
    }

    public static String encode(byte[] input) {
        int zeros = 0;
        while (zeros < input.length && input[zeros] == 0) {
            zeros++;
        }
        // log(256)/log(58) < 1.38: enough digits for the base-58 number.
        byte[] digits = new byte[(input.length - zeros) * 138 / 100 + 1];
        int length = 0;
        for (int i = zeros; i < input.length; i++) {
            int carry = input[i] & 0xff;
            int j = 0;
            for (int k = digits.length - 1; (carry != 0 || j < length) && k >= 0; k--, j++) {
                carry += 256 * (digits[k] & 0xff);
                digits[k] = (byte) (carry % 58);
                carry /= 58;
            }
            length = j;
        }
        StringBuilder sb = new StringBuilder(zeros + length);
        for (int i = 0; i < zeros; i++) {
            sb.append('1');
        }
        for (int i = digits.length - length; i < digits.length; i++) {
            sb.append(ALPHABET[digits[i]]);
        }
        return sb.toString();
    }

    public static byte[] decode(String input) {
        int zeros = 0;
        while (zeros < input.length() && input.charAt(zeros) == '1') {
            zeros++;
        }
        // log(58)/log(256) < 0.733: enough bytes for the number.
        byte[] bytes = new byte[(input.length() - zeros) * 733 / 1000 + 1];
        int length = 0;
        for (int i = zeros; i < input.length(); i++) {
            char c = input.charAt(i);
            int digit = c < 128 ? INDEXES[c] : -1;
            if (digit < 0) {
                throw new IllegalArgumentException("invalid base58 character '" + c + "' at position " + i);
            }
            int carry = digit;
            int j = 0;
            for (int k = bytes.length - 1; (carry != 0 || j < length) && k >= 0; k--, j++) {
                carry += 58 * (bytes[k] & 0xff);
                bytes[k] = (byte) carry;
                carry >>>= 8;
            }
            length = j;
        }
        byte[] out = new byte[zeros + length];
        System.arraycopy(bytes, bytes.length - length, out, zeros, length);
        return out;
    }

    /** Appends the first four bytes of the payload's double SHA-256 and encodes. */
    public static String encodeCheck(byte[] payload) {
        byte[] sum = Hashes.sha256d(payload);
        byte[] full = Arrays.copyOf(payload, payload.length + 4);
        System.arraycopy(sum, 0, full, payload.length, 4);
        return encode(full);
    }

    /** Decodes and verifies the four-byte checksum; returns the payload without it. */
    public static byte[] decodeCheck(String input) {
        byte[] full = decode(input);
        if (full.length < 4) {
            throw new IllegalArgumentException("base58check string too short for a checksum");
        }
        byte[] payload = Arrays.copyOf(full, full.length - 4);
        byte[] sum = Hashes.sha256d(payload);
        for (int i = 0; i < 4; i++) {
            if (sum[i] != full[payload.length + i]) {
                throw new IllegalArgumentException("invalid base58check checksum");
            }
        }
        return payload;
    }
}
