package org.minicoin.node.config;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.minicoin.consensus.types.Amount;

/**
 * One option as the table declares it: name, help, type, default, range and the flags that change how Core's
 * ArgsManager treats it. {@link #check} is where a value is judged, so every layer (command line, config file)
 * rejects the same bad values with the same message.
 *
 * @param name         without the leading dash ({@code dbcache})
 * @param param        what {@code -help} shows after the name ({@code =<n>}), or empty
 * @param help         the help text
 * @param category     its {@code -help} group
 * @param type         how values are checked and read
 * @param defaultValue the value when unset, as text, or null when there is none (or it depends on the network)
 * @param min          smallest value of an {@link OptionType#INT}
 * @param max          largest value of an {@link OptionType#INT}
 * @param rangeError   Core's message for a value out of range, a format with one {@code %s} for the value; null for
 *                     the generic one
 * @param flags        Core's flags that apply
 */
public record OptionSpec(String name, String param, String help, OptionCategory category, OptionType type,
                         String defaultValue, long min, long max, String rangeError, Set<Flag> flags) {

    /** Core's ArgsManager flags that minicoin uses, plus {@link #REPEATABLE}. */
    public enum Flag {
        /** {@code -noname} is an error (Core's DISALLOW_NEGATION). */
        DISALLOW_NEGATION,
        /** {@code -name} without a value is an error (Core's DISALLOW_ELISION). */
        DISALLOW_ELISION,
        /**
         * In the top part of the config file it applies to main only (Core's NETWORK_ONLY): sharing one file between
         * networks must not make regtest listen on main's port or connect to main's peers.
         */
        NETWORK_ONLY,
        /** Every value counts, in order ({@code -addnode=a -addnode=b}); read with {@code getAll}. */
        REPEATABLE
    }

    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

    public OptionSpec {
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }

    /** Whether {@code flag} applies. */
    public boolean has(Flag flag) {
        return flags.contains(flag);
    }

    /** This option with {@code more} flags added. */
    OptionSpec with(Flag... more) {
        EnumSet<Flag> all = flags.isEmpty() ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(flags);
        all.addAll(Set.of(more));
        return new OptionSpec(name, param, help, category, type, defaultValue, min, max, rangeError, all);
    }

    /** This option with Core's message for an out-of-range value. */
    OptionSpec withRangeError(String format) {
        return new OptionSpec(name, param, help, category, type, defaultValue, min, max, format, flags);
    }

    /**
     * Checks a value given as {@code -name=text} (or {@code name=text} in the file).
     *
     * @throws ConfigException naming the option and the value when the text is not one this option accepts
     */
    public void check(String text) {
        switch (type) {
            case BOOL -> {
                if (!isBool(text)) {
                    throw invalid(text, "expected 0 or 1");
                }
            }
            case INT -> {
                long value;
                try {
                    // The pattern first: parseLong alone would also take digits of other scripts.
                    if (!INTEGER.matcher(text).matches()) {
                        throw new NumberFormatException(text);
                    }
                    value = Long.parseLong(text);
                } catch (NumberFormatException e) {
                    throw invalid(text, "expected an integer");
                }
                if (value < min || value > max) {
                    if (rangeError != null) {
                        throw new ConfigException(String.format(rangeError, text));
                    }
                    boolean noRealMax = max == Integer.MAX_VALUE;
                    throw invalid(text, value < min && noRealMax ? "expected an integer of at least " + min
                            : "expected an integer from " + min + " to " + max);
                }
            }
            case AMOUNT -> {
                try {
                    Amount.parseCoins(text);
                } catch (IllegalArgumentException e) {
                    // Core's AmountErrMsg (common/messages.cpp).
                    throw new ConfigException("Invalid amount for -" + name + "=<amount>: '" + text + "'", e);
                }
            }
            case STRING -> {
                // any text
            }
        }
    }

    /**
     * Whether {@code text} reads as a boolean: empty (a plain {@code -name}) or an integer. Core takes any text and
     * reads a non-number as false, so {@code -txindex=yes} would quietly mean no; minicoin refuses it instead.
     */
    static boolean isBool(String text) {
        return text.isEmpty() || INTEGER.matcher(text).matches();
    }

    /** Core's InterpretBool for a text that {@link #isBool}: empty or any non-zero integer is true. */
    static boolean interpretBool(String text) {
        return text.isEmpty() || text.chars().anyMatch(c -> c >= '1' && c <= '9');
    }

    private ConfigException invalid(String text, String expected) {
        return new ConfigException("Invalid value for -" + name + ": '" + text + "' (" + expected + ")");
    }
}
