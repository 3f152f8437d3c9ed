package org.minicoin.node.mempool;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.types.Transaction;

/**
 * One transaction in the mempool with what policy and mining need to know about it (Core's CTxMemPoolEntry).
 * Links to in-mempool parents and children are kept by the {@link Mempool}, under its lock; package statistics
 * (ancestors, descendants) are computed from them when asked, since chains are at most 25 long.
 */
public final class MempoolEntry {
    private final Transaction tx;
    private final long fee;
    private final long vsize;
    private final long sigOpCost;
    private final long time;
    private final int height;
    private final boolean spendsCoinbase;
    private final long sequence;
    private final long usage;
    final Set<MempoolEntry> parents = new LinkedHashSet<>();
    final Set<MempoolEntry> children = new LinkedHashSet<>();

    MempoolEntry(Transaction tx, long fee, long vsize, long sigOpCost, long time, int height,
                 boolean spendsCoinbase, long sequence) {
        this.tx = tx;
        this.fee = fee;
        this.vsize = vsize;
        this.sigOpCost = sigOpCost;
        this.time = time;
        this.height = height;
        this.spendsCoinbase = spendsCoinbase;
        this.sequence = sequence;
        this.usage = estimateUsage(tx);
    }

    /**
     * Memory the entry holds, for -maxmempool. An estimate of what Core's DynamicMemoryUsage counts: the
     * deserialized transaction (roughly three times its serialized size with per-input and per-output objects),
     * the entry and its index nodes.
     */
    static long estimateUsage(Transaction tx) {
        return 400L + 3L * tx.totalSize() + 96L * tx.inputs().size() + 64L * tx.outputs().size();
    }

    public Transaction tx() {
        return tx;
    }

    public Hash txid() {
        return tx.txid();
    }

    /** The fee paid, in satoshis. */
    public long fee() {
        return fee;
    }

    /** The policy size: virtual size, raised for transactions heavy in signature operations. */
    public long vsize() {
        return vsize;
    }

    public int weight() {
        return tx.weight();
    }

    public long sigOpCost() {
        return sigOpCost;
    }

    /** When it entered the mempool, in seconds since the epoch. */
    public long time() {
        return time;
    }

    /** The chain height when it entered the mempool. */
    public int height() {
        return height;
    }

    public boolean spendsCoinbase() {
        return spendsCoinbase;
    }

    /** Order of entry into this mempool (Core's entry sequence). */
    public long sequence() {
        return sequence;
    }

    /** Estimated memory use, in bytes. */
    public long usage() {
        return usage;
    }

    /** The in-mempool transactions this one spends outputs of. */
    public Set<MempoolEntry> parents() {
        return Collections.unmodifiableSet(parents);
    }

    /** The in-mempool transactions spending outputs of this one. */
    public Set<MempoolEntry> children() {
        return Collections.unmodifiableSet(children);
    }

    @Override
    public String toString() {
        return "MempoolEntry(" + txid() + ", fee " + fee + ", vsize " + vsize + ")";
    }
}
