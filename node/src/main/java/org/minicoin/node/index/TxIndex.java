package org.minicoin.node.index;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.node.ledger.BlockIndexEntry;
import org.minicoin.node.ledger.ChainListener;
import org.minicoin.node.ledger.ChainState;
import org.minicoin.node.store.Column;
import org.minicoin.node.store.KeyValueStore;
import org.minicoin.node.store.StorageException;
import org.minicoin.node.store.WriteBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transaction index (Core's {@code -txindex}): where each transaction of the active chain sits, so that
 * getrawtransaction can find any transaction, not only unspent ones. Entries live in {@link Column#TX_INDEX}
 * under {@code 't' || txid}, beside a best-block pointer under {@code 'B'}; each block's entries and the pointer
 * move in one atomic batch, so the stored index always describes exactly the chain ending at its best block.
 *
 * <p>Like Core's BaseIndex ({@code index/base.cpp}), a background thread first walks from the stored best block
 * to the tip (rewinding off blocks that a reorganisation left behind), so the index can be switched on for an
 * existing chain or catch up after a restart; after that it follows {@link ChainListener} events. Two
 * differences from Core: an event that extends (or disconnects) the index's best block is applied even while the
 * sync runs, which makes the hand-over from thread to events race-free without holding the chain lock; and a
 * disconnected block's entries are removed (Core leaves them), so the index holds the active chain only. As in
 * Core, the genesis block's transaction is not indexed: its output cannot be spent.
 */
public final class TxIndex implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("txindex");
    /** Key prefix of a transaction entry (Core's DB_TXINDEX). */
    private static final byte TX_PREFIX = 't';
    /** Key of the best-block pointer (Core's DB_BEST_BLOCK). */
    private static final byte[] BEST_KEY = {'B'};

    /** Where a transaction is: the block holding it and its position in that block (0 for the coinbase). */
    public record Location(Hash block, int position) {
    }

    private final KeyValueStore store;
    private final ChainState chain;
    /** Guards {@link #best} and the writes that move it. Lock order: the chain's lock, then this one. */
    private final Object lock = new Object();
    /** The last block indexed (its entries are stored), or null before the genesis block. */
    private BlockIndexEntry best;
    private volatile boolean closed;
    private final CountDownLatch syncedLatch = new CountDownLatch(1);
    private final Thread syncThread;

    private TxIndex(KeyValueStore store, ChainState chain, BlockIndexEntry best) {
        this.store = store;
        this.chain = chain;
        this.best = best;
        this.syncThread = new Thread(this::sync, "txindex-sync");
        syncThread.setDaemon(true);
    }

    /**
     * Opens the index stored in {@code store} and starts bringing it up to {@code chain}'s tip in the background;
     * from then on it follows the chain. {@code chain} must be open on the same store.
     *
     * @throws StorageException if the stored best block is not in the chain's block index (Core's "best block
     *                          of txindex not found. Please rebuild the index.")
     */
    public static TxIndex start(KeyValueStore store, ChainState chain) {
        byte[] bestHash = store.get(Column.TX_INDEX, BEST_KEY);
        BlockIndexEntry best = null;
        if (bestHash != null) {
            best = chain.entry(Hash.wrap(bestHash));
            if (best == null) {
                throw new StorageException("best block of txindex not found. Please rebuild the index.");
            }
        }
        TxIndex index = new TxIndex(store, chain, best);
        chain.addListener(index.new Follower());
        index.syncThread.start();
        return index;
    }

    /** Where the active chain holds {@code txid}, if the index has reached that block. */
    public Optional<Location> find(Hash txid) {
        byte[] value = store.get(Column.TX_INDEX, txKey(txid));
        return value == null ? Optional.empty() : Optional.of(decode(value));
    }

    /**
     * Whether the index has caught up with the tip and follows it, so that every active block is indexed
     * (getindexinfo's {@code synced}). False again once closed, or stopped by a storage failure.
     */
    public boolean synced() {
        return syncedLatch.getCount() == 0 && !closed;
    }

    /** Height of the last block indexed, 0 before any (getindexinfo's {@code best_block_height}, as Core). */
    public int bestHeight() {
        synchronized (lock) {
            return best == null ? 0 : best.height();
        }
    }

    /**
     * Waits at most {@code timeout} for the background sync to reach the tip (as Core's
     * BlockUntilSyncedToCurrentChain lets a caller wait); returns whether it did.
     */
    public boolean awaitSynced(Duration timeout) throws InterruptedException {
        return syncedLatch.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Stops the sync thread and stops following the chain. What is indexed stays stored; the next
     * {@link #start} continues from it. Call before closing the store.
     */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
        }
        try {
            syncThread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Core's BaseIndex::Sync: one step at a time from the best block to the tip, then hand over to events. */
    private void sync() {
        long lastLog = System.nanoTime();
        try {
            while (!closed) {
                BlockIndexEntry from;
                synchronized (lock) {
                    from = best;
                }
                // Read the tip after the best block: if they are equal, the index was at the tip at that instant,
                // and from then on every chain event extends or disconnects its best block, so it stays there.
                BlockIndexEntry tip = chain.tip();
                if (from == tip) {
                    syncedLatch.countDown();
                    LOG.info("txindex is enabled at height {}", tip.height());
                    return;
                }
                step(from, tip);
                if (System.nanoTime() - lastLog > TimeUnit.SECONDS.toNanos(30)) {
                    lastLog = System.nanoTime();
                    LOG.info("Syncing txindex with block chain from height {}", bestHeight());
                }
            }
        } catch (RuntimeException e) {
            if (!closed) {
                LOG.error("txindex sync stopped: {}", e.toString());
            }
        }
    }

    /**
     * Moves the index one block towards {@code tip}: off {@code from} if the tip's chain does not hold it (Core's
     * Rewind, one block at a time), else onto the tip's chain's next block. Does nothing if an event moved the
     * index meanwhile; the caller then looks again.
     */
    private void step(BlockIndexEntry from, BlockIndexEntry tip) {
        boolean rewind = from != null && tip.ancestor(from.height()) != from;
        BlockIndexEntry target = rewind ? from : tip.ancestor(from == null ? 0 : from.height() + 1);
        Block block = readBlock(target); // outside the lock: the chain may need it meanwhile for an event
        synchronized (lock) {
            if (closed || best != from) {
                return;
            }
            try (WriteBatch batch = store.newBatch()) {
                if (rewind) {
                    removeBlock(batch, block, from);
                    commit(batch, from.previous());
                } else {
                    addBlock(batch, block, target);
                    commit(batch, target);
                }
            }
        }
    }

    private Block readBlock(BlockIndexEntry e) {
        Block block = chain.readBlock(e.hash());
        if (block == null) {
            throw new StorageException("txindex: block data missing for " + e);
        }
        return block;
    }

    /** Core's TxIndex::CustomAppend, with the position in the block in place of a file offset. */
    private static void addBlock(WriteBatch batch, Block block, BlockIndexEntry entry) {
        if (entry.height() == 0) {
            return;
        }
        List<Transaction> txs = block.transactions();
        for (int i = 0; i < txs.size(); i++) {
            batch.put(Column.TX_INDEX, txKey(txs.get(i).txid()), encode(new Location(entry.hash(), i)));
        }
    }

    /**
     * Removes the entries pointing into a block that left the active chain. An entry pointing elsewhere is kept:
     * a transaction can appear twice (the duplicate coinbases BIP-0030 came too late to stop), and the index
     * shows the later copy, as Core's does.
     */
    private void removeBlock(WriteBatch batch, Block block, BlockIndexEntry entry) {
        for (Transaction tx : block.transactions()) {
            byte[] key = txKey(tx.txid());
            byte[] value = store.get(Column.TX_INDEX, key);
            if (value != null && decode(value).block().equals(entry.hash())) {
                batch.delete(Column.TX_INDEX, key);
            }
        }
    }

    /** Writes {@code batch} with the pointer moved to {@code newBest}, then moves it in memory. Holds the lock. */
    private void commit(WriteBatch batch, BlockIndexEntry newBest) {
        batch.put(Column.TX_INDEX, BEST_KEY, newBest.hash().toBytes());
        // Not synced to disk: a crash may lose the last few blocks, and the next start redoes them.
        store.write(batch, false);
        best = newBest;
    }

    /** Chain events, on the thread that changes the chain, under its lock. */
    private final class Follower implements ChainListener {
        @Override
        public void blockConnected(Block block, BlockIndexEntry entry) {
            synchronized (lock) {
                if (closed || best == null || entry.previous() != best) {
                    return; // not next to the index's best block: the sync thread will get there
                }
                apply(batch -> addBlock(batch, block, entry), entry);
            }
        }

        @Override
        public void blockDisconnected(Block block, BlockIndexEntry entry) {
            synchronized (lock) {
                if (closed || entry != best) {
                    return;
                }
                apply(batch -> removeBlock(batch, block, entry), entry.previous());
            }
        }

        /** A listener must not throw: a storage failure stops the index (Core's FatalError stops the node). */
        private void apply(Consumer<WriteBatch> change, BlockIndexEntry newBest) {
            try (WriteBatch batch = store.newBatch()) {
                change.accept(batch);
                commit(batch, newBest);
            } catch (RuntimeException e) {
                LOG.error("txindex stopped: cannot write block {}: {}", newBest, e.toString());
                closed = true;
            }
        }
    }

    private static byte[] txKey(Hash txid) {
        byte[] key = new byte[1 + Hash.LENGTH];
        key[0] = TX_PREFIX;
        System.arraycopy(txid.toBytes(), 0, key, 1, Hash.LENGTH);
        return key;
    }

    /** Stored form of a location: block hash (32 bytes, internal order), position as uint32 little-endian. */
    private static byte[] encode(Location location) {
        return ByteBuffer.allocate(Hash.LENGTH + 4).order(ByteOrder.LITTLE_ENDIAN)
                .put(location.block().toBytes()).putInt(location.position()).array();
    }

    private static Location decode(byte[] value) {
        if (value.length != Hash.LENGTH + 4) {
            throw new StorageException("txindex entry is corrupt: " + value.length + " bytes");
        }
        ByteBuffer b = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
        byte[] block = new byte[Hash.LENGTH];
        b.get(block);
        return new Location(Hash.wrap(block), b.getInt());
    }
}
