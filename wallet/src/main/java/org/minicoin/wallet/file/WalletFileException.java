package org.minicoin.wallet.file;

import java.io.IOException;

/**
 * A wallet file that cannot be used: missing, damaged, or written by a newer version. The message names the file
 * and says what to do; the file itself is left as it was.
 */
public final class WalletFileException extends IOException {
    private static final long serialVersionUID = 1L;

    /** With a message for the user. */
    public WalletFileException(String message) {
        super(message);
    }

    /** With a message for the user and the underlying cause. */
    public WalletFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
