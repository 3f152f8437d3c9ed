package org.minicoin.consensus.validation;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.minicoin.consensus.crypto.SignatureVerifier;
import org.minicoin.consensus.script.Interpreter;
import org.minicoin.consensus.script.ScriptError;
import org.minicoin.consensus.script.SigHash;
import org.minicoin.consensus.script.TransactionSignatureChecker;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxIn;
import org.minicoin.consensus.types.TxOut;

/**
 * Runs a block's input scripts, possibly in parallel on a caller's executor, and reports the first failing input
 * in block order, so the verdict never depends on thread timing (Core's check queue reports whichever failure a
 * thread finds first). The calling thread works through the checks too and waits only for checks already taken
 * by other threads, so a busy or even a never-running executor cannot stall it. No threads are started here.
 */
final class ScriptCheckRunner {
    /** Inputs per unit of work: large enough to amortise the hand-off, small enough to balance the load. */
    private static final int CHUNK = 8;

    /** One input to verify against the output it spends; {@code precomputed} is shared by the transaction. */
    record ScriptCheck(Transaction tx, int inputIndex, TxOut spent, SigHash.Precomputed precomputed) {
        ScriptError run(int flags, SignatureVerifier verifier) {
            TxIn in = tx.inputs().get(inputIndex);
            TransactionSignatureChecker checker =
                    new TransactionSignatureChecker(tx, inputIndex, spent.value(), precomputed, verifier);
            return Interpreter.verify(in.scriptSig(), spent.scriptPubKey(), in.witness(), flags, checker);
        }
    }

    /** The failing check at {@code index} in the list given to {@link #firstFailure}. */
    record Failure(int index, ScriptError error) {
    }

    private ScriptCheckRunner() {
    }

    /**
     * The first failing check in list order, or null if all pass. With a null executor every check runs on the
     * calling thread. An exception thrown by a check (a bug, not a verdict) is rethrown here.
     */
    static Failure firstFailure(List<ScriptCheck> checks, int flags, SignatureVerifier verifier, Executor executor) {
        int n = checks.size();
        if (n == 0) {
            return null;
        }
        int chunks = (n + CHUNK - 1) / CHUNK;
        AtomicInteger nextChunk = new AtomicInteger();
        AtomicInteger firstFailing = new AtomicInteger(Integer.MAX_VALUE);
        AtomicReference<Throwable> crash = new AtomicReference<>();
        // Written by the worker that finds a failure; read after the latch, which orders the write before the read.
        ScriptError[] errors = new ScriptError[n];
        CountDownLatch done = new CountDownLatch(chunks);

        Runnable worker = () -> {
            int c;
            while ((c = nextChunk.getAndIncrement()) < chunks) {
                try {
                    int end = Math.min(n, (c + 1) * CHUNK);
                    for (int i = c * CHUNK; i < end && i < firstFailing.get(); i++) {
                        ScriptError e = checks.get(i).run(flags, verifier);
                        if (e != ScriptError.OK) {
                            errors[i] = e;
                            firstFailing.accumulateAndGet(i, Math::min);
                            break;
                        }
                    }
                } catch (Throwable t) {
                    crash.compareAndSet(null, t);
                } finally {
                    done.countDown();
                }
            }
        };

        if (executor != null) {
            int helpers = Math.min(chunks - 1, Runtime.getRuntime().availableProcessors());
            try {
                for (int h = 0; h < helpers; h++) {
                    executor.execute(worker);
                }
            } catch (RejectedExecutionException e) {
                // A saturated or shut-down executor: the calling thread does the remaining work.
            }
        }
        worker.run();
        awaitUninterruptibly(done);

        Throwable t = crash.get();
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        int first = firstFailing.get();
        return first == Integer.MAX_VALUE ? null : new Failure(first, errors[first]);
    }

    /**
     * Waits for checks other threads have taken. They are finite computations, so the wait is bounded; an
     * interrupt is remembered and restored rather than abandoning a verdict half made.
     */
    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
