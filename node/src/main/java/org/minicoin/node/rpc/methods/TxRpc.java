package org.minicoin.node.rpc.methods;

import static org.minicoin.node.rpc.methods.ChainRpc.JSON;
import static org.minicoin.node.rpc.methods.ChainRpc.amount;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.minicoin.consensus.types.OutPoint;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxOut;
import org.minicoin.consensus.validation.BlockConnector;
import org.minicoin.consensus.validation.RejectReason;
import org.minicoin.consensus.validation.TxValidationResult;
import org.minicoin.consensus.validation.ValidationException;
import org.minicoin.node.daemon.Node;
import org.minicoin.node.mempool.Mempool;
import org.minicoin.node.mempool.MempoolEntry;
import org.minicoin.node.policy.FeeRate;
import org.minicoin.node.rpc.server.RpcException;

/** Core's sendrawtransaction and testmempoolaccept, with its errors (node/transaction.cpp, rpc/mempool.cpp). */
public final class TxRpc {
    /** Core's DEFAULT_MAX_RAW_TX_FEE_RATE: 0.10 BTC/kvB. */
    public static final long DEFAULT_MAX_FEE_RATE = 10_000_000;
    /** Core's MAX_PACKAGE_COUNT. */
    static final int MAX_PACKAGE_COUNT = 25;

    private final Node node;
    private final Mempool mempool;

    public TxRpc(Node node) {
        this.node = node;
        this.mempool = node.mempool();
    }

    /** Core's ValidationState::ToString: the reason, then the debug message if there is one. */
    static String stateString(RejectReason r) {
        return r.toString();
    }

    /**
     * Core's sendrawtransaction: checks the fee against {@code maxFeeRate} (sat/kvB; 0 = no limit) and unspendable
     * outputs against {@code maxBurn}, adds the transaction to the mempool and returns its txid. A transaction
     * already in the mempool is not an error.
     */
    public String sendrawtransaction(String hex, long maxFeeRate, long maxBurn) {
        Transaction tx = MiningRpc.decodeTx(hex);
        for (TxOut out : tx.outputs()) {
            if (BlockConnector.isUnspendable(out) && out.value() > maxBurn) {
                throw new RpcException(RpcErrors.VERIFY_ERROR,
                        "Unspendable output exceeds maximum configured by user (maxburnamount)");
            }
        }
        synchronized (node.chain()) {
            if (mempool.contains(tx.txid())) {
                return tx.txid().toString();
            }
            for (int i = 0; i < tx.outputs().size(); i++) {
                if (node.chain().coin(new OutPoint(tx.txid(), i)) != null) {
                    throw new RpcException(RpcErrors.VERIFY_ALREADY_IN_UTXO_SET,
                            "Transaction outputs already in utxo set");
                }
            }
            try {
                if (maxFeeRate > 0) {
                    MempoolEntry e = mempool.testAccept(tx);
                    if (e.fee() > new FeeRate(maxFeeRate).fee(e.vsize())) {
                        throw new RpcException(RpcErrors.VERIFY_ERROR,
                                "Fee exceeds maximum configured by user (e.g. -maxtxfee, maxfeerate)");
                    }
                }
                mempool.accept(tx);
                mempool.addUnbroadcast(tx.txid()); // Core's BroadcastTransaction
            } catch (ValidationException e) {
                boolean missing = e.reason().result() == TxValidationResult.MISSING_INPUTS;
                throw new RpcException(missing ? RpcErrors.VERIFY_ERROR : RpcErrors.VERIFY_REJECTED,
                        stateString(e.reason()));
            }
        }
        return tx.txid().toString();
    }

    /**
     * Core's testmempoolaccept, one result per transaction. Each is tested on its own against the chain and the
     * mempool; Core tests several together as a package, which minicoin's mempool does not do yet.
     */
    public ArrayNode testmempoolaccept(List<String> rawTxs, long maxFeeRate) {
        if (rawTxs.isEmpty() || rawTxs.size() > MAX_PACKAGE_COUNT) {
            throw new RpcException(RpcErrors.INVALID_PARAMETER,
                    "Array must contain between 1 and " + MAX_PACKAGE_COUNT + " transactions.");
        }
        List<Transaction> txs = rawTxs.stream().map(MiningRpc::decodeTx).toList();
        ArrayNode out = JSON.arrayNode();
        for (Transaction tx : txs) {
            ObjectNode r = out.addObject();
            r.put("txid", tx.txid().toString());
            r.put("wtxid", tx.wtxid().toString());
            try {
                MempoolEntry e = mempool.testAccept(tx);
                FeeRate rate = FeeRate.of(e.fee(), e.vsize());
                if (maxFeeRate > 0 && e.fee() > new FeeRate(maxFeeRate).fee(e.vsize())) {
                    r.put("allowed", false);
                    r.put("reject-reason", "max-fee-exceeded");
                    continue;
                }
                r.put("allowed", true);
                r.put("vsize", e.vsize());
                ObjectNode fees = r.putObject("fees");
                fees.set("base", amount(e.fee()));
                fees.set("effective-feerate", amount(rate.satPerKvB()));
                fees.putArray("effective-includes").add(tx.wtxid().toString());
            } catch (ValidationException e) {
                r.put("allowed", false);
                if (e.reason().result() == TxValidationResult.MISSING_INPUTS) {
                    r.put("reject-reason", "missing-inputs");
                } else {
                    r.put("reject-reason", e.code());
                    r.put("reject-details", stateString(e.reason()));
                }
            }
        }
        return out;
    }
}
