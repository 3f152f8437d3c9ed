package org.minicoin.consensus.keys;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.minicoin.consensus.crypto.Hashes;
import org.minicoin.consensus.crypto.PrivateKey;
import org.minicoin.consensus.crypto.PublicKey;
import org.minicoin.consensus.encoding.Base58;
import org.minicoin.consensus.encoding.DecodeException;
import org.minicoin.consensus.encoding.Hex;
import org.minicoin.consensus.params.ChainParams;

/**
 * A BIP-0032 extended key: a private or public key with a chain code and its place in the tree (depth, parent
 * fingerprint, child number). Immutable. Derivation follows Core's {@code CExtKey::Derive} and
 * {@code CExtPubKey::Derive}; parsing follows Core's {@code DecodeExtKey}/{@code DecodeExtPubKey} plus the checks of
 * {@code CExtKey::Decode} (a depth-0 key must have parent fingerprint 0 and child number 0), but says which check
 * failed where Core only answers "not valid".
 */
public final class ExtendedKey {
    /** Serialized size without the version: depth, parent fingerprint, child number, chain code, key. */
    private static final int PAYLOAD_SIZE = 74;
    private static final int VERSION_SIZE = 4;
    /** Base58 of 82 bytes (78 + checksum) is at most 112 characters; longer strings are refused before decoding. */
    private static final int MAX_BASE58_LENGTH = 112;
    private static final int MAX_DEPTH = 255;
    private static final byte[] SEED_KEY = "Bitcoin seed".getBytes(StandardCharsets.US_ASCII);
    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");

    private final int depth;
    private final int parentFingerprint;
    private final int childNumber;
    private final byte[] chainCode;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private ExtendedKey(int depth, int parentFingerprint, int childNumber, byte[] chainCode, PrivateKey privateKey,
                        PublicKey publicKey) {
        this.depth = depth;
        this.parentFingerprint = parentFingerprint;
        this.childNumber = childNumber;
        this.chainCode = chainCode;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /**
     * The master key of a seed (BIP-0032 "master key generation"): HMAC-SHA512 keyed with "Bitcoin seed".
     *
     * @throws ExtendedKeyException if the seed is not 16 to 64 bytes (BIP-0032's 128 to 512 bits), or in the
     *                              2^-127 case where the left half is not a valid private key (use another seed)
     */
    public static ExtendedKey fromSeed(byte[] seed) {
        if (seed.length < 16 || seed.length > 64) {
            throw new ExtendedKeyException("A BIP-0032 seed is 16 to 64 bytes, not " + seed.length);
        }
        byte[] i = hmacSha512(SEED_KEY, seed);
        try {
            byte[] il = Arrays.copyOf(i, 32);
            if (!PrivateKey.isValid(il)) {
                throw new ExtendedKeyException("Seed gives an invalid master key; use another seed");
            }
            return new ExtendedKey(0, 0, 0, Arrays.copyOfRange(i, 32, 64), PrivateKey.fromBytes(il), null);
        } finally {
            Arrays.fill(i, (byte) 0);
        }
    }

    /**
     * Reads an xprv/xpub (tprv/tpub, ...) string of one network.
     *
     * @throws ExtendedKeyException naming the failed check: base58 characters, checksum, length, version bytes,
     *                              depth-0 fingerprint or child number, private key prefix or range, public key
     */
    public static ExtendedKey parse(String text, ChainParams params) {
        if (text.length() > MAX_BASE58_LENGTH) {
            throw new ExtendedKeyException("Invalid extended key length (" + text.length()
                    + " characters, at most " + MAX_BASE58_LENGTH + ")");
        }
        byte[] data;
        try {
            data = Base58.decodeCheck(text);
        } catch (IllegalArgumentException e) {
            throw new ExtendedKeyException("Invalid extended key encoding: " + e.getMessage());
        }
        try {
            if (data.length != VERSION_SIZE + PAYLOAD_SIZE) {
                throw new ExtendedKeyException("Invalid extended key length (" + data.length + " bytes, expected "
                        + (VERSION_SIZE + PAYLOAD_SIZE) + ")");
            }
            int version = ByteBuffer.wrap(data).getInt();
            if (version == params.base58().extSecretKey()) {
                return decode(data, true);
            }
            if (version == params.base58().extPublicKey()) {
                return decode(data, false);
            }
            throw new ExtendedKeyException(String.format(
                    "Invalid extended key version %08x (expected %08x for a public or %08x for a private key)",
                    version, params.base58().extPublicKey(), params.base58().extSecretKey()));
        } finally {
            Arrays.fill(data, (byte) 0);
        }
    }

    private static ExtendedKey decode(byte[] data, boolean isPrivate) {
        ByteBuffer b = ByteBuffer.wrap(data, VERSION_SIZE, PAYLOAD_SIZE);
        int depth = b.get() & 0xff;
        int parentFingerprint = b.getInt();
        int childNumber = b.getInt();
        byte[] chainCode = new byte[32];
        b.get(chainCode);
        byte[] key = new byte[33];
        b.get(key);
        // CExtKey::Decode / CExtPubKey::Decode: a master key has no parent and is nobody's child.
        if (depth == 0 && parentFingerprint != 0) {
            throw new ExtendedKeyException(String.format(
                    "Invalid extended key: depth 0 with parent fingerprint %08x (must be 00000000)",
                    parentFingerprint));
        }
        if (depth == 0 && childNumber != 0) {
            throw new ExtendedKeyException("Invalid extended key: depth 0 with child number "
                    + Integer.toUnsignedString(childNumber) + " (must be 0)");
        }
        try {
            if (isPrivate) {
                if (key[0] != 0) {
                    throw new ExtendedKeyException("Invalid extended private key: key data must start with 00, not "
                            + Hex.encode(new byte[] {key[0]}));
                }
                byte[] secret = Arrays.copyOfRange(key, 1, 33);
                try {
                    if (!PrivateKey.isValid(secret)) {
                        throw new ExtendedKeyException("Invalid extended private key: key not in [1, n-1]");
                    }
                    return new ExtendedKey(depth, parentFingerprint, childNumber, chainCode,
                            PrivateKey.fromBytes(secret), null);
                } finally {
                    Arrays.fill(secret, (byte) 0);
                }
            }
            if (!PublicKey.isCompressedPubKey(key)) {
                throw new ExtendedKeyException("Invalid extended public key: key data must be a compressed key "
                        + "starting with 02 or 03, not " + Hex.encode(new byte[] {key[0]}));
            }
            try {
                return new ExtendedKey(depth, parentFingerprint, childNumber, chainCode, null, PublicKey.parse(key));
            } catch (DecodeException e) {
                throw new ExtendedKeyException("Invalid extended public key: " + e.getMessage());
            }
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** The base58check string of this key for one network: xprv/tprv if private, else xpub/tpub. */
    public String toBase58(ChainParams params) {
        ByteBuffer b = ByteBuffer.allocate(VERSION_SIZE + PAYLOAD_SIZE);
        b.putInt(isPrivate() ? params.base58().extSecretKey() : params.base58().extPublicKey());
        b.put((byte) depth).putInt(parentFingerprint).putInt(childNumber).put(chainCode);
        byte[] key = isPrivate() ? privateKey.toBytes() : publicKey.encoded();
        if (isPrivate()) {
            b.put((byte) 0);
        }
        b.put(key);
        Arrays.fill(key, (byte) 0);
        byte[] data = b.array();
        try {
            return Base58.encodeCheck(data);
        } finally {
            Arrays.fill(data, (byte) 0);
        }
    }

    /**
     * The child with this number: hardened if bit 31 is set ({@link KeyPath#HARDENED}). A private key gives a
     * private child (CKDpriv), a public key a public child (CKDpub).
     *
     * @throws ExtendedKeyException for a hardened child of a public key, a child past depth 255, or in the 2^-127
     *                              case BIP-0032 calls invalid (the caller should move on to the next index)
     */
    public ExtendedKey derive(int child) {
        if (depth == MAX_DEPTH) {
            throw new ExtendedKeyException("Cannot derive past depth " + MAX_DEPTH);
        }
        boolean hardened = KeyPath.isHardened(child);
        if (hardened && !isPrivate()) {
            throw new ExtendedKeyException("Cannot derive hardened child " + childString(child)
                    + " from a public key");
        }
        byte[] parentPub = publicKey().serializeCompressed();
        byte[] data = new byte[37];
        if (hardened) {
            byte[] secret = privateKey.toBytes();
            System.arraycopy(secret, 0, data, 1, 32);
            Arrays.fill(secret, (byte) 0);
        } else {
            System.arraycopy(parentPub, 0, data, 0, 33);
        }
        ByteBuffer.wrap(data, 33, 4).putInt(child);
        byte[] i = hmacSha512(chainCode, data);
        Arrays.fill(data, (byte) 0);
        try {
            BigInteger il = new BigInteger(1, Arrays.copyOf(i, 32));
            byte[] childCode = Arrays.copyOfRange(i, 32, 64);
            int fingerprint = fingerprintOf(parentPub);
            if (il.compareTo(CURVE.getN()) >= 0) {
                throw invalidChild(child);
            }
            if (isPrivate()) {
                // Core's secp256k1_ec_seckey_tweak_add: k_child = IL + k_par mod n, invalid if zero.
                BigInteger k = il.add(new BigInteger(1, privateKey.toBytes())).mod(CURVE.getN());
                if (k.signum() == 0) {
                    throw invalidChild(child);
                }
                return new ExtendedKey(depth + 1, fingerprint, child, childCode,
                        PrivateKey.fromBytes(toBytes32(k)), null);
            }
            // Core's secp256k1_ec_pubkey_tweak_add: K_child = IL*G + K_par, invalid at infinity.
            ECPoint point = new FixedPointCombMultiplier().multiply(CURVE.getG(), il)
                    .add(CURVE.getCurve().decodePoint(parentPub)).normalize();
            if (point.isInfinity()) {
                throw invalidChild(child);
            }
            return new ExtendedKey(depth + 1, fingerprint, child, childCode, null,
                    PublicKey.parse(point.getEncoded(true)));
        } finally {
            Arrays.fill(i, (byte) 0);
        }
    }

    /** The descendant along a path, one {@link #derive(int)} per step. */
    public ExtendedKey derive(KeyPath path) {
        ExtendedKey key = this;
        for (int step : path.steps()) {
            key = key.derive(step);
        }
        return key;
    }

    /** The descendant along a path written as {@code m/84h/1h/0h/0/5} (see {@link KeyPath#parse}). */
    public ExtendedKey derive(String path) {
        return derive(KeyPath.parse(path));
    }

    /** The same key without its private half (BIP-0032 "N"), as Core's {@code CExtKey::Neuter}. */
    public ExtendedKey neuter() {
        return isPrivate() ? new ExtendedKey(depth, parentFingerprint, childNumber, chainCode, null, publicKey())
                : this;
    }

    public boolean isPrivate() {
        return privateKey != null;
    }

    /** The private key, empty for a public extended key. */
    public Optional<PrivateKey> privateKey() {
        return Optional.ofNullable(privateKey);
    }

    /** The compressed public key (BIP-0032 keys are always used compressed). */
    public PublicKey publicKey() {
        return publicKey != null ? publicKey : privateKey.publicKey(true);
    }

    public byte[] chainCode() {
        return chainCode.clone();
    }

    /** 0 for a master key, one more per derivation. */
    public int depth() {
        return depth;
    }

    /** The first four bytes of the parent's identifier, big-endian; 0 for a master key. */
    public int parentFingerprint() {
        return parentFingerprint;
    }

    /** The child number this key was derived with, bit 31 set if hardened; 0 for a master key. */
    public int childNumber() {
        return childNumber;
    }

    /** HASH160 of the compressed public key (BIP-0032 "key identifier"). */
    public byte[] identifier() {
        return Hashes.hash160(publicKey().serializeCompressed());
    }

    /** The first four bytes of {@link #identifier()}, big-endian: what children and key origins refer to. */
    public int fingerprint() {
        return fingerprintOf(publicKey().serializeCompressed());
    }

    private static int fingerprintOf(byte[] compressedPub) {
        return ByteBuffer.wrap(Hashes.hash160(compressedPub)).getInt();
    }

    private static ExtendedKeyException invalidChild(int child) {
        return new ExtendedKeyException("Child " + childString(child)
                + " is an invalid key (BIP-0032: proceed with the next index)");
    }

    private static String childString(int child) {
        return (child & Integer.MAX_VALUE) + (KeyPath.isHardened(child) ? "h" : "");
    }

    private static byte[] hmacSha512(byte[] key, byte[] data) {
        HMac mac = new HMac(new SHA512Digest());
        mac.init(new KeyParameter(key));
        mac.update(data, 0, data.length);
        byte[] out = new byte[64];
        mac.doFinal(out, 0);
        return out;
    }

    private static byte[] toBytes32(BigInteger v) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
        return out;
    }

    /** Same key, chain code and position; private keys compared in constant time. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ExtendedKey other && depth == other.depth
                && parentFingerprint == other.parentFingerprint && childNumber == other.childNumber
                && Arrays.equals(chainCode, other.chainCode) && isPrivate() == other.isPrivate()
                && (isPrivate() ? privateKey.equals(other.privateKey) : publicKey.equals(other.publicKey));
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(chainCode) * 31 + publicKey().hashCode();
    }

    /** Never the private key or chain code: they must not end up in logs. */
    @Override
    public String toString() {
        return "ExtendedKey[" + (isPrivate() ? "private" : "public") + ", depth=" + depth + ", child="
                + childString(childNumber) + ", pub=" + publicKey() + "]";
    }
}
