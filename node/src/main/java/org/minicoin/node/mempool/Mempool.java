package org.minicoin.node.mempool;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.minicoin.consensus.crypto.SignatureVerifier;
import org.minicoin.consensus.script.Interpreter;
import org.minicoin.consensus.script.ScriptError;
import org.minicoin.consensus.script.SigHash;
import org.minicoin.consensus.script.TransactionSignatureChecker;
import org.minicoin.consensus.script.VerifyFlags;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.types.OutPoint;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxIn;
import org.minicoin.consensus.types.TxOut;
import org.minicoin.consensus.validation.BlockConnector;
import org.minicoin.consensus.validation.BlockContext;
import org.minicoin.consensus.validation.Coin;
import org.minicoin.consensus.validation.ConsensusLimits;
import org.minicoin.consensus.validation.TransactionChecks;
import org.minicoin.consensus.validation.TxValidationResult;
import org.minicoin.consensus.validation.ValidationException;
import org.minicoin.node.fees.FeeEstimator;
import org.minicoin.node.ledger.BlockIndexEntry;
import org.minicoin.node.ledger.ChainListener;
import org.minicoin.node.ledger.ChainState;
import org.minicoin.node.mining.CandidateTx;
import org.minicoin.node.policy.FeeRate;
import org.minicoin.node.policy.ScriptSolver;
import org.minicoin.node.policy.ScriptType;
import org.minicoin.node.policy.StandardPolicy;

/**
 * Unconfirmed transactions that could go in the next block (Core v29's CTxMemPool and AcceptToMemoryPool, before
 * the cluster mempool). A transaction is accepted when it passes the consensus checks against the chain's coins
 * and the mempool's own outputs, and Core's relay policy: standard scripts, sizes and dust, fee at least the
 * minimum relay fee and the mempool's rising minimum, no conflict with a mempool transaction (no replacement
 * yet), at most 25 unconfirmed ancestors and descendants (101 kvB each way), and scripts valid under the standard
 * verification flags. Rejections carry Core's reject reasons.
 *
 * <p>As a {@link ChainListener} it follows the chain: a connected block removes its transactions and those
 * conflicting with them; a reorganisation returns the disconnected blocks' transactions, then drops what the new
 * chain made non-final or immature. It is capped at -maxmempool by evicting the lowest fee-rate packages, which
 * raises the minimum fee until blocks let it decay, and transactions expire after -mempoolexpiry.
 *
 * <p>Shares the chain state's lock: every method synchronizes on the {@link ChainState}, so the coins a
 * transaction was checked against cannot change under it, and chain events arrive with the lock held.
 */
public final class Mempool implements ChainListener {
    /** The height Core gives coins created by mempool transactions. */
    public static final int MEMPOOL_HEIGHT = 0x7FFFFFFF;
    /** Core's ROLLING_FEE_HALFLIFE: the raised minimum fee halves every 12 hours after a block. */
    static final long ROLLING_FEE_HALFLIFE = 12 * 60 * 60;
    /** Core's MAX_DISCONNECTED_TX_POOL_BYTES: transactions of disconnected blocks kept for re-adding. */
    static final long MAX_DISCONNECTED_BYTES = 20_000_000;
    /** Script flags every block enforces; a failure under these is a consensus failure (Core's MANDATORY_...). */
    static final int MANDATORY_FLAGS = VerifyFlags.P2SH | VerifyFlags.DERSIG | VerifyFlags.NULLDUMMY
            | VerifyFlags.CHECKLOCKTIMEVERIFY | VerifyFlags.CHECKSEQUENCEVERIFY | VerifyFlags.WITNESS;

    /** Limits and fee floors (Core's -maxmempool, -minrelaytxfee, -limitancestorcount, ...). */
    public record Options(long maxBytes, FeeRate minRelayFee, FeeRate incrementalRelayFee, FeeRate dustRelayFee,
                          int ancestorLimit, long ancestorSizeLimitVb, int descendantLimit,
                          long descendantSizeLimitVb, long expirySeconds, boolean permitBareMultisig) {
        /** Core's defaults: 300 MB, 1 sat/vB relay and increment, 3 sat/vB dust, 25 / 101 kvB, 336 hours. */
        public static Options defaults() {
            return new Options(300_000_000L, new FeeRate(1000), new FeeRate(1000), new FeeRate(3000),
                    25, 101_000, 25, 101_000, 336 * 60 * 60, true);
        }

        public Options withMaxBytes(long bytes) {
            return new Options(bytes, minRelayFee, incrementalRelayFee, dustRelayFee, ancestorLimit,
                    ancestorSizeLimitVb, descendantLimit, descendantSizeLimitVb, expirySeconds, permitBareMultisig);
        }

        public Options withMinRelayFee(FeeRate rate) {
            return new Options(maxBytes, rate, incrementalRelayFee, dustRelayFee, ancestorLimit,
                    ancestorSizeLimitVb, descendantLimit, descendantSizeLimitVb, expirySeconds, permitBareMultisig);
        }
    }

    /** What became of a transaction handed in by a peer: accepted (with orphans it freed), orphaned, or rejected. */
    public record Received(List<MempoolEntry> accepted, boolean orphaned, ValidationException rejected) {
    }

    /** Sums over a transaction and its in-mempool ancestors or descendants (Core's ...WithAncestors). */
    public record PackageStats(int count, long vsize, long fees, long sigOpCost) {
    }

    private final ChainState chain;
    private final SignatureVerifier verifier;
    private final Options options;
    private final FeeEstimator estimator;
    private final Map<Hash, MempoolEntry> byTxid = new HashMap<>();
    private final Map<Hash, MempoolEntry> byWtxid = new HashMap<>();
    /** Which mempool transaction spends each outpoint (Core's mapNextTx). */
    private final Map<OutPoint, MempoolEntry> spenders = new HashMap<>();
    private final OrphanPool orphans;
    /** Told of every transaction added by {@link #accept} or {@link #receive} (relay); under the chain's lock. */
    private final List<java.util.function.Consumer<MempoolEntry>> acceptListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Transactions of disconnected blocks waiting to be re-added: oldest block first, each in block order. */
    private final Deque<List<Transaction>> disconnected = new ArrayDeque<>();
    private long disconnectedBytes;
    private long totalVsize;
    private long totalFee;
    private long usage;
    private long nextSequence;
    /** Counts additions and removals (Core's mempool_sequence for getrawmempool). */
    private long changeSequence = 1;
    private double rollingMinimumFee;
    private long lastRollingFeeUpdate;
    private boolean blockSinceLastRollingFeeBump;

    /**
     * A mempool following {@code chain}; registers itself as the chain's listener. {@code estimator} (may be
     * null) learns of transactions entering, leaving and confirming.
     */
    /** Guarded by the chain lock, as the rest of the pool. */
    private final java.util.Set<Hash> unbroadcast = new java.util.LinkedHashSet<>();

    public Mempool(ChainState chain, SignatureVerifier verifier, Options options, FeeEstimator estimator,
                   Random random) {
        this.chain = chain;
        this.verifier = verifier;
        this.options = options;
        this.estimator = estimator;
        this.orphans = new OrphanPool(random);
        this.lastRollingFeeUpdate = chain.now();
        chain.addListener(this);
    }

    public Options options() {
        return options;
    }

    // ---------------------------------------------------------------------------------------------- acceptance

    /**
     * Checks {@code tx} and adds it (Core's AcceptToMemoryPool, as sendrawtransaction uses it).
     *
     * @throws ValidationException with Core's reject reason if it is not accepted
     */
    public MempoolEntry accept(Transaction tx) {
        synchronized (chain) {
            return accept(tx, chain.now(), false, false);
        }
    }

    /**
     * Runs every check {@link #accept} runs without adding the transaction (testmempoolaccept).
     *
     * @return the entry it would be
     * @throws ValidationException as {@link #accept}
     */
    public MempoolEntry testAccept(Transaction tx) {
        synchronized (chain) {
            return accept(tx, chain.now(), false, true);
        }
    }

    /**
     * A transaction from a peer (or -1 for none): accepted if it can be, kept as an orphan if its inputs are
     * unknown, rejected otherwise. Accepting it may free orphans that spend it; those are accepted too and
     * listed after it, so a caller can relay them all.
     */
    public Received receive(Transaction tx, long peer) {
        synchronized (chain) {
            MempoolEntry entry;
            try {
                entry = accept(tx, chain.now(), false, false);
            } catch (ValidationException e) {
                if (e.reason().result() == TxValidationResult.MISSING_INPUTS
                        && orphans.add(tx, peer, chain.now(), StandardPolicy.MAX_STANDARD_TX_WEIGHT)) {
                    return new Received(List.of(), true, null);
                }
                return new Received(List.of(), false, e);
            }
            List<MempoolEntry> accepted = new ArrayList<>();
            accepted.add(entry);
            // Core's ProcessOrphanTx, breadth first: each accepted orphan may free more.
            for (int i = 0; i < accepted.size(); i++) {
                for (OrphanPool.Orphan o : orphans.childrenOf(accepted.get(i).tx())) {
                    try {
                        MempoolEntry child = accept(o.tx(), chain.now(), false, false);
                        orphans.remove(o.tx().txid());
                        accepted.add(child);
                    } catch (ValidationException e) {
                        if (e.reason().result() != TxValidationResult.MISSING_INPUTS) {
                            orphans.remove(o.tx().txid()); // invalid now that its parent is known: drop it
                        }
                    }
                }
            }
            return new Received(accepted, false, null);
        }
    }

    private MempoolEntry accept(Transaction tx, long time, boolean bypassLimits, boolean testOnly) {
        // Core's PreChecks, in its order, so the first reason reported is the one Core reports.
        TransactionChecks.checkTransaction(tx);
        if (tx.isCoinbase()) {
            throw reject(TxValidationResult.CONSENSUS, "coinbase", "");
        }
        StandardPolicy.checkStandardTx(tx, options.dustRelayFee(), options.permitBareMultisig());
        StandardPolicy.checkNonWitnessSize(tx);
        BlockContext next = chain.nextBlockContext();
        if (!TransactionChecks.isFinal(tx, next.height(), next.medianTimePast())) {
            throw reject(TxValidationResult.PREMATURE_SPEND, "non-final", "");
        }
        Hash txid = tx.txid();
        if (byWtxid.containsKey(tx.wtxid())) {
            throw reject(TxValidationResult.CONFLICT, "txn-already-in-mempool", "");
        }
        if (byTxid.containsKey(txid)) {
            throw reject(TxValidationResult.CONFLICT, "txn-same-nonwitness-data-in-mempool", "");
        }
        for (TxIn in : tx.inputs()) {
            MempoolEntry conflict = spenders.get(in.prevout());
            if (conflict != null) {
                // Core would consider a replacement here (BIP-0125 / full RBF); minicoin does not replace yet.
                throw reject(TxValidationResult.MEMPOOL_POLICY, "txn-mempool-conflict",
                        "spends " + in.prevout().txid() + ":" + in.prevout().index() + ", already spent by "
                                + conflict.txid());
            }
        }
        List<Coin> spent = new ArrayList<>(tx.inputs().size());
        for (TxIn in : tx.inputs()) {
            Coin c = coin(in.prevout());
            if (c == null) {
                for (int o = 0; o < tx.outputs().size(); o++) {
                    if (chain.coin(new OutPoint(txid, o)) != null) {
                        throw reject(TxValidationResult.CONFLICT, "txn-already-known", "");
                    }
                }
                throw reject(TxValidationResult.MISSING_INPUTS, "bad-txns-inputs-missingorspent", "");
            }
            spent.add(c);
        }
        if (!BlockConnector.sequenceLocksSatisfied(tx, atNextHeight(spent, next.height()), next)) {
            throw reject(TxValidationResult.PREMATURE_SPEND, "non-BIP68-final", "");
        }
        long fee = TransactionChecks.checkTxInputs(tx, spent, next.height());
        StandardPolicy.checkInputsStandard(tx, spent);
        StandardPolicy.checkWitnessStandard(tx, spent);
        for (Coin c : spent) {
            // Without Taproot (BIP-0341) our interpreter, like Core's without the flag, would pass any witness v1
            // spend unexamined; such spends must not be relayed until they can be checked.
            if (ScriptSolver.solve(c.output().scriptPubKey()).type() == ScriptType.WITNESS_V1_TAPROOT) {
                throw reject(TxValidationResult.INPUTS_NOT_STANDARD, "bad-txns-nonstandard-inputs",
                        "spends a Taproot output, which minicoin cannot verify yet");
            }
        }
        long sigOpCost = TransactionChecks.sigOpCost(tx, spent, StandardPolicy.STANDARD_SCRIPT_VERIFY_FLAGS);
        StandardPolicy.checkSigOpsCost(sigOpCost);
        long vsize = StandardPolicy.virtualSize(tx.weight(), sigOpCost, StandardPolicy.DEFAULT_BYTES_PER_SIGOP);
        // One dust output is allowed only in a zero-fee transaction whose child spends it (ephemeral dust, v29).
        StandardPolicy.checkEphemeralDust(tx, fee, fee, options.dustRelayFee());
        if (!bypassLimits) {
            checkFeeRate(fee, vsize);
        }
        Set<MempoolEntry> parents = new LinkedHashSet<>();
        boolean spendsCoinbase = false;
        for (int i = 0; i < spent.size(); i++) {
            MempoolEntry parent = byTxid.get(tx.inputs().get(i).prevout().txid());
            if (parent != null) {
                parents.add(parent);
            }
            spendsCoinbase |= spent.get(i).coinbase();
        }
        checkPackageLimits(parents, vsize);
        checkScripts(tx, spent);

        MempoolEntry entry = new MempoolEntry(tx, fee, vsize, sigOpCost, time, next.height() - 1, spendsCoinbase,
                nextSequence);
        if (testOnly) {
            return entry;
        }
        nextSequence++;
        add(entry);
        if (estimator != null) {
            // Core counts a transaction for fee estimation only if nothing it spends is unconfirmed.
            estimator.processTransaction(txid, fee, vsize, entry.height(), !bypassLimits && parents.isEmpty());
        }
        if (!bypassLimits) {
            limitSize(time);
            if (!byTxid.containsKey(txid)) {
                throw reject(TxValidationResult.RECONSIDERABLE, "mempool full", "");
            }
            acceptListeners.forEach(l -> l.accept(entry));
        }
        return entry;
    }

    /** A coin as the mempool sees it: a mempool transaction's output, or the chain's. */
    private Coin coin(OutPoint outpoint) {
        MempoolEntry parent = byTxid.get(outpoint.txid());
        if (parent != null) {
            List<TxOut> outs = parent.tx().outputs();
            return outpoint.index() < outs.size() ? new Coin(outs.get((int) outpoint.index()), MEMPOOL_HEIGHT, false)
                    : null;
        }
        return chain.coin(outpoint);
    }

    /** Coins from the mempool count as being in the next block, for sequence locks (Core does the same). */
    private static List<Coin> atNextHeight(List<Coin> spent, int nextHeight) {
        List<Coin> out = new ArrayList<>(spent.size());
        for (Coin c : spent) {
            out.add(c.height() == MEMPOOL_HEIGHT ? new Coin(c.output(), nextHeight, c.coinbase()) : c);
        }
        return out;
    }

    /** Core's CheckFeeRate: the mempool's current minimum first, then the relay minimum. */
    private void checkFeeRate(long fee, long vsize) {
        long mempoolRejectFee = minFee().fee(vsize);
        if (mempoolRejectFee > 0 && fee < mempoolRejectFee) {
            throw reject(TxValidationResult.RECONSIDERABLE, "mempool min fee not met",
                    fee + " < " + mempoolRejectFee);
        }
        long relayFee = options.minRelayFee().fee(vsize);
        if (fee < relayFee) {
            throw reject(TxValidationResult.RECONSIDERABLE, "min relay fee not met", fee + " < " + relayFee);
        }
    }

    /** Core's CalculateMemPoolAncestors with the ancestor and descendant limits, for a new transaction. */
    private void checkPackageLimits(Set<MempoolEntry> parents, long vsize) {
        Set<MempoolEntry> ancestors = closure(parents, true);
        if (ancestors.size() + 1 > options.ancestorLimit()) {
            throw tooLong("too many unconfirmed ancestors [limit: " + options.ancestorLimit() + "]");
        }
        long ancestorSize = vsize;
        for (MempoolEntry a : ancestors) {
            ancestorSize += a.vsize();
        }
        if (ancestorSize > options.ancestorSizeLimitVb()) {
            throw tooLong("exceeds ancestor size limit [limit: " + options.ancestorSizeLimitVb() + "]");
        }
        for (MempoolEntry a : ancestors) {
            PackageStats d = withDescendants(a);
            if (d.count() + 1 > options.descendantLimit()) {
                throw tooLong("too many descendants for tx " + a.txid() + " [limit: " + options.descendantLimit()
                        + "]");
            }
            if (d.vsize() + vsize > options.descendantSizeLimitVb()) {
                throw tooLong("exceeds descendant size limit for tx " + a.txid() + " [limit: "
                        + options.descendantSizeLimitVb() + "]");
            }
        }
    }

    private static ValidationException tooLong(String message) {
        return reject(TxValidationResult.MEMPOOL_POLICY, "too-long-mempool-chain", message);
    }

    /**
     * Every input's script under the standard flags. A failure that the mandatory flags alone also produce is a
     * consensus failure; otherwise only policy (Core's CheckInputScripts as used by PolicyScriptChecks, v29).
     */
    private void checkScripts(Transaction tx, List<Coin> spent) {
        SigHash.Precomputed pre = new SigHash.Precomputed(tx);
        int flags = StandardPolicy.STANDARD_SCRIPT_VERIFY_FLAGS;
        for (int i = 0; i < spent.size(); i++) {
            ScriptError e = verifyInput(tx, i, spent.get(i), pre, flags);
            if (e == ScriptError.OK) {
                continue;
            }
            if (verifyInput(tx, i, spent.get(i), pre, flags & MANDATORY_FLAGS) == ScriptError.OK) {
                throw reject(TxValidationResult.NOT_STANDARD,
                        "non-mandatory-script-verify-flag (" + e.description() + ")", "");
            }
            throw reject(TxValidationResult.CONSENSUS,
                    "mandatory-script-verify-flag-failed (" + e.description() + ")", "");
        }
    }

    private ScriptError verifyInput(Transaction tx, int i, Coin coin, SigHash.Precomputed pre, int flags) {
        TxIn in = tx.inputs().get(i);
        TransactionSignatureChecker checker =
                new TransactionSignatureChecker(tx, i, coin.output().value(), pre, verifier);
        return Interpreter.verify(in.scriptSig(), coin.output().scriptPubKey(), in.witness(), flags, checker);
    }

    private static ValidationException reject(TxValidationResult result, String code, String message) {
        return ValidationException.tx(result, code, message);
    }

    // --------------------------------------------------------------------------------------- adding, removing

    private void add(MempoolEntry e) {
        Transaction tx = e.tx();
        byTxid.put(e.txid(), e);
        byWtxid.put(tx.wtxid(), e);
        for (TxIn in : tx.inputs()) {
            spenders.put(in.prevout(), e);
            MempoolEntry parent = byTxid.get(in.prevout().txid());
            if (parent != null) {
                e.parents.add(parent);
                parent.children.add(e);
            }
        }
        // After a reorg a transaction may come back below children already here (Core's UpdateTransactionsFromBlock).
        for (int o = 0; o < tx.outputs().size(); o++) {
            MempoolEntry child = spenders.get(new OutPoint(e.txid(), o));
            if (child != null) {
                e.children.add(child);
                child.parents.add(e);
            }
        }
        totalVsize += e.vsize();
        totalFee += e.fee();
        usage += e.usage();
        changeSequence++;
    }

    /** Removes one entry; its children stay (their inputs are now confirmed, or they go too, by the caller). */
    private void removeOne(MempoolEntry e, RemovalReason reason) {
        byTxid.remove(e.txid());
        unbroadcast.remove(e.txid());
        byWtxid.remove(e.tx().wtxid());
        for (TxIn in : e.tx().inputs()) {
            spenders.remove(in.prevout(), e);
        }
        for (MempoolEntry p : e.parents) {
            p.children.remove(e);
        }
        for (MempoolEntry c : e.children) {
            c.parents.remove(e);
        }
        e.parents.clear();
        e.children.clear();
        totalVsize -= e.vsize();
        totalFee -= e.fee();
        usage -= e.usage();
        changeSequence++;
        if (estimator != null && reason != RemovalReason.BLOCK) {
            estimator.removeTransaction(e.txid());
        }
    }

    /** Removes {@code e} and everything descending from it (Core's removeRecursive). */
    private void removeWithDescendants(MempoolEntry e, RemovalReason reason) {
        Set<MempoolEntry> all = closure(Set.of(e), false);
        all.add(e);
        for (MempoolEntry d : all) {
            removeOne(d, reason);
        }
    }

    /** All in-mempool ancestors (or descendants) of the given entries, not including them. */
    private static Set<MempoolEntry> closure(Collection<MempoolEntry> start, boolean up) {
        Set<MempoolEntry> seen = new LinkedHashSet<>();
        Deque<MempoolEntry> todo = new ArrayDeque<>();
        for (MempoolEntry s : start) {
            if (up) {
                seen.add(s);
            }
            todo.addAll(up ? s.parents : s.children);
        }
        while (!todo.isEmpty()) {
            MempoolEntry e = todo.pop();
            if (seen.add(e)) {
                todo.addAll(up ? e.parents : e.children);
            }
        }
        if (!up) {
            seen.removeAll(start);
        }
        return seen;
    }

    /** Expires old entries, then evicts the lowest-scoring packages until under the size cap. */
    private void limitSize(long now) {
        expire(now - options.expirySeconds());
        trimToSize(options.maxBytes());
    }

    /** Removes entries that entered before {@code cutoff}, with their descendants (Core's Expire). */
    int expire(long cutoff) {
        List<MempoolEntry> old = byTxid.values().stream().filter(e -> e.time() < cutoff).toList();
        int before = byTxid.size();
        for (MempoolEntry e : old) {
            if (byTxid.containsKey(e.txid())) {
                removeWithDescendants(e, RemovalReason.EXPIRY);
            }
        }
        return before - byTxid.size();
    }

    /**
     * Core's TrimToSize: while over {@code limit}, removes the entry with the lowest descendant score together with
     * its descendants, and raises the minimum fee to the removed package's fee rate plus the incremental relay fee.
     */
    private void trimToSize(long limit) {
        while (usage > limit && !byTxid.isEmpty()) {
            MempoolEntry worst = null;
            PackageStats worstStats = null;
            for (MempoolEntry e : byTxid.values()) {
                PackageStats d = withDescendants(e);
                if (worst == null || compareDescendantScore(e, d, worst, worstStats) < 0) {
                    worst = e;
                    worstStats = d;
                }
            }
            FeeRate removed = new FeeRate(feePerKvB(worstStats.fees(), worstStats.vsize())
                    + options.incrementalRelayFee().satPerKvB());
            trackPackageRemoved(removed);
            removeWithDescendants(worst, RemovalReason.SIZELIMIT);
        }
    }

    /** Core's CompareTxMemPoolEntryByDescendantScore: by max(own rate, rate with descendants), then older first. */
    private static int compareDescendantScore(MempoolEntry a, PackageStats ad, MempoolEntry b, PackageStats bd) {
        // Compare fees/size fractions by cross-multiplication, as Core does, to avoid rounding.
        boolean aUseDesc = (double) ad.fees() * a.vsize() > (double) a.fee() * ad.vsize();
        boolean bUseDesc = (double) bd.fees() * b.vsize() > (double) b.fee() * bd.vsize();
        double aFee = aUseDesc ? ad.fees() : a.fee();
        double aSize = aUseDesc ? ad.vsize() : a.vsize();
        double bFee = bUseDesc ? bd.fees() : b.fee();
        double bSize = bUseDesc ? bd.vsize() : b.vsize();
        int c = Double.compare(aFee * bSize, bFee * aSize);
        if (c != 0) {
            return c;
        }
        // Core evicts the later entry first on a tie (larger entry time = "lower" score).
        return Long.compare(b.time(), a.time()) != 0 ? Long.compare(b.time(), a.time())
                : Long.compare(b.sequence(), a.sequence());
    }

    private static long feePerKvB(long fee, long vsize) {
        return vsize == 0 ? 0 : fee * 1000 / vsize;
    }

    private void trackPackageRemoved(FeeRate rate) {
        if (rate.satPerKvB() > rollingMinimumFee) {
            rollingMinimumFee = rate.satPerKvB();
            blockSinceLastRollingFeeBump = false;
        }
    }

    /**
     * The fee rate a transaction must pay to enter now (Core's GetMinFee): zero until the mempool has had to evict;
     * then the rate of the last evicted package plus the increment, decaying with a 12-hour half-life (faster
     * when the mempool is well under its cap) once a block has arrived since, and back to zero below half the
     * increment.
     */
    public FeeRate minFee() {
        synchronized (chain) {
            if (!blockSinceLastRollingFeeBump || rollingMinimumFee == 0) {
                return new FeeRate(Math.round(rollingMinimumFee));
            }
            long now = chain.now();
            if (now > lastRollingFeeUpdate + 10) {
                double halflife = ROLLING_FEE_HALFLIFE;
                if (usage < options.maxBytes() / 4) {
                    halflife /= 4;
                } else if (usage < options.maxBytes() / 2) {
                    halflife /= 2;
                }
                rollingMinimumFee /= Math.pow(2.0, (now - lastRollingFeeUpdate) / halflife);
                lastRollingFeeUpdate = now;
                if (rollingMinimumFee < options.incrementalRelayFee().satPerKvB() / 2.0) {
                    rollingMinimumFee = 0;
                    return new FeeRate(0);
                }
            }
            return new FeeRate(Math.max(Math.round(rollingMinimumFee),
                    options.incrementalRelayFee().satPerKvB()));
        }
    }

    // ------------------------------------------------------------------------------------------- chain events

    @Override
    public void blockConnected(Block block, BlockIndexEntry entry) {
        List<Hash> confirmed = new ArrayList<>();
        for (Transaction tx : block.transactions()) {
            MempoolEntry e = byTxid.get(tx.txid());
            if (e != null) {
                confirmed.add(e.txid());
                removeOne(e, RemovalReason.BLOCK);
            }
            // Core's removeConflicts: whatever else spent these inputs can never confirm now.
            for (TxIn in : tx.inputs()) {
                MempoolEntry conflict = spenders.get(in.prevout());
                if (conflict != null) {
                    removeWithDescendants(conflict, RemovalReason.CONFLICT);
                }
            }
        }
        orphans.removeForBlock(block.transactions());
        if (!disconnected.isEmpty()) {
            Set<Hash> inBlock = new HashSet<>();
            block.transactions().forEach(tx -> inBlock.add(tx.txid()));
            for (List<Transaction> txs : disconnected) {
                for (Transaction tx : txs) {
                    if (inBlock.contains(tx.txid())) {
                        disconnectedBytes -= tx.totalSize();
                    }
                }
                txs.removeIf(tx -> inBlock.contains(tx.txid()));
            }
        }
        if (estimator != null) {
            estimator.processBlock(entry.height(), confirmed);
        }
        lastRollingFeeUpdate = chain.now();
        blockSinceLastRollingFeeBump = true;
    }

    @Override
    public void blockDisconnected(Block block, BlockIndexEntry entry) {
        List<Transaction> txs = new ArrayList<>();
        for (Transaction tx : block.transactions()) {
            if (!tx.isCoinbase()) {
                txs.add(tx);
                disconnectedBytes += tx.totalSize();
            }
        }
        disconnected.addFirst(txs); // blocks are disconnected from the tip down, so this one is the oldest so far
        // Like Core's DisconnectedBlockTransactions, keep at most 20 MB, dropping the oldest blocks' first.
        while (disconnectedBytes > MAX_DISCONNECTED_BYTES && !disconnected.isEmpty()) {
            for (Transaction tx : disconnected.removeFirst()) {
                disconnectedBytes -= tx.totalSize();
            }
        }
    }

    @Override
    public void tipChanged(BlockIndexEntry tip) {
        if (disconnected.isEmpty()) {
            return;
        }
        // Core's MaybeUpdateMempoolForReorg: oldest disconnected block first, each in block order, without the fee
        // and size limits; what cannot come back takes its mempool descendants with it.
        long now = chain.now();
        List<List<Transaction>> blocks = new ArrayList<>(disconnected);
        disconnected.clear();
        disconnectedBytes = 0;
        for (List<Transaction> block : blocks) {
            for (Transaction tx : block) {
                try {
                    accept(tx, now, true, false);
                } catch (ValidationException notBack) {
                    for (int o = 0; o < tx.outputs().size(); o++) {
                        MempoolEntry child = spenders.get(new OutPoint(tx.txid(), o));
                        if (child != null) {
                            removeWithDescendants(child, RemovalReason.REORG);
                        }
                    }
                }
            }
        }
        removeForReorg();
        limitSize(now);
    }

    /**
     * Core's removeForReorg: drops entries (with descendants) that the new chain made non-final, whose sequence
     * locks are no longer met, that spend a coinbase not mature at the next block, or whose inputs are gone.
     */
    private void removeForReorg() {
        BlockContext next = chain.nextBlockContext();
        for (MempoolEntry e : new ArrayList<>(byTxid.values())) {
            if (!byTxid.containsKey(e.txid())) {
                continue;
            }
            Transaction tx = e.tx();
            boolean keep = TransactionChecks.isFinal(tx, next.height(), next.medianTimePast());
            List<Coin> spent = new ArrayList<>();
            for (TxIn in : tx.inputs()) {
                Coin c = coin(in.prevout());
                if (c == null || (c.coinbase()
                        && next.height() - c.height() < ConsensusLimits.COINBASE_MATURITY)) {
                    keep = false;
                    break;
                }
                spent.add(c);
            }
            keep = keep && BlockConnector.sequenceLocksSatisfied(tx, atNextHeight(spent, next.height()), next);
            if (!keep) {
                removeWithDescendants(e, RemovalReason.REORG);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ queries

    public int size() {
        synchronized (chain) {
            return byTxid.size();
        }
    }

    /** The sum of the entries' virtual sizes (getmempoolinfo "bytes"). */
    public long totalVsize() {
        synchronized (chain) {
            return totalVsize;
        }
    }

    /** Estimated memory use (getmempoolinfo "usage"), which -maxmempool caps. */
    public long usage() {
        synchronized (chain) {
            return usage;
        }
    }

    /** Rises with every addition and removal (getrawmempool's mempool_sequence). */
    public long sequence() {
        synchronized (chain) {
            return changeSequence;
        }
    }

    public long totalFee() {
        synchronized (chain) {
            return totalFee;
        }
    }

    /**
     * Core's unbroadcast set: a transaction submitted locally (sendrawtransaction) stays in it until a peer asks for
     * it with getdata, or it leaves the mempool; relay re-announces what is left from time to time, so a
     * transaction submitted while no peer was connected still gets out.
     */
    public void addUnbroadcast(Hash txid) {
        synchronized (chain) {
            if (byTxid.containsKey(txid)) {
                unbroadcast.add(txid);
            }
        }
    }

    /** A peer asked for {@code txid}: it has left this node (Core's RemoveUnbroadcastTx). */
    public void removeUnbroadcast(Hash txid) {
        synchronized (chain) {
            unbroadcast.remove(txid);
        }
    }

    /** The locally submitted transactions no peer has asked for yet. */
    public java.util.Set<Hash> unbroadcast() {
        synchronized (chain) {
            return java.util.Set.copyOf(unbroadcast);
        }
    }

    public boolean contains(Hash txid) {
        synchronized (chain) {
            return byTxid.containsKey(txid);
        }
    }

    public boolean containsWtxid(Hash wtxid) {
        synchronized (chain) {
            return byWtxid.containsKey(wtxid);
        }
    }

    /** Registers {@code listener} for every transaction accepted from now on (not those returning in a reorg). */
    public void addAcceptListener(java.util.function.Consumer<MempoolEntry> listener) {
        acceptListeners.add(listener);
    }

    /** The entry whose witness hash is {@code wtxid}, or null. */
    public MempoolEntry entryByWtxid(Hash wtxid) {
        synchronized (chain) {
            return byWtxid.get(wtxid);
        }
    }

    /** The entry for {@code txid}, or null. */
    public MempoolEntry entry(Hash txid) {
        synchronized (chain) {
            return byTxid.get(txid);
        }
    }

    /** The mempool transaction spending {@code outpoint}, or null (gettxout's include_mempool, getmempoolentry). */
    public MempoolEntry spender(OutPoint outpoint) {
        synchronized (chain) {
            return spenders.get(outpoint);
        }
    }

    /** All entries, parents before children (Core's infoAll order: by ancestor count, then entry order). */
    public List<MempoolEntry> entries() {
        synchronized (chain) {
            List<MempoolEntry> all = new ArrayList<>(byTxid.values());
            Map<MempoolEntry, Integer> depth = new HashMap<>();
            for (MempoolEntry e : all) {
                depth.put(e, closure(Set.of(e), true).size());
            }
            all.sort(Comparator.comparingInt((MempoolEntry e) -> depth.get(e))
                    .thenComparingLong(MempoolEntry::sequence));
            return all;
        }
    }

    public Set<MempoolEntry> ancestors(MempoolEntry e) {
        synchronized (chain) {
            Set<MempoolEntry> s = closure(Set.of(e), true);
            s.remove(e);
            return s;
        }
    }

    public Set<MempoolEntry> descendants(MempoolEntry e) {
        synchronized (chain) {
            return closure(Set.of(e), false);
        }
    }

    /** The entry with its ancestors. */
    public PackageStats withAncestors(MempoolEntry e) {
        synchronized (chain) {
            return stats(closure(Set.of(e), true));
        }
    }

    /** The entry with its descendants. */
    public PackageStats withDescendants(MempoolEntry e) {
        synchronized (chain) {
            Set<MempoolEntry> s = closure(Set.of(e), false);
            s.add(e);
            return stats(s);
        }
    }

    private static PackageStats stats(Set<MempoolEntry> entries) {
        long vsize = 0;
        long fees = 0;
        long sigops = 0;
        for (MempoolEntry x : entries) {
            vsize += x.vsize();
            fees += x.fee();
            sigops += x.sigOpCost();
        }
        return new PackageStats(entries.size(), vsize, fees, sigops);
    }

    public int orphanCount() {
        synchronized (chain) {
            return orphans.size();
        }
    }

    public boolean hasOrphan(Hash txid) {
        synchronized (chain) {
            return orphans.contains(txid);
        }
    }

    /** The mempool as the block assembler takes it: each transaction with its fee, sigops and mempool parents. */
    public List<CandidateTx> candidates() {
        synchronized (chain) {
            List<CandidateTx> out = new ArrayList<>(byTxid.size());
            for (MempoolEntry e : entries()) {
                List<Hash> parents = e.parents.stream().map(MempoolEntry::txid).toList();
                out.add(new CandidateTx(e.tx(), e.fee(), e.sigOpCost(), parents));
            }
            return out;
        }
    }

    // ------------------------------------------------------------------------------------------- persistence

    /** Writes the mempool to {@code file} in Bitcoin Core's mempool.dat format (version 1), atomically. */
    public void save(java.nio.file.Path file) throws java.io.IOException {
        List<MempoolFile.Saved> saved = new ArrayList<>();
        List<Hash> unsent;
        synchronized (chain) {
            for (MempoolEntry e : entries()) {
                saved.add(new MempoolFile.Saved(e.tx(), e.time()));
            }
            unsent = List.copyOf(unbroadcast);
        }
        MempoolFile.write(file, saved, unsent);
    }

    /** What {@link #load} did with a file's transactions. */
    public record LoadResult(int accepted, int failed, int expired, int alreadyThere) {
    }

    /**
     * Reads a file written by {@link #save} (or by Bitcoin Core with -persistmempoolv1) and accepts each unexpired
     * transaction again, with its original entry time (Core's LoadMempool).
     *
     * @throws java.io.IOException if the file cannot be read or is not a mempool file
     */
    public LoadResult load(java.nio.file.Path file) throws java.io.IOException {
        MempoolFile.Contents contents = MempoolFile.read(file);
        List<MempoolFile.Saved> saved = contents.entries();
        int accepted = 0;
        int failed = 0;
        int expired = 0;
        int already = 0;
        synchronized (chain) {
            long cutoff = chain.now() - options.expirySeconds();
            for (MempoolFile.Saved s : saved) {
                if (s.time() < cutoff) {
                    expired++;
                } else if (byTxid.containsKey(s.tx().txid())) {
                    already++;
                } else {
                    try {
                        accept(s.tx(), s.time(), false, false);
                        accepted++;
                    } catch (ValidationException e) {
                        failed++;
                    }
                }
            }
            for (Hash txid : contents.unbroadcast()) {
                if (byTxid.containsKey(txid)) {
                    unbroadcast.add(txid); // Core's LoadMempool with apply_unbroadcast_set
                }
            }
        }
        return new LoadResult(accepted, failed, expired, already);
    }
}
