package org.minicoin.consensus.crypto;

import java.math.BigInteger;

/**
 * Format rules for signatures and public keys as the script interpreter applies them (Core's interpreter.cpp):
 * pure byte checks, no curve arithmetic.
 */
public final class SignatureEncoding {
    /** Half the secp256k1 group order: S above this has a shorter twin, the malleability LOW_S forbids. */
    static final BigInteger HALF_ORDER =
            new BigInteger("7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0", 16);

    private SignatureEncoding() {
    }

    /**
     * Core's IsValidSignatureEncoding (BIP-0066 strict DER), on a signature <em>with</em> its trailing sighash
     * byte: 0x30 len 0x02 lenR R 0x02 lenS S hashtype, R and S positive and minimally encoded.
     */
    public static boolean isValidSignatureEncoding(byte[] sig) {
        if (sig.length < 9 || sig.length > 73) {
            return false;
        }
        if ((sig[0] & 0xff) != 0x30) {
            return false;
        }
        // The length covers everything but the type byte, length byte and sighash byte.
        if ((sig[1] & 0xff) != sig.length - 3) {
            return false;
        }
        int lenR = sig[3] & 0xff;
        if (5 + lenR >= sig.length) {
            return false;
        }
        int lenS = sig[5 + lenR] & 0xff;
        if (lenR + lenS + 7 != sig.length) {
            return false;
        }
        if (sig[2] != 0x02 || lenR == 0 || (sig[4] & 0x80) != 0) {
            return false;
        }
        // No leading zero unless the next byte would otherwise make R negative.
        if (lenR > 1 && sig[4] == 0x00 && (sig[5] & 0x80) == 0) {
            return false;
        }
        if (sig[lenR + 4] != 0x02 || lenS == 0 || (sig[lenR + 6] & 0x80) != 0) {
            return false;
        }
        return !(lenS > 1 && sig[lenR + 6] == 0x00 && (sig[lenR + 7] & 0x80) == 0);
    }

    /**
     * Whether S is at most half the group order, for a signature (with sighash byte) that already passed
     * {@link #isValidSignatureEncoding}: the interpreter only asks in that order, as Core's IsLowDERSignature.
     */
    public static boolean hasLowS(byte[] strictSigWithHashType) {
        int lenR = strictSigWithHashType[3] & 0xff;
        int lenS = strictSigWithHashType[5 + lenR] & 0xff;
        byte[] s = java.util.Arrays.copyOfRange(strictSigWithHashType, 6 + lenR, 6 + lenR + lenS);
        return new BigInteger(1, s).compareTo(HALF_ORDER) <= 0;
    }

    /** Core's IsCompressedOrUncompressedPubKey: 33 bytes with 02/03, or 65 bytes with 04. No curve check. */
    public static boolean isCompressedOrUncompressedPubKey(byte[] key) {
        if (key.length < 33) {
            return false;
        }
        int prefix = key[0] & 0xff;
        if (prefix == 0x04) {
            return key.length == 65;
        }
        if (prefix == 0x02 || prefix == 0x03) {
            return key.length == 33;
        }
        return false;
    }

    /** Core's IsCompressedPubKey: 33 bytes with 02/03. */
    public static boolean isCompressedPubKey(byte[] key) {
        return key.length == 33 && (key[0] == 0x02 || key[0] == 0x03);
    }
}
