package org.minicoin.consensus.pow;

/**
 * A synthetic chain for retarget tests: each link is a block's height, bits and time, pointing at its parent.
 * A chain may start at any height, so a test can place a few blocks around a retarget boundary without building
 * the thousands before it.
 */
public record ChainLink(int height, long bits, long time, ChainLink previous) implements ChainHistory {

    /** Start time of chains built by {@link #parse}. */
    public static final long START_TIME = 1_300_000_000L;

    /**
     * A chain from a compact description: space-separated {@code height=bits} or {@code from..to=bits} (bits in
     * hex), heights consecutive, blocks {@code spacing} seconds apart from {@link #START_TIME}. For example
     * {@code "2015=1c0fffff 2016..2018=1d00ffff"}.
     */
    public static ChainLink parse(String spec, long spacing) {
        ChainLink tip = null;
        for (String run : spec.trim().split("\\s+")) {
            String[] heightsAndBits = run.split("=");
            String[] range = heightsAndBits[0].split("\\.\\.");
            int from = Integer.parseInt(range[0]);
            int to = Integer.parseInt(range[range.length - 1]);
            long bits = Long.parseLong(heightsAndBits[1], 16);
            if (tip == null) {
                tip = startingAt(from, bits, START_TIME);
            } else if (from != tip.height + 1) {
                throw new IllegalArgumentException("heights must be consecutive: " + spec);
            } else {
                tip = tip.then(bits, spacing);
            }
            tip = tip.thenUpTo(to, bits, spacing);
        }
        return tip;
    }

    public static ChainLink genesis(long bits, long time) {
        return startingAt(0, bits, time);
    }

    public static ChainLink startingAt(int height, long bits, long time) {
        return new ChainLink(height, bits, time, null);
    }

    /** The next block, {@code secondsLater} after this one. */
    public ChainLink then(long bits, long secondsLater) {
        return new ChainLink(height + 1, bits, time + secondsLater, this);
    }

    /** {@code count} more blocks with the same bits, each {@code secondsApart} after the last. */
    public ChainLink thenRepeat(int count, long bits, long secondsApart) {
        ChainLink tip = this;
        for (int i = 0; i < count; i++) {
            tip = tip.then(bits, secondsApart);
        }
        return tip;
    }

    /** Extends to {@code height} with the same bits, each block {@code secondsApart} after the last. */
    public ChainLink thenUpTo(int height, long bits, long secondsApart) {
        return thenRepeat(height - this.height, bits, secondsApart);
    }
}
