package org.minicoin.consensus.merkle;

import java.util.ArrayList;
import java.util.List;
import org.minicoin.consensus.crypto.Hashes;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.types.Transaction;

/** Bitcoin's merkle trees, computed as Core's ComputeMerkleRoot (consensus/merkle.cpp). */
public final class MerkleTree {
    private MerkleTree() {
    }

    /**
     * A merkle root and whether the leaves show the CVE-2012-2459 mutation: two identical adjacent hashes at any
     * level. Because an odd level duplicates its last hash, a list ending in a repeated transaction (or subtree)
     * has the same root as the list without it; such a block must be rejected as mutated, not marked invalid,
     * since the same header also commits to the honest transaction list.
     */
    public record Result(Hash root, boolean mutated) {
    }

    public static Result compute(List<Hash> leaves) {
        if (leaves.isEmpty()) {
            return new Result(Hash.ZERO, false);
        }
        List<byte[]> level = new ArrayList<>(leaves.size() + 1);
        for (Hash h : leaves) {
            level.add(h.toBytes());
        }
        boolean mutated = false;
        while (level.size() > 1) {
            for (int i = 0; i + 1 < level.size(); i += 2) {
                if (java.util.Arrays.equals(level.get(i), level.get(i + 1))) {
                    mutated = true;
                }
            }
            if ((level.size() & 1) != 0) {
                level.add(level.get(level.size() - 1));
            }
            List<byte[]> next = new ArrayList<>(level.size() / 2);
            for (int i = 0; i < level.size(); i += 2) {
                next.add(Hashes.sha256d(level.get(i), level.get(i + 1)));
            }
            level = next;
        }
        return new Result(Hash.wrap(level.get(0)), mutated);
    }

    /** The root over the transactions' txids, as committed in the block header. */
    public static Result blockRoot(Block block) {
        return blockRoot(block.transactions());
    }

    public static Result blockRoot(List<Transaction> txs) {
        List<Hash> ids = new ArrayList<>(txs.size());
        for (Transaction tx : txs) {
            ids.add(tx.txid());
        }
        return compute(ids);
    }

    /**
     * The BIP-0141 witness root: over the wtxids, with the coinbase's replaced by zero (the coinbase commits to
     * this root, so it cannot contain its own wtxid).
     */
    public static Result witnessRoot(List<Transaction> txs) {
        List<Hash> ids = new ArrayList<>(txs.size());
        for (int i = 0; i < txs.size(); i++) {
            ids.add(i == 0 ? Hash.ZERO : txs.get(i).wtxid());
        }
        return compute(ids);
    }
}
