package org.minicoin.consensus.crypto;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.crypto.engines.ChaCha7539Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.minicoin.consensus.encoding.DecodeException;

/**
 * A hash of a multiset that can be updated in any order: adding and removing elements commute, so a running UTXO
 * set hash (gettxoutsetinfo's {@code muhash}, the coinstats index, assumeutxo) can follow blocks and reorgs
 * without rehashing the whole set. Follows Bitcoin Core's {@code crypto/muhash.cpp}: each element is hashed with
 * SHA-256, expanded with ChaCha20 (key = that hash, zero nonce, block counter from 0) to 384 bytes read as a
 * little-endian 3072-bit number, and multiplied into a numerator (insert) or denominator (remove) modulo the prime
 * 2^3072 - 1103717; the one expensive modular inverse waits until {@link #digest()}.
 *
 * <p>Mutable and not thread-safe. Elements are not checked for membership: removing something never inserted
 * gives a hash of no set, as in Core.
 */
public final class MuHash3072 {
    /** Size of one 3072-bit number in bytes. */
    public static final int BYTE_SIZE = 384;
    private static final int BITS = 3072;
    private static final BigInteger PRIME_DIFF = BigInteger.valueOf(1103717);
    private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(BITS).subtract(PRIME_DIFF);
    private static final BigInteger LOW_MASK = BigInteger.ONE.shiftLeft(BITS).subtract(BigInteger.ONE);

    private BigInteger numerator = BigInteger.ONE;
    private BigInteger denominator = BigInteger.ONE;

    /** The hash of the empty set. */
    public MuHash3072() {
    }

    private MuHash3072(BigInteger numerator, BigInteger denominator) {
        this.numerator = numerator;
        this.denominator = denominator;
    }

    /** Adds {@code element} (any bytes) to the set. */
    public MuHash3072 insert(byte[] element) {
        numerator = mulMod(numerator, toNum3072(element));
        return this;
    }

    /** Removes {@code element} from the set. */
    public MuHash3072 remove(byte[] element) {
        denominator = mulMod(denominator, toNum3072(element));
        return this;
    }

    /** Adds every element of {@code other} (the union of two disjoint sets; Core's {@code operator*=}). */
    public MuHash3072 combine(MuHash3072 other) {
        numerator = mulMod(numerator, other.numerator);
        denominator = mulMod(denominator, other.denominator);
        return this;
    }

    /** Removes every element of {@code other} (Core's {@code operator/=}). */
    public MuHash3072 subtract(MuHash3072 other) {
        numerator = mulMod(numerator, other.denominator);
        denominator = mulMod(denominator, other.numerator);
        return this;
    }

    /**
     * The 32-byte hash of the set: SHA-256 of numerator / denominator as 384 little-endian bytes. As in Core's
     * {@code Finalize}, the fraction is reduced to a single number (the object keeps representing the same set).
     * Core keeps these 32 bytes in a uint256 and its RPC shows them reversed, as it shows every hash: wrap them in
     * a {@code Hash} for that display.
     */
    public byte[] digest() {
        numerator = mulMod(numerator, denominator.modInverse(MODULUS));
        denominator = BigInteger.ONE;
        return Hashes.sha256(toLittleEndian(numerator));
    }

    /**
     * Core's serialization: numerator then denominator, each 384 bytes little-endian, so an index can store a
     * running hash and continue it later.
     */
    public byte[] serialize() {
        byte[] out = Arrays.copyOf(toLittleEndian(numerator), 2 * BYTE_SIZE);
        System.arraycopy(toLittleEndian(denominator), 0, out, BYTE_SIZE, BYTE_SIZE);
        return out;
    }

    /**
     * Reads {@link #serialize()}'s form. Core accepts numbers at or above the modulus (they stand for their
     * residue), so this does too.
     */
    public static MuHash3072 deserialize(byte[] bytes) {
        if (bytes.length != 2 * BYTE_SIZE) {
            throw new DecodeException("a MuHash3072 is " + 2 * BYTE_SIZE + " bytes, got " + bytes.length,
                    Math.min(bytes.length, 2 * BYTE_SIZE));
        }
        return new MuHash3072(fromLittleEndian(bytes, 0).mod(MODULUS), fromLittleEndian(bytes, BYTE_SIZE).mod(MODULUS));
    }

    /** Core's ToNum3072: SHA-256 of the element as a ChaCha20 key, 384 bytes of its keystream as the number. */
    private static BigInteger toNum3072(byte[] element) {
        ChaCha7539Engine chacha = new ChaCha7539Engine();
        chacha.init(true, new ParametersWithIV(new KeyParameter(Hashes.sha256(element)), new byte[12]));
        byte[] stream = new byte[BYTE_SIZE];
        chacha.processBytes(new byte[BYTE_SIZE], 0, BYTE_SIZE, stream, 0);
        // Core multiplies the keystream in unreduced; a value at or above the modulus stands for its residue.
        return reduce(fromLittleEndian(stream, 0));
    }

    private static BigInteger mulMod(BigInteger a, BigInteger b) {
        return reduce(a.multiply(b));
    }

    /**
     * x mod (2^3072 - d) for x below 2^6144, without a division: since 2^3072 = d (mod p), fold the high part
     * down as high * d until x fits in 3072 bits, then subtract p at most once.
     */
    private static BigInteger reduce(BigInteger x) {
        while (x.bitLength() > BITS) {
            x = x.and(LOW_MASK).add(x.shiftRight(BITS).multiply(PRIME_DIFF));
        }
        return x.compareTo(MODULUS) >= 0 ? x.subtract(MODULUS) : x;
    }

    private static BigInteger fromLittleEndian(byte[] bytes, int off) {
        byte[] be = new byte[BYTE_SIZE];
        for (int i = 0; i < BYTE_SIZE; i++) {
            be[i] = bytes[off + BYTE_SIZE - 1 - i];
        }
        return new BigInteger(1, be);
    }

    private static byte[] toLittleEndian(BigInteger x) {
        byte[] be = x.toByteArray(); // may carry a leading sign byte, or be shorter than 384 bytes
        byte[] le = new byte[BYTE_SIZE];
        for (int i = 0; i < BYTE_SIZE && i < be.length; i++) {
            le[i] = be[be.length - 1 - i];
        }
        return le;
    }
}
