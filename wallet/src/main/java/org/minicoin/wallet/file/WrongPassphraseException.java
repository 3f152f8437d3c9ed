package org.minicoin.wallet.file;

/**
 * The passphrase does not open a sealed secret. AES-GCM cannot tell a wrong key from altered ciphertext; the wallet
 * file's checksum rules out accidental damage first (see {@link Sealed#checksum()}), so what is left is a wrong
 * passphrase or a deliberate change to the file, and the message says exactly that.
 */
public final class WrongPassphraseException extends Exception {
    private static final long serialVersionUID = 1L;

    /** With the standard message. */
    public WrongPassphraseException() {
        super("wrong passphrase (or the encrypted part of the wallet file was deliberately altered)");
    }
}
