package org.minicoin.node.cli;

/**
 * A failure that ends {@code minicoin-cli} with exit code 1 and {@code error: <message>} on stderr, as bitcoin-cli
 * reports a {@code std::runtime_error} (bad argument JSON, authorization failure, unexpected HTTP status). The message
 * is worded as Core words it.
 */
public class CliException extends RuntimeException {
    public CliException(String message) {
        super(message);
    }

    public CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
