package org.minicoin.node.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.minicoin.consensus.crypto.BouncyCastleSignatureVerifier;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.validation.ValidationException;
import org.minicoin.node.fees.FeeEstimator;
import org.minicoin.node.importer.BlockFileReader;
import org.minicoin.node.index.TxIndex;
import org.minicoin.node.importer.Reindex;
import org.minicoin.node.ledger.BlockIndexEntry;
import org.minicoin.node.ledger.ChainListener;
import org.minicoin.node.ledger.ChainState;
import org.minicoin.node.mempool.Mempool;
import org.minicoin.node.rpc.methods.ChainRpc;
import org.minicoin.node.store.DataDirLock;
import org.minicoin.node.store.RocksStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running node's parts over one network data directory: the lock, the ledger database, the chain state, the
 * mempool and the fee estimator, opened in that order and closed in reverse with everything saved. The daemon
 * and end-to-end tests build on it; it starts no threads beyond the script-check pool.
 */
public final class Node implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("minicoind");
    static final String DATABASE_DIR = "ledger";
    static final String MEMPOOL_FILE = "mempool.dat";
    static final String FEE_ESTIMATES_FILE = "fee_estimates.dat";

    /** What the node is built from. {@code dbcacheBytes} bounds the coins cache (and sizes RocksDB's). */
    public record Settings(ChainParams params, Path networkDir, long dbcacheBytes, Mempool.Options mempool,
                           boolean persistMempool, boolean txIndex) {
    }

    private final Settings settings;
    private final DataDirLock lock;
    private final RocksStore store;
    private final ExecutorService scriptThreads;
    private final ChainState chain;
    private final FeeEstimator estimator;
    private final Mempool mempool;
    private final Mining mining;
    private final TxIndex txIndex;
    private final org.minicoin.node.p2p.addr.BanList banList;
    private final org.minicoin.node.p2p.addr.AddressManager addressManager;
    private volatile org.minicoin.node.p2p.addr.AddrRelay addrRelay;
    private volatile org.minicoin.node.p2p.net.ConnectionManager connections;
    private volatile org.minicoin.node.p2p.sync.BlockSync blockSync;
    private volatile boolean closed;

    private Node(Settings settings, boolean reindex) throws IOException {
        this.settings = settings;
        Path dir = settings.networkDir();
        Files.createDirectories(dir);
        this.lock = DataDirLock.acquire(dir);
        RocksStore opened = null;
        try {
            // Core's -dbcache is split between its databases and the coins cache; here RocksDB gets an eighth.
            opened = RocksStore.open(dir.resolve(DATABASE_DIR), Math.max(8 << 20, settings.dbcacheBytes() / 8));
            this.store = opened;
            int cores = Runtime.getRuntime().availableProcessors();
            this.scriptThreads = Executors.newFixedThreadPool(Math.max(1, cores - 1), r -> {
                Thread t = new Thread(r, "scriptcheck");
                t.setDaemon(true);
                return t;
            });
            List<Hash> toReconnect = null;
            if (reindex || Reindex.pending(store)) {
                LOG.info(reindex ? "Reindexing: rebuilding the chain state from stored blocks"
                        : "Resuming an interrupted reindex");
                toReconnect = Reindex.begin(store, settings.params().genesisHash());
            }
            this.chain = ChainState.open(store, settings.params(), BouncyCastleSignatureVerifier.INSTANCE,
                    scriptThreads, () -> System.currentTimeMillis() / 1000, settings.dbcacheBytes() * 7 / 8);
            if (toReconnect != null) {
                reconnect(toReconnect);
            }
            LOG.info("Loaded best chain: hashBestChain={} height={} date={}", chain.tip().hash(), chain.height(),
                    java.time.Instant.ofEpochSecond(chain.tip().header().time()));
            this.estimator = loadFeeEstimates(dir.resolve(FEE_ESTIMATES_FILE));
            this.mempool = new Mempool(chain, BouncyCastleSignatureVerifier.INSTANCE, settings.mempool(), estimator,
                    new SecureRandom());
            chain.addListener(new TipLogger());
            this.mining = new Mining(chain, mempool, () -> System.currentTimeMillis() / 1000);
            this.txIndex = settings.txIndex() ? TxIndex.start(store, chain) : null;
            this.banList = org.minicoin.node.p2p.addr.BanList.open(store, () -> System.currentTimeMillis() / 1000);
            this.addressManager = org.minicoin.node.p2p.addr.AddressManager.open(store,
                    () -> System.currentTimeMillis() / 1000);
            if (settings.persistMempool() && Files.exists(dir.resolve(MEMPOOL_FILE))) {
                try {
                    Mempool.LoadResult r = mempool.load(dir.resolve(MEMPOOL_FILE));
                    LOG.info("Imported mempool transactions from disk: {} succeeded, {} failed, {} expired, {} "
                            + "already there", r.accepted(), r.failed(), r.expired(), r.alreadyThere());
                } catch (IOException e) {
                    LOG.warn("Failed to load the mempool from disk ({}); starting with an empty one", e.getMessage());
                }
            }
        } catch (RuntimeException e) {
            if (opened != null) {
                opened.close();
            }
            lock.close();
            throw e;
        }
    }

    /** Opens the node in {@code settings.networkDir()}; with {@code reindex}, rebuilds the chain state first. */
    public static Node open(Settings settings, boolean reindex) throws IOException {
        return new Node(settings, reindex);
    }

    private void reconnect(List<Hash> blocks) {
        Progress progress = new Progress(LOG, "Reindex", System::nanoTime);
        int done = 0;
        for (Hash h : blocks) {
            done++;
            if (h.equals(settings.params().genesisHash())) {
                continue;
            }
            Block block = chain.readBlock(h);
            try {
                chain.processBlock(block);
            } catch (ValidationException e) {
                LOG.info("Reindex: block {} is invalid: {}", h, e.reason());
            }
            progress.block(chain.height(), (double) done / blocks.size());
        }
        chain.flush();
        Reindex.finish(store);
        progress.done(chain.height());
    }

    private static FeeEstimator loadFeeEstimates(Path file) {
        if (Files.exists(file)) {
            try {
                return FeeEstimator.load(file);
            } catch (IOException e) {
                LOG.warn("Failed to read fee estimates ({}); starting without", e.getMessage());
            }
        }
        return new FeeEstimator();
    }

    /**
     * Imports blocks from a file in Bitcoin Core's blk*.dat framing (-loadblock): each block is checked and
     * connected as if a peer had sent it; invalid ones are logged and skipped, as are bytes between records.
     *
     * @return the number of blocks newly accepted
     */
    public int importBlocks(Path file) throws IOException {
        long size = Math.max(1, Files.size(file));
        Progress progress = new Progress(LOG, "Importing " + file.getFileName(), System::nanoTime);
        long start = System.nanoTime();
        int accepted = 0;
        try (BlockFileReader r = BlockFileReader.open(file, settings.params().magicBytes())) {
            for (BlockFileReader.Record rec = r.next(); rec != null && !closed; rec = r.next()) {
                try {
                    if (chain.processBlock(rec.block()) == ChainState.Outcome.ACCEPTED) {
                        accepted++;
                    }
                } catch (ValidationException e) {
                    LOG.info("LoadExternalBlockFile: block {} at offset {} rejected: {}", rec.block().hash(),
                            rec.offset(), e.reason());
                }
                progress.block(chain.height(), (double) r.offset() / size);
            }
            if (r.badRecords() > 0 || r.skippedBytes() > 0) {
                LOG.info("LoadExternalBlockFile: skipped {} bytes and {} unreadable records in {}",
                        r.skippedBytes(), r.badRecords(), file);
            }
        }
        progress.done(chain.height());
        LOG.info("Loaded {} blocks from external file in {}ms", accepted, (System.nanoTime() - start) / 1_000_000);
        return accepted;
    }

    public ChainParams params() {
        return settings.params();
    }

    public ChainState chain() {
        return chain;
    }

    public Mempool mempool() {
        return mempool;
    }

    /** The P2P connections, or null when the node runs without them. */
    public org.minicoin.node.p2p.net.ConnectionManager connections() {
        return connections;
    }

    /** Hands the node its P2P connections, which it closes first at shutdown. */
    public void setConnections(org.minicoin.node.p2p.net.ConnectionManager connections) {
        this.connections = connections;
    }

    /** Block sync, for the per-peer sync state getpeerinfo shows; null without P2P. */
    public org.minicoin.node.p2p.sync.BlockSync blockSync() {
        return blockSync;
    }

    public void setBlockSync(org.minicoin.node.p2p.sync.BlockSync blockSync) {
        this.blockSync = blockSync;
    }

    /** Known peer addresses (Core's addrman), persisted in the ledger database. */
    public org.minicoin.node.p2p.addr.AddressManager addressManager() {
        return addressManager;
    }

    /** Address gossip, for getpeerinfo's addr fields; null without P2P. */
    public org.minicoin.node.p2p.addr.AddrRelay addrRelay() {
        return addrRelay;
    }

    public void setAddrRelay(org.minicoin.node.p2p.addr.AddrRelay addrRelay) {
        this.addrRelay = addrRelay;
    }

    /** Banned subnets (persisted) and discouraged addresses. */
    public org.minicoin.node.p2p.addr.BanList banList() {
        return banList;
    }

    /** The transaction index, or null without -txindex. */
    public TxIndex txIndex() {
        return txIndex;
    }

    /** The ledger database (for full scans such as gettxoutsetinfo). */
    public RocksStore store() {
        return store;
    }

    public Mining mining() {
        return mining;
    }

    public FeeEstimator feeEstimator() {
        return estimator;
    }

    public Path networkDir() {
        return settings.networkDir();
    }

    /** Whether {@link #close} has begun. */
    public boolean isClosed() {
        return closed;
    }

    /** Saves the mempool and fee estimates, flushes the coins cache and tip, and closes the database. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (connections != null) {
            connections.close();
        }
        mining.close();
        if (txIndex != null) {
            txIndex.close();
        }
        Path dir = settings.networkDir();
        try {
            if (settings.persistMempool()) {
                mempool.save(dir.resolve(MEMPOOL_FILE));
                LOG.info("Dumped mempool: {} transactions", mempool.size());
            }
            estimator.save(dir.resolve(FEE_ESTIMATES_FILE));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not save the mempool or fee estimates: {}", e.toString());
        }
        try {
            chain.flush();
            LOG.info("Flushed chain state at height {} ({})", chain.height(), chain.tip().hash());
        } finally {
            scriptThreads.shutdown();
            try {
                scriptThreads.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            store.close();
            lock.close();
        }
    }

    /** Core's UpdateTip line for each block the active chain gains. */
    private final class TipLogger implements ChainListener {
        @Override
        public void blockConnected(Block block, BlockIndexEntry entry) {
            if (LOG.isInfoEnabled()) {
                LOG.info(String.format(Locale.ROOT,
                        "UpdateTip: new best=%s height=%d version=0x%08x log2_work=%.6f tx=%d date='%s' "
                                + "progress=%.6f cache=%.1fMiB", entry.hash(), entry.height(),
                        block.header().version(), log2(entry.chainWork()), entry.chainTxCount(),
                        java.time.Instant.ofEpochSecond(block.header().time()),
                        ChainRpc.verificationProgress(entry, System.currentTimeMillis() / 1000, settings.params()),
                        chain.cachedCoinBytes() / 1048576.0));
            }
        }
    }

    private static double log2(java.math.BigInteger work) {
        int bits = work.bitLength();
        if (bits <= 53) {
            return Math.log(work.doubleValue()) / Math.log(2);
        }
        return bits - 53 + Math.log(work.shiftRight(bits - 53).doubleValue()) / Math.log(2);
    }
}
