package org.minicoin.node.p2p.peer;

import org.minicoin.node.p2p.wire.Message;

/**
 * What a {@link Peer} reports to the layers above it (sync, relay, address and ban management). Called on the
 * peer's own thread, one event at a time.
 */
public interface PeerListener {
    /** The handshake is complete (the peer's {@code verack} arrived): the peer may now be used. */
    default void handshakeComplete(Peer peer, PeerInfo info) {
    }

    /**
     * A message after the handshake that the connection level does not consume: everything except version,
     * verack, wtxidrelay, sendaddrv2, ping and pong. {@code sendheaders} and {@code feefilter} are passed on too,
     * after {@link Peer#info()} has been updated with them.
     */
    default void message(Peer peer, Message message) {
    }

    /**
     * The peer misbehaved. When the penalty is {@link Penalty#DISCOURAGE} the listener should discourage the
     * peer's address (Core's BanMan::Discourage); the peer has already asked its output to disconnect.
     */
    default void misbehaved(Peer peer, Misbehavior misbehavior) {
    }

    /** The connection is gone; called once, whichever side closed it. */
    default void disconnected(Peer peer) {
    }

    /** The send buffer drained after being full: replies that waited (getdata) may continue. */
    default void sendBufferDrained(Peer peer) {
    }

    /** The passage of time, about once a second per peer after its handshake, on the peer's thread. */
    default void tick(Peer peer, long nowMillis) {
    }

    /** One listener passing each event to all of {@code listeners}, in order. */
    static PeerListener all(PeerListener... listeners) {
        return new PeerListener() {
            @Override
            public void handshakeComplete(Peer peer, PeerInfo info) {
                for (PeerListener l : listeners) {
                    l.handshakeComplete(peer, info);
                }
            }

            @Override
            public void message(Peer peer, Message message) {
                for (PeerListener l : listeners) {
                    l.message(peer, message);
                }
            }

            @Override
            public void misbehaved(Peer peer, Misbehavior misbehavior) {
                for (PeerListener l : listeners) {
                    l.misbehaved(peer, misbehavior);
                }
            }

            @Override
            public void disconnected(Peer peer) {
                for (PeerListener l : listeners) {
                    l.disconnected(peer);
                }
            }

            @Override
            public void sendBufferDrained(Peer peer) {
                for (PeerListener l : listeners) {
                    l.sendBufferDrained(peer);
                }
            }

            @Override
            public void tick(Peer peer, long nowMillis) {
                for (PeerListener l : listeners) {
                    l.tick(peer, nowMillis);
                }
            }
        };
    }
}
