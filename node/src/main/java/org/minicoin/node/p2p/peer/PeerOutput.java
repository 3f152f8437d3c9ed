package org.minicoin.node.p2p.peer;

import org.minicoin.node.p2p.wire.Message;

/**
 * What a {@link Peer} does to its connection: send a message or close it. The Netty adapter implements it on a
 * channel; tests implement it with a list.
 */
public interface PeerOutput {
    /** Queues {@code message} for sending to the peer. */
    void send(Message message);

    /** Closes the connection; {@code reason} is Core's log text for why (for the log and getpeerinfo). */
    void disconnect(String reason);

    /** True while the connection's send buffer is over its cap (Core's fPauseSend); then replies wait. */
    default boolean sendBufferFull() {
        return false;
    }
}
