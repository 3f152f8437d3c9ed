package org.minicoin.node.p2p.peer;

/** The service bits of {@code version} and addresses that minicoin uses (Core's protocol.h ServiceFlags). */
public final class ServiceFlags {
    /** The peer serves the full block chain. */
    public static final long NODE_NETWORK = 1;
    /** The peer serves the last 288 blocks only (BIP-0159). */
    public static final long NODE_NETWORK_LIMITED = 1 << 10;
    /** The peer serves witness data (BIP-0144). */
    public static final long NODE_WITNESS = 1 << 3;
    /**
     * What we ask of an outbound full-relay peer, and what we offer. Core also accepts NODE_NETWORK_LIMITED near
     * the tip; minicoin does not serve or use pruned peers, so it asks for the full chain always.
     */
    public static final long DESIRABLE = NODE_NETWORK | NODE_WITNESS;

    private ServiceFlags() {
    }

    /** True when the peer can serve blocks at all (Core's CanServeBlocks); light clients such as bitcoinj cannot. */
    public static boolean canServeBlocks(long services) {
        return (services & (NODE_NETWORK | NODE_NETWORK_LIMITED)) != 0;
    }

    /** True when {@code services} has every bit of {@link #DESIRABLE} (Core's HasAllDesirableServiceFlags). */
    public static boolean hasAllDesirable(long services) {
        return (services & DESIRABLE) == DESIRABLE;
    }
}
