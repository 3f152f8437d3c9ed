package org.minicoin.node.p2p.peer;

import java.util.List;

/**
 * The peers of one node as the protocol logic above the connection level sees them: who is connected, and how to
 * run something on a peer's own thread. {@code ConnectionManager} implements it over Netty channels; simulations
 * implement it over an event queue, so multi-peer behaviour runs without sockets and in a fixed order.
 */
public interface PeerNetwork {
    /** The connected peers, oldest first, including those still in their handshake. */
    List<Peer> peers();

    /** Runs {@code task} on {@code peer}'s thread (later, never inside the caller). */
    void execute(Peer peer, Runnable task);

    /** A network with no peers, for a node before its connections start. */
    PeerNetwork NONE = new PeerNetwork() {
        @Override
        public List<Peer> peers() {
            return List.of();
        }

        @Override
        public void execute(Peer peer, Runnable task) {
        }
    };
}
