package org.minicoin.node.p2p.peer;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code version} nonces of our outbound connections whose handshake is still under way, shared by all peers
 * of a node. An inbound peer whose {@code version} carries one of them is ourselves, reached through one of our
 * own addresses: Core's CConnman::CheckIncomingNonce. Thread-safe, as peers live on different event loops.
 */
public final class LocalNonces {
    private final Set<Long> pending = ConcurrentHashMap.newKeySet();

    /** Records the nonce of an outbound {@code version} just sent. */
    void add(long nonce) {
        pending.add(nonce);
    }

    /** Forgets the nonce once that connection's handshake is complete or it is gone. */
    void remove(long nonce) {
        pending.remove(nonce);
    }

    /** True when {@code nonce} is one of ours, so the inbound connection that sent it is a connection to ourselves. */
    public boolean isOurs(long nonce) {
        return pending.contains(nonce);
    }
}
