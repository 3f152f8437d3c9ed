package org.minicoin.wallet.spend;

/**
 * A spend the wallet refuses to build, with a message meant for the user (Core's wallet strings where Core has
 * one, such as "Transaction amount too small").
 */
public class SpendException extends RuntimeException {
    public SpendException(String message) {
        super(message);
    }
}
