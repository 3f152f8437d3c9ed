package org.minicoin.node.p2p.peer;

/**
 * The time source of the peer logic, in milliseconds since the epoch. Passed in rather than read from the system
 * so that tests move time forward themselves and timeouts fire deterministically.
 */
@FunctionalInterface
public interface Clock {
    /** The wall clock. */
    Clock SYSTEM = System::currentTimeMillis;

    /** The current time in milliseconds since the epoch. */
    long nowMillis();
}
