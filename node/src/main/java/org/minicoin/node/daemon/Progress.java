package org.minicoin.node.daemon;

import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Progress lines for a long import or reindex: at most one every few seconds, with the chain height, the rate in
 * blocks per second since the start, and the share done where the total is known.
 */
final class Progress {
    private static final long INTERVAL_NANOS = 2_000_000_000L;

    private final Logger log;
    private final String what;
    private final LongSupplier nanoTime;
    private final long start;
    private long lastReport;
    private long blocks;

    Progress(Logger log, String what, LongSupplier nanoTime) {
        this.log = log;
        this.what = what;
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
        this.lastReport = start;
    }

    /** One more block handled; {@code fractionDone} is in [0, 1], or negative if unknown. */
    void block(int height, double fractionDone) {
        blocks++;
        long now = nanoTime.getAsLong();
        if (now - lastReport >= INTERVAL_NANOS) {
            lastReport = now;
            log.info(line(height, fractionDone, now));
        }
    }

    /** The closing line. */
    void done(int height) {
        log.info(line(height, 1.0, nanoTime.getAsLong()) + " done");
    }

    private String line(int height, double fractionDone, long now) {
        double seconds = Math.max(1e-9, (now - start) / 1e9);
        String s = String.format(java.util.Locale.ROOT, "%s: height=%d blocks=%d rate=%.1f blocks/s", what, height,
                blocks, blocks / seconds);
        if (fractionDone >= 0) {
            s += String.format(java.util.Locale.ROOT, " progress=%.1f%%", fractionDone * 100);
        }
        return s;
    }
}
