package org.minicoin.wallet.file;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * What a wallet keeps sealed: the BIP-0039 mnemonic phrase and the BIP-0039 passphrase (the "25th word", possibly
 * empty). Inside the box they are a small JSON object, {@code {"mnemonic": ..., "passphrase": ...}}.
 *
 * <p>Held as {@code char[]} so {@link #close()} can wipe them; {@link #toString()} never shows them. Wiping in
 * Java is best effort (Jackson's own buffers are not recycled here, but are left to the collector).
 */
public final class WalletSecret implements AutoCloseable {
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(JsonFactory.Feature.USE_THREAD_LOCAL_FOR_BUFFER_RECYCLING)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final char[] mnemonic;
    private final char[] bip39Passphrase;

    /** Copies both arrays; the caller keeps (and should wipe) its own. */
    public WalletSecret(char[] mnemonic, char[] bip39Passphrase) {
        if (mnemonic.length == 0) {
            throw new IllegalArgumentException("the mnemonic is empty");
        }
        this.mnemonic = mnemonic.clone();
        this.bip39Passphrase = bip39Passphrase.clone();
    }

    /** A copy of the mnemonic phrase. */
    public char[] mnemonic() {
        return mnemonic.clone();
    }

    /** A copy of the BIP-0039 passphrase (empty if none). */
    public char[] bip39Passphrase() {
        return bip39Passphrase.clone();
    }

    /** Seals this secret under the wallet passphrase (see {@link SecretBox}). */
    public Sealed seal(char[] walletPassphrase, SecureRandom random, ScryptParams params) {
        byte[] plaintext = toJson();
        try {
            return SecretBox.seal(plaintext, walletPassphrase, random, params);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /**
     * Opens a sealed secret.
     *
     * @throws WrongPassphraseException if the passphrase does not open it
     * @throws WalletFileException if it opens but holds no wallet secret (written by other software)
     */
    public static WalletSecret open(Sealed sealed, char[] walletPassphrase)
            throws WrongPassphraseException, WalletFileException {
        byte[] plaintext = SecretBox.open(sealed, walletPassphrase);
        try {
            return fromJson(plaintext);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /** Wipes both arrays; this object is unusable afterwards. */
    @Override
    public void close() {
        Arrays.fill(mnemonic, '\0');
        Arrays.fill(bip39Passphrase, '\0');
    }

    @Override
    public String toString() {
        return "WalletSecret[redacted]";
    }

    private byte[] toJson() {
        WipeableBytes out = new WipeableBytes();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeFieldName("mnemonic");
            g.writeString(mnemonic, 0, mnemonic.length);
            g.writeFieldName("passphrase");
            g.writeString(bip39Passphrase, 0, bip39Passphrase.length);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        byte[] bytes = out.toByteArray();
        out.wipe();
        return bytes;
    }

    private static WalletSecret fromJson(byte[] plaintext) throws WalletFileException {
        char[] mnemonic = null;
        char[] passphrase = null;
        try (JsonParser p = JSON.createParser(plaintext)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new WalletFileException("the sealed secret is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("mnemonic") || name.equals("passphrase")) {
                    if (value != JsonToken.VALUE_STRING) {
                        throw new WalletFileException("the sealed secret's \"" + name + "\" is not a string");
                    }
                    char[] chars = Arrays.copyOfRange(p.getTextCharacters(), p.getTextOffset(),
                            p.getTextOffset() + p.getTextLength());
                    if (name.equals("mnemonic")) {
                        mnemonic = chars;
                    } else {
                        passphrase = chars;
                    }
                } else {
                    p.skipChildren(); // a later version may add fields inside the box
                }
            }
            if (mnemonic == null || passphrase == null) {
                throw new WalletFileException("the sealed secret lacks its " + (mnemonic == null ? "mnemonic"
                        : "passphrase"));
            }
            return new WalletSecret(mnemonic, passphrase);
        } catch (WalletFileException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            throw new WalletFileException("the sealed secret is not a wallet secret: " + e.getMessage(), e);
        } finally {
            if (mnemonic != null) {
                Arrays.fill(mnemonic, '\0');
            }
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
    }

    /** A byte stream whose buffer can be wiped. */
    private static final class WipeableBytes extends ByteArrayOutputStream {
        WipeableBytes() {
            super(1024); // a 24-word phrase and a long passphrase fit, so the buffer is never copied on growth
        }

        void wipe() {
            Arrays.fill(buf, (byte) 0);
        }
    }
}
