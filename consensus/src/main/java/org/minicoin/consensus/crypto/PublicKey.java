package org.minicoin.consensus.crypto;

import java.util.Arrays;
import org.bouncycastle.math.ec.ECPoint;

/** A secp256k1 public key: a curve point, remembered with the form (compressed or not) it is serialized in. */
public final class PublicKey {
    private final ECPoint point;
    private final boolean compressed;

    PublicKey(ECPoint point, boolean compressed) {
        this.point = point.normalize();
        this.compressed = compressed;
    }

    /**
     * Parses 33-byte compressed, 65-byte uncompressed or hybrid keys (as libsecp256k1 does). A hybrid key is
     * re-serialized uncompressed.
     *
     * @throws IllegalArgumentException naming the problem: length, prefix or a point not on the curve
     */
    public static PublicKey parse(byte[] bytes) {
        if (bytes.length != 33 && bytes.length != 65) {
            throw new IllegalArgumentException("a public key is 33 or 65 bytes, got " + bytes.length);
        }
        int prefix = bytes[0] & 0xff;
        boolean okPrefix = bytes.length == 33 ? prefix == 2 || prefix == 3 : prefix == 4 || prefix == 6 || prefix == 7;
        if (!okPrefix) {
            throw new IllegalArgumentException(String.format("invalid public key prefix 0x%02x for %d bytes", prefix,
                    bytes.length));
        }
        ECPoint p = Secp256k1.parsePublicKey(bytes);
        if (p == null) {
            throw new IllegalArgumentException("public key is not a point on secp256k1");
        }
        return new PublicKey(p, bytes.length == 33);
    }

    public boolean isCompressed() {
        return compressed;
    }

    public ECPoint point() {
        return point;
    }

    /** The serialization in this key's form. */
    public byte[] bytes() {
        return point.getEncoded(compressed);
    }

    public PublicKey compressed() {
        return compressed ? this : new PublicKey(point, true);
    }

    public PublicKey uncompressed() {
        return compressed ? new PublicKey(point, false) : this;
    }

    /** HASH160 of the serialization: what P2PKH and P2WPKH outputs commit to. */
    public byte[] hash160() {
        return Hashes.hash160(bytes());
    }

    /** Verifies a DER signature (without sighash byte) over a 32-byte hash. */
    public boolean verify(byte[] hash32, byte[] derSignature) {
        return BouncyCastleVerifier.INSTANCE.verify(bytes(), derSignature, hash32);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublicKey k && compressed == k.compressed && point.equals(k.point);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes());
    }

    @Override
    public String toString() {
        return org.minicoin.consensus.encoding.Hex.encode(bytes());
    }
}
