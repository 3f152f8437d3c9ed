package org.minicoin.node.mining;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.validation.ConsensusLimits;
import org.minicoin.consensus.validation.TransactionChecks;

/**
 * Core v29's BlockAssembler::addPackageTxs (node/miner.cpp): transactions are taken in order of their ancestor
 * fee rate, each together with its in-mempool ancestors not yet in the block, so a high-fee child pays for its
 * low-fee parent (CPFP). After a package goes in, its descendants' ancestor statistics are reduced by what was
 * included (Core's mapModifiedTx), and the better of the next unmodified and the best modified package is taken.
 * One selector serves one template; not thread-safe.
 */
final class PackageSelector {
    /** Core's MAX_CONSECUTIVE_FAILURES: give up after this many misses once the block is nearly full. */
    static final int MAX_CONSECUTIVE_FAILURES = 1000;
    /** Core's DEFAULT_BYTES_PER_SIGOP: the policy size of a sigop-heavy transaction (GetVirtualTransactionSize). */
    static final int BYTES_PER_SIGOP = 20;

    /** The chosen transactions, parents before children, and the totals including the coinbase reservation. */
    record Selection(List<CandidateTx> txs, long blockWeight, long blockSigOpCost, long fees) {
    }

    /** A candidate with its mempool ancestor statistics (Core's CTxMemPoolEntry). */
    private static final class Entry {
        final CandidateTx candidate;
        final Hash txid;
        /** Policy size: vsize, raised for sigop-heavy transactions as Core's GetVirtualTransactionSize does. */
        final long size;
        final List<Entry> parents = new ArrayList<>();
        final List<Entry> children = new ArrayList<>();
        Set<Entry> ancestors;
        long sizeWithAncestors;
        long feesWithAncestors;
        long sigOpsWithAncestors;

        Entry(CandidateTx candidate) {
            this.candidate = candidate;
            this.txid = candidate.tx().txid();
            long weight = candidate.tx().weight();
            this.size = (Math.max(weight, candidate.sigOpCost() * BYTES_PER_SIGOP)
                    + ConsensusLimits.WITNESS_SCALE_FACTOR - 1) / ConsensusLimits.WITNESS_SCALE_FACTOR;
        }
    }

    /**
     * A transaction some of whose ancestors are already in the block, with the ancestor statistics of what is
     * left (Core's CTxMemPoolModifiedEntry). Mutable: take it out of the sorted set before changing it.
     */
    private static final class Modified {
        final Entry entry;
        long sizeWithAncestors;
        long feesWithAncestors;
        long sigOpsWithAncestors;

        Modified(Entry e) {
            entry = e;
            sizeWithAncestors = e.sizeWithAncestors;
            feesWithAncestors = e.feesWithAncestors;
            sigOpsWithAncestors = e.sigOpsWithAncestors;
        }
    }

    private static final Comparator<Modified> BY_ANCESTOR_SCORE = PackageSelector::compareAncestorScore;

    private final long maxWeight;
    private final long reservedWeight;
    private final long minFeeRatePerKvB;
    private final int height;
    private final long lockTimeCutoff;

    private long blockWeight;
    private long blockSigOpCost;
    private long fees;
    private final List<CandidateTx> chosen = new ArrayList<>();
    private final Set<Entry> inBlock = new HashSet<>();
    private final Map<Entry, Modified> modified = new HashMap<>();
    private final TreeSet<Modified> modifiedByScore = new TreeSet<>(BY_ANCESTOR_SCORE);

    /**
     * @param options        the clamped block limits and minimum fee rate
     * @param height         the new block's height, for lock-time finality
     * @param lockTimeCutoff the parent's median time past: Core's miner applies BIP-0113 finality regardless of
     *                       the deployment, which is never looser than the block time
     */
    PackageSelector(BlockAssembler.Options options, int height, long lockTimeCutoff) {
        this.maxWeight = options.maxWeight();
        this.reservedWeight = options.reservedWeight();
        this.minFeeRatePerKvB = options.minFeeRatePerKvB();
        this.height = height;
        this.lockTimeCutoff = lockTimeCutoff;
        this.blockWeight = options.reservedWeight();
        this.blockSigOpCost = options.coinbaseMaxSigOps();
    }

    /** Runs the selection once over {@code candidates}. */
    Selection select(Collection<CandidateTx> candidates) {
        List<Entry> sorted = buildEntries(candidates);
        sorted.sort((a, b) -> compareAncestorScore(new Modified(a), new Modified(b)));
        Set<Entry> failed = new HashSet<>();
        int mi = 0;
        int consecutiveFailed = 0;
        while (mi < sorted.size() || !modified.isEmpty()) {
            // Skip mempool entries already handled, or whose mempool ancestor statistics are stale.
            if (mi < sorted.size()) {
                Entry e = sorted.get(mi);
                if (modified.containsKey(e) || inBlock.contains(e) || failed.contains(e)) {
                    mi++;
                    continue;
                }
            }
            Modified best = modifiedByScore.isEmpty() ? null : modifiedByScore.first();
            Modified pick;
            boolean usingModified;
            if (mi == sorted.size()) {
                pick = best;
                usingModified = true;
            } else {
                Modified next = new Modified(sorted.get(mi));
                usingModified = best != null && compareAncestorScore(best, next) < 0;
                pick = usingModified ? best : next;
                if (!usingModified) {
                    mi++;
                }
            }
            Entry entry = pick.entry;

            if (pick.feesWithAncestors < minFee(pick.sizeWithAncestors)) {
                break; // everything left has a lower fee rate
            }
            if (!fits(pick.sizeWithAncestors, pick.sigOpsWithAncestors)) {
                if (usingModified) {
                    dropModified(pick);
                    failed.add(entry);
                }
                consecutiveFailed++;
                if (consecutiveFailed > MAX_CONSECUTIVE_FAILURES && blockWeight > maxWeight - reservedWeight) {
                    break; // nearly full and nothing has fitted for a while
                }
                continue;
            }
            List<Entry> pkg = new ArrayList<>();
            for (Entry a : entry.ancestors) {
                if (!inBlock.contains(a)) {
                    pkg.add(a);
                }
            }
            pkg.add(entry);
            if (!allFinal(pkg)) {
                if (usingModified) {
                    dropModified(pick);
                    failed.add(entry);
                }
                continue;
            }
            consecutiveFailed = 0;
            // An ancestor has fewer ancestors than its descendant, so this order puts parents first.
            pkg.sort(Comparator.<Entry>comparingInt(x -> x.ancestors.size()).thenComparing(x -> x.txid,
                    PackageSelector::compareTxid));
            for (Entry e : pkg) {
                add(e);
            }
            updateDescendants(pkg);
        }
        return new Selection(List.copyOf(chosen), blockWeight, blockSigOpCost, fees);
    }

    /**
     * Indexes the candidates and computes each one's ancestors. A candidate whose listed parent is not among the
     * candidates (or that sits in a parent cycle) could never be mined validly, so it is left out with its
     * descendants.
     */
    private static List<Entry> buildEntries(Collection<CandidateTx> candidates) {
        Map<Hash, Entry> byTxid = new HashMap<>();
        for (CandidateTx c : candidates) {
            Entry e = new Entry(c);
            if (byTxid.putIfAbsent(e.txid, e) != null) {
                throw new IllegalArgumentException("duplicate candidate transaction " + e.txid);
            }
        }
        Map<Entry, Integer> unresolved = new HashMap<>();
        Set<Entry> excluded = new HashSet<>();
        ArrayDeque<Entry> ready = new ArrayDeque<>();
        for (Entry e : byTxid.values()) {
            for (Hash p : new LinkedHashSet<>(e.candidate.parents())) {
                Entry parent = byTxid.get(p);
                if (parent == null) {
                    excluded.add(e);
                } else {
                    e.parents.add(parent);
                    parent.children.add(e);
                }
            }
            unresolved.put(e, e.parents.size());
            if (e.parents.isEmpty()) {
                ready.add(e);
            }
        }
        // Parents before children (Kahn's algorithm), so each ancestor set is built from its parents' sets.
        List<Entry> usable = new ArrayList<>();
        while (!ready.isEmpty()) {
            Entry e = ready.poll();
            for (Entry p : e.parents) {
                if (excluded.contains(p)) {
                    excluded.add(e);
                }
            }
            if (!excluded.contains(e)) {
                e.ancestors = new HashSet<>();
                for (Entry p : e.parents) {
                    e.ancestors.add(p);
                    e.ancestors.addAll(p.ancestors);
                }
                e.sizeWithAncestors = e.size;
                e.feesWithAncestors = e.candidate.fee();
                e.sigOpsWithAncestors = e.candidate.sigOpCost();
                for (Entry a : e.ancestors) {
                    e.sizeWithAncestors += a.size;
                    e.feesWithAncestors += a.candidate.fee();
                    e.sigOpsWithAncestors += a.candidate.sigOpCost();
                }
                usable.add(e);
            }
            for (Entry c : e.children) {
                if (unresolved.merge(c, -1, Integer::sum) == 0) {
                    ready.add(c);
                }
            }
        }
        return usable;
    }

    /** Core's TestPackage: room left under the weight and sigop limits (strictly, as Core). */
    private boolean fits(long packageSize, long packageSigOps) {
        return blockWeight + ConsensusLimits.WITNESS_SCALE_FACTOR * packageSize < maxWeight
                && blockSigOpCost + packageSigOps < ConsensusLimits.MAX_BLOCK_SIGOPS_COST;
    }

    /** Core's TestPackageTransactions: every transaction final at the new height and the lock-time cutoff. */
    private boolean allFinal(List<Entry> pkg) {
        for (Entry e : pkg) {
            if (!TransactionChecks.isFinal(e.candidate.tx(), height, lockTimeCutoff)) {
                return false;
            }
        }
        return true;
    }

    /** Core's CFeeRate::GetFee: the fee rate times the size, rounded up, and at least one satoshi if non-zero. */
    private long minFee(long size) {
        long fee = (long) Math.ceil(minFeeRatePerKvB * size / 1000.0);
        if (fee == 0 && size != 0) {
            fee = Long.signum(minFeeRatePerKvB);
        }
        return fee;
    }

    private void add(Entry e) {
        chosen.add(e.candidate);
        blockWeight += e.candidate.tx().weight();
        blockSigOpCost += e.candidate.sigOpCost();
        fees += e.candidate.fee();
        inBlock.add(e);
        Modified m = modified.remove(e);
        if (m != null) {
            modifiedByScore.remove(m);
        }
    }

    private void dropModified(Modified m) {
        modifiedByScore.remove(m);
        modified.remove(m.entry);
    }

    /** Core's UpdatePackagesForAdded: every descendant of the package now has those ancestors in the block. */
    private void updateDescendants(List<Entry> added) {
        Set<Entry> addedSet = new HashSet<>(added);
        for (Entry a : added) {
            for (Entry d : descendants(a)) {
                if (addedSet.contains(d)) {
                    continue;
                }
                Modified m = modified.get(d);
                if (m == null) {
                    m = new Modified(d);
                    modified.put(d, m);
                } else {
                    modifiedByScore.remove(m);
                }
                m.sizeWithAncestors -= a.size;
                m.feesWithAncestors -= a.candidate.fee();
                m.sigOpsWithAncestors -= a.candidate.sigOpCost();
                modifiedByScore.add(m);
            }
        }
    }

    private static Set<Entry> descendants(Entry e) {
        Set<Entry> seen = new HashSet<>();
        ArrayDeque<Entry> todo = new ArrayDeque<>(e.children);
        while (!todo.isEmpty()) {
            Entry d = todo.poll();
            if (seen.add(d)) {
                todo.addAll(d.children);
            }
        }
        return seen;
    }

    /**
     * Core's CompareTxMemPoolEntryByAncestorFee: a transaction's score is the lower of its own fee rate and its
     * package's; higher scores first, ties by txid. Doubles as in Core, so rounding matches too. Negative when
     * {@code a} goes first.
     */
    private static int compareAncestorScore(Modified a, Modified b) {
        double[] sa = score(a);
        double[] sb = score(b);
        double f1 = sa[0] * sb[1];
        double f2 = sa[1] * sb[0];
        if (f1 == f2) {
            return compareTxid(a.entry.txid, b.entry.txid);
        }
        return f1 > f2 ? -1 : 1;
    }

    /** Core's GetModFeeAndSize: {fee, size} of whichever of the transaction and its package has the lower rate. */
    private static double[] score(Modified m) {
        double own = (double) m.entry.candidate.fee() * m.sizeWithAncestors;
        double pkg = (double) m.feesWithAncestors * m.entry.size;
        return own > pkg
                ? new double[] {m.feesWithAncestors, m.sizeWithAncestors}
                : new double[] {m.entry.candidate.fee(), m.entry.size};
    }

    /** Core's uint256 operator&lt;: a byte-wise comparison in internal order (not the numeric order). */
    private static int compareTxid(Hash a, Hash b) {
        for (int i = 0; i < Hash.LENGTH; i++) {
            int c = Integer.compare(a.byteAt(i) & 0xff, b.byteAt(i) & 0xff);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
