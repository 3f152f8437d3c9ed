package org.minicoin.wallet.core;

/** A wallet operation that cannot be done, with a message for the user. */
public final class WalletException extends RuntimeException {
    public WalletException(String message) {
        super(message);
    }
}
