package org.minicoin.node.config;

/**
 * A command line or config file that minicoind cannot start with. The message is meant for the user as is, worded
 * as Bitcoin Core words the same problem ({@code Invalid parameter -foo}).
 */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
