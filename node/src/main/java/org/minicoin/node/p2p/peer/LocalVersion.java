package org.minicoin.node.p2p.peer;

import java.util.Objects;
import java.util.function.IntSupplier;

/**
 * What we announce in our {@code version} message, shared by all peers of a node.
 *
 * @param services   our service bits, {@link ServiceFlags#DESIRABLE} for a full node
 * @param userAgent  BIP-0014 user agent, e.g. {@code /minicoin:0.1.0/}
 * @param relay      false in blocks-only mode, asking peers not to announce transactions
 * @param bestHeight our active chain's height when a version is sent (the {@code start_height} field)
 */
public record LocalVersion(long services, String userAgent, boolean relay, IntSupplier bestHeight) {
    /** Checks the fields are present. */
    public LocalVersion {
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(bestHeight, "bestHeight");
    }
}
