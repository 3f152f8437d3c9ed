package org.minicoin.node.p2p.peer;

/**
 * How a connection came about, which decides what we expect of the peer. The subset of Core's ConnectionType
 * (net.h) that minicoin makes; block-relay-only and feeler connections may be added by the connection manager
 * later.
 */
public enum ConnectionType {
    /** The peer connected to us. */
    INBOUND,
    /** We connected to an address from the address manager, for blocks, transactions and addresses. */
    OUTBOUND_FULL_RELAY,
    /** We connected because the user asked ({@code -connect}, {@code -addnode}, the addnode RPC). */
    MANUAL,
    /**
     * A short-lived connection to a {@code -seednode}, only to ask for addresses: closed once they arrive or after
     * 5 minutes (Core's ADDR_FETCH).
     */
    ADDR_FETCH;

    /** True for connections the peer opened. */
    public boolean isInbound() {
        return this == INBOUND;
    }

    /**
     * True when the peer must offer NODE_NETWORK and NODE_WITNESS or be dropped: Core's
     * CNode::ExpectServicesFromConn, false for inbound and manual connections.
     */
    public boolean expectsServices() {
        return this == OUTBOUND_FULL_RELAY || this == ADDR_FETCH;
    }

    /** False for manual connections, which Core never disconnects or discourages for misbehaviour. */
    public boolean punishable() {
        return this != MANUAL;
    }
}
