package org.minicoin.wallet.keys;

/**
 * A phrase that is not a valid BIP-0039 English mnemonic: wrong number of words, a word not in the list, or a
 * checksum that does not match. The message is meant for the user and never contains the whole phrase.
 */
public final class MnemonicException extends RuntimeException {
    public MnemonicException(String message) {
        super(message);
    }
}
