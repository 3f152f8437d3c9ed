package org.minicoin.node.fees;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.minicoin.consensus.types.Hash;

/**
 * Drives a {@link FeeEstimator} as a mempool and chain would: transactions enter at the current tip, and each
 * later block either confirms them or, before it connects, the mempool evicts them. Deterministic.
 */
final class MempoolSimulation {
    private final FeeEstimator estimator;
    private final Map<Integer, List<Hash>> confirmAt = new HashMap<>();
    private final Map<Integer, List<Hash>> evictAt = new HashMap<>();
    private int tip;
    private long nextTxid;

    MempoolSimulation(FeeEstimator estimator, int startHeight) {
        this.estimator = estimator;
        this.tip = startHeight;
    }

    /** The tip height: transactions added now entered at it. */
    int tip() {
        return tip;
    }

    /** A transaction of {@code satPerVb} entering now, confirmed {@code blocks} blocks later. */
    void confirmsAfter(long satPerVb, int blocks) {
        confirmAt.computeIfAbsent(tip + blocks, h -> new ArrayList<>()).add(enter(satPerVb));
    }

    /** A transaction of {@code satPerVb} entering now, evicted just before block {@code tip + blocks} connects. */
    void evictedBefore(long satPerVb, int blocks) {
        evictAt.computeIfAbsent(tip + blocks, h -> new ArrayList<>()).add(enter(satPerVb));
    }

    /** Connects the next block: first the evictions due, then the block with the confirmations due. */
    void mineBlock() {
        int height = tip + 1;
        for (Hash txid : evictAt.getOrDefault(height, List.of())) {
            estimator.removeTransaction(txid);
        }
        estimator.processBlock(height, confirmAt.getOrDefault(height, List.of()));
        evictAt.remove(height);
        confirmAt.remove(height);
        tip = height;
    }

    private Hash enter(long satPerVb) {
        Hash txid = txid(nextTxid++);
        long vsize = 141 + nextTxid % 100; // varied sizes; the fee rate is what matters
        estimator.processTransaction(txid, satPerVb * vsize, vsize, tip, true);
        return txid;
    }

    static Hash txid(long n) {
        return Hash.sha256d(ByteBuffer.allocate(Long.BYTES).putLong(n).array());
    }
}
