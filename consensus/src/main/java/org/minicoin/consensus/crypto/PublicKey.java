package org.minicoin.consensus.crypto;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.math.ec.ECPoint;
import org.minicoin.consensus.encoding.DecodeException;
import org.minicoin.consensus.encoding.Hex;

/**
 * A secp256k1 public key: a point on the curve plus the encoding it came in. Parsing accepts exactly what
 * libsecp256k1's {@code secp256k1_ec_pubkey_parse} accepts, because {@code CPubKey::Verify} (and so OP_CHECKSIG)
 * does: 33-byte compressed (02/03), 65-byte uncompressed (04) and 65-byte "hybrid" (06/07, where the prefix
 * also states the parity of y). Hybrid keys exist in the historical chain and must keep validating.
 *
 * <p>The original encoding is kept, as Core's {@code CPubKey} keeps it, because scripts hash and compare the bytes
 * a key was pushed as, not a canonical form.
 */
public final class PublicKey {
    public static final int COMPRESSED_SIZE = 33;
    public static final int UNCOMPRESSED_SIZE = 65;

    private final ECPoint point;
    private final byte[] encoded;

    private PublicKey(ECPoint point, byte[] encoded) {
        this.point = point;
        this.encoded = encoded;
    }

    /** A key derived from a point known to be valid (not infinity, on the curve). */
    static PublicKey fromPoint(ECPoint point, boolean compressed) {
        ECPoint p = point.normalize();
        return new PublicKey(p, p.getEncoded(compressed));
    }

    /**
     * Parses a compressed, uncompressed or hybrid key.
     *
     * @throws DecodeException if the length or prefix is wrong, a coordinate is not below the field prime, the
     *     point is not on secp256k1, or a hybrid prefix disagrees with the parity of y; the offset points at the
     *     offending byte
     */
    public static PublicKey parse(byte[] encoded) {
        Decoded d = decode(encoded);
        if (d.point == null) {
            throw new DecodeException(d.problem, d.offset);
        }
        return new PublicKey(d.point, encoded.clone());
    }

    /** Core's {@code CPubKey::IsFullyValid}: whether {@link #parse} would succeed. */
    public static boolean isFullyValid(byte[] encoded) {
        return decode(encoded).point != null;
    }

    /** The point, or null where {@link #parse} would throw. */
    static ECPoint decodePoint(byte[] encoded) {
        return decode(encoded).point;
    }

    /**
     * A point or the reason there is none. Failure is a value, not an exception, so that the verifier turns a
     * malformed key into {@code false} without paying for a stack trace per bad signature.
     */
    private record Decoded(ECPoint point, String problem, int offset) {
        static Decoded of(ECPoint point) {
            return new Decoded(point, null, 0);
        }

        static Decoded bad(String problem, int offset) {
            return new Decoded(null, problem, offset);
        }
    }

    private static Decoded decode(byte[] b) {
        if (b.length == 0) {
            return Decoded.bad("empty public key", 0);
        }
        int prefix = b[0] & 0xff;
        switch (prefix) {
            case 0x02, 0x03 -> {
                if (b.length != COMPRESSED_SIZE) {
                    return wrongLength(prefix, COMPRESSED_SIZE, b.length);
                }
                BigInteger x = new BigInteger(1, Arrays.copyOfRange(b, 1, 33));
                if (x.compareTo(Secp256k1.P) >= 0) {
                    return Decoded.bad("x coordinate is not below the field prime", 1);
                }
                try {
                    return Decoded.of(Secp256k1.CURVE.decodePoint(b));
                } catch (IllegalArgumentException e) {
                    // x^3 + 7 has no square root: no point on the curve has this x.
                    return Decoded.bad("x coordinate is not on secp256k1", 1);
                }
            }
            case 0x04, 0x06, 0x07 -> {
                if (b.length != UNCOMPRESSED_SIZE) {
                    return wrongLength(prefix, UNCOMPRESSED_SIZE, b.length);
                }
                BigInteger x = new BigInteger(1, Arrays.copyOfRange(b, 1, 33));
                BigInteger y = new BigInteger(1, Arrays.copyOfRange(b, 33, 65));
                if (x.compareTo(Secp256k1.P) >= 0) {
                    return Decoded.bad("x coordinate is not below the field prime", 1);
                }
                if (y.compareTo(Secp256k1.P) >= 0) {
                    return Decoded.bad("y coordinate is not below the field prime", 33);
                }
                if (prefix != 0x04 && y.testBit(0) != (prefix == 0x07)) {
                    return Decoded.bad("hybrid prefix 0x0" + prefix + " disagrees with the parity of y", 0);
                }
                ECPoint p = Secp256k1.CURVE.createPoint(x, y);
                if (!p.isValid()) {
                    return Decoded.bad("point (x, y) is not on secp256k1", 1);
                }
                return Decoded.of(p);
            }
            default -> {
                return Decoded.bad("unknown public key prefix 0x" + Hex.encode(new byte[] {b[0]}), 0);
            }
        }
    }

    private static Decoded wrongLength(int prefix, int expected, int actual) {
        return Decoded.bad(
                "public key with prefix 0x0" + prefix + " must be " + expected + " bytes, not " + actual, 0);
    }

    /**
     * Core's {@code IsCompressedOrUncompressedPubKey} (script/interpreter.cpp), the STRICTENC key rule: a format check
     * on length and prefix only (02/03 with 33 bytes, 04 with 65); the point is not checked, and hybrid keys fail.
     */
    public static boolean isCompressedOrUncompressedPubKey(byte[] b) {
        if (b.length < COMPRESSED_SIZE) {
            return false;
        }
        return switch (b[0]) {
            case 0x04 -> b.length == UNCOMPRESSED_SIZE;
            case 0x02, 0x03 -> b.length == COMPRESSED_SIZE;
            default -> false;
        };
    }

    /** Core's {@code IsCompressedPubKey}, the WITNESS_PUBKEYTYPE rule: 33 bytes with prefix 02/03, point unchecked. */
    public static boolean isCompressedPubKey(byte[] b) {
        return b.length == COMPRESSED_SIZE && (b[0] == 0x02 || b[0] == 0x03);
    }

    /** 33 bytes with prefix 02/03. Hybrid keys are 65 bytes and so are not compressed. */
    public boolean isCompressed() {
        return encoded.length == COMPRESSED_SIZE;
    }

    /** The bytes this key was parsed from or created as (hybrid keys stay hybrid). */
    public byte[] encoded() {
        return encoded.clone();
    }

    public byte[] serializeCompressed() {
        return point.getEncoded(true);
    }

    /** 65 bytes with prefix 04, also for a key parsed in hybrid form. */
    public byte[] serializeUncompressed() {
        return point.getEncoded(false);
    }

    /** HASH160 of the encoded bytes, as P2PKH and P2WPKH commit to it. */
    public byte[] hash160() {
        return Hashes.hash160(encoded);
    }

    /** {@code CPubKey::Verify} against this key: see {@link SignatureVerifier}. */
    public boolean verify(byte[] hash32, byte[] derSignature) {
        return BouncyCastleSignatureVerifier.verify(point, derSignature, hash32);
    }

    ECPoint point() {
        return point;
    }

    /** Equal encodings, as Core's {@code CPubKey::operator==}: a key and its uncompressed form differ. */
    @Override
    public boolean equals(Object o) {
        return o instanceof PublicKey other && Arrays.equals(encoded, other.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return Hex.encode(encoded);
    }
}
