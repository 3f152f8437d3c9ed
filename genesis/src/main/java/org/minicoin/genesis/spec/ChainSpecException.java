package org.minicoin.genesis.spec;

/**
 * A chain spec that cannot be read or does not hold together. Names where the spec came from, the offending field
 * by its JSON path ({@code pow.targetSpacing}) when there is one, and why, so one line tells a user what to fix.
 */
public final class ChainSpecException extends RuntimeException {
    private final String source;
    private final String field;
    private final String reason;

    public ChainSpecException(String source, String field, String reason) {
        this(source, field, reason, null);
    }

    public ChainSpecException(String source, String field, String reason, Throwable cause) {
        super(format(source, field, reason), cause);
        this.source = source;
        this.field = field;
        this.reason = reason;
    }

    private static String format(String source, String field, String reason) {
        StringBuilder sb = new StringBuilder();
        if (source != null) {
            sb.append(source).append(": ");
        }
        if (field != null) {
            sb.append(field).append(": ");
        }
        return sb.append(reason).toString();
    }

    /** The file or built-in name the spec came from, or null. */
    public String source() {
        return source;
    }

    /** The JSON path of the bad field ({@code genesis.coinbase.reward}), or null when the whole spec is at fault. */
    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
