package org.minicoin.consensus.validation;

import static org.minicoin.consensus.validation.ConsensusLimits.LOCKTIME_THRESHOLD;
import static org.minicoin.consensus.validation.ConsensusLimits.WITNESS_SCALE_FACTOR;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.minicoin.consensus.script.Scripts;
import org.minicoin.consensus.script.VerifyFlags;
import org.minicoin.consensus.types.Amount;
import org.minicoin.consensus.types.OutPoint;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxIn;
import org.minicoin.consensus.types.TxOut;

/**
 * The rules on a single transaction: context-free (Core's CheckTransaction), finality (IsFinalTx), signature
 * operation counts, and the checks against the coins it spends (Consensus::CheckTxInputs). Failures are
 * {@link ValidationException}s with {@link TxValidationResult}s; block validation re-labels them as block failures.
 */
public final class TransactionChecks {
    private TransactionChecks() {
    }

    /** Core's CheckTransaction: the checks that need nothing but the transaction. */
    public static void checkTransaction(Transaction tx) {
        if (tx.inputs().isEmpty()) {
            throw invalid("bad-txns-vin-empty", "");
        }
        if (tx.outputs().isEmpty()) {
            throw invalid("bad-txns-vout-empty", "");
        }
        // The witness is not counted: it has not been checked against the witness commitment yet.
        if ((long) tx.baseSize() * WITNESS_SCALE_FACTOR > ConsensusLimits.MAX_BLOCK_WEIGHT) {
            throw invalid("bad-txns-oversize", "");
        }
        // CVE-2010-5139: an overflowing sum of outputs once created 184 billion coins.
        long valueOut = 0;
        for (TxOut out : tx.outputs()) {
            if (out.value() < 0) {
                throw invalid("bad-txns-vout-negative", "");
            }
            if (out.value() > Amount.MAX_MONEY) {
                throw invalid("bad-txns-vout-toolarge", "");
            }
            // Both terms are at most MAX_MONEY, so the sum cannot overflow a long.
            valueOut += out.value();
            if (!Amount.inRange(valueOut)) {
                throw invalid("bad-txns-txouttotal-toolarge", "");
            }
        }
        // CVE-2018-17144: spending one coin twice in a transaction would inflate the supply, since spending a coin
        // from the view is only checked once per transaction, not once per input.
        Set<OutPoint> seen = new HashSet<>();
        for (TxIn in : tx.inputs()) {
            if (!seen.add(in.prevout())) {
                throw invalid("bad-txns-inputs-duplicate", "");
            }
        }
        if (tx.isCoinbase()) {
            int len = tx.inputs().get(0).scriptSigLength();
            if (len < 2 || len > 100) {
                throw invalid("bad-cb-length", "");
            }
        } else {
            for (TxIn in : tx.inputs()) {
                if (in.prevout().isNull()) {
                    throw invalid("bad-txns-prevout-null", "");
                }
            }
        }
    }

    /**
     * Core's IsFinalTx: whether the lock time lets {@code tx} into a block at {@code blockHeight} whose lock-time
     * cutoff is {@code blockTime} (the block's time, or from BIP-0113 the parent's median time past). The lock
     * time is the last invalid height or time; inputs all at SEQUENCE_FINAL disable it.
     */
    public static boolean isFinal(Transaction tx, int blockHeight, long blockTime) {
        long lockTime = tx.lockTime();
        if (lockTime == 0) {
            return true;
        }
        if (lockTime < (lockTime < LOCKTIME_THRESHOLD ? blockHeight : blockTime)) {
            return true;
        }
        for (TxIn in : tx.inputs()) {
            if (in.sequence() != TxIn.SEQUENCE_FINAL) {
                return false;
            }
        }
        return true;
    }

    /** Core's GetLegacySigOpCount: the inaccurate count over scriptSigs and scriptPubKeys. */
    public static int legacySigOpCount(Transaction tx) {
        int n = 0;
        for (TxIn in : tx.inputs()) {
            n += Scripts.sigOpCount(in.scriptSig(), false);
        }
        for (TxOut out : tx.outputs()) {
            n += Scripts.sigOpCount(out.scriptPubKey(), false);
        }
        return n;
    }

    /**
     * Core's GetTransactionSigOpCost: legacy sigops (and P2SH redeem scripts' when {@code flags} has P2SH) weigh
     * {@link ConsensusLimits#WITNESS_SCALE_FACTOR}, witness sigops weigh 1. {@code spent} holds the coins the
     * inputs spend, in input order (ignored for a coinbase).
     */
    public static long sigOpCost(Transaction tx, List<Coin> spent, int flags) {
        long cost = (long) legacySigOpCount(tx) * WITNESS_SCALE_FACTOR;
        if (tx.isCoinbase()) {
            return cost;
        }
        List<TxIn> inputs = tx.inputs();
        if ((flags & VerifyFlags.P2SH) != 0) {
            long p2sh = 0;
            for (int i = 0; i < inputs.size(); i++) {
                byte[] spk = spent.get(i).output().scriptPubKey();
                if (Scripts.isPayToScriptHash(spk)) {
                    p2sh += Scripts.p2shSigOpCount(spk, inputs.get(i).scriptSig());
                }
            }
            cost += p2sh * WITNESS_SCALE_FACTOR;
        }
        for (int i = 0; i < inputs.size(); i++) {
            TxIn in = inputs.get(i);
            cost += Scripts.witnessSigOpCount(in.scriptSig(), spent.get(i).output().scriptPubKey(), in.witness(),
                    flags);
        }
        return cost;
    }

    /**
     * The coins {@code tx}'s inputs spend, in input order; fails with {@code bad-txns-inputs-missingorspent}
     * (MISSING_INPUTS) if any is not in {@code view}. Not for a coinbase.
     */
    public static List<Coin> spentCoins(Transaction tx, UtxoView view) {
        List<Coin> coins = new ArrayList<>(tx.inputs().size());
        for (TxIn in : tx.inputs()) {
            Coin c = view.get(in.prevout());
            if (c == null) {
                throw ValidationException.tx(TxValidationResult.MISSING_INPUTS, "bad-txns-inputs-missingorspent",
                        "CheckTxInputs: inputs missing/spent");
            }
            coins.add(c);
        }
        return coins;
    }

    /**
     * Core's Consensus::CheckTxInputs: the inputs exist and are unspent, coinbase outputs have matured, and the
     * inputs pay for the outputs. Returns the fee. {@code spendHeight} is the height of the block the transaction
     * would be in. Expects {@link #checkTransaction} to have passed (the output sum is in range).
     */
    public static long checkTxInputs(Transaction tx, UtxoView view, int spendHeight) {
        return checkTxInputs(tx, spentCoins(tx, view), spendHeight);
    }

    /** {@link #checkTxInputs(Transaction, UtxoView, int)} with the spent coins already fetched. */
    public static long checkTxInputs(Transaction tx, List<Coin> spent, int spendHeight) {
        long valueIn = 0;
        for (Coin coin : spent) {
            // A coinbase could vanish in a reorg; anything built on it would vanish with it.
            if (coin.coinbase() && spendHeight - coin.height() < ConsensusLimits.COINBASE_MATURITY) {
                throw ValidationException.tx(TxValidationResult.PREMATURE_SPEND,
                        "bad-txns-premature-spend-of-coinbase",
                        "tried to spend coinbase at depth " + (spendHeight - coin.height()));
            }
            long value = coin.output().value();
            // Each term is checked in range before adding, so the sum stays below 2 * MAX_MONEY: no overflow.
            if (!Amount.inRange(value)) {
                throw invalid("bad-txns-inputvalues-outofrange", "");
            }
            valueIn += value;
            if (!Amount.inRange(valueIn)) {
                throw invalid("bad-txns-inputvalues-outofrange", "");
            }
        }
        long valueOut = valueOut(tx);
        if (valueIn < valueOut) {
            throw invalid("bad-txns-in-belowout", "value in (" + coins(valueIn) + ") < value out ("
                    + coins(valueOut) + ")");
        }
        long fee = valueIn - valueOut;
        // Unreachable after the checks above (0 <= fee <= valueIn <= MAX_MONEY); kept as Core keeps it.
        if (!Amount.inRange(fee)) {
            throw invalid("bad-txns-fee-outofrange", "");
        }
        return fee;
    }

    /** The sum of the outputs; {@link #checkTransaction} has bounded it. */
    static long valueOut(Transaction tx) {
        long sum = 0;
        for (TxOut out : tx.outputs()) {
            sum = Math.addExact(sum, out.value());
        }
        return sum;
    }

    /** Core's FormatMoney: eight decimals with trailing zeros trimmed down to two ("0.50", "12.345"). */
    static String coins(long sats) {
        String s = String.format(java.util.Locale.ROOT, "%d.%08d", sats / Amount.COIN, sats % Amount.COIN);
        int end = s.length();
        while (s.charAt(end - 1) == '0' && s.charAt(end - 3) != '.') {
            end--;
        }
        return s.substring(0, end);
    }

    private static ValidationException invalid(String code, String message) {
        return ValidationException.tx(TxValidationResult.CONSENSUS, code, message);
    }
}
