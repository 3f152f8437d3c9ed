package org.minicoin.wallet.cli;

/** A request the wallet cannot carry out, with the message to show the user (exit code 1). */
public final class WalletCliException extends RuntimeException {
    public WalletCliException(String message) {
        super(message);
    }

    public WalletCliException(String message, Throwable cause) {
        super(message, cause);
    }
}
