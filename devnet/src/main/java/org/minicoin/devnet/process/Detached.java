package org.minicoin.devnet.process;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starting a JVM that outlives the launcher, and checking, stopping and killing it later by pid from another
 * launcher process.
 */
public final class Detached {
    private static final File DEV_NULL = new File("/dev/null");
    private static final Optional<Path> SETSID = findSetsid();

    private Detached() {
    }

    private static Optional<Path> findSetsid() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path p = Path.of(dir, "setsid");
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Starts {@code java -cp <this JVM's class path> <main> <args>} with stdin from /dev/null and stdout and
     * stderr appended to {@code log}; under {@code setsid} when there is one, so a Ctrl-C in the launcher's terminal
     * does not reach it. Returns its pid (setsid execs in place, as the child is not a process group leader).
     */
    public static long startJava(String main, List<String> jvmOptions, List<String> args, Path log)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        SETSID.ifPresent(p -> cmd.add(p.toString()));
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main);
        cmd.addAll(args);
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process p = new ProcessBuilder(cmd).redirectInput(DEV_NULL)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).redirectErrorStream(true).start();
        return p.pid();
    }

    /**
     * The live process {@code pid}, if it is one of ours: its command line must contain {@code marker} (a path
     * unique to it), so a pid reused by an unrelated process after ours died is not mistaken for it.
     */
    public static Optional<ProcessHandle> find(long pid, String marker) {
        if (pid <= 0) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(h -> h.info().commandLine().map(c -> c.contains(marker)).orElse(true));
    }

    /** Waits up to {@code timeout} for the process to exit; true if it did. */
    public static boolean awaitExit(ProcessHandle h, Duration timeout) {
        try {
            h.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return !h.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !h.isAlive();
        } catch (java.util.concurrent.ExecutionException e) {
            return !h.isAlive();
        }
    }

    /** SIGTERM, then SIGKILL if it has not exited within {@code grace}; true once it is gone. */
    public static boolean terminate(ProcessHandle h, Duration grace) {
        h.destroy();
        if (awaitExit(h, grace)) {
            return true;
        }
        h.destroyForcibly();
        return awaitExit(h, Duration.ofSeconds(10));
    }
}
