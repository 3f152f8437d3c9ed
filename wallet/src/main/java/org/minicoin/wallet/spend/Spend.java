package org.minicoin.wallet.spend;

import java.util.List;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.node.policy.FeeRate;

/**
 * A signed spend ready for {@code testmempoolaccept} and {@code sendrawtransaction}.
 *
 * @param transaction the signed transaction
 * @param fee what it pays, in satoshis (inputs minus outputs)
 * @param inputs the coins spent, in the transaction's input order
 * @param changeIndex the change output's index, or -1 when there is none
 * @param algorithm which selection produced the inputs, or null for a sweep, which spends everything
 */
public record Spend(Transaction transaction, long fee, List<Coin> inputs, int changeIndex,
                    CoinSelection.Algorithm algorithm) {
    public Spend {
        inputs = List.copyOf(inputs);
    }

    /** The rate actually paid, from the signed size (Core's CFeeRate(fee, vsize), truncated to sat/kvB). */
    public FeeRate feeRate() {
        return FeeRate.of(fee, transaction.vsize());
    }
}
