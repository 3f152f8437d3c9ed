package org.minicoin.node.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw values of every layer and Core's rules for merging them (common/settings.cpp, MergeSettings and friends):
 * command line first, then the network's section of the config file, then the top of the file. Values are kept as
 * given, negations included, because Core's rules look at where a negation sits among them.
 */
final class Settings {
    /** One value: its text, or a negation ({@code -noname}), which Core stores as {@code false}. */
    record Value(String text) {
        static final Value NEGATED = new Value(null);

        boolean negated() {
            return text == null;
        }
    }

    /** Where a list of values came from, in Core's order of precedence. */
    private enum Source { COMMAND_LINE, NETWORK_SECTION, DEFAULT_SECTION }

    private final Map<String, List<Value>> commandLine;
    /** Section name ({@code ""} for the top of the file) to option name to values, in file order. */
    private final Map<String, Map<String, List<Value>>> config;

    Settings(Map<String, List<Value>> commandLine, Map<String, Map<String, List<Value>>> config) {
        this.commandLine = commandLine;
        this.config = config;
    }

    static Settings empty() {
        return new Settings(new HashMap<>(), new HashMap<>());
    }

    void addCommandLine(String name, Value value) {
        commandLine.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }

    void addConfig(String section, String name, Value value) {
        config.computeIfAbsent(section, s -> new HashMap<>()).computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }

    /** A copy with the command line of this one and no config file. */
    Settings commandLineOnly() {
        return new Settings(commandLine, new HashMap<>());
    }

    /**
     * The one value that counts (Core's GetSetting), or null when unset.
     *
     * @param ignoreDefaultSection the top of the file does not apply (a network-only option on another network);
     *                             a negation there still does, as in Core
     * @param chainType            reading {@code -regtest}: the file's first value does not win and negations on the
     *                             command line are skipped, both kept from Core for compatibility
     */
    Value get(String section, String name, boolean ignoreDefaultSection, boolean chainType) {
        for (Source source : Source.values()) {
            List<Value> span = span(source, section, name);
            if (span.isEmpty()) {
                continue;
            }
            boolean lastNegated = span.get(span.size() - 1).negated();
            if (ignoreDefaultSection && source == Source.DEFAULT_SECTION && !lastNegated) {
                continue;
            }
            if (chainType && source == Source.COMMAND_LINE && lastNegated) {
                continue;
            }
            if (lastNegated) {
                return Value.NEGATED;
            }
            // In a config file the first assignment wins, on the command line the last (Core: reverse_precedence).
            boolean firstWins = source != Source.COMMAND_LINE && !chainType;
            List<Value> after = afterLastNegation(span);
            return firstWins ? after.get(0) : after.get(after.size() - 1);
        }
        return null;
    }

    /**
     * Every value that counts, in order (Core's GetSettingsList): all layers are combined, except that a negation
     * drops the values before it and those of lower layers. Kept from Core for compatibility: a negation followed by
     * values on the command line brings the config file's values back.
     */
    List<String> getAll(String section, String name, boolean ignoreDefaultSection) {
        List<String> result = new ArrayList<>();
        boolean done = false;
        boolean previousNegatedEmpty = false;
        for (Source source : Source.values()) {
            List<Value> span = span(source, section, name);
            if (span.isEmpty() || (ignoreDefaultSection && source == Source.DEFAULT_SECTION)) {
                continue;
            }
            boolean zombie = source != Source.COMMAND_LINE && !previousNegatedEmpty;
            if (!done || zombie) {
                afterLastNegation(span).forEach(v -> result.add(v.text()));
            }
            done |= span.stream().anyMatch(Value::negated);
            previousNegatedEmpty |= span.get(span.size() - 1).negated() && result.isEmpty();
        }
        return result;
    }

    /**
     * Whether the only non-negated value is in the top of the file (Core's OnlyHasDefaultSectionSetting): for a
     * network-only option on another network that value would be silently ignored, which Core refuses.
     */
    boolean onlyInDefaultSection(String section, String name) {
        boolean inDefault = false;
        boolean elsewhere = false;
        for (Source source : Source.values()) {
            List<Value> span = span(source, section, name);
            if (span.isEmpty() || span.get(span.size() - 1).negated()) {
                continue;
            }
            if (source == Source.DEFAULT_SECTION) {
                inDefault = true;
            } else {
                elsewhere = true;
            }
        }
        return inDefault && !elsewhere;
    }

    private List<Value> span(Source source, String section, String name) {
        Map<String, List<Value>> layer = switch (source) {
            case COMMAND_LINE -> commandLine;
            case NETWORK_SECTION -> section.isEmpty() ? Map.of() : config.getOrDefault(section, Map.of());
            case DEFAULT_SECTION -> config.getOrDefault("", Map.of());
        };
        return layer.getOrDefault(name, Collections.emptyList());
    }

    private static List<Value> afterLastNegation(List<Value> span) {
        for (int i = span.size() - 1; i >= 0; i--) {
            if (span.get(i).negated()) {
                return span.subList(i + 1, span.size());
            }
        }
        return span;
    }
}
