package org.minicoin.node.mining;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.minicoin.consensus.types.Block;

/**
 * Mines block templates on N threads ({@code -genproclimit}). Thread {@code i} of N works on extranonces
 * {@code e + i, e + i + N, ...} (where {@code e} is the template's), so no two threads hash the same header; each
 * tries every nonce from 0 to 2^32-1 and then moves to its next extranonce, with a fresh merkle root, and to the
 * clock's time if that has moved on. A stop flag ends the search; the first solution found ends it for all.
 * Also runs in the background ({@code -gen}): mining the current tip continuously, handing each solved block to a
 * callback and starting over when told the tip changed.
 */
public final class CpuMiner {
    private static final long MAX_NONCE = 0xffffffffL;
    /** How many nonces between looks at the stop flag: about a millisecond of hashing. */
    private static final int STOP_CHECK_INTERVAL = 1 << 12;

    private final int threads;
    private final LongSupplier clock;
    private final LongAdder hashes = new LongAdder();

    /**
     * @param threads number of hashing threads, at least 1
     * @param clock   the node's adjusted time in seconds, read when a thread runs out of nonces
     */
    public CpuMiner(int threads, LongSupplier clock) {
        if (threads < 1) {
            throw new IllegalArgumentException("need at least one mining thread, got " + threads);
        }
        this.threads = threads;
        this.clock = clock;
    }

    public int threads() {
        return threads;
    }

    /** Headers hashed so far by this miner, over all threads and calls. */
    public long hashCount() {
        return hashes.sum();
    }

    /**
     * Mines {@code template} until a thread finds a block meeting its target, or until {@code stop} is set.
     * Blocks the caller; threads beyond the first are started for the call and ended before it returns.
     *
     * @return the solved block, or null if stopped first
     */
    public Block mine(BlockTemplate template, AtomicBoolean stop) {
        return mine(template, stop::get);
    }

    private Block mine(BlockTemplate template, BooleanSupplier stopRequested) {
        AtomicReference<Block> found = new AtomicReference<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Thread caller = Thread.currentThread();
        AtomicBoolean interrupted = new AtomicBoolean();
        // An interrupt of the calling thread stops the search too; it stays set for the caller to see.
        BooleanSupplier done = () -> found.get() != null || failure.get() != null || interrupted.get()
                || caller.isInterrupted() || stopRequested.getAsBoolean();
        Thread[] helpers = new Thread[threads - 1];
        for (int i = 1; i < threads; i++) {
            long extraNonce = template.extraNonce() + i;
            helpers[i - 1] = new Thread(() -> {
                try {
                    work(template, extraNonce, done, found);
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }, "miner-" + i);
            helpers[i - 1].setDaemon(true);
            helpers[i - 1].start();
        }
        try {
            work(template, template.extraNonce(), done, found);
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
        joinAll(helpers, interrupted);
        if (failure.get() != null) {
            throw failure.get();
        }
        return found.get();
    }

    /** Waits for the helpers, which end promptly once the search is done; an interrupt is kept for the caller. */
    private static void joinAll(Thread[] helpers, AtomicBoolean interrupted) {
        for (Thread t : helpers) {
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted.set(true); // the catch cleared the flag the helpers were watching
                }
            }
        }
        if (interrupted.get()) {
            Thread.currentThread().interrupt();
        }
    }

    private void work(BlockTemplate start, long extraNonce, BooleanSupplier done, AtomicReference<Block> found) {
        BlockTemplate t = extraNonce == start.extraNonce() ? start : start.withExtraNonce(extraNonce);
        while (true) {
            HeaderHasher hasher = new HeaderHasher(t.block().header(), t.target());
            long counted = 0;
            for (long nonce = 0; nonce <= MAX_NONCE; nonce++) {
                if ((nonce & (STOP_CHECK_INTERVAL - 1)) == 0) {
                    hashes.add(nonce - counted);
                    counted = nonce;
                    if (done.getAsBoolean()) {
                        return;
                    }
                }
                if (hasher.meetsTarget(nonce)) {
                    hashes.add(nonce + 1 - counted);
                    found.compareAndSet(null, new Block(t.block().header().withNonce(nonce),
                            t.block().transactions()));
                    return;
                }
            }
            hashes.add(MAX_NONCE + 1 - counted);
            long time = Math.max(t.block().header().time(), clock.getAsLong());
            t = t.withExtraNonce(t.extraNonce() + threads);
            if (time != t.block().header().time()) {
                t = t.withTime(time);
            }
        }
    }

    /**
     * Starts mining in the background: {@code templates} gives a template on the current tip (or null while
     * there is nothing to mine on, e.g. during initial sync), {@code onBlock} receives each solved block (and
     * normally submits it, which moves the tip). After each block, and whenever {@link Background#tipChanged()}
     * is called, a fresh template is fetched. Both callbacks run on the background thread.
     */
    public Background startBackground(Supplier<BlockTemplate> templates, Consumer<Block> onBlock) {
        Background b = new Background(templates, onBlock);
        b.thread.start();
        return b;
    }

    /** A running background miner. */
    public final class Background implements AutoCloseable {
        private final Supplier<BlockTemplate> templates;
        private final Consumer<Block> onBlock;
        private final Thread thread;
        private final Object lock = new Object();
        private volatile long generation;
        private volatile boolean closed;
        private volatile RuntimeException failure;

        private Background(Supplier<BlockTemplate> templates, Consumer<Block> onBlock) {
            this.templates = templates;
            this.onBlock = onBlock;
            this.thread = new Thread(this::run, "miner-background");
            this.thread.setDaemon(true);
        }

        /** The tip (or the mempool, if the caller wants fees picked up) changed: drop the work and start over. */
        public void tipChanged() {
            synchronized (lock) {
                generation++;
                lock.notifyAll();
            }
        }

        /** Why the background miner stopped by itself: an exception from a callback or the template. */
        public Optional<RuntimeException> failure() {
            return Optional.ofNullable(failure);
        }

        public boolean isRunning() {
            return thread.isAlive();
        }

        /** Stops mining and waits for the threads to end. */
        @Override
        public void close() {
            synchronized (lock) {
                closed = true;
                lock.notifyAll();
            }
            boolean interrupted = false;
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        private void run() {
            try {
                while (!closed) {
                    long round = generation;
                    BlockTemplate t = templates.get();
                    if (t == null) {
                        awaitChange(round);
                        continue;
                    }
                    Block block = mine(t, () -> closed || generation != round);
                    if (block != null) {
                        onBlock.accept(block);
                    }
                }
            } catch (RuntimeException e) {
                failure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void awaitChange(long round) throws InterruptedException {
            synchronized (lock) {
                while (!closed && generation == round) {
                    lock.wait();
                }
            }
        }
    }
}
