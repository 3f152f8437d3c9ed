package org.minicoin.consensus.keys;

/**
 * An extended key or key path that cannot be read, or a derivation that cannot be done (a hardened child of a public
 * key, a child past depth 255). The message names the check that failed, in Core's words where Core has them.
 */
public final class ExtendedKeyException extends RuntimeException {
    public ExtendedKeyException(String message) {
        super(message, null, false, false);
    }
}
