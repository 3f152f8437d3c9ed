package org.minicoin.consensus.validation;

import static org.minicoin.consensus.validation.BlockValidationResult.CONSENSUS;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.minicoin.consensus.crypto.SignatureVerifier;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.pow.ChainHistory;
import org.minicoin.consensus.script.SigHash;
import org.minicoin.consensus.types.Amount;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.types.OutPoint;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxIn;
import org.minicoin.consensus.types.TxOut;

/**
 * Connects a block to a {@link UtxoView} and disconnects it again (Core's ConnectBlock and DisconnectBlock): the
 * checks that need the coins being spent (CheckTxInputs, BIP-0030, BIP-0068 sequence locks, the sigop cost, every
 * input's script, the coinbase amount), the UTXO changes, and the undo data that reverses them.
 *
 * <p>Both work on an overlay of the caller's view and apply it only when the block is accepted, so a failure
 * leaves the view as it was. Script checks may run on the executor given at construction; the verdict is the
 * one a single thread reaches checking the block in order, whatever the threads' timing.
 *
 * <p>Immutable and thread-safe, but a view must not be used by two calls at once.
 */
public final class BlockConnector {
    /** Mainnet's two blocks whose coinbases duplicate earlier ones (Core's IsBIP30Repeat). */
    private static final Map<Integer, Hash> BIP30_REPEATS = Map.of(
            91842, Hash.fromHex("00000000000a4d0a398161ffc163c503763b1f4360639393e0e4c8e300e0caec"),
            91880, Hash.fromHex("00000000000743f190a18c5577a3c2d2a1f610ae9601ac046a38084ccb7cd721"));
    /** The two earlier blocks whose coinbases those overwrote and so can never be undone (IsBIP30Unspendable). */
    private static final Map<Integer, Hash> BIP30_UNSPENDABLE = Map.of(
            91722, Hash.fromHex("00000000000271a2dc26e7667f8419f2e15416dc6955e5a6c6cdf3f2574dd08e"),
            91812, Hash.fromHex("00000000000af0aed4792b1acee3d966af36cf5def14935db8de83d6f9306f2f"));
    /**
     * Core's BIP34Hash, the block at the BIP-0034 height, for the networks that have one, by genesis hash
     * (mainnet, testnet3). The chain parameters do not carry it; other networks always check BIP-0030, as Core
     * does for regtest and signet.
     */
    private static final Map<Hash, Hash> BIP34_HASHES = Map.of(
            Hash.fromHex("000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f"),
            Hash.fromHex("000000000000024b89b42a942fe0d9fea3bb44ab7bd1b19115dd6a759c0808b8"),
            Hash.fromHex("000000000933ea01ad0ee984209779baaec3ced90fa3f408719526f8d77f4943"),
            Hash.fromHex("0000000023b3a96d3484e5abb3755c413e7d41500f8e2a5c3f0dd01299cd8ef8"));

    private final ChainParams params;
    private final SignatureVerifier verifier;
    private final Executor executor;

    /**
     * @param executor where script checks may run in parallel, or null to run them on the calling thread. The
     *                 calling thread always takes part, so a shared, busy pool cannot deadlock a connect.
     */
    public BlockConnector(ChainParams params, SignatureVerifier verifier, Executor executor) {
        this.params = Objects.requireNonNull(params, "params");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.executor = executor;
    }

    /** A connector that checks scripts on the calling thread. */
    public BlockConnector(ChainParams params, SignatureVerifier verifier) {
        this(params, verifier, null);
    }

    public ChainParams params() {
        return params;
    }

    /**
     * Validates {@code block} against the coins in {@code view} and, if it is valid, spends its inputs and adds
     * its outputs to the view (Core's ConnectBlock). Runs {@link BlockChecks#checkBlock} again first, as Core
     * does; the contextual checks ({@link BlockChecks#contextualCheckBlockHeader},
     * {@link BlockChecks#contextualCheckBlock}) are the caller's, before the block is stored.
     *
     * <p>The genesis block is accepted without touching the view: its coinbase is unspendable.
     *
     * @return the coins the block spent, for {@link #disconnectBlock}
     * @throws ValidationException if the block is invalid; the view is then unchanged. A MUTATED result here
     *                             means a stored block was corrupted after it was checked.
     */
    public BlockUndo connectBlock(Block block, BlockContext ctx, UtxoView view) {
        BlockChecks.checkBlock(block, params);
        Hash hash = block.hash();
        if (hash.equals(params.genesisHash())) {
            return BlockUndo.EMPTY;
        }
        if (ctx.previous() == null) {
            throw new IllegalArgumentException("only the genesis block connects without a parent");
        }
        int height = ctx.height();
        List<Transaction> txs = block.transactions();

        // BIP-0030: a transaction may not recreate outputs that are still unspent, or duplicate coinbases could
        // erase coins that were already passed on (CVE-2012-1909).
        if (bip30Enforced(hash, ctx, params)) {
            for (Transaction tx : txs) {
                for (int o = 0; o < tx.outputs().size(); o++) {
                    if (view.contains(new OutPoint(tx.txid(), o))) {
                        throw ValidationException.block(CONSENSUS, "bad-txns-BIP30",
                                "tried to overwrite transaction");
                    }
                }
            }
        }

        boolean sequenceLocks = height >= params.softForks().csvHeight();
        int flags = ScriptFlags.forBlock(hash, height, params);
        UtxoOverlay overlay = new UtxoOverlay(view);
        MedianTimes medianTimes = new MedianTimes(ctx.previous());
        List<TxUndo> undo = new ArrayList<>(txs.size() - 1);
        List<ScriptCheckRunner.ScriptCheck> checks = new ArrayList<>();
        long fees = 0;
        long sigOpCost = 0;
        // Script checks are deferred so they can run in parallel; a later failure found first must not hide an
        // earlier input's script failure, which a serial check would have reported.
        ValidationException laterFailure = null;
        try {
            for (Transaction tx : txs) {
                List<Coin> spent = List.of();
                if (!tx.isCoinbase()) {
                    try {
                        spent = TransactionChecks.spentCoins(tx, overlay);
                        fees += TransactionChecks.checkTxInputs(tx, spent, height);
                    } catch (ValidationException e) {
                        throw new ValidationException(e.reason().inBlock(CONSENSUS, "in transaction " + tx.txid()));
                    }
                    if (!Amount.inRange(fees)) {
                        throw ValidationException.block(CONSENSUS, "bad-txns-accumulated-fee-outofrange",
                                "accumulated fee in the block out of range");
                    }
                    if (sequenceLocks && !sequenceLocksSatisfied(tx, spent, ctx, medianTimes)) {
                        throw ValidationException.block(CONSENSUS, "bad-txns-nonfinal",
                                "contains a non-BIP68-final transaction " + tx.txid());
                    }
                }
                sigOpCost += TransactionChecks.sigOpCost(tx, spent, flags);
                if (sigOpCost > ConsensusLimits.MAX_BLOCK_SIGOPS_COST) {
                    throw ValidationException.block(CONSENSUS, "bad-blk-sigops", "too many sigops");
                }
                if (!tx.isCoinbase()) {
                    // BIP-0143's shared hashes, computed once per transaction rather than once per input.
                    SigHash.Precomputed precomputed = new SigHash.Precomputed(tx);
                    for (int i = 0; i < spent.size(); i++) {
                        checks.add(new ScriptCheckRunner.ScriptCheck(tx, i, spent.get(i).output(), precomputed));
                    }
                    undo.add(new TxUndo(spent));
                }
                updateCoins(tx, overlay, height);
            }
        } catch (ValidationException e) {
            laterFailure = e;
        }

        ScriptCheckRunner.Failure failure = ScriptCheckRunner.firstFailure(checks, flags, verifier, executor);
        if (failure != null) {
            ScriptCheckRunner.ScriptCheck c = checks.get(failure.index());
            TxIn in = c.tx().inputs().get(c.inputIndex());
            // Core up to v29 said "mandatory-script-verify-flag-failed"; v30 renamed it "block-script-verify-flag-
            // failed". We keep the long-standing string, which peers and tools written for Core still match on.
            throw ValidationException.block(CONSENSUS,
                    "mandatory-script-verify-flag-failed (" + failure.error().description() + ")",
                    "input " + c.inputIndex() + " of " + c.tx().txid() + " (wtxid " + c.tx().wtxid()
                            + "), spending " + in.prevout().txid() + ":" + in.prevout().index());
        }
        if (laterFailure != null) {
            throw laterFailure;
        }
        long reward = fees + Subsidy.blockSubsidy(height, params);
        long coinbaseOut = TransactionChecks.valueOut(txs.get(0));
        if (coinbaseOut > reward) {
            throw ValidationException.block(CONSENSUS, "bad-cb-amount",
                    "coinbase pays too much (actual=" + coinbaseOut + " vs limit=" + reward + ")");
        }
        overlay.flush();
        return new BlockUndo(undo);
    }

    /**
     * Reverses {@link #connectBlock} (Core's DisconnectBlock): removes the block's outputs, checking each is
     * there exactly as the block created it, and restores the coins its inputs spent from {@code undo}. The
     * block must be the last one connected to {@code view}, at {@code height}.
     *
     * @return OK when the view is exactly as before the block; UNCLEAN when it was rolled back but did not match
     *         (the view is changed); FAILED when the undo data does not fit the block (the view is unchanged)
     */
    public DisconnectResult disconnectBlock(Block block, int height, BlockUndo undo, UtxoView view) {
        if (height <= 0) {
            throw new IllegalArgumentException("the genesis block is never disconnected");
        }
        List<Transaction> txs = block.transactions();
        if (undo.txUndos().size() + 1 != txs.size()) {
            return DisconnectResult.FAILED;
        }
        // The two coinbases that BIP-0030's repeats overwrote were replaced by identical ones, so their outputs
        // are not where the block left them; that is expected, not a sign of corruption.
        boolean overwrittenCoinbase = isBip30Unspendable(height, block.hash());
        UtxoOverlay overlay = new UtxoOverlay(view);
        boolean clean = true;
        for (int i = txs.size() - 1; i >= 0; i--) {
            Transaction tx = txs.get(i);
            Hash txid = tx.txid();
            boolean coinbase = tx.isCoinbase();
            for (int o = 0; o < tx.outputs().size(); o++) {
                TxOut out = tx.outputs().get(o);
                if (isUnspendable(out)) {
                    continue;
                }
                Coin coin = overlay.spend(new OutPoint(txid, o));
                boolean matches = coin != null && coin.output().equals(out) && coin.height() == height
                        && coin.coinbase() == coinbase;
                if (!matches && !(coinbase && overwrittenCoinbase)) {
                    clean = false;
                }
            }
            if (i > 0) {
                TxUndo txUndo = undo.txUndos().get(i - 1);
                List<TxIn> inputs = tx.inputs();
                if (txUndo.spent().size() != inputs.size()) {
                    return DisconnectResult.FAILED;
                }
                for (int j = inputs.size() - 1; j >= 0; j--) {
                    OutPoint prevout = inputs.get(j).prevout();
                    boolean present = overlay.contains(prevout);
                    if (present) {
                        clean = false;
                    }
                    overlay.add(prevout, txUndo.spent().get(j), present);
                }
            }
        }
        overlay.flush();
        return clean ? DisconnectResult.OK : DisconnectResult.UNCLEAN;
    }

    /**
     * Whether connecting the block must check that it overwrites no unspent output (BIP-0030), following Core:
     * always, except at the two historical repeats, and on a branch through Core's known BIP-0034 block below
     * height 1,983,702, where BIP-0034's height in the coinbase already makes transactions unique (from that height
     * on, old coinbases' accidental height prefixes could collide again).
     */
    public static boolean bip30Enforced(Hash blockHash, BlockContext ctx, ChainParams params) {
        boolean enforce = !isBip30Repeat(ctx.height(), blockHash);
        Hash knownBip34 = BIP34_HASHES.get(params.genesisHash());
        if (knownBip34 != null && knownBip34.equals(ctx.bip34AncestorHash())
                && ctx.height() > params.softForks().bip34Height()) {
            enforce = false;
        }
        return enforce || ctx.height() >= BlockChecks.BIP34_IMPLIES_BIP30_LIMIT;
    }

    static boolean isBip30Repeat(int height, Hash blockHash) {
        return blockHash.equals(BIP30_REPEATS.get(height));
    }

    static boolean isBip30Unspendable(int height, Hash blockHash) {
        return blockHash.equals(BIP30_UNSPENDABLE.get(height));
    }

    /**
     * Core's CScript::IsUnspendable: an output starting with OP_RETURN or too large to ever run. Such outputs
     * never enter the UTXO set.
     */
    public static boolean isUnspendable(TxOut out) {
        int len = out.scriptPubKeyLength();
        if (len > ConsensusLimits.MAX_SCRIPT_SIZE) {
            return true;
        }
        return len > 0 && (out.scriptPubKey()[0] & 0xff) == org.minicoin.consensus.script.Opcodes.OP_RETURN;
    }

    /** Core's UpdateCoins: spend the inputs, add the spendable outputs. A coinbase may overwrite (BIP-0030). */
    private static void updateCoins(Transaction tx, UtxoView view, int height) {
        boolean coinbase = tx.isCoinbase();
        if (!coinbase) {
            for (TxIn in : tx.inputs()) {
                if (view.spend(in.prevout()) == null) {
                    throw new IllegalStateException("input " + in.prevout() + " vanished after it was checked");
                }
            }
        }
        Hash txid = tx.txid();
        for (int o = 0; o < tx.outputs().size(); o++) {
            TxOut out = tx.outputs().get(o);
            if (!isUnspendable(out)) {
                view.add(new OutPoint(txid, o), new Coin(out, height, coinbase), coinbase);
            }
        }
    }

    /**
     * Whether {@code tx}'s BIP-0068 relative lock times allow it in a block at {@code ctx}: the mempool's
     * CheckSequenceLocksAtTip, with coins from the mempool given the height of that next block.
     */
    public static boolean sequenceLocksSatisfied(Transaction tx, List<Coin> spent, BlockContext ctx) {
        return sequenceLocksSatisfied(tx, spent, ctx, new MedianTimes(ctx.previous()));
    }

    /**
     * Core's SequenceLocks for a block at {@code ctx.height()}: BIP-0068 relative lock times of a version 2+
     * transaction, each input counting from its coin's block, in blocks or in 512-second units of median time
     * past. As with nLockTime, the computed values are the last invalid height and time.
     */
    static boolean sequenceLocksSatisfied(Transaction tx, List<Coin> spent, BlockContext ctx,
                                          MedianTimes medianTimes) {
        // The version is unsigned in Core: 0x80000000 and above count as "2 or more".
        if (Integer.toUnsignedLong(tx.version()) < 2) {
            return true;
        }
        long minHeight = -1;
        long minTime = -1;
        List<TxIn> inputs = tx.inputs();
        for (int i = 0; i < inputs.size(); i++) {
            long sequence = inputs.get(i).sequence();
            if ((sequence & ConsensusLimits.SEQUENCE_LOCKTIME_DISABLE_FLAG) != 0) {
                continue;
            }
            int coinHeight = spent.get(i).height();
            long value = sequence & ConsensusLimits.SEQUENCE_LOCKTIME_MASK;
            if ((sequence & ConsensusLimits.SEQUENCE_LOCKTIME_TYPE_FLAG) != 0) {
                // Measured from the earliest time the coin's block could have had: its parent's median time past.
                long coinTime = medianTimes.at(Math.max(coinHeight - 1, 0));
                minTime = Math.max(minTime, coinTime + (value << ConsensusLimits.SEQUENCE_LOCKTIME_GRANULARITY) - 1);
            } else {
                minHeight = Math.max(minHeight, coinHeight + value - 1);
            }
        }
        return minHeight < ctx.height() && minTime < ctx.medianTimePast();
    }

    /** Median times past of a branch's blocks by height, computed once each during one connect. */
    static final class MedianTimes {
        private final ChainHistory tip;
        private final Map<Integer, Long> byHeight = new HashMap<>();

        MedianTimes(ChainHistory tip) {
            this.tip = tip;
        }

        long at(int height) {
            return byHeight.computeIfAbsent(height, h -> {
                ChainHistory block = tip.ancestor(h);
                if (block == null) {
                    throw new IllegalArgumentException("the block context does not reach back to height " + h
                            + ", which a BIP-0068 time lock needs");
                }
                return BlockContext.medianTimePast(block);
            });
        }
    }
}
