package org.minicoin.node.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real minicoind process for end-to-end tests: started with the test class path, its console output sent to a
 * file (a pipe read by this JVM can lose the last lines of a process that exits), waited on for a line or for its
 * exit, and stopped with SIGTERM as a user would stop it.
 */
public final class DaemonProcess implements AutoCloseable {
    private static final long POLL_MILLIS = 20;

    private final Process process;
    private final Path outputFile;

    private DaemonProcess(Process process, Path outputFile) {
        this.process = process;
        this.outputFile = outputFile;
    }

    /** A TCP port free on this machine now, for a node's P2P or RPC port. */
    public static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Starts {@code minicoind args...} (stderr merged into stdout). */
    public static DaemonProcess start(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), "org.minicoin.node.daemon.Minicoind"));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("minicoind-", ".out");
        out.toFile().deleteOnExit();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        return new DaemonProcess(p, out);
    }

    /**
     * Waits for an output line matching {@code match}, checking as output arrives; fails with the output so far
     * if none comes in time or the process ends without one.
     */
    public String awaitLine(Predicate<String> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean ended = !process.isAlive();
            for (String line : output().split("\n")) {
                if (match.test(line)) {
                    return line;
                }
            }
            if (ended || System.nanoTime() > deadline) {
                throw new AssertionError("no matching line from minicoind within " + timeout
                        + (ended ? " (it exited with " + process.exitValue() + ")" : "") + "; output:\n" + output());
            }
            process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** The operating system's process id. */
    public long pid() {
        return process.pid();
    }

    /** Sends SIGTERM and waits for the exit code. */
    public int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        return awaitExit(timeout);
    }

    /** Waits for the process to end by itself; returns its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("minicoind did not exit within " + timeout + "; output:\n" + output());
        }
        return process.exitValue();
    }

    /** Everything it printed so far. */
    public String output() {
        try {
            return Files.readString(outputFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        try {
            Files.deleteIfExists(outputFile);
        } catch (IOException ignored) {
            // a temp file; deleteOnExit has it too
        }
    }
}
