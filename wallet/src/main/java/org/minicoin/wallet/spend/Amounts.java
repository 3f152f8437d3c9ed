package org.minicoin.wallet.spend;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.minicoin.consensus.types.Amount;
import org.minicoin.node.policy.FeeRate;

/**
 * Decimal coin amounts as users type them and Core prints them, converted to satoshis exactly: through
 * {@link BigDecimal}, never a double, so "0.1" is 10,000,000 satoshis and not 9,999,999.
 */
public final class Amounts {
    /** Core's JSON number grammar as ParseFixedPoint accepts it: digits, optional fraction, optional exponent. */
    private static final Pattern NUMBER = Pattern.compile("-?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d{1,4})?");
    private static final BigDecimal MAX_COINS = BigDecimal.valueOf(Amount.MAX_MONEY / Amount.COIN);

    private Amounts() {
    }

    /**
     * Parses a positive amount of coins with at most 8 decimals, at most 21,000,000 coins, into satoshis. Messages
     * follow Core's RPC: {@code Invalid amount} (not a number, or finer than a satoshi), {@code Amount out of
     * range} (negative or above the money supply) and {@code Invalid amount for send} (zero).
     *
     * @throws IllegalArgumentException with one of those messages
     */
    public static long parse(String text) {
        BigDecimal coins = decimal(text, 8);
        if (coins.signum() < 0 || coins.compareTo(MAX_COINS) > 0) {
            throw new IllegalArgumentException("Amount out of range: " + text
                    + " (must be between 0 and 21000000 coins)");
        }
        if (coins.signum() == 0) {
            throw new IllegalArgumentException("Invalid amount for send: " + text + " (must be positive)");
        }
        return coins.movePointRight(8).longValueExact();
    }

    /** Satoshis as coins with 8 decimals, the way Core's RPC prints amounts: {@code 1.50000000}. */
    public static String format(long sats) {
        return sats < 0 ? "-" + Amount.ofSat(-sats).toCoinString() : Amount.ofSat(sats).toCoinString();
    }

    /**
     * A fee rate given in sat/vB with at most 3 decimals (Core's {@code fee_rate} argument, so {@code 1.5} is 1500
     * sat/kvB). Zero is allowed here; whether it is enough is the relay policy's question.
     *
     * @throws IllegalArgumentException {@code Invalid fee rate} or {@code Fee rate out of range}
     */
    public static FeeRate parseFeeRate(String satPerVb) {
        BigDecimal rate;
        try {
            rate = decimal(satPerVb, 3);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid fee rate: " + satPerVb
                    + " (sat/vB with at most 3 decimals)");
        }
        // The cap only keeps later products in range; Core's maxfeerate check is the real guard.
        if (rate.signum() < 0 || rate.compareTo(MAX_COINS) > 0) {
            throw new IllegalArgumentException("Fee rate out of range: " + satPerVb + " sat/vB");
        }
        return FeeRate.ofSatPerKvB(rate.movePointRight(3).longValueExact());
    }

    /**
     * The fee rate {@code estimatesmartfee} reports, in coins per 1000 virtual bytes, as a {@link FeeRate}.
     *
     * @throws IllegalArgumentException if negative or finer than a satoshi per kvB
     */
    public static FeeRate feeRateFromCoinsPerKvB(BigDecimal coinsPerKvB) {
        BigDecimal sats = coinsPerKvB.movePointRight(8).stripTrailingZeros();
        if (sats.signum() < 0 || sats.scale() > 0 || sats.compareTo(MAX_COINS.movePointRight(8)) > 0) {
            throw new IllegalArgumentException("Invalid fee rate: " + coinsPerKvB.toPlainString() + " per kvB");
        }
        return FeeRate.ofSatPerKvB(sats.longValueExact());
    }

    private static BigDecimal decimal(String text, int maxDecimals) {
        if (text == null || !NUMBER.matcher(text).matches()) {
            throw new IllegalArgumentException("Invalid amount: '" + text + "' is not a decimal number");
        }
        BigDecimal value = new BigDecimal(text).stripTrailingZeros();
        if (value.scale() > maxDecimals) {
            throw new IllegalArgumentException("Invalid amount: " + text + " has more than " + maxDecimals
                    + " decimal places");
        }
        return value;
    }
}
