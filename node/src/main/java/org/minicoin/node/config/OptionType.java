package org.minicoin.node.config;

/** What kind of value an option takes, which decides how its values are checked and read. */
public enum OptionType {
    /** {@code -name}, {@code -name=1}, {@code -noname}; any integer, non-zero meaning true (Core's InterpretBool). */
    BOOL,
    /** A decimal integer within the option's range. */
    INT,
    /** Coins with at most 8 decimals, parsed exactly ({@code Amount.parseCoins}). */
    AMOUNT,
    /** Free text: a path, an address, a name. */
    STRING
}
