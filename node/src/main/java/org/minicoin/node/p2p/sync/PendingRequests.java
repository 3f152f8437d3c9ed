package org.minicoin.node.p2p.sync;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.minicoin.node.p2p.peer.Peer;
import org.minicoin.node.p2p.wire.InvVector;

/**
 * Items of peers' getdata waiting to be served, as Core's vRecvGetData: served in order while the peer's send
 * buffer has room, and resumed when it drains, so a getdata for thousands of blocks never queues them all in
 * memory at once. Each peer's queue is used only on that peer's thread.
 */
final class PendingRequests {
    private final Map<Long, ArrayDeque<InvVector>> queues = new ConcurrentHashMap<>();

    /** Queues {@code items} after those the peer is still waiting for. */
    void add(Peer p, List<InvVector> items) {
        if (!items.isEmpty()) {
            queues.computeIfAbsent(p.id(), id -> new ArrayDeque<>()).addAll(items);
        }
    }

    /**
     * Serves queued items with {@code server} (true when it sent the item) until the queue is empty or the send
     * buffer is full; returns the items that could not be served, for a notfound.
     */
    List<InvVector> serve(Peer p, Predicate<InvVector> server) {
        ArrayDeque<InvVector> q = queues.get(p.id());
        List<InvVector> missing = new ArrayList<>();
        while (q != null && !q.isEmpty() && !p.sendBufferFull()) {
            InvVector v = q.poll();
            if (!server.test(v)) {
                missing.add(v);
            }
        }
        return missing;
    }

    void remove(Peer p) {
        queues.remove(p.id());
    }
}
