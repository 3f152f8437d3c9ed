package org.minicoin.node.mining;

import java.util.List;
import java.util.Objects;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.types.Transaction;

/**
 * A mempool transaction offered to the {@link BlockAssembler}: what the mempool knows about it that the block
 * rules need. Every other input of {@code tx} spends a confirmed output.
 *
 * @param tx        the transaction
 * @param fee       its fee in satoshis (as modified by prioritisation, if the mempool supports it)
 * @param sigOpCost its sigop cost as Core's GetTransactionSigOpCost counts it against the spent outputs
 * @param parents   txids of the in-mempool transactions whose outputs it spends
 */
public record CandidateTx(Transaction tx, long fee, long sigOpCost, List<Hash> parents) {
    public CandidateTx {
        Objects.requireNonNull(tx, "tx");
        if (sigOpCost < 0) {
            throw new IllegalArgumentException("sigop cost must not be negative: " + sigOpCost);
        }
        parents = List.copyOf(parents);
    }
}
