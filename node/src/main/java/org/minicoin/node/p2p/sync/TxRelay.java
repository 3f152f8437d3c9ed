package org.minicoin.node.p2p.sync;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;
import java.util.concurrent.ConcurrentHashMap;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.validation.TxValidationResult;
import org.minicoin.node.ledger.BlockIndexEntry;
import org.minicoin.node.ledger.ChainListener;
import org.minicoin.node.mempool.Mempool;
import org.minicoin.node.mempool.MempoolEntry;
import org.minicoin.node.p2p.peer.ConnectionType;
import org.minicoin.node.p2p.peer.Peer;
import org.minicoin.node.p2p.peer.PeerInfo;
import org.minicoin.node.p2p.peer.PeerListener;
import org.minicoin.node.p2p.peer.PeerNetwork;
import org.minicoin.node.p2p.wire.FeeFilterMessage;
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
 * fee filter it passes; getdata for mempool transactions is served. Our own fee filter is sent as Core does, and a
 * transaction invalid by consensus is misbehaviour (Core v29).
 */
public final class TxRelay implements PeerListener, ChainListener {
    private static final Logger LOG = LoggerFactory.getLogger("minicoind");
    /** Transactions remembered per peer as already known to it (Core's m_tx_inventory_known_filter). */
    static final int KNOWN_PER_PEER = 50_000;

    /** Core's FEEFILTER_VERSION: peers from this version on understand feefilter. */
    static final int FEEFILTER_VERSION = 70013;
    /** Core's AVG_FEEFILTER_BROADCAST_INTERVAL: our fee filter is re-sent on average every 10 minutes. */
    static final long AVG_FEEFILTER_BROADCAST_MILLIS = 10 * 60 * 1000;
    /** Core's MAX_FEEFILTER_CHANGE_DELAY: a big change of our minimum fee is sent within 5 minutes. */
    static final long MAX_FEEFILTER_CHANGE_DELAY_MILLIS = 5 * 60 * 1000;
    /** Core's MAX_MONEY, the fee filter sent during initial block download (no transactions wanted). */
    static final long MAX_MONEY = 21_000_000L * 100_000_000L;

    /** Our fee filter as last sent to one peer, and when to consider sending it again. */
    private static final class FilterState {
        long sent;
        long nextSend;
    }

    private final Mempool mempool;
    private final BooleanSupplier initialDownload;
    private final RandomGenerator random;
    private final FeeFilterRounder rounder;
    private final Map<Long, FilterState> filters = new ConcurrentHashMap<>();
    private final PendingRequests pending = new PendingRequests();
    private volatile boolean wasInitialDownload = true;
    private volatile PeerNetwork network = PeerNetwork.NONE;
    private final Map<Long, Set<Hash>> known = new ConcurrentHashMap<>();

    /** Relay for a node that is never in initial block download (tests). */
    public TxRelay(Mempool mempool) {
        this(mempool, () -> false, new SplittableRandom());
    }

    /**
     * Relay for {@code mempool}. While {@code initialDownload} is true, transaction announcements are ignored and
     * our fee filter asks peers for none, as Core does; {@code random} times and rounds the fee filter.
     */
    public TxRelay(Mempool mempool, BooleanSupplier initialDownload, RandomGenerator random) {
        this.mempool = mempool;
        this.initialDownload = initialDownload;
        this.random = random;
        this.rounder = new FeeFilterRounder(mempool.options().incrementalRelayFee().satPerKvB(), random);
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
        filters.remove(p.id());
        pending.remove(p);
    }

    @Override
    public void handshakeComplete(Peer p, PeerInfo info) {
        filters.put(p.id(), new FilterState());
    }

    @Override
    public void tick(Peer p, long now) {
        maybeSendFeeFilter(p, now);
    }

    /**
     * Core's MaybeSendFeefilter: our mempool's minimum fee (at least the relay minimum), rounded, sent when it
     * changed, about every 10 minutes, and within 5 minutes of a change by more than a third; during initial block
     * download MAX_MONEY, which asks for no transactions at all.
     */
    private void maybeSendFeeFilter(Peer p, long now) {
        FilterState f = filters.get(p.id());
        PeerInfo info = p.info().orElse(null);
        if (f == null || info == null || info.commonVersion() < FEEFILTER_VERSION) {
            return;
        }
        long current = mempool.minFee().satPerKvB();
        if (initialDownload.getAsBoolean()) {
            current = MAX_MONEY;
        } else if (f.sent == rounder.round(MAX_MONEY)) {
            f.nextSend = 0; // leaving initial download: tell the peer at once
        }
        if (now > f.nextSend) {
            long toSend = Math.max(rounder.round(current), mempool.options().minRelayFee().satPerKvB());
            if (toSend != f.sent) {
                p.send(new FeeFilterMessage(toSend));
                f.sent = toSend;
            }
            f.nextSend = now + exponential(AVG_FEEFILTER_BROADCAST_MILLIS);
        } else if (now + MAX_FEEFILTER_CHANGE_DELAY_MILLIS < f.nextSend
                && (current < 3 * f.sent / 4 || current > 4 * f.sent / 3)) {
            f.nextSend = now + random.nextLong(MAX_FEEFILTER_CHANGE_DELAY_MILLIS);
        }
    }

    /**
     * Leaving initial block download: every peer learns our real fee filter at once rather than at its next tick,
     * so that transactions sent right after catching up are not held back by the MAX_MONEY filter of the download.
     * (Register with the chain state to get this.)
     */
    @Override
    public void tipChanged(BlockIndexEntry tip) {
        boolean ibd = initialDownload.getAsBoolean();
        if (ibd == wasInitialDownload) {
            return;
        }
        wasInitialDownload = ibd;
        PeerNetwork net = network;
        for (Peer p : net.peers()) {
            net.execute(p, () -> maybeSendFeeFilter(p, System.currentTimeMillis()));
        }
    }

    /** An exponentially distributed delay with the given mean (Core's rand_exp_duration). */
    private long exponential(long mean) {
        return (long) (-Math.log1p(-random.nextDouble()) * mean);
    }

    @Override
    public void message(Peer p, Message m) {
        if (m instanceof InvMessage inv) {
            if (initialDownload.getAsBoolean()) {
                return; // Core does not fetch announced transactions during initial block download
            }
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
                // Core v29's MaybePunishNodeForTx: only a transaction invalid by consensus is misbehaviour; policy
                // failures are not, since nodes differ in policy. (Core v30 dropped even this.)
                if (r.rejected().reason().result() == TxValidationResult.CONSENSUS) {
                    p.misbehaving("invalid transaction " + tx.txid() + ": " + r.rejected().code());
                }
            }
        } else if (m instanceof GetDataMessage g) {
            List<InvVector> txs = new ArrayList<>();
            for (InvVector v : g.inventory()) {
                int type = v.type() & ~InvVector.MSG_WITNESS_FLAG;
                if (type == InvVector.MSG_TX || type == InvVector.MSG_WTX) {
                    txs.add(v);
                }
            }
            pending.add(p, txs);
            serveQueued(p);
        }
    }

    @Override
    public void sendBufferDrained(Peer p) {
        serveQueued(p);
    }

    /** Serves queued transaction requests while the send buffer has room; what the mempool lacks gets notfound. */
    private void serveQueued(Peer p) {
        List<InvVector> missing = pending.serve(p, v -> {
            boolean byWtxid = (v.type() & ~InvVector.MSG_WITNESS_FLAG) == InvVector.MSG_WTX;
            MempoolEntry e = byWtxid ? mempool.entryByWtxid(v.hash()) : mempool.entry(v.hash());
            if (e == null) {
                return false;
            }
            p.send(new TxMessage(e.tx(), byWtxid || (v.type() & InvVector.MSG_WITNESS_FLAG) != 0));
            mempool.removeUnbroadcast(e.txid()); // a peer has it now (Core's ProcessGetData)
            return true;
        });
        if (!missing.isEmpty()) {
            p.send(new NotFoundMessage(missing));
        }
    }

    /**
     * Core's ReattemptInitialBroadcast: every 10 to 15 minutes, the transactions submitted here that no peer has
     * asked for yet are announced again to every peer not known to have them (peers connected since, above all).
     */
    public void reattemptInitialBroadcast() {
        for (Hash txid : mempool.unbroadcast()) {
            MempoolEntry e = mempool.entry(txid);
            if (e != null) {
                announce(e); // to the peers not known to have it, as Core's RelayTransaction
            }
        }
    }

    /** Core's UNBROADCAST_MAX_RETRY window: the next reattempt comes 10 minutes plus up to 5 more from now. */
    public long nextReattemptDelayMillis() {
        return 10 * 60 * 1000 + random.nextLong(5 * 60 * 1000);
    }

    /** Announces a newly accepted transaction to every peer that may want it, on the peer's own event loop. */
    private void announce(MempoolEntry e) {
        PeerNetwork net = network;
        long feeRate = e.vsize() == 0 ? 0 : e.fee() * 1000 / e.vsize();
        for (Peer p : net.peers()) {
            PeerInfo info = p.info().orElse(null);
            if (!p.handshakeComplete() || info == null || !info.relay() || feeRate < info.feeFilter()
                    || p.type() == ConnectionType.ADDR_FETCH) {
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
