package org.minicoin.wallet.spend;

/**
 * The spendable coins cannot pay the amount plus the fee. Carries the figures the message states, so a caller can
 * present them its own way.
 */
public final class InsufficientFundsException extends SpendException {
    private final long spendable;
    private final long needed;
    private final long immature;

    /**
     * @param spendable total value of the coins that may be spent now
     * @param needed amount plus the fee to send it
     * @param immature value held in coinbase outputs that have not matured yet
     */
    public InsufficientFundsException(String message, long spendable, long needed, long immature) {
        super(message);
        this.spendable = spendable;
        this.needed = needed;
        this.immature = immature;
    }

    /** Total value of the coins that may be spent now, in satoshis. */
    public long spendable() {
        return spendable;
    }

    /** Amount plus the fee needed, in satoshis. */
    public long needed() {
        return needed;
    }

    /** Value locked in immature coinbase outputs, in satoshis. */
    public long immature() {
        return immature;
    }
}
