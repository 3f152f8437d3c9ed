package org.minicoin.genesis.cli;

/** A problem with what the user asked for, reported as one line on stderr with exit code 1; never a bug. */
final class UserError extends RuntimeException {
    UserError(String message) {
        super(message);
    }
}
