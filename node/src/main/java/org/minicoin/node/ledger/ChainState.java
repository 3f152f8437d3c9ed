package org.minicoin.node.ledger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import org.minicoin.consensus.crypto.SignatureVerifier;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.pow.ProofOfWork;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.BlockHeader;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.types.OutPoint;
import org.minicoin.consensus.validation.BlockChecks;
import org.minicoin.consensus.validation.BlockConnector;
import org.minicoin.consensus.validation.BlockContext;
import org.minicoin.consensus.validation.BlockUndo;
import org.minicoin.consensus.validation.BlockValidationResult;
import org.minicoin.consensus.validation.Coin;
import org.minicoin.consensus.validation.DisconnectResult;
import org.minicoin.consensus.validation.ValidationException;
import org.minicoin.node.store.Column;
import org.minicoin.node.store.KeyValueStore;
import org.minicoin.node.store.StorageException;
import org.minicoin.node.store.WriteBatch;

/**
 * The block index and the active chain over the ledger database (Core's ChainstateManager, reduced). Blocks come
 * in through {@link #processBlock}; the active chain is always the most-work chain of fully valid blocks, the
 * first seen winning ties. A block that fails to connect is marked invalid with all its descendants, and the node
 * returns to the best valid chain.
 *
 * <p>Crash safety: a connect writes its undo data and index status at once, but coin changes stay in the
 * write-back cache (bounded by -dbcache) across blocks. When the cache passes its limit, and on {@link #flush},
 * all coin changes and the tip pointer go to disk in <em>one</em> atomic batch, so the stored coins always match
 * the stored tip. After a crash the node restarts at the last flushed tip and reconnects the blocks after it from
 * their stored data (Core writes in several batches and needs its head-blocks marker to roll forward; one batch
 * makes that unnecessary). Thread-safe: one lock serializes all changes.
 */
public final class ChainState {
    private static final byte[] TIP_KEY = "tip".getBytes(StandardCharsets.US_ASCII);
    /** Out-of-order blocks waiting for their parent; the oldest is dropped beyond this (a peer can resend). */
    static final int MAX_ORPHANS = 100;

    /** What happened to a block handed to {@link #processBlock}. */
    public enum Outcome {
        /** Stored and indexed; the active chain moved to it if it leads the most-work chain. */
        ACCEPTED,
        /** Already stored. */
        DUPLICATE,
        /** Its parent is unknown; it waits in the orphan pool. */
        ORPHAN
    }

    private final KeyValueStore store;
    private final ChainParams params;
    private final BlockConnector connector;
    private final CoinsCache coins;
    private final LongSupplier clock;
    private final long cacheLimitBytes;
    private final Map<Hash, BlockIndexEntry> index = new HashMap<>();
    private final List<BlockIndexEntry> active = new ArrayList<>();
    private final LinkedHashMap<Hash, Block> orphans = new LinkedHashMap<>();
    /**
     * Stored blocks not known to be invalid, most work first and, among equals, first seen first: the head is the
     * block the active chain should end in. Keeps best-chain selection O(log n) per block during a long import.
     */
    private final java.util.TreeSet<BlockIndexEntry> candidates = new java.util.TreeSet<>(
            java.util.Comparator.comparing(BlockIndexEntry::chainWork).reversed()
                    .thenComparingLong(BlockIndexEntry::sequence));
    private final List<ChainListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    /**
     * Blocks whose data arrived before an ancestor's, by the parent they wait for (Core's m_blocks_unlinked); they
     * become candidates when the chain below them is complete.
     */
    private final Map<BlockIndexEntry, List<BlockIndexEntry>> unlinked = new HashMap<>();
    /** The valid header with the most work (Core's m_best_header), kept up to date as entries are added. */
    private BlockIndexEntry bestHeader;
    /** Why blocks failed to connect in this run (Core reports it to submitblock through BlockChecked). */
    private final Map<Hash, String> invalidReasons = new HashMap<>();
    private long nextSequence;
    /** The block accepted last, still parsed: usually the next one connected, so it needn't be read back. */
    private Block lastAccepted;

    private ChainState(KeyValueStore store, ChainParams params, BlockConnector connector, LongSupplier clock,
                       long cacheLimitBytes) {
        this.store = store;
        this.params = params;
        this.connector = connector;
        this.coins = new CoinsCache(store);
        this.clock = clock;
        this.cacheLimitBytes = cacheLimitBytes;
    }

    /**
     * Loads the block index and tip from {@code store}, or starts a new chain at the genesis block of
     * {@code params}. {@code clock} gives the current time in seconds (for the two-hour future rule);
     * {@code cacheLimitBytes} bounds the coins cache (-dbcache): past it, coins and tip are flushed.
     */
    public static ChainState open(KeyValueStore store, ChainParams params, SignatureVerifier verifier,
                                  Executor executor, LongSupplier clock, long cacheLimitBytes) {
        ChainState cs = new ChainState(store, params, new BlockConnector(params, verifier, executor), clock,
                cacheLimitBytes);
        cs.load();
        cs.activateBestChain(); // reconnect blocks stored after the last flushed tip (a crash or a kill)
        cs.flushIfOverLimit();
        return cs;
    }

    private void load() {
        List<BlockIndexEntry.Stored> stored = new ArrayList<>();
        store.scan(Column.BLOCK_INDEX, new byte[0], (k, v) -> stored.add(BlockIndexEntry.Stored.parse(v)));
        stored.sort((a, b) -> Integer.compare(a.height(), b.height()));
        for (BlockIndexEntry.Stored s : stored) {
            BlockIndexEntry parent = s.height() == 0 ? null : index.get(s.header().prevBlock());
            if (s.height() > 0 && parent == null) {
                throw new StorageException("block index is corrupt: no parent for block at height " + s.height());
            }
            BlockIndexEntry e = new BlockIndexEntry(s.header(), s.height(), s.chainWork(), parent, s.sequence(),
                    s.status(), s.txCount());
            addToIndex(e);
            if (e.has(BlockIndexEntry.HAVE_DATA) && !e.hasChainData() && parent != null) {
                unlinked.computeIfAbsent(parent, k -> new ArrayList<>()).add(e);
            }
            if (!e.isFailed() && e.hasChainData()) {
                candidates.add(e);
            }
            nextSequence = Math.max(nextSequence, s.sequence() + 1);
        }
        if (index.isEmpty()) {
            Block genesis = params.genesis();
            BlockIndexEntry g = new BlockIndexEntry(genesis.header(), 0, ProofOfWork.blockWork(genesis.header().bits()),
                    null, nextSequence++, BlockIndexEntry.HEADER_VALID | BlockIndexEntry.HAVE_DATA
                    | BlockIndexEntry.FULLY_VALID, genesis.transactions().size());
            try (WriteBatch b = store.newBatch()) {
                b.put(Column.BLOCK_DATA, g.hash().toBytes(), genesis.serialize());
                b.put(Column.BLOCK_INDEX, g.hash().toBytes(), g.serialize());
                b.put(Column.CHAIN_STATE, TIP_KEY, g.hash().toBytes());
                store.write(b, true);
            }
            addToIndex(g);
            candidates.add(g);
        }
        byte[] tipHash = store.get(Column.CHAIN_STATE, TIP_KEY);
        BlockIndexEntry tip = tipHash == null ? null : index.get(Hash.wrap(tipHash));
        if (tip == null) {
            throw new StorageException("chain state has no valid tip pointer");
        }
        for (BlockIndexEntry e = tip; e != null; e = e.previous()) {
            active.add(0, e);
        }
        if (!active.get(0).hash().equals(params.genesisHash())) {
            throw new StorageException("this database belongs to another network (genesis "
                    + active.get(0).hash() + ")");
        }
    }

    public synchronized BlockIndexEntry tip() {
        return active.get(active.size() - 1);
    }

    public synchronized int height() {
        return active.size() - 1;
    }

    /** The active chain's block at {@code height}, or null. */
    public synchronized BlockIndexEntry activeAt(int height) {
        return height >= 0 && height < active.size() ? active.get(height) : null;
    }

    /** Any indexed block, on the active chain or not. */
    public synchronized BlockIndexEntry entry(Hash hash) {
        return index.get(hash);
    }

    public synchronized int indexSize() {
        return index.size();
    }

    public synchronized int orphanCount() {
        return orphans.size();
    }

    public ChainParams params() {
        return params;
    }

    /** Registers a listener for changes of the active chain from now on. */
    public void addListener(ChainListener listener) {
        listeners.add(listener);
    }

    /** The unspent coin at {@code outpoint} in the active chain's UTXO set, or null. */
    public synchronized Coin coin(OutPoint outpoint) {
        return coins.get(outpoint);
    }

    /** The context of a block that would extend the tip now: the height, median time past and time rules. */
    public synchronized BlockContext nextBlockContext() {
        return BlockContext.after(tip(), clock.getAsLong());
    }

    /** Core's DEFAULT_MAX_TIP_AGE: a tip older than this means initial block download. */
    public static final long MAX_TIP_AGE = 24 * 60 * 60;
    private volatile boolean finishedInitialDownload;

    /**
     * Core's IsInitialBlockDownload: true while the tip is more than 24 hours old; once false it stays false (Core
     * latches it, so a node that catches up does not flip back when blocks are slow).
     */
    public boolean isInitialBlockDownload() {
        if (finishedInitialDownload) {
            return false;
        }
        if (tip().time() < now() - MAX_TIP_AGE) {
            return true;
        }
        finishedInitialDownload = true;
        return false;
    }

    /** The current time in seconds, by the clock the chain state checks block times with. */
    public long now() {
        return clock.getAsLong();
    }

    /**
     * The tips of all branches in the block index (Core's getchaintips): blocks no other block builds on, plus the
     * active tip. Highest first, as Core sorts them.
     */
    public synchronized List<BlockIndexEntry> chainTips() {
        java.util.Set<BlockIndexEntry> parents = new java.util.HashSet<>();
        for (BlockIndexEntry e : index.values()) {
            if (e.previous() != null) {
                parents.add(e.previous());
            }
        }
        List<BlockIndexEntry> tips = new ArrayList<>();
        for (BlockIndexEntry e : index.values()) {
            if (!parents.contains(e) || e == tip()) {
                tips.add(e);
            }
        }
        tips.sort(java.util.Comparator.comparingInt(BlockIndexEntry::height).reversed()
                .thenComparingLong(BlockIndexEntry::sequence));
        return tips;
    }

    /** Whether {@code e} is on the active chain. */
    public synchronized boolean isActive(BlockIndexEntry e) {
        return activeAt(e.height()) == e;
    }

    /** The reject reason of a block that failed to connect since this node started, or null. */
    public synchronized String invalidReason(Hash hash) {
        return invalidReasons.get(hash);
    }

    /** The stored undo data of a connected block, or null. */
    public BlockUndo readUndo(Hash hash) {
        byte[] bytes = store.get(Column.UNDO, hash.toBytes());
        return bytes == null ? null : BlockUndo.parse(bytes);
    }

    /** The stored block, or null. */
    public Block readBlock(Hash hash) {
        byte[] bytes = store.get(Column.BLOCK_DATA, hash.toBytes());
        return bytes == null ? null : Block.fromBytes(bytes);
    }

    /**
     * Checks, stores and indexes a block, then moves the active chain to the most-work valid chain. Blocks
     * waiting for this one are processed next.
     *
     * @throws ValidationException if the block itself is invalid (it is then neither stored nor indexed)
     */
    public synchronized Outcome processBlock(Block block) {
        BlockIndexEntry before = tip();
        Outcome outcome = accept(block);
        if (outcome == Outcome.ACCEPTED) {
            activateBestChain();
            acceptOrphansOf(block.hash());
            flushIfOverLimit();
        }
        notifyIfMoved(before);
        return outcome;
    }

    private void notifyIfMoved(BlockIndexEntry before) {
        BlockIndexEntry tip = tip();
        if (tip != before) {
            for (ChainListener l : listeners) {
                l.tipChanged(tip);
            }
        }
    }

    private Outcome accept(Block block) {
        Hash hash = block.hash();
        BlockIndexEntry known = index.get(hash);
        if (known != null) {
            if (known.isFailed()) {
                throw ValidationException.block(BlockValidationResult.CACHED_INVALID, "duplicate-invalid",
                        "block " + hash + " is known to be invalid");
            }
            if (known.has(BlockIndexEntry.HAVE_DATA)) {
                return Outcome.DUPLICATE;
            }
            // The header came first (headers-first sync, submitheader): check and store the data now.
            BlockContext ctx = BlockContext.after(known.previous(), clock.getAsLong());
            BlockChecks.checkBlock(block, params);
            BlockChecks.contextualCheckBlock(block, ctx, params);
            known.setData(block.transactions().size());
            try (WriteBatch b = store.newBatch()) {
                b.put(Column.BLOCK_DATA, hash.toBytes(), block.serialize());
                b.put(Column.BLOCK_INDEX, hash.toBytes(), known.serialize());
                store.write(b, false);
            }
            lastAccepted = block;
            linkData(known);
            return Outcome.ACCEPTED;
        }
        BlockChecks.checkBlockHeader(block.header(), params);
        BlockIndexEntry parent = index.get(block.header().prevBlock());
        if (parent == null) {
            orphans.put(hash, block);
            if (orphans.size() > MAX_ORPHANS) {
                Iterator<Hash> oldest = orphans.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
            return Outcome.ORPHAN;
        }
        if (parent.isFailed()) {
            throw ValidationException.block(BlockValidationResult.INVALID_PREV, "bad-prevblk",
                    "previous block " + parent.hash() + " is invalid");
        }
        BlockContext ctx = BlockContext.after(parent, clock.getAsLong());
        BlockChecks.contextualCheckBlockHeader(block.header(), ctx, params);
        BlockChecks.checkBlock(block, params);
        BlockChecks.contextualCheckBlock(block, ctx, params);
        BlockIndexEntry e = new BlockIndexEntry(block.header(), parent.height() + 1,
                parent.chainWork().add(ProofOfWork.blockWork(block.header().bits())), parent, nextSequence++,
                BlockIndexEntry.HEADER_VALID | BlockIndexEntry.HAVE_DATA, block.transactions().size());
        try (WriteBatch b = store.newBatch()) {
            b.put(Column.BLOCK_DATA, hash.toBytes(), block.serialize());
            b.put(Column.BLOCK_INDEX, hash.toBytes(), e.serialize());
            store.write(b, false);
        }
        addToIndex(e);
        lastAccepted = block;
        linkData(e);
        return Outcome.ACCEPTED;
    }

    /**
     * Core's ReceivedBlockTransactions: a block whose data is stored becomes a candidate once every ancestor has
     * its data too, and so do the blocks that were waiting for it.
     */
    private void linkData(BlockIndexEntry e) {
        BlockIndexEntry parent = e.previous();
        if (parent != null && !parent.hasChainData()) {
            unlinked.computeIfAbsent(parent, k -> new ArrayList<>()).add(e);
            return;
        }
        List<BlockIndexEntry> queue = new ArrayList<>(List.of(e));
        while (!queue.isEmpty()) {
            BlockIndexEntry next = queue.remove(queue.size() - 1);
            next.linkChainData();
            if (!next.isFailed()) {
                candidates.add(next);
            }
            List<BlockIndexEntry> waiting = unlinked.remove(next);
            if (waiting != null) {
                queue.addAll(waiting);
            }
        }
    }

    /**
     * Core's AcceptBlockHeader (for submitheader and headers-first sync): checks a header against its parent and
     * indexes it without data. Returns DUPLICATE if it is known.
     *
     * @throws ValidationException if the header is invalid, or its parent unknown ("prev-blk-not-found")
     */
    public synchronized Outcome processHeader(BlockHeader header) {
        Hash hash = header.hash();
        BlockIndexEntry known = index.get(hash);
        if (known != null) {
            if (known.isFailed()) {
                throw ValidationException.block(BlockValidationResult.CACHED_INVALID, "duplicate",
                        "header " + hash + " is known to be invalid");
            }
            return Outcome.DUPLICATE;
        }
        BlockChecks.checkBlockHeader(header, params);
        BlockIndexEntry parent = index.get(header.prevBlock());
        if (parent == null) {
            throw ValidationException.block(BlockValidationResult.MISSING_PREV, "prev-blk-not-found",
                    "previous block " + header.prevBlock() + " is not known");
        }
        if (parent.isFailed()) {
            throw ValidationException.block(BlockValidationResult.INVALID_PREV, "bad-prevblk",
                    "previous block " + parent.hash() + " is invalid");
        }
        BlockChecks.contextualCheckBlockHeader(header, BlockContext.after(parent, clock.getAsLong()), params);
        BlockIndexEntry e = new BlockIndexEntry(header, parent.height() + 1,
                parent.chainWork().add(ProofOfWork.blockWork(header.bits())), parent, nextSequence++,
                BlockIndexEntry.HEADER_VALID, 0);
        try (WriteBatch b = store.newBatch()) {
            b.put(Column.BLOCK_INDEX, hash.toBytes(), e.serialize());
            store.write(b, false);
        }
        addToIndex(e);
        return Outcome.ACCEPTED;
    }

    /** The valid header with the most work, with or without data (Core's m_best_header); the first seen on ties. */
    public synchronized BlockIndexEntry bestHeader() {
        if (bestHeader == null || bestHeader.isFailed()) {
            // After an invalidation (rare): find it again.
            bestHeader = null;
            index.values().stream().sorted(java.util.Comparator.comparingLong(BlockIndexEntry::sequence))
                    .forEach(this::considerBestHeader);
        }
        return bestHeader.chainWork().compareTo(tip().chainWork()) >= 0 ? bestHeader : tip();
    }

    private void addToIndex(BlockIndexEntry e) {
        index.put(e.hash(), e);
        considerBestHeader(e);
    }

    private void considerBestHeader(BlockIndexEntry e) {
        if (!e.isFailed() && (bestHeader == null || e.chainWork().compareTo(bestHeader.chainWork()) > 0)) {
            bestHeader = e;
        }
    }

    private void acceptOrphansOf(Hash parentHash) {
        List<Hash> ready = new ArrayList<>();
        ready.add(parentHash);
        while (!ready.isEmpty()) {
            Hash parent = ready.remove(ready.size() - 1);
            List<Block> children = new ArrayList<>();
            for (Block o : orphans.values()) {
                if (o.header().prevBlock().equals(parent)) {
                    children.add(o);
                }
            }
            for (Block child : children) {
                orphans.remove(child.hash());
                try {
                    if (accept(child) == Outcome.ACCEPTED) {
                        activateBestChain();
                        ready.add(child.hash());
                    }
                } catch (ValidationException invalidOrphan) {
                    // An invalid orphan is dropped; whoever sent it is long gone from this call.
                }
            }
        }
    }

    /** The stored block with the most work that is not known invalid (ties: the first seen). */
    private BlockIndexEntry bestCandidate() {
        return candidates.first();
    }

    /** Core's ActivateBestChain: reorganize to the most-work valid chain, dropping branches that fail. */
    private void activateBestChain() {
        while (true) {
            BlockIndexEntry best = bestCandidate();
            BlockIndexEntry tip = tip();
            if (best == tip || best.chainWork().compareTo(tip.chainWork()) <= 0) {
                return;
            }
            BlockIndexEntry fork = best.ancestor(Math.min(best.height(), tip.height()));
            while (fork != tip.ancestor(fork.height())) {
                fork = fork.previous();
            }
            while (tip() != fork) {
                disconnectTip();
            }
            List<BlockIndexEntry> path = new ArrayList<>();
            for (BlockIndexEntry e = best; e != fork; e = e.previous()) {
                path.add(0, e);
            }
            for (BlockIndexEntry e : path) {
                try {
                    connectTip(e);
                } catch (ValidationException invalid) {
                    if (invalid.reason().result() == BlockValidationResult.MUTATED) {
                        throw new StorageException("stored block " + e.hash() + " no longer matches its header");
                    }
                    invalidReasons.put(e.hash(), invalid.code());
                    markInvalid(e);
                    for (ChainListener l : listeners) {
                        l.blockInvalid(e, invalid);
                    }
                    break; // choose again: the best candidate may now be the old chain
                }
            }
        }
    }

    private void connectTip(BlockIndexEntry e) {
        Block block = lastAccepted != null && lastAccepted.hash().equals(e.hash())
                ? lastAccepted
                : readBlock(e.hash());
        if (block == null) {
            throw new StorageException("block data missing for " + e);
        }
        lastAccepted = null;
        BlockUndo undo = connector.connectBlock(block, BlockContext.after(e.previous(), clock.getAsLong()), coins);
        e.setStatus(e.status() | BlockIndexEntry.FULLY_VALID);
        try (WriteBatch b = store.newBatch()) {
            // Coins and tip stay in the cache until the next flush; undo data must be on disk before any flush
            // can make this block the stored tip, because disconnecting it needs the undo data.
            b.put(Column.UNDO, e.hash().toBytes(), undo.serialize());
            b.put(Column.BLOCK_INDEX, e.hash().toBytes(), e.serialize());
            store.write(b, false);
        }
        active.add(e);
        for (ChainListener l : listeners) {
            l.blockConnected(block, e);
        }
    }

    private void disconnectTip() {
        BlockIndexEntry e = tip();
        if (e.height() == 0) {
            throw new IllegalStateException("cannot disconnect the genesis block");
        }
        Block block = readBlock(e.hash());
        byte[] undoBytes = store.get(Column.UNDO, e.hash().toBytes());
        if (block == null || undoBytes == null) {
            throw new StorageException("cannot disconnect " + e + ": block or undo data missing");
        }
        DisconnectResult r = connector.disconnectBlock(block, e.height(), BlockUndo.parse(undoBytes), coins);
        if (r == DisconnectResult.FAILED) {
            throw new StorageException("undo data of " + e + " does not match the coins: database corrupt");
        }
        active.remove(active.size() - 1);
        for (ChainListener l : listeners) {
            l.blockDisconnected(block, e);
        }
    }

    /** Marks {@code e} invalid and every block descending from it as having an invalid parent. */
    private void markInvalid(BlockIndexEntry e) {
        try (WriteBatch b = store.newBatch()) {
            candidates.remove(e);
            e.setStatus(e.status() | BlockIndexEntry.FAILED);
            b.put(Column.BLOCK_INDEX, e.hash().toBytes(), e.serialize());
            for (BlockIndexEntry d : index.values()) {
                if (d != e && d.height() > e.height() && d.ancestor(e.height()) == e) {
                    candidates.remove(d);
                    d.setStatus(d.status() | BlockIndexEntry.FAILED_PARENT);
                    b.put(Column.BLOCK_INDEX, d.hash().toBytes(), d.serialize());
                }
            }
            store.write(b, true);
        }
    }

    /**
     * Core's invalidateblock: marks the block invalid (and its descendants), steps the active chain back off it,
     * and moves to the best chain that remains. Returns false if the block is unknown.
     */
    public synchronized boolean invalidateBlock(Hash hash) {
        BlockIndexEntry e = index.get(hash);
        if (e == null) {
            return false;
        }
        if (e.height() == 0) {
            throw new IllegalArgumentException("the genesis block cannot be invalidated");
        }
        BlockIndexEntry before = tip();
        while (tip().height() >= e.height() && tip().ancestor(e.height()) == e) {
            disconnectTip();
        }
        markInvalid(e);
        activateBestChain();
        notifyIfMoved(before);
        return true;
    }

    /**
     * Core's reconsiderblock: removes invalidity marks from the block, its ancestors and descendants, then moves
     * to the most-work chain (which fails again, and is marked again, if the block really is invalid).
     */
    public synchronized boolean reconsiderBlock(Hash hash) {
        BlockIndexEntry e = index.get(hash);
        if (e == null) {
            return false;
        }
        BlockIndexEntry before = tip();
        bestHeader = null; // headers made valid again may have more work: found again on the next request
        int clear = BlockIndexEntry.FAILED | BlockIndexEntry.FAILED_PARENT;
        try (WriteBatch b = store.newBatch()) {
            for (BlockIndexEntry d : index.values()) {
                boolean related = d.ancestor(e.height()) == e || e.ancestor(d.height()) == d;
                if (related && d.isFailed()) {
                    d.setStatus(d.status() & ~clear);
                    b.put(Column.BLOCK_INDEX, d.hash().toBytes(), d.serialize());
                    if (d.hasChainData()) {
                        candidates.add(d);
                    }
                }
            }
            store.write(b, true);
        }
        activateBestChain();
        notifyIfMoved(before);
        return true;
    }

    /**
     * Core's TestBlockValidity: checks {@code block} as the next block on the tip, scripts and coins included,
     * without storing it or changing anything.
     *
     * @throws ValidationException if it would be rejected
     */
    public synchronized void testBlockValidity(Block block) {
        BlockIndexEntry tip = tip();
        if (!block.header().prevBlock().equals(tip.hash())) {
            throw ValidationException.block(BlockValidationResult.INVALID_PREV, "inconclusive-not-best-prevblk",
                    "block does not extend the tip");
        }
        BlockContext ctx = BlockContext.after(tip, clock.getAsLong());
        BlockChecks.contextualCheckBlockHeader(block.header(), ctx, params);
        BlockChecks.checkBlock(block, params);
        BlockChecks.contextualCheckBlock(block, ctx, params);
        connector.connectBlock(block, ctx, new ScratchView(coins));
    }

    /**
     * Core's VerifyDB: checks the last {@code nblocks} active blocks down from the tip at {@code level} (0: the
     * block is stored; 1: it passes the context-free checks; 2: its undo data is there and fits; 3: disconnecting
     * it from a scratch copy of the coins succeeds cleanly). Changes nothing; false at the first problem.
     */
    public synchronized boolean verifyChain(int level, int nblocks) {
        ScratchView scratch = new ScratchView(coins);
        int stop = Math.max(1, height() - nblocks + 1);
        for (int h = height(); h >= stop; h--) {
            BlockIndexEntry e = active.get(h);
            Block block = readBlock(e.hash());
            if (block == null) {
                return false;
            }
            try {
                if (level >= 1) {
                    BlockChecks.checkBlock(block, params);
                }
                if (level >= 2) {
                    BlockUndo undo = readUndo(e.hash());
                    if (undo == null || undo.txUndos().size() != block.transactions().size() - 1) {
                        return false;
                    }
                    if (level >= 3 && connector.disconnectBlock(block, h, undo, scratch) != DisconnectResult.OK) {
                        return false;
                    }
                }
            } catch (ValidationException | org.minicoin.consensus.encoding.DecodeException bad) {
                return false;
            }
        }
        return true;
    }

    /** Reads through to the coins, keeps changes to itself: for checking a block without applying it. */
    private static final class ScratchView implements org.minicoin.consensus.validation.UtxoView {
        private final org.minicoin.consensus.validation.UtxoView base;
        private final Map<OutPoint, Coin> changed = new HashMap<>();

        ScratchView(org.minicoin.consensus.validation.UtxoView base) {
            this.base = base;
        }

        @Override
        public Coin get(OutPoint outpoint) {
            return changed.containsKey(outpoint) ? changed.get(outpoint) : base.get(outpoint);
        }

        @Override
        public void add(OutPoint outpoint, Coin coin, boolean possibleOverwrite) {
            changed.put(outpoint, coin);
        }

        @Override
        public Coin spend(OutPoint outpoint) {
            Coin c = get(outpoint);
            if (c != null) {
                changed.put(outpoint, null);
            }
            return c;
        }
    }

    /**
     * Writes all cached coin changes and the tip pointer in one atomic, durable batch. Call before closing the
     * store; the chain state also flushes by itself whenever the coins cache passes its limit.
     */
    public synchronized void flush() {
        try (WriteBatch b = store.newBatch()) {
            coins.flushTo(b);
            b.put(Column.CHAIN_STATE, TIP_KEY, tip().hash().toBytes());
            store.write(b, true);
        }
    }

    private void flushIfOverLimit() {
        if (coins.memoryBytes() > cacheLimitBytes) {
            flush();
        }
    }

    /** Approximate memory held by cached coin changes not yet on disk. */
    public synchronized long cachedCoinBytes() {
        return coins.memoryBytes();
    }
}
