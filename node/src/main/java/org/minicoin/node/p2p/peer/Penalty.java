package org.minicoin.node.p2p.peer;

/** What happens to a peer after a protocol error or misbehaviour, as Core's MaybeDiscourageAndDisconnect decides. */
public enum Penalty {
    /** The peer stays connected: the offending message is dropped, or the peer is protected (manual connection). */
    NONE,
    /** The connection is closed but the address is not discouraged (a desynchronized stream, a local peer). */
    DISCONNECT,
    /** The connection is closed and its address discouraged for 24 hours, so it is evicted first later. */
    DISCOURAGE
}
