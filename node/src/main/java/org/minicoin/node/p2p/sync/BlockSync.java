package org.minicoin.node.p2p.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.BlockHeader;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.validation.BlockValidationResult;
import org.minicoin.consensus.validation.ValidationException;
import org.minicoin.node.ledger.BlockIndexEntry;
import org.minicoin.node.ledger.ChainListener;
import org.minicoin.node.ledger.ChainState;
import org.minicoin.node.p2p.net.ConnectionManager;
import org.minicoin.node.p2p.peer.Peer;
import org.minicoin.node.p2p.peer.PeerInfo;
import org.minicoin.node.p2p.peer.PeerListener;
import org.minicoin.node.p2p.wire.BlockMessage;
import org.minicoin.node.p2p.wire.GetDataMessage;
import org.minicoin.node.p2p.wire.GetHeadersMessage;
import org.minicoin.node.p2p.wire.HeadersMessage;
import org.minicoin.node.p2p.wire.InvMessage;
import org.minicoin.node.p2p.wire.InvVector;
import org.minicoin.node.p2p.wire.Message;
import org.minicoin.node.p2p.wire.NotFoundMessage;
import org.minicoin.node.p2p.wire.VersionMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Headers-first block sync and block announcement over the peers (Core's net_processing, the block part, reduced):
 * after the handshake a peer is asked for headers from our block locator; headers are indexed and the blocks they
 * name requested (at most {@link #MAX_BLOCKS_IN_TRANSIT_PER_PEER} at a time per peer); a full headers reply asks for
 * more. Our blocks are served to peers' getheaders and getdata, and each new tip is announced with headers (to
 * peers that asked with sendheaders) or inv. Each peer's events run on its own event loop; the chain state
 * serializes what they do to it.
 *
 * <p>Not yet: parallel download of one range from several peers, stall detection and reassignment, getblocks.
 */
public final class BlockSync implements PeerListener, ChainListener {
    private static final Logger LOG = LoggerFactory.getLogger("minicoind");
    /** Core's MAX_BLOCKS_IN_TRANSIT_PER_PEER. */
    static final int MAX_BLOCKS_IN_TRANSIT_PER_PEER = 16;

    private final ChainState chain;
    private volatile ConnectionManager connections;

    /** Per peer: blocks to request, and how many requests are outstanding. */
    private static final class State {
        final java.util.LinkedHashSet<Hash> toFetch = new java.util.LinkedHashSet<>();
        int inFlight;
        volatile boolean ready;
    }

    private final Map<Long, State> states = new ConcurrentHashMap<>();

    public BlockSync(ChainState chain) {
        this.chain = chain;
        chain.addListener(this);
    }

    /** The connections to announce new tips on; set once they are started. */
    public void setConnections(ConnectionManager connections) {
        this.connections = connections;
    }

    /** Core's CChain::GetLocator: the tip, the 10 blocks before it, then exponentially sparser, then genesis. */
    static List<Hash> locator(BlockIndexEntry from) {
        List<Hash> hashes = new ArrayList<>();
        int step = 1;
        BlockIndexEntry e = from;
        while (e != null) {
            hashes.add(e.hash());
            if (e.height() == 0) {
                break;
            }
            int height = Math.max(e.height() - step, 0);
            e = e.ancestor(height);
            if (hashes.size() > 10) {
                step *= 2;
            }
        }
        return hashes;
    }

    private void askHeaders(Peer p, BlockIndexEntry from) {
        p.send(new GetHeadersMessage(VersionMessage.PROTOCOL_VERSION, locator(from), Hash.ZERO));
    }

    @Override
    public void handshakeComplete(Peer p, PeerInfo info) {
        State s = new State();
        s.ready = true;
        states.put(p.id(), s);
        askHeaders(p, chain.bestHeader());
    }

    @Override
    public void disconnected(Peer p) {
        states.remove(p.id());
    }

    @Override
    public void message(Peer p, Message m) {
        State s = states.get(p.id());
        if (s == null) {
            return;
        }
        if (m instanceof HeadersMessage h) {
            onHeaders(p, s, h.headers());
        } else if (m instanceof BlockMessage b) {
            onBlock(p, s, b.block());
        } else if (m instanceof GetHeadersMessage g) {
            onGetHeaders(p, g);
        } else if (m instanceof GetDataMessage g) {
            onGetData(p, g);
        } else if (m instanceof InvMessage inv) {
            for (InvVector v : inv.inventory()) {
                if ((v.type() & ~InvVector.MSG_WITNESS_FLAG) == InvVector.MSG_BLOCK && chain.entry(v.hash()) == null) {
                    askHeaders(p, chain.bestHeader());
                    break;
                }
            }
        } else if (m instanceof NotFoundMessage nf) {
            s.inFlight = Math.max(0, s.inFlight - nf.inventory().size());
            requestBlocks(p, s);
        }
    }

    private void onHeaders(Peer p, State s, List<BlockHeader> headers) {
        if (headers.isEmpty()) {
            return;
        }
        for (BlockHeader h : headers) {
            try {
                chain.processHeader(h);
            } catch (ValidationException e) {
                if (e.reason().result() == BlockValidationResult.MISSING_PREV) {
                    // Core: headers that do not connect start a new getheaders from our best header.
                    askHeaders(p, chain.bestHeader());
                    return;
                }
                p.misbehaving("invalid header received: " + e.code());
                return;
            }
            BlockIndexEntry e = chain.entry(h.hash());
            if (e != null && !e.has(BlockIndexEntry.HAVE_DATA)) {
                s.toFetch.add(h.hash());
            }
        }
        requestBlocks(p, s);
        if (headers.size() == HeadersMessage.MAX_HEADERS_RESULTS) {
            askHeaders(p, chain.entry(headers.get(headers.size() - 1).hash()));
        }
    }

    private void requestBlocks(Peer p, State s) {
        List<InvVector> want = new ArrayList<>();
        while (s.inFlight + want.size() < MAX_BLOCKS_IN_TRANSIT_PER_PEER && !s.toFetch.isEmpty()) {
            Hash h = s.toFetch.iterator().next();
            s.toFetch.remove(h);
            BlockIndexEntry e = chain.entry(h);
            if (e != null && !e.has(BlockIndexEntry.HAVE_DATA) && !e.isFailed()) {
                want.add(new InvVector(InvVector.MSG_WITNESS_BLOCK, h));
            }
        }
        if (!want.isEmpty()) {
            s.inFlight += want.size();
            p.send(new GetDataMessage(want));
        }
    }

    private void onBlock(Peer p, State s, Block block) {
        s.inFlight = Math.max(0, s.inFlight - 1);
        try {
            chain.processBlock(block);
        } catch (ValidationException e) {
            LOG.info("Block {} from peer={} rejected: {}", block.hash(), p.id(), e.reason());
            if (e.reason().penalizesSender()) {
                p.misbehaving("invalid block: " + e.code());
                return;
            }
        }
        requestBlocks(p, s);
    }

    /** Core's getheaders reply: our active chain after the first locator hash we know, up to 2,000 headers. */
    private void onGetHeaders(Peer p, GetHeadersMessage g) {
        List<BlockHeader> out = new ArrayList<>();
        synchronized (chain) {
            BlockIndexEntry fork = chain.activeAt(0);
            for (Hash h : g.locator()) {
                BlockIndexEntry e = chain.entry(h);
                if (e != null && chain.isActive(e)) {
                    fork = e;
                    break;
                }
            }
            for (int height = fork.height() + 1; height <= chain.height()
                    && out.size() < HeadersMessage.MAX_HEADERS_RESULTS; height++) {
                BlockIndexEntry e = chain.activeAt(height);
                out.add(e.header());
                if (e.hash().equals(g.stop())) {
                    break;
                }
            }
        }
        p.send(new HeadersMessage(out));
    }

    private void onGetData(Peer p, GetDataMessage g) {
        List<InvVector> missing = new ArrayList<>();
        for (InvVector v : g.inventory()) {
            int type = v.type() & ~InvVector.MSG_WITNESS_FLAG;
            Block block = type == InvVector.MSG_BLOCK ? chain.readBlock(v.hash()) : null;
            if (block != null) {
                p.send(new BlockMessage(block, (v.type() & InvVector.MSG_WITNESS_FLAG) != 0));
            } else {
                missing.add(v);
            }
        }
        if (!missing.isEmpty()) {
            p.send(new NotFoundMessage(missing));
        }
    }

    /** Announces a new tip to every peer that finished its handshake, on the peer's own event loop. */
    @Override
    public void tipChanged(BlockIndexEntry tip) {
        ConnectionManager cm = connections;
        if (cm == null) {
            return;
        }
        for (ConnectionManager.Connection c : cm.connections()) {
            Peer p = c.peer();
            if (!p.handshakeComplete()) {
                continue;
            }
            boolean headers = p.info().map(PeerInfo::prefersHeaders).orElse(false);
            Message m = headers ? new HeadersMessage(List.of(tip.header()))
                    : new InvMessage(List.of(new InvVector(InvVector.MSG_BLOCK, tip.hash())));
            c.channel().eventLoop().execute(() -> p.send(m));
        }
    }
}
