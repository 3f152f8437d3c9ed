package org.minicoin.node.daemon;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.minicoin.consensus.merkle.MerkleTree;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.BlockHeader;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.validation.BlockValidationResult;
import org.minicoin.consensus.validation.ValidationException;
import org.minicoin.node.ledger.BlockIndexEntry;
import org.minicoin.node.ledger.ChainListener;
import org.minicoin.node.ledger.ChainState;
import org.minicoin.node.mempool.Mempool;
import org.minicoin.node.mining.BlockAssembler;
import org.minicoin.node.mining.BlockTemplate;
import org.minicoin.node.mining.Coinbase;
import org.minicoin.node.mining.CpuMiner;
import org.minicoin.node.mining.HeaderHasher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's mining operations, as Core's mining RPCs use them: a template on the tip from the mempool
 * (getblocktemplate), blocks mined on the calling thread (generatetoaddress, generateblock), blocks from outside
 * (submitblock), and the background CPU miner of -gen.
 */
public final class Mining implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("minicoind");
    /** Core's DEFAULT_MAX_TRIES for generatetoaddress. */
    public static final long DEFAULT_MAX_TRIES = 1_000_000;

    private final ChainState chain;
    private final Mempool mempool;
    private final BlockAssembler assembler;
    private final LongSupplier clock;
    private CpuMiner.Background background;

    public Mining(ChainState chain, Mempool mempool, LongSupplier clock) {
        this.chain = chain;
        this.mempool = mempool;
        this.clock = clock;
        this.assembler = new BlockAssembler(chain.params(),
                BlockAssembler.Options.defaults(mempool.options().minRelayFee().satPerKvB()));
    }

    /** A block template on the current tip paying to {@code scriptPubKey}, filled from the mempool by fee rate. */
    public BlockTemplate template(byte[] scriptPubKey) {
        synchronized (chain) {
            BlockIndexEntry tip = chain.tip();
            return assembler.create(tip, tip.hash(), mempool.candidates(), scriptPubKey, clock.getAsLong());
        }
    }

    /**
     * Core's generateBlocks: mines {@code count} blocks on this thread, each from a fresh template, and adds
     * them to the chain. Stops early, returning the blocks so far, when a block takes more than {@code maxTries}
     * hashes (only possible at real difficulty).
     */
    public List<Hash> generate(int count, byte[] scriptPubKey, long maxTries) {
        List<Hash> hashes = new ArrayList<>();
        long triesLeft = maxTries;
        while (hashes.size() < count && triesLeft > 0) {
            BlockTemplate t = template(scriptPubKey);
            Block solved = null;
            for (long extraNonce = t.extraNonce(); solved == null && triesLeft > 0; extraNonce++) {
                BlockTemplate attempt = extraNonce == t.extraNonce() ? t : t.withExtraNonce(extraNonce);
                HeaderHasher hasher = new HeaderHasher(attempt.block().header(), attempt.target());
                for (long nonce = 0; nonce <= 0xffffffffL && triesLeft > 0; nonce++, triesLeft--) {
                    if (hasher.meetsTarget(nonce)) {
                        solved = new Block(attempt.block().header().withNonce(nonce),
                                attempt.block().transactions());
                        break;
                    }
                }
            }
            if (solved == null) {
                break;
            }
            if (chain.processBlock(solved) != ChainState.Outcome.ACCEPTED) {
                throw new IllegalStateException("ProcessNewBlock, block not accepted");
            }
            hashes.add(solved.hash());
        }
        return hashes;
    }

    /**
     * Core's generateblock: mines one block holding exactly {@code txs} in that order (no other mempool
     * transactions; the coinbase collects only the subsidy, as in Core), checks it against the chain, and adds it
     * unless {@code submit} is false.
     *
     * @throws ValidationException if the block would be invalid (Core: "TestBlockValidity failed: ...")
     */
    public Block generateBlock(byte[] scriptPubKey, List<Transaction> txs, boolean submit) {
        BlockTemplate t;
        synchronized (chain) {
            BlockIndexEntry tip = chain.tip();
            t = assembler.create(tip, tip.hash(), List.of(), scriptPubKey, clock.getAsLong());
        }
        Transaction coinbase = t.block().transactions().get(0);
        List<Transaction> all = new ArrayList<>();
        all.add(coinbase);
        all.addAll(txs);
        if (t.witnessCommitment().isPresent()) {
            // Core's RegenerateCommitments: the commitment must cover the transactions just added.
            coinbase = Coinbase.create(t.height(), t.extraNonce(), coinbase.outputs().get(0).value(),
                    coinbase.outputs().get(0).scriptPubKey(), Coinbase.witnessCommitment(all),
                    chain.params().softForks().segwitHeight() <= t.height());
            all.set(0, coinbase);
        }
        BlockHeader h = t.block().header().withMerkleRoot(MerkleTree.blockRoot(all).root());
        HeaderHasher hasher = new HeaderHasher(h, t.target());
        long nonce = 0;
        while (!hasher.meetsTarget(nonce)) {
            nonce++;
            if (nonce > 0xffffffffL) {
                throw new IllegalStateException("no nonce solves the block at this time; try again");
            }
        }
        Block block = new Block(h.withNonce(nonce), all);
        chain.testBlockValidity(block);
        if (submit && chain.processBlock(block) != ChainState.Outcome.ACCEPTED) {
            throw new IllegalStateException("ProcessNewBlock, block not accepted");
        }
        return block;
    }

    /**
     * Core's submitblock: null when the block was accepted as new, otherwise Core's result string:
     * "duplicate", "duplicate-invalid", "inconclusive" (valid so far, but not on the best chain or waiting for its
     * parent), or the reject reason.
     */
    public String submitBlock(Block block) {
        BlockIndexEntry known = chain.entry(block.hash());
        if (known != null && (known.isFailed() || known.has(BlockIndexEntry.HAVE_DATA))) {
            return known.isFailed() ? "duplicate-invalid" : "duplicate";
        }
        try {
            ChainState.Outcome outcome = chain.processBlock(block);
            if (outcome == ChainState.Outcome.ORPHAN) {
                return "inconclusive";
            }
            BlockIndexEntry e = chain.entry(block.hash());
            if (e.isFailed()) {
                String reason = chain.invalidReason(block.hash());
                return reason != null ? reason : "invalid";
            }
            return chain.activeAt(e.height()) == e ? null : "inconclusive";
        } catch (ValidationException ex) {
            return ex.reason().result() == BlockValidationResult.CACHED_INVALID ? "duplicate-invalid" : ex.code();
        }
    }

    /**
     * Starts the -gen miner on {@code threads} threads paying to {@code scriptPubKey}: it mines on the tip, hands
     * each block to the chain, and starts over whenever the tip moves.
     */
    public synchronized void startBackground(int threads, byte[] scriptPubKey) {
        if (background != null) {
            return;
        }
        CpuMiner miner = new CpuMiner(threads, clock);
        background = miner.startBackground(() -> template(scriptPubKey), block -> {
            try {
                chain.processBlock(block);
                LOG.info("Mined block {} at height {}", block.hash(), chain.entry(block.hash()).height());
            } catch (ValidationException e) {
                LOG.warn("Mined block {} was rejected: {}", block.hash(), e.reason());
            }
        });
        CpuMiner.Background b = background;
        chain.addListener(new ChainListener() {
            @Override
            public void tipChanged(BlockIndexEntry tip) {
                b.tipChanged();
            }
        });
        LOG.info("Mining on {} thread(s)", threads);
    }

    /** Whether the -gen miner is running. */
    public synchronized boolean isMining() {
        return background != null && background.isRunning();
    }

    @Override
    public synchronized void close() {
        if (background != null) {
            background.close();
            background = null;
        }
    }
}
