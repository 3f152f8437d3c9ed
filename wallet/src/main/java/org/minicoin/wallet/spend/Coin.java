package org.minicoin.wallet.spend;

import java.util.Arrays;
import java.util.Objects;
import org.minicoin.consensus.encoding.Hex;
import org.minicoin.consensus.types.OutPoint;

/**
 * One of the wallet's unspent outputs, as the wallet knows it: where it is, what it is worth, which key of the
 * account (BIP-0044 chain 0 receive / 1 change, and index) can spend it, and how deeply it is buried.
 *
 * @param value the output's value in satoshis
 * @param chain 0 for a receive address, 1 for a change address
 * @param confirmations 0 while in the mempool, 1 once in the tip block, and so on
 * @param coinbase whether the output is a coinbase output, which must mature before it can be spent
 */
public record Coin(OutPoint outpoint, long value, byte[] scriptPubKey, int chain, int index, int confirmations,
                   boolean coinbase) {
    /** Consensus COINBASE_MATURITY: blocks a coinbase output must wait before it may be spent. */
    public static final int COINBASE_MATURITY = 100;
    /** BIP-0044 chain of receive addresses. */
    public static final int RECEIVE = 0;
    /** BIP-0044 chain of change addresses. */
    public static final int CHANGE = 1;

    public Coin {
        Objects.requireNonNull(outpoint, "outpoint");
        if (value < 0) {
            throw new IllegalArgumentException("coin value must not be negative: " + value);
        }
        if (confirmations < 0) {
            throw new IllegalArgumentException("confirmations must not be negative: " + confirmations);
        }
        scriptPubKey = scriptPubKey.clone();
    }

    @Override
    public byte[] scriptPubKey() {
        return scriptPubKey.clone();
    }

    /**
     * Whether a coinbase output has matured, as Core's wallet decides it (CWalletTx::GetBlocksToMaturity is
     * {@code max(0, maturity + 1 - depth)}): it needs {@code coinbaseMaturity + 1} confirmations, one more than
     * consensus strictly requires for the next block, so that regtest's "mine 101 blocks, then spend" holds.
     * Non-coinbase coins are always mature.
     */
    public boolean isMature(int coinbaseMaturity) {
        return !coinbase || confirmations > coinbaseMaturity;
    }

    /**
     * Whether the wallet may spend this coin now: a coinbase must be mature; any other coin needs one confirmation,
     * except that our own unconfirmed change may be spent when the caller allows it (Core's
     * {@code -spendzeroconfchange}, which trusts only change from the wallet's own transactions).
     */
    public boolean spendable(int coinbaseMaturity, boolean allowUnconfirmedChange) {
        if (!isMature(coinbaseMaturity)) {
            return false;
        }
        return confirmations >= 1 || (allowUnconfirmedChange && chain == CHANGE && !coinbase);
    }

    /** {@link #spendable(int, boolean)} with consensus maturity and confirmed coins only. */
    public boolean spendable() {
        return spendable(COINBASE_MATURITY, false);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Coin c && outpoint.equals(c.outpoint) && value == c.value
                && Arrays.equals(scriptPubKey, c.scriptPubKey) && chain == c.chain && index == c.index
                && confirmations == c.confirmations && coinbase == c.coinbase;
    }

    @Override
    public int hashCode() {
        return outpoint.hashCode();
    }

    @Override
    public String toString() {
        return "Coin(" + outpoint + ", " + Amounts.format(value) + ", " + Hex.encode(scriptPubKey) + ", " + chain + "/"
                + index + ", conf=" + confirmations + (coinbase ? ", coinbase" : "") + ")";
    }
}
