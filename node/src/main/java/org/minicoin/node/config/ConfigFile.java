package org.minicoin.node.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a config file as Core reads them (GetConfigOptions in common/config.cpp): {@code name=value}, {@code #}
 * comments, blank lines, {@code [section]} headers that prefix the names below them ({@code regtest.port}). Names
 * are not looked up here; that is {@link Options}' job.
 */
final class ConfigFile {
    /** One {@code name=value} line; {@code key} carries its section prefix ({@code regtest.port}). */
    record Entry(String key, String value, int line) {
    }

    /** A section named by a header or by a prefixed key, where it first appeared. */
    record Section(String name, int line) {
    }

    /** What a file holds, in order. */
    record Contents(List<Entry> entries, List<Section> sections) {
    }

    private static final String BLANKS = " \t\r\n";

    private ConfigFile() {
    }

    /**
     * Splits {@code text} into entries and sections.
     *
     * @throws ConfigException with Core's "parse error on line N: ..." for a line that is neither
     */
    static Contents parse(String text) {
        List<Entry> entries = new ArrayList<>();
        List<Section> sections = new ArrayList<>();
        String prefix = "";
        int lineNumber = 0;
        for (String raw : text.split("\n", -1)) {
            lineNumber++;
            String line = raw;
            int hash = line.indexOf('#');
            boolean usedHash = hash >= 0;
            if (usedHash) {
                line = line.substring(0, hash);
            }
            line = trim(line);
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (line.startsWith("[") && line.endsWith("]")) {
                String section = line.substring(1, line.length() - 1);
                sections.add(new Section(section, lineNumber));
                prefix = section + ".";
            } else if (line.startsWith("-")) {
                throw new ConfigException("parse error on line " + lineNumber + ": " + line
                        + ", options in configuration file must be specified without leading -");
            } else if (eq >= 0) {
                String key = prefix + trim(line.substring(0, eq));
                if (usedHash && key.contains("rpcpassword")) {
                    // A password may contain '#', which would silently cut it short here.
                    throw new ConfigException("parse error on line " + lineNumber
                            + ", using # in rpcpassword can be ambiguous and should be avoided");
                }
                entries.add(new Entry(key, trim(line.substring(eq + 1)), lineNumber));
                int dot = key.lastIndexOf('.');
                if (dot >= 0 && prefix.length() <= dot) {
                    sections.add(new Section(key.substring(0, dot), lineNumber));
                }
            } else {
                String error = "parse error on line " + lineNumber + ": " + line;
                if (line.length() >= 2 && line.startsWith("no")) {
                    error += ", if you intended to specify a negated option, use " + line + "=1 instead";
                }
                throw new ConfigException(error);
            }
        }
        return new Contents(entries, sections);
    }

    private static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && BLANKS.indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && BLANKS.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(start, end);
    }
}
