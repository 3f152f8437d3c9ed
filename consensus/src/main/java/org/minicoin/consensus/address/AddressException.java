package org.minicoin.consensus.address;

import java.util.List;

/**
 * An address or private-key string that does not decode for the network at hand. The message is Bitcoin Core's
 * where Core has one (its {@code DecodeDestination} and {@code bech32::LocateErrors} texts), so RPC callers can
 * show it unchanged; {@link #errorLocations()} are the character positions Core's {@code validateaddress} reports.
 */
public final class AddressException extends RuntimeException {
    private final List<Integer> errorLocations;

    public AddressException(String message) {
        this(message, List.of());
    }

    public AddressException(String message, List<Integer> errorLocations) {
        super(message, null, false, false);
        this.errorLocations = List.copyOf(errorLocations);
    }

    /** Zero-based positions of the characters found to be wrong, in increasing order; often empty. */
    public List<Integer> errorLocations() {
        return errorLocations;
    }
}
