package org.minicoin.wallet.file;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Passphrase encryption of small secrets: key = scrypt(UTF-8 passphrase, random salt, N, r, p, 32 bytes), then
 * AES-256-GCM with a random 96-bit nonce, a 128-bit tag, and {@link Sealed#header()} as associated data.
 *
 * <p>The passphrase is taken as given (like Core's wallet passphrase, no Unicode normalisation). The caller owns
 * the {@code char[]} and the plaintext and should zero them; the UTF-8 copy of the passphrase and the derived key
 * are zeroed here before returning. (Bouncy Castle's AES key schedule lives in the engine until it is collected;
 * Java offers no way to wipe it.)
 */
public final class SecretBox {
    private static final int KEY_LENGTH = 32;
    private static final int SALT_LENGTH = 32;

    private SecretBox() {
    }

    /** Seals with {@link ScryptParams#DEFAULT}. */
    public static Sealed seal(byte[] plaintext, char[] passphrase, SecureRandom random) {
        return seal(plaintext, passphrase, random, ScryptParams.DEFAULT);
    }

    /** Seals {@code plaintext} under {@code passphrase} with fresh salt and nonce from {@code random}. */
    public static Sealed seal(byte[] plaintext, char[] passphrase, SecureRandom random, ScryptParams params) {
        byte[] salt = new byte[SALT_LENGTH];
        random.nextBytes(salt);
        byte[] nonce = new byte[Sealed.NONCE_LENGTH];
        random.nextBytes(nonce);
        byte[] header = Sealed.header(params);
        byte[] ciphertext;
        try {
            ciphertext = gcm(true, plaintext, passphrase, params, salt, nonce, header);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("GCM encryption cannot fail", e);
        }
        return new Sealed(params, salt, nonce, ciphertext);
    }

    /**
     * Opens a sealed secret with the parameters stored in it; the caller should zero the returned plaintext.
     *
     * @throws WrongPassphraseException if GCM authentication fails: the passphrase is wrong or the box was altered
     */
    public static byte[] open(Sealed sealed, char[] passphrase) throws WrongPassphraseException {
        try {
            return gcm(false, sealed.ciphertext(), passphrase, sealed.params(), sealed.salt(), sealed.nonce(),
                    sealed.header());
        } catch (InvalidCipherTextException e) {
            throw new WrongPassphraseException();
        }
    }

    private static byte[] gcm(boolean encrypt, byte[] input, char[] passphrase, ScryptParams params, byte[] salt,
            byte[] nonce, byte[] header) throws InvalidCipherTextException {
        byte[] key = deriveKey(passphrase, salt, params);
        KeyParameter keyParam = new KeyParameter(key);
        Arrays.fill(key, (byte) 0);
        byte[] out = null;
        try {
            GCMModeCipher cipher = GCMBlockCipher.newInstance(AESEngine.newInstance());
            cipher.init(encrypt, new AEADParameters(keyParam, Sealed.TAG_LENGTH * 8, nonce, header));
            out = new byte[cipher.getOutputSize(input.length)];
            int len = cipher.processBytes(input, 0, input.length, out, 0);
            len += cipher.doFinal(out, len);
            if (len != out.length) {
                byte[] exact = Arrays.copyOf(out, len);
                Arrays.fill(out, (byte) 0);
                out = exact;
            }
            return out;
        } catch (InvalidCipherTextException e) {
            if (out != null) {
                Arrays.fill(out, (byte) 0);
            }
            throw e;
        } finally {
            // KeyParameter.getKey() returns its own array, so this wipes the copy it made.
            Arrays.fill(keyParam.getKey(), (byte) 0);
        }
    }

    /** scrypt over the passphrase's UTF-8 bytes; the byte copy is zeroed before returning. */
    static byte[] deriveKey(char[] passphrase, byte[] salt, ScryptParams params) {
        byte[] utf8 = utf8(passphrase);
        try {
            return SCrypt.generate(utf8, salt, params.n(), params.r(), params.p(), KEY_LENGTH);
        } finally {
            Arrays.fill(utf8, (byte) 0);
        }
    }

    /** UTF-8 without going through a String, which could not be wiped. */
    private static byte[] utf8(char[] chars) {
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buf;
        try {
            buf = encoder.encode(CharBuffer.wrap(chars));
        } catch (CharacterCodingException e) {
            // Only an unpaired surrogate gets here; it has no UTF-8 form, so refuse it rather than guess.
            throw new IllegalArgumentException("the passphrase is not valid Unicode text");
        }
        byte[] out = new byte[buf.remaining()];
        buf.get(out);
        if (buf.hasArray()) {
            Arrays.fill(buf.array(), (byte) 0);
        }
        return out;
    }
}
