package org.minicoin.node.mempool;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.types.OutPoint;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxIn;

/**
 * Transactions whose inputs are not known yet, kept for a while in case the parents arrive (Core v29's
 * TxOrphanage): at most {@link #MAX_ORPHANS} (a random one is evicted beyond that, so a peer cannot choose
 * which are kept), each for {@link #EXPIRE_SECONDS}, none heavier than a standard transaction. Not thread-safe:
 * the {@link Mempool} guards it.
 */
public final class OrphanPool {
    /** Core's DEFAULT_MAX_ORPHAN_TRANSACTIONS. */
    public static final int MAX_ORPHANS = 100;
    /** Core's ORPHAN_TX_EXPIRE_TIME: 20 minutes. */
    public static final long EXPIRE_SECONDS = 20 * 60;

    /** An orphan, the peer it came from (or -1 for none) and when it expires. */
    public record Orphan(Transaction tx, long peer, long expires) {
    }

    private final Map<Hash, Orphan> byTxid = new LinkedHashMap<>();
    private final Map<OutPoint, Set<Hash>> bySpent = new HashMap<>();
    private final Random random;

    public OrphanPool(Random random) {
        this.random = random;
    }

    /**
     * Keeps {@code tx} until its parents arrive; returns false if it is already kept or too heavy. May evict
     * expired orphans and then a random one to stay within the limit.
     */
    public boolean add(Transaction tx, long peer, long now, int maxWeight) {
        Hash txid = tx.txid();
        if (byTxid.containsKey(txid) || tx.weight() > maxWeight) {
            return false;
        }
        byTxid.put(txid, new Orphan(tx, peer, now + EXPIRE_SECONDS));
        for (TxIn in : tx.inputs()) {
            bySpent.computeIfAbsent(in.prevout(), k -> new HashSet<>()).add(txid);
        }
        limit(now);
        return byTxid.containsKey(txid);
    }

    private void limit(long now) {
        byTxid.values().stream().filter(o -> o.expires() <= now).map(o -> o.tx().txid()).toList()
                .forEach(this::remove);
        while (byTxid.size() > MAX_ORPHANS) {
            List<Hash> all = new ArrayList<>(byTxid.keySet());
            remove(all.get(random.nextInt(all.size())));
        }
    }

    /** Removes an orphan; returns whether it was there. */
    public boolean remove(Hash txid) {
        Orphan o = byTxid.remove(txid);
        if (o == null) {
            return false;
        }
        for (TxIn in : o.tx().inputs()) {
            Set<Hash> spenders = bySpent.get(in.prevout());
            if (spenders != null) {
                spenders.remove(txid);
                if (spenders.isEmpty()) {
                    bySpent.remove(in.prevout());
                }
            }
        }
        return true;
    }

    /** The orphans spending any output of {@code parent}, in the order they arrived. */
    public List<Orphan> childrenOf(Transaction parent) {
        Set<Hash> found = new HashSet<>();
        Hash txid = parent.txid();
        for (int o = 0; o < parent.outputs().size(); o++) {
            Set<Hash> spenders = bySpent.get(new OutPoint(txid, o));
            if (spenders != null) {
                found.addAll(spenders);
            }
        }
        List<Orphan> out = new ArrayList<>();
        for (Orphan orphan : byTxid.values()) {
            if (found.contains(orphan.tx().txid())) {
                out.add(orphan);
            }
        }
        return out;
    }

    /** Drops orphans that a block confirmed or made impossible by spending the same outputs (Core's EraseForBlock). */
    public void removeForBlock(List<Transaction> blockTxs) {
        Set<Hash> gone = new HashSet<>();
        for (Transaction tx : blockTxs) {
            gone.add(tx.txid());
            for (TxIn in : tx.inputs()) {
                Set<Hash> spenders = bySpent.get(in.prevout());
                if (spenders != null) {
                    gone.addAll(spenders);
                }
            }
        }
        gone.forEach(this::remove);
    }

    public boolean contains(Hash txid) {
        return byTxid.containsKey(txid);
    }

    public int size() {
        return byTxid.size();
    }
}
