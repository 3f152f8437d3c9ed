package org.minicoin.node.p2p.sync;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.node.mempool.Mempool;
import org.minicoin.node.mempool.MempoolEntry;
import org.minicoin.node.p2p.peer.Peer;
import org.minicoin.node.p2p.peer.PeerInfo;
import org.minicoin.node.p2p.peer.PeerListener;
import org.minicoin.node.p2p.peer.PeerNetwork;
import org.minicoin.node.p2p.wire.GetDataMessage;
import org.minicoin.node.p2p.wire.InvMessage;
import org.minicoin.node.p2p.wire.InvVector;
import org.minicoin.node.p2p.wire.Message;
import org.minicoin.node.p2p.wire.NotFoundMessage;
import org.minicoin.node.p2p.wire.TxMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transaction relay (Core's net_processing, the transaction part, reduced): a transaction announced by inv (by
 * wtxid to peers that negotiated wtxidrelay, by txid otherwise) is requested if the mempool lacks it; a received
 * transaction goes through the mempool's peer path (orphans wait for their parents); every transaction the mempool
 * accepts, from a peer or from sendrawtransaction, is announced to the peers that do not know it yet and whose
 * fee filter it passes; getdata for mempool transactions is served.
 */
public final class TxRelay implements PeerListener {
    private static final Logger LOG = LoggerFactory.getLogger("minicoind");
    /** Transactions remembered per peer as already known to it (Core's m_tx_inventory_known_filter). */
    static final int KNOWN_PER_PEER = 50_000;

    private final Mempool mempool;
    private volatile PeerNetwork network = PeerNetwork.NONE;
    private final Map<Long, Set<Hash>> known = new ConcurrentHashMap<>();

    public TxRelay(Mempool mempool) {
        this.mempool = mempool;
        mempool.addAcceptListener(this::announce);
    }

    /** The peers to announce accepted transactions to; set once connections start. */
    public void setNetwork(PeerNetwork network) {
        this.network = network;
    }

    private Set<Hash> knownBy(Peer p) {
        return known.computeIfAbsent(p.id(), id -> Collections.synchronizedSet(Collections.newSetFromMap(
                new LinkedHashMap<>() {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<Hash, Boolean> eldest) {
                        return size() > KNOWN_PER_PEER;
                    }
                })));
    }

    @Override
    public void disconnected(Peer p) {
        known.remove(p.id());
    }

    @Override
    public void message(Peer p, Message m) {
        if (m instanceof InvMessage inv) {
            List<InvVector> want = new ArrayList<>();
            for (InvVector v : inv.inventory()) {
                int type = v.type() & ~InvVector.MSG_WITNESS_FLAG;
                if (type == InvVector.MSG_WTX) {
                    knownBy(p).add(v.hash());
                    if (mempool.entryByWtxid(v.hash()) == null) {
                        want.add(v);
                    }
                } else if (type == InvVector.MSG_TX) {
                    knownBy(p).add(v.hash());
                    if (!mempool.contains(v.hash())) {
                        want.add(new InvVector(InvVector.MSG_WITNESS_TX, v.hash()));
                    }
                }
            }
            if (!want.isEmpty()) {
                p.send(new GetDataMessage(want));
            }
        } else if (m instanceof TxMessage t) {
            Transaction tx = t.tx();
            knownBy(p).add(tx.txid());
            knownBy(p).add(tx.wtxid());
            Mempool.Received r = mempool.receive(tx, p.id());
            if (r.rejected() != null) {
                LOG.debug("transaction {} from peer={} rejected: {}", tx.txid(), p.id(), r.rejected().reason());
            }
        } else if (m instanceof GetDataMessage g) {
            List<InvVector> missing = new ArrayList<>();
            for (InvVector v : g.inventory()) {
                int type = v.type() & ~InvVector.MSG_WITNESS_FLAG;
                MempoolEntry e = type == InvVector.MSG_WTX ? mempool.entryByWtxid(v.hash())
                        : type == InvVector.MSG_TX ? mempool.entry(v.hash()) : null;
                if (e != null) {
                    p.send(new TxMessage(e.tx(), type == InvVector.MSG_WTX
                            || (v.type() & InvVector.MSG_WITNESS_FLAG) != 0));
                } else if (type == InvVector.MSG_TX || type == InvVector.MSG_WTX) {
                    missing.add(v);
                }
            }
            if (!missing.isEmpty()) {
                p.send(new NotFoundMessage(missing));
            }
        }
    }

    /** Announces a newly accepted transaction to every peer that may want it, on the peer's own event loop. */
    private void announce(MempoolEntry e) {
        PeerNetwork net = network;
        long feeRate = e.vsize() == 0 ? 0 : e.fee() * 1000 / e.vsize();
        for (Peer p : net.peers()) {
            PeerInfo info = p.info().orElse(null);
            if (!p.handshakeComplete() || info == null || !info.relay() || feeRate < info.feeFilter()) {
                continue;
            }
            Set<Hash> k = knownBy(p);
            if (k.contains(e.txid()) || k.contains(e.tx().wtxid())) {
                continue;
            }
            InvVector v = info.wtxidRelay() ? new InvVector(InvVector.MSG_WTX, e.tx().wtxid())
                    : new InvVector(InvVector.MSG_TX, e.txid());
            k.add(v.hash());
            net.execute(p, () -> p.send(new InvMessage(List.of(v))));
        }
    }
}
