package org.minicoin.devnet.process;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling for a condition with a deadline: the devnet never sleeps a fixed time to let something happen. */
public final class Waits {
    /** How often conditions are polled. */
    public static final Duration POLL = Duration.ofMillis(200);

    private Waits() {
    }

    /** Sleeps one poll interval. */
    public static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    /**
     * Polls {@code condition} until it holds or {@code timeout} passes.
     *
     * @throws IllegalStateException "timed out after N s waiting for {@code what}"
     */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            pause();
        }
    }
}
