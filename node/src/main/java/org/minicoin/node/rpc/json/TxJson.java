package org.minicoin.node.rpc.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.minicoin.consensus.encoding.Hex;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.types.Amount;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxIn;
import org.minicoin.consensus.types.TxOut;
import org.minicoin.consensus.validation.Coin;
import org.minicoin.consensus.validation.TxUndo;

/**
 * A transaction as Core's RPCs show it (TxToUniv, core_io.cpp): {@code txid}, {@code hash}, {@code version},
 * {@code size}, {@code vsize}, {@code weight}, {@code locktime}, {@code vin}, {@code vout}, then {@code fee} when
 * undo data gives the spent amounts, {@code blockhash} when the caller names the block, and {@code hex} when
 * asked. Callers such as {@code getrawtransaction} append their own fields ({@code confirmations}, {@code time})
 * after these.
 */
public final class TxJson {
    private TxJson() {
    }

    /** {@code decoderawtransaction}'s shape: no undo data, no block, no hex. */
    public static ObjectNode decoded(Transaction tx, ChainParams params) {
        return toJson(tx, params, null, false, null, TxVerbosity.SHOW_DETAILS);
    }

    /**
     * Core's TxToUniv.
     *
     * @param blockHash  the block holding the transaction, shown as {@code blockhash}; null for none
     * @param includeHex whether to end with the serialized transaction (witness included) as {@code hex}
     * @param undo       the coins the inputs spent, in input order; null for a coinbase or when unknown. With it
     *                   the result has {@code fee}, and at {@link TxVerbosity#SHOW_DETAILS_AND_PREVOUT} each input
     *                   has a {@code prevout}
     * @param verbosity  {@link TxVerbosity#SHOW_DETAILS} or {@link TxVerbosity#SHOW_DETAILS_AND_PREVOUT}
     * @throws IllegalArgumentException if {@code verbosity} is {@link TxVerbosity#SHOW_TXID}, if the undo data
     *                                  does not have one coin per input, or if it makes the fee negative or
     *                                  over the money supply (Core's CHECK_NONFATAL on MoneyRange)
     */
    public static ObjectNode toJson(Transaction tx, ChainParams params, Hash blockHash, boolean includeHex,
                                    TxUndo undo, TxVerbosity verbosity) {
        if (verbosity == TxVerbosity.SHOW_TXID) {
            throw new IllegalArgumentException("a transaction object needs SHOW_DETAILS or more");
        }
        if (undo != null && undo.spent().size() != tx.inputs().size()) {
            throw new IllegalArgumentException("undo data has " + undo.spent().size() + " coins for "
                    + tx.inputs().size() + " inputs of " + tx.txid());
        }
        ObjectNode entry = CoreJson.object();
        entry.put("txid", tx.txid().toString());
        entry.put("hash", tx.wtxid().toString());
        // Core's CTransaction::version is a uint32_t.
        entry.put("version", Integer.toUnsignedLong(tx.version()));
        entry.put("size", tx.totalSize());
        entry.put("vsize", tx.vsize());
        entry.put("weight", tx.weight());
        entry.put("locktime", tx.lockTime());
        ArrayNode vin = entry.putArray("vin");
        long totalIn = 0;
        for (int i = 0; i < tx.inputs().size(); i++) {
            Coin spent = undo == null ? null : undo.spent().get(i);
            vin.add(input(tx, i, spent, verbosity, params));
            totalIn += spent == null ? 0 : spent.output().value();
        }
        ArrayNode vout = entry.putArray("vout");
        long totalOut = 0;
        for (int n = 0; n < tx.outputs().size(); n++) {
            TxOut out = tx.outputs().get(n);
            ObjectNode o = vout.addObject();
            o.set("value", CoreJson.amount(out.value()));
            o.put("n", n);
            o.set("scriptPubKey", ScriptJson.scriptPubKey(out.scriptPubKey(), params));
            totalOut += out.value();
        }
        if (undo != null) {
            long fee = totalIn - totalOut;
            if (!Amount.inRange(fee)) {
                throw new IllegalArgumentException("fee " + fee + " sat of " + tx.txid() + " is out of range");
            }
            entry.set("fee", CoreJson.amount(fee));
        }
        if (blockHash != null) {
            entry.put("blockhash", blockHash.toString());
        }
        if (includeHex) {
            entry.put("hex", Hex.encode(tx.serialize()));
        }
        return entry;
    }

    private static ObjectNode input(Transaction tx, int i, Coin spent, TxVerbosity verbosity, ChainParams params) {
        TxIn txin = tx.inputs().get(i);
        ObjectNode in = CoreJson.object();
        if (tx.isCoinbase()) {
            in.put("coinbase", Hex.encode(txin.scriptSig()));
        } else {
            in.put("txid", txin.prevout().txid().toString());
            in.put("vout", txin.prevout().index());
            ObjectNode scriptSig = in.putObject("scriptSig");
            scriptSig.put("asm", ScriptAsm.toAsm(txin.scriptSig(), true));
            scriptSig.put("hex", Hex.encode(txin.scriptSig()));
        }
        if (!txin.witness().isEmpty()) {
            ArrayNode witness = in.putArray("txinwitness");
            for (byte[] item : txin.witness().items()) {
                witness.add(Hex.encode(item));
            }
        }
        if (spent != null && verbosity == TxVerbosity.SHOW_DETAILS_AND_PREVOUT) {
            ObjectNode prevout = in.putObject("prevout");
            prevout.put("generated", spent.coinbase());
            prevout.put("height", spent.height());
            prevout.set("value", CoreJson.amount(spent.output().value()));
            prevout.set("scriptPubKey", ScriptJson.scriptPubKey(spent.output().scriptPubKey(), params));
        }
        in.put("sequence", txin.sequence());
        return in;
    }
}
