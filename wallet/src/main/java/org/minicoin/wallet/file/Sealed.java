package org.minicoin.wallet.file;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A secret sealed by {@link SecretBox}: the scrypt parameters and salt that turn the passphrase into a key, and
 * the AES-256-GCM nonce and ciphertext (with its 16-byte tag at the end). Nothing here reveals the key or the
 * plaintext. Arrays are copied in and out, so a {@code Sealed} is immutable.
 */
public record Sealed(ScryptParams params, byte[] salt, byte[] nonce, byte[] ciphertext) {
    /** The key derivation function, as named in the file. */
    public static final String KDF = "scrypt";
    /** The cipher, as named in the file. */
    public static final String CIPHER = "aes-256-gcm";
    /** GCM's recommended nonce size (NIST SP 800-38D): 96 bits. */
    public static final int NONCE_LENGTH = 12;
    /** The full 128-bit GCM tag. */
    public static final int TAG_LENGTH = 16;
    /** Salt sizes accepted when reading; {@link SecretBox} makes 32-byte salts. */
    public static final int MIN_SALT_LENGTH = 16;
    public static final int MAX_SALT_LENGTH = 64;

    /** @throws IllegalArgumentException if a size is wrong (the file is damaged) */
    public Sealed {
        Objects.requireNonNull(params, "params");
        if (salt.length < MIN_SALT_LENGTH || salt.length > MAX_SALT_LENGTH) {
            throw new IllegalArgumentException("salt must be " + MIN_SALT_LENGTH + ".." + MAX_SALT_LENGTH
                    + " bytes, got " + salt.length);
        }
        if (nonce.length != NONCE_LENGTH) {
            throw new IllegalArgumentException("nonce must be " + NONCE_LENGTH + " bytes, got " + nonce.length);
        }
        if (ciphertext.length < TAG_LENGTH) {
            throw new IllegalArgumentException("ciphertext is shorter than its " + TAG_LENGTH + "-byte tag");
        }
        salt = salt.clone();
        nonce = nonce.clone();
        ciphertext = ciphertext.clone();
    }

    /** The key derivation function: always {@value #KDF}. */
    public String kdf() {
        return KDF;
    }

    /** The cipher: always {@value #CIPHER}. */
    public String cipher() {
        return CIPHER;
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    /**
     * The fixed header authenticated as GCM associated data: the box version, cipher and kdf parameters. Changing
     * any of them in the file makes opening fail even if the key happened to come out the same.
     */
    public byte[] header() {
        return header(params);
    }

    static byte[] header(ScryptParams params) {
        return ("minicoin-secretbox/1 " + CIPHER + " " + KDF + " n=" + params.n() + " r=" + params.r()
                + " p=" + params.p()).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * SHA-256 of header, salt, nonce and ciphertext: public data only, so it says nothing about the key or the
     * plaintext. The wallet file stores it so that accidental damage to the sealed part is told apart from a wrong
     * passphrase, which GCM alone cannot do.
     */
    public byte[] checksum() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(header());
            sha.update(salt);
            sha.update(nonce);
            sha.update(ciphertext);
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sealed s && params.equals(s.params) && Arrays.equals(salt, s.salt)
                && Arrays.equals(nonce, s.nonce) && Arrays.equals(ciphertext, s.ciphertext);
    }

    @Override
    public int hashCode() {
        return Objects.hash(params, Arrays.hashCode(salt), Arrays.hashCode(nonce), Arrays.hashCode(ciphertext));
    }

    @Override
    public String toString() {
        return "Sealed[" + KDF + " n=" + params.n() + " r=" + params.r() + " p=" + params.p() + ", " + CIPHER
                + ", " + (ciphertext.length - TAG_LENGTH) + " bytes]";
    }
}
