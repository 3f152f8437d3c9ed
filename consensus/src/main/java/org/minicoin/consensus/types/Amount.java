package org.minicoin.consensus.types;

import java.math.BigDecimal;

/**
 * An amount of money in satoshis, always within Core's MoneyRange: 0 to {@link #MAX_MONEY}. Arithmetic that would
 * leave that range throws. Raw output values as serialized (which may be out of range in an invalid transaction)
 * stay plain {@code long}s on {@link TxOut}; validation checks them with {@link #inRange(long)}.
 */
public record Amount(long sats) implements Comparable<Amount> {
    public static final long COIN = 100_000_000L;
    /** No amount may exceed the total supply: 21 million coins (Core's MAX_MONEY, consensus/amount.h). */
    public static final long MAX_MONEY = 21_000_000L * COIN;
    public static final Amount ZERO = new Amount(0);

    public Amount {
        if (!inRange(sats)) {
            throw new IllegalArgumentException("amount " + sats + " sat is outside 0.." + MAX_MONEY);
        }
    }

    public static Amount ofSat(long sats) {
        return new Amount(sats);
    }

    public static Amount ofCoins(long coins) {
        return new Amount(Math.multiplyExact(coins, COIN));
    }

    /** Core's MoneyRange. */
    public static boolean inRange(long sats) {
        return sats >= 0 && sats <= MAX_MONEY;
    }

    /**
     * Parses a decimal coin amount exactly ("0.5", "21000000", "0.00000001"); more than 8 decimal places, a sign,
     * an exponent or an out-of-range value is an error.
     */
    public static Amount parseCoins(String text) {
        if (!text.matches("\\d+(\\.\\d{1,8})?")) {
            throw new IllegalArgumentException("invalid amount '" + text + "': expected digits with at most 8 decimals");
        }
        BigDecimal sats = new BigDecimal(text).movePointRight(8);
        if (sats.compareTo(BigDecimal.valueOf(MAX_MONEY)) > 0) {
            throw new IllegalArgumentException("amount " + text + " exceeds the 21,000,000 coin supply");
        }
        return new Amount(sats.longValueExact());
    }

    public Amount plus(Amount o) {
        return new Amount(Math.addExact(sats, o.sats));
    }

    public Amount minus(Amount o) {
        return new Amount(Math.subtractExact(sats, o.sats));
    }

    /** Coins with exactly 8 decimals, as Core's ValueFromAmount prints them ("50.00000000"). */
    public String toCoinString() {
        return BigDecimal.valueOf(sats, 8).toPlainString();
    }

    @Override
    public int compareTo(Amount o) {
        return Long.compare(sats, o.sats);
    }

    @Override
    public String toString() {
        return toCoinString();
    }
}
