package org.minicoin.node.cli;

/**
 * The server could not be reached or is still warming up: the one failure {@code -rpcwait} retries (Core's
 * {@code CConnectionFailed} in bitcoin-cli.cpp).
 */
public final class ConnectionFailedException extends CliException {
    public ConnectionFailedException(String message) {
        super(message);
    }

    public ConnectionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
