package org.minicoin.wallet.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Where secrets come from: the terminal without echo, or a file for scripts (its first line). Secrets are held as
 * char arrays so callers can wipe them, and are never printed or logged.
 */
final class Terminal {
    private Terminal() {
    }

    /**
     * The wallet passphrase: the first line of {@code file} if given, else asked on the terminal ({@code confirm}
     * asks twice and requires the same answer).
     */
    static char[] passphrase(Path file, String prompt, boolean confirm) {
        if (file != null) {
            return firstLine(file, "passphrase file");
        }
        Console console = System.console();
        if (console == null) {
            throw new WalletCliException("no terminal to ask for the passphrase; give it with --passphrase-file=FILE");
        }
        char[] first = console.readPassword("%s: ", prompt);
        if (first == null) {
            throw new WalletCliException("no passphrase given");
        }
        if (confirm) {
            char[] again = console.readPassword("Repeat the passphrase: ");
            boolean same = again != null && Arrays.equals(first, again);
            if (again != null) {
                Arrays.fill(again, '\0');
            }
            if (!same) {
                Arrays.fill(first, '\0');
                throw new WalletCliException("the passphrases do not match");
            }
        }
        return first;
    }

    /** A secret line (e.g. a mnemonic) from {@code file}, else from the terminal without echo. */
    static char[] secretLine(Path file, String what, String prompt) {
        if (file != null) {
            return firstLine(file, what + " file");
        }
        Console console = System.console();
        if (console == null) {
            throw new WalletCliException("no terminal to ask for the " + what + "; give it in a file");
        }
        char[] line = console.readPassword("%s: ", prompt);
        if (line == null) {
            throw new WalletCliException("no " + what + " given");
        }
        return line;
    }

    private static char[] firstLine(Path file, String what) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            String line = end >= 0 ? text.substring(0, end) : text;
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            return line.toCharArray();
        } catch (IOException e) {
            throw new WalletCliException("cannot read the " + what + " " + file + ": " + e.getMessage());
        }
    }
}
