package org.minicoin.node.p2p.sync;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.minicoin.node.p2p.peer.Clock;
import org.minicoin.node.p2p.peer.ConnectionType;
import org.minicoin.node.p2p.peer.Peer;
import org.minicoin.node.p2p.peer.PeerInfo;
import org.minicoin.node.p2p.peer.PeerListener;
import org.minicoin.node.p2p.peer.PeerNetwork;
import org.minicoin.node.p2p.peer.ServiceFlags;
import org.minicoin.node.p2p.wire.BlockMessage;
import org.minicoin.node.p2p.wire.GetBlocksMessage;
import org.minicoin.node.p2p.wire.GetDataMessage;
import org.minicoin.node.p2p.wire.GetHeadersMessage;
import org.minicoin.node.p2p.wire.HeadersMessage;
import org.minicoin.node.p2p.wire.InvMessage;
import org.minicoin.node.p2p.wire.InvVector;
import org.minicoin.node.p2p.wire.Message;
import org.minicoin.node.p2p.wire.NotFoundMessage;
import org.minicoin.node.p2p.wire.SendHeadersMessage;
import org.minicoin.node.p2p.wire.VersionMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Headers-first block sync and block announcement (Core's net_processing.cpp, the block part).
 *
 * <ul>
 *   <li>After the handshake each peer is asked for headers from our best header's locator, and a full reply (2,000)
 *       asks for more. Headers that do not connect start a new getheaders; an invalid header is misbehaviour.
 *   <li>Blocks are downloaded from every peer in parallel as Core's FindNextBlocksToDownload: each peer gets the
 *       next blocks on its best known chain that nobody has in flight, at most {@link #MAX_BLOCKS_IN_TRANSIT_PER_PEER}
 *       at a time, within a window of {@code window} blocks after the last block we share with it.
 *   <li>A peer that holds up the window (others have run out of work while its block is outstanding) is a staller:
 *       if it stays one for the stalling timeout (2 s, doubling after each stall, to 64 s) it is disconnected, and
 *       its blocks go to the others. A peer whose first requested block does not arrive within Core's block download
 *       timeout (one target spacing, plus half for each other peer downloading) is disconnected too.
 *   <li>An invalid or mutated block is misbehaviour (disconnect and discourage, as Core's MaybePunishNodeForBlock).
 *   <li>We serve getheaders, getblocks (inv of up to 500, with Core's hashContinue) and getdata for blocks with or
 *       without witness; new tips are announced by headers to peers that sent sendheaders, by inv to the others,
 *       unless the peer is known to have them.
 * </ul>
 *
 * <p>Each peer's events arrive on the peer's own thread; the download bookkeeping is shared and guarded by this
 * object's lock, which is never held while a block is validated. Chain callbacks only queue work on peer threads.
 */
public final class BlockSync implements PeerListener, ChainListener {
    private static final Logger LOG = LoggerFactory.getLogger("minicoind");
    /** Core's MAX_BLOCKS_IN_TRANSIT_PER_PEER. */
    public static final int MAX_BLOCKS_IN_TRANSIT_PER_PEER = 16;
    /** Core's BLOCK_DOWNLOAD_WINDOW: how far past the last shared block downloads may run ahead. */
    public static final int BLOCK_DOWNLOAD_WINDOW = 1024;
    /** Core's BLOCK_STALLING_TIMEOUT_DEFAULT and BLOCK_STALLING_TIMEOUT_MAX. */
    static final long STALLING_TIMEOUT_MILLIS = 2_000;
    static final long STALLING_TIMEOUT_MAX_MILLIS = 64_000;
    /** Core's MAX_BLOCKS_TO_ANNOUNCE: more new blocks than this are announced by inv of the tip. */
    static final int MAX_BLOCKS_TO_ANNOUNCE = 8;
    /** Core's getblocks limit. */
    static final int MAX_GETBLOCKS_RESULTS = 500;

    /** One peer's view: what it has, what we asked it for, whether it stalls us. Guarded by the BlockSync. */
    private static final class State {
        final Peer peer;
        /** The most-work header the peer is known to have (Core's pindexBestKnownBlock). */
        BlockIndexEntry bestKnown;
        /** The last block on the peer's best chain that we have with all its ancestors (pindexLastCommonBlock). */
        BlockIndexEntry lastCommon;
        /** Blocks requested from this peer, oldest request first, with the time of the request. */
        final LinkedHashMap<Hash, Long> inFlight = new LinkedHashMap<>();
        /** When the first block now in flight became the first (Core's m_downloading_since). */
        long downloadingSince;
        /** When the peer was found holding up the window; 0 if it is not (Core's m_stalling_since). */
        long stallingSince;
        /** The last tip we announced to the peer (Core's pindexBestHeaderSent), or null. */
        BlockIndexEntry bestSent;
        /** The block whose getdata is answered with an inv of our tip (Core's hashContinue), or null. */
        Hash hashContinue;

        State(Peer peer) {
            this.peer = peer;
        }
    }

    private final ChainState chain;
    private final Clock clock;
    private final int window;
    private volatile PeerNetwork network = PeerNetwork.NONE;
    private final Map<Long, State> states = new HashMap<>();
    /** Every block requested from some peer, and from which (Core's mapBlocksInFlight, one peer per block). */
    private final Map<Hash, State> blocksInFlight = new HashMap<>();
    private long stallingTimeout = STALLING_TIMEOUT_MILLIS;
    private final PendingRequests pending = new PendingRequests();
    /**
     * Blocks received but not yet connected or found invalid, with the peer that sent each (Core's mapBlockSource),
     * so that a block failing only when it is connected, maybe while another peer's block is processed, still
     * gets its sender punished. Not guarded by this object's lock: the chain callbacks that read it hold the
     * chain's lock, and this object's lock is taken before the chain's, never after.
     */
    private final Map<Hash, Peer> blockSource = new ConcurrentHashMap<>();

    /** Sync for {@code chain} with Core's download window and the system clock. */
    public BlockSync(ChainState chain) {
        this(chain, Clock.SYSTEM, BLOCK_DOWNLOAD_WINDOW);
    }

    /** Sync with the given clock and download window (simulations use a short window to provoke stalls). */
    public BlockSync(ChainState chain, Clock clock, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window " + window);
        }
        this.chain = chain;
        this.clock = clock;
        this.window = window;
        chain.addListener(this);
    }

    /** The peers to announce new tips to and to hand work to; set once connections start. */
    public void setNetwork(PeerNetwork network) {
        this.network = network;
    }

    /** Blocks in flight from all peers (for tests and getpeerinfo). */
    public synchronized int blocksInFlight() {
        return blocksInFlight.size();
    }

    /** Blocks in flight from peer {@code id}, in request order. */
    public synchronized List<Hash> inFlight(long id) {
        State s = states.get(id);
        return s == null ? List.of() : List.copyOf(s.inFlight.keySet());
    }

    /** Core's getpeerinfo synced_headers: the height of the best header the peer is known to have, or -1. */
    public synchronized int syncedHeaders(long id) {
        State s = states.get(id);
        return s == null || s.bestKnown == null ? -1 : s.bestKnown.height();
    }

    /** Core's getpeerinfo synced_blocks: the height of the last block we share with the peer, or -1. */
    public synchronized int syncedBlocks(long id) {
        State s = states.get(id);
        return s == null || s.lastCommon == null ? -1 : s.lastCommon.height();
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
            e = e.ancestor(Math.max(e.height() - step, 0));
            if (hashes.size() > 10) {
                step *= 2;
            }
        }
        return hashes;
    }

    private void askHeaders(Peer p, BlockIndexEntry from) {
        p.send(new GetHeadersMessage(VersionMessage.PROTOCOL_VERSION, locator(from), Hash.ZERO));
    }

    // ------------------------------------------------------------------------------------------ peer events

    @Override
    public void handshakeComplete(Peer p, PeerInfo info) {
        if (p.type() == ConnectionType.ADDR_FETCH) {
            return; // Core syncs nothing with a seed node it only asks for addresses
        }
        synchronized (this) {
            states.put(p.id(), new State(p));
        }
        // BIP-0130: we want new blocks announced by headers. Core sends this once the peer's chain has the minimum
        // work; we have no minimum chain work, so at once.
        p.send(new SendHeadersMessage());
        // Core's CanServeBlocks: a light client (no NODE_NETWORK or NODE_NETWORK_LIMITED) has no blocks to give.
        if (ServiceFlags.canServeBlocks(info.services())) {
            // Core starts from the header before our best, so that a peer as far as we are still answers with
            // that header, and we learn what it has (an empty reply would tell us nothing).
            BlockIndexEntry best = chain.bestHeader();
            askHeaders(p, best.previous() != null ? best.previous() : best);
        }
    }

    @Override
    public void disconnected(Peer p) {
        pending.remove(p);
        boolean released;
        synchronized (this) {
            State s = states.remove(p.id());
            if (s == null) {
                return;
            }
            released = !s.inFlight.isEmpty();
            for (Hash h : s.inFlight.keySet()) {
                blocksInFlight.remove(h, s);
            }
        }
        blockSource.values().removeIf(source -> source == p);
        if (released) {
            kickOthers(p);
        }
    }

    @Override
    public void tick(Peer p, long now) {
        State s;
        String reason = null;
        synchronized (this) {
            s = states.get(p.id());
            if (s == null) {
                return;
            }
            if (s.stallingSince != 0 && now > s.stallingSince + stallingTimeout) {
                reason = "Peer is stalling block download, disconnecting";
                // Core doubles the timeout after each stall, so a slow network does not lose every peer.
                stallingTimeout = Math.min(stallingTimeout * 2, STALLING_TIMEOUT_MAX_MILLIS);
            } else if (!s.inFlight.isEmpty()) {
                long others = states.values().stream().filter(o -> o != s && !o.inFlight.isEmpty()).count();
                long timeout = chain.params().powTargetSpacing() * 1000 * (2 + others) / 2;
                if (now > s.downloadingSince + timeout) {
                    reason = "Timeout downloading block " + s.inFlight.keySet().iterator().next();
                }
            }
        }
        if (reason != null) {
            LOG.info("{} peer={}", reason, p.id());
            p.disconnect(reason);
            return;
        }
        requestBlocks(p);
    }

    @Override
    public void message(Peer p, Message m) {
        synchronized (this) {
            if (!states.containsKey(p.id())) {
                return;
            }
        }
        if (m instanceof HeadersMessage h) {
            onHeaders(p, h.headers());
        } else if (m instanceof BlockMessage b) {
            onBlock(p, b.block());
        } else if (m instanceof GetHeadersMessage g) {
            onGetHeaders(p, g);
        } else if (m instanceof GetBlocksMessage g) {
            onGetBlocks(p, g);
        } else if (m instanceof GetDataMessage g) {
            onGetData(p, g);
        } else if (m instanceof InvMessage inv) {
            onInv(p, inv);
        } else if (m instanceof NotFoundMessage nf) {
            onNotFound(p, nf);
        }
    }

    // ------------------------------------------------------------------------------------------ receiving

    private void onHeaders(Peer p, List<BlockHeader> headers) {
        if (headers.isEmpty()) {
            return;
        }
        for (int i = 1; i < headers.size(); i++) {
            if (!headers.get(i).prevBlock().equals(headers.get(i - 1).hash())) {
                p.misbehaving("non-continuous headers sequence");
                return;
            }
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
        }
        BlockIndexEntry last = chain.entry(headers.get(headers.size() - 1).hash());
        updateBestKnown(p, last);
        if (headers.size() == HeadersMessage.MAX_HEADERS_RESULTS) {
            askHeaders(p, last);
        }
        requestBlocks(p);
    }

    private void onInv(Peer p, InvMessage inv) {
        boolean unknown = false;
        for (InvVector v : inv.inventory()) {
            if ((v.type() & ~InvVector.MSG_WITNESS_FLAG) != InvVector.MSG_BLOCK) {
                continue;
            }
            BlockIndexEntry e = chain.entry(v.hash());
            if (e == null) {
                unknown = true;
            } else {
                updateBestKnown(p, e);
            }
        }
        if (unknown) {
            // Core asks for headers up to the announced block rather than fetching it blindly.
            askHeaders(p, chain.bestHeader());
        } else {
            requestBlocks(p);
        }
    }

    private void onBlock(Peer p, Block block) {
        Hash hash = block.hash();
        synchronized (this) {
            State s = states.get(p.id());
            if (s != null) {
                s.stallingSince = 0;
                removeInFlight(hash);
            }
        }
        blockSource.put(hash, p);
        try {
            if (chain.processBlock(block) == ChainState.Outcome.DUPLICATE) {
                blockSource.remove(hash, p);
            }
        } catch (ValidationException e) {
            blockSource.remove(hash, p);
            LOG.info("Block {} from peer={} rejected: {}", hash, p.id(), e.reason());
            if (e.reason().penalizesSender()) {
                p.misbehaving("invalid block " + hash + ": " + e.code());
                return;
            }
        }
        BlockIndexEntry e = chain.entry(hash);
        if (e != null) {
            updateBestKnown(p, e);
            synchronized (this) {
                if (e.has(BlockIndexEntry.HAVE_DATA) && stallingTimeout > STALLING_TIMEOUT_MILLIS) {
                    // Core lets the stalling timeout decay again while blocks arrive.
                    stallingTimeout = Math.max(STALLING_TIMEOUT_MILLIS, stallingTimeout * 85 / 100);
                }
            }
        }
        requestBlocks(p);
        kickOthers(p);
    }

    private void onNotFound(Peer p, NotFoundMessage nf) {
        boolean released = false;
        synchronized (this) {
            State s = states.get(p.id());
            for (InvVector v : nf.inventory()) {
                if ((v.type() & ~InvVector.MSG_WITNESS_FLAG) == InvVector.MSG_BLOCK && s.inFlight.containsKey(v.hash())) {
                    removeInFlight(v.hash());
                    released = true;
                }
            }
        }
        if (released) {
            kickOthers(p);
        }
    }

    /** Forgets the request for {@code hash}, from whichever peer; the next one in line starts its timeout now. */
    private void removeInFlight(Hash hash) {
        State owner = blocksInFlight.remove(hash);
        if (owner == null) {
            return;
        }
        boolean wasFirst = !owner.inFlight.isEmpty() && owner.inFlight.keySet().iterator().next().equals(hash);
        owner.inFlight.remove(hash);
        if (wasFirst) {
            owner.downloadingSince = Math.max(owner.downloadingSince, clock.nowMillis());
        }
    }

    /** Core's UpdateBlockAvailability: remember {@code e} if it has more work than what the peer was known to have. */
    private synchronized void updateBestKnown(Peer p, BlockIndexEntry e) {
        State s = states.get(p.id());
        if (s != null && e != null && (s.bestKnown == null || e.chainWork().compareTo(s.bestKnown.chainWork()) > 0)) {
            s.bestKnown = e;
        }
    }

    // ------------------------------------------------------------------------------------------ downloading

    /** Asks the other peers, each on its own thread, to take up blocks that became free or fell into the window. */
    private void kickOthers(Peer except) {
        PeerNetwork net = network;
        List<Peer> idle = new ArrayList<>();
        synchronized (this) {
            for (State s : states.values()) {
                if (s.peer != except && s.inFlight.size() < MAX_BLOCKS_IN_TRANSIT_PER_PEER) {
                    idle.add(s.peer);
                }
            }
        }
        for (Peer o : idle) {
            net.execute(o, () -> requestBlocks(o));
        }
    }

    /** Requests the next blocks this peer can give us, up to its free slots; runs on the peer's thread. */
    void requestBlocks(Peer p) {
        List<InvVector> want = new ArrayList<>();
        synchronized (this) {
            State s = states.get(p.id());
            if (s == null || !p.handshakeComplete()) {
                return;
            }
            int free = MAX_BLOCKS_IN_TRANSIT_PER_PEER - s.inFlight.size();
            if (free <= 0) {
                return;
            }
            long now = clock.nowMillis();
            State[] staller = new State[1];
            for (BlockIndexEntry e : nextToDownload(s, free, staller)) {
                if (s.inFlight.isEmpty()) {
                    s.downloadingSince = Math.max(s.downloadingSince, now);
                }
                s.inFlight.put(e.hash(), now);
                blocksInFlight.put(e.hash(), s);
                want.add(new InvVector(InvVector.MSG_WITNESS_BLOCK, e.hash()));
            }
            if (staller[0] != null && staller[0].stallingSince == 0) {
                staller[0].stallingSince = now;
                LOG.debug("Stall started peer={}", staller[0].peer.id());
            }
        }
        if (!want.isEmpty()) {
            p.send(new GetDataMessage(want));
        }
    }

    /**
     * Core's FindNextBlocksToDownload: up to {@code count} blocks on the peer's best known chain that we lack and
     * nobody has in flight, in height order, within the window after the last block we share. If the window is full
     * and the block at its start is in flight from another peer, that peer is returned in {@code staller[0]}.
     */
    private List<BlockIndexEntry> nextToDownload(State s, int count, State[] staller) {
        BlockIndexEntry best = s.bestKnown;
        BlockIndexEntry tip = chain.tip();
        if (best == null || best.chainWork().compareTo(tip.chainWork()) < 0) {
            return List.of(); // nothing this peer has can give us more work
        }
        if (s.lastCommon == null) {
            s.lastCommon = chain.activeAt(Math.min(best.height(), tip.height()));
        }
        s.lastCommon = lastCommonAncestor(s.lastCommon, best);
        if (s.lastCommon == best) {
            return List.of();
        }
        int windowEnd = s.lastCommon.height() + window;
        BlockIndexEntry end = best.ancestor(Math.min(best.height(), windowEnd + 1));
        List<BlockIndexEntry> path = new ArrayList<>();
        for (BlockIndexEntry e = end; e != null && e != s.lastCommon; e = e.previous()) {
            path.add(e);
        }
        Collections.reverse(path);
        List<BlockIndexEntry> out = new ArrayList<>();
        State waitingFor = null;
        for (BlockIndexEntry e : path) {
            if (e.isFailed()) {
                return out; // the rest of this chain is invalid
            }
            if (e.has(BlockIndexEntry.HAVE_DATA) || chain.isActive(e)) {
                if (e.hasChainData()) {
                    s.lastCommon = e;
                }
            } else if (blocksInFlight.containsKey(e.hash())) {
                if (waitingFor == null) {
                    waitingFor = blocksInFlight.get(e.hash());
                }
            } else {
                if (e.height() > windowEnd) {
                    if (out.isEmpty() && waitingFor != s) {
                        staller[0] = waitingFor;
                    }
                    return out;
                }
                out.add(e);
                if (out.size() == count) {
                    return out;
                }
            }
        }
        return out;
    }

    private static BlockIndexEntry lastCommonAncestor(BlockIndexEntry a, BlockIndexEntry b) {
        if (a.height() > b.height()) {
            a = a.ancestor(b.height());
        } else if (b.height() > a.height()) {
            b = b.ancestor(a.height());
        }
        while (a != b && a != null && b != null) {
            a = a.previous();
            b = b.previous();
        }
        return a;
    }

    // ------------------------------------------------------------------------------------------ serving

    /** The first locator hash on our active chain (Core's FindForkInGlobalIndex), or genesis. */
    private BlockIndexEntry fork(List<Hash> locator) {
        for (Hash h : locator) {
            BlockIndexEntry e = chain.entry(h);
            if (e != null && chain.isActive(e)) {
                return e;
            }
        }
        return chain.activeAt(0);
    }

    /** Core's getheaders reply: our active chain after the first locator hash we know, up to 2,000 headers. */
    private void onGetHeaders(Peer p, GetHeadersMessage g) {
        List<BlockHeader> out = new ArrayList<>();
        synchronized (chain) {
            if (g.locator().isEmpty()) {
                // Core: with no locator, the peer asks for the one header hashStop names.
                BlockIndexEntry e = chain.entry(g.stop());
                if (e != null) {
                    out.add(e.header());
                }
            } else {
                BlockIndexEntry fork = fork(g.locator());
                for (int height = fork.height() + 1; height <= chain.height()
                        && out.size() < HeadersMessage.MAX_HEADERS_RESULTS; height++) {
                    BlockIndexEntry e = chain.activeAt(height);
                    out.add(e.header());
                    if (e.hash().equals(g.stop())) {
                        break;
                    }
                }
            }
        }
        p.send(new HeadersMessage(out));
    }

    /**
     * Core's getblocks reply, for clients that do not sync by headers: an inv of our active chain after the locator's
     * fork, up to 500 blocks or hashStop. When the limit cuts it short, the last block is remembered, and the peer's
     * getdata for it is followed by an inv of our tip, which makes the peer ask again.
     */
    private void onGetBlocks(Peer p, GetBlocksMessage g) {
        List<InvVector> out = new ArrayList<>();
        Hash hashContinue = null;
        synchronized (chain) {
            BlockIndexEntry fork = fork(g.locator());
            for (int height = fork.height() + 1; height <= chain.height(); height++) {
                BlockIndexEntry e = chain.activeAt(height);
                if (e.hash().equals(g.stop())) {
                    break;
                }
                out.add(new InvVector(InvVector.MSG_BLOCK, e.hash()));
                if (out.size() == MAX_GETBLOCKS_RESULTS) {
                    hashContinue = e.hash();
                    break;
                }
            }
        }
        if (hashContinue != null) {
            synchronized (this) {
                State s = states.get(p.id());
                if (s != null) {
                    s.hashContinue = hashContinue;
                }
            }
        }
        if (!out.isEmpty()) {
            p.send(new InvMessage(out));
        }
    }

    /**
     * Queues the block items of a getdata and serves them while the send buffer has room: with witness when asked
     * by MSG_WITNESS_BLOCK, stripped for MSG_BLOCK (older clients). As Core, blocks we do not have are passed over
     * silently (notfound is for transactions).
     */
    private void onGetData(Peer p, GetDataMessage g) {
        List<InvVector> blocks = new ArrayList<>();
        for (InvVector v : g.inventory()) {
            if ((v.type() & ~InvVector.MSG_WITNESS_FLAG) == InvVector.MSG_BLOCK) {
                blocks.add(v);
            }
        }
        pending.add(p, blocks);
        pending.serve(p, v -> serveBlock(p, v));
    }

    @Override
    public void sendBufferDrained(Peer p) {
        pending.serve(p, v -> serveBlock(p, v));
    }

    private boolean serveBlock(Peer p, InvVector v) {
        Block block = chain.readBlock(v.hash());
        if (block == null) {
            return true;
        }
        p.send(new BlockMessage(block, (v.type() & InvVector.MSG_WITNESS_FLAG) != 0));
        boolean continueNow;
        synchronized (this) {
            State s = states.get(p.id());
            continueNow = s != null && v.hash().equals(s.hashContinue);
            if (continueNow) {
                s.hashContinue = null;
            }
        }
        if (continueNow) {
            p.send(new InvMessage(List.of(new InvVector(InvVector.MSG_BLOCK, chain.tip().hash()))));
        }
        return true;
    }

    // ------------------------------------------------------------------------------------------ block checked

    @Override
    public void blockConnected(Block block, BlockIndexEntry entry) {
        blockSource.remove(entry.hash());
    }

    /**
     * Core's BlockChecked with an invalid state: the peer that sent a block that failed to connect is punished as
     * MaybePunishNodeForBlock does, on its own thread (we are on whichever thread connected the block).
     */
    @Override
    public void blockInvalid(BlockIndexEntry entry, ValidationException failure) {
        Peer source = blockSource.remove(entry.hash());
        if (source != null && failure.reason().penalizesSender()) {
            LOG.info("Block {} from peer={} failed to connect: {}", entry.hash(), source.id(), failure.reason());
            network.execute(source, () -> source.misbehaving("invalid block " + entry.hash() + ": "
                    + failure.code()));
        }
    }

    // ------------------------------------------------------------------------------------------ announcing

    /** Queues an announcement of the new tip on every peer's thread. */
    @Override
    public void tipChanged(BlockIndexEntry tip) {
        if (chain.isInitialBlockDownload()) {
            return; // Core announces nothing while it is still catching up
        }
        PeerNetwork net = network;
        for (Peer p : net.peers()) {
            if (p.handshakeComplete()) {
                net.execute(p, () -> announce(p, tip));
            }
        }
    }

    /**
     * Core's SendMessages block announcement: nothing if the peer is known to have the block; otherwise the new
     * headers since the peer's best known block (at most 8) to a peer that asked with sendheaders, else an inv of
     * the tip.
     */
    private void announce(Peer p, BlockIndexEntry tip) {
        BlockIndexEntry from;
        synchronized (this) {
            State s = states.get(p.id());
            if (s == null) {
                return;
            }
            if (s.bestKnown != null && s.bestKnown.ancestor(tip.height()) == tip
                    || s.bestSent != null && s.bestSent.ancestor(tip.height()) == tip) {
                return;
            }
            from = s.bestKnown;
            s.bestSent = tip;
        }
        boolean headers = p.info().map(PeerInfo::prefersHeaders).orElse(false);
        if (headers) {
            List<BlockHeader> list = new ArrayList<>();
            BlockIndexEntry e = tip;
            while (e != null && list.size() <= MAX_BLOCKS_TO_ANNOUNCE
                    && (from == null || from.ancestor(e.height()) != e)) {
                list.add(e.header());
                e = e.previous();
            }
            if (list.size() <= MAX_BLOCKS_TO_ANNOUNCE && e != null) {
                Collections.reverse(list);
                p.send(new HeadersMessage(list));
                return;
            }
        }
        p.send(new InvMessage(List.of(new InvVector(InvVector.MSG_BLOCK, tip.hash()))));
    }
}
