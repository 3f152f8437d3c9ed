package org.minicoin.genesis.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import org.minicoin.consensus.encoding.Hex;

/**
 * Reads the fields of one JSON object of a chain spec, knowing its own JSON path so that every failure names the
 * field ({@code pow.targetSpacing: must be a positive integer, got -5}). Unknown fields are rejected by name
 * because a misspelt optional-looking field ("targetSpaceing") would otherwise be silently ignored.
 */
final class JsonFields {
    private static final int MAX_SHOWN = 80;

    private final String source;
    private final String path;
    private final JsonNode node;
    private final List<String> known = new ArrayList<>();

    private JsonFields(String source, String path, JsonNode node) {
        this.source = source;
        this.path = path;
        this.node = node;
    }

    /** The document's top-level object. */
    static JsonFields root(String source, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new ChainSpecException(source, null, "must be a JSON object, got " + show(node));
        }
        return new JsonFields(source, "", node);
    }

    /**
     * Declares the fields this object may hold and fails on the first other one. The root calls this only after
     * reading {@code format}, so that a newer format's fields are reported as a format mismatch, not as unknown.
     */
    JsonFields allow(String... names) {
        known.addAll(List.of(names));
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                throw error(name, "unknown field (expected " + String.join(", ", known) + ")");
            }
        }
        return this;
    }

    /** A nested object that may hold only {@code names}. */
    JsonFields object(String name, String... names) {
        JsonNode v = required(name);
        if (!v.isObject()) {
            throw error(name, "must be an object, got " + show(v));
        }
        return new JsonFields(source, pathOf(name), v).allow(names);
    }

    JsonNode required(String name) {
        JsonNode v = node.get(name);
        if (v == null) {
            throw error(name, "missing");
        }
        return v;
    }

    String string(String name) {
        JsonNode v = required(name);
        if (!v.isTextual()) {
            throw error(name, "must be a string, got " + show(v));
        }
        return v.textValue();
    }

    /** A string matching {@code pattern}; {@code expectation} completes "must be ..." in the error. */
    String string(String name, Pattern pattern, String expectation) {
        JsonNode v = required(name);
        if (!v.isTextual() || !pattern.matcher(v.textValue()).matches()) {
            throw error(name, "must be " + expectation + ", got " + show(v));
        }
        return v.textValue();
    }

    /** Hex of exactly {@code bytes} bytes ({@code bytes < 0}: any whole number of bytes). */
    byte[] hex(String name, int bytes, String expectation) {
        String repeat = bytes < 0 ? "*" : "{" + bytes + "}";
        return Hex.decode(string(name, Pattern.compile("(?:[0-9a-fA-F]{2})" + repeat), expectation));
    }

    /** An integer JSON number in {@code min..max}; {@code expectation} completes "must be ..." in the error. */
    long integer(String name, long min, long max, String expectation) {
        JsonNode v = required(name);
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < min || v.longValue() > max) {
            throw error(name, "must be " + expectation + ", got " + show(v));
        }
        return v.longValue();
    }

    String pathOf(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    ChainSpecException error(String name, String reason) {
        return new ChainSpecException(source, pathOf(name), reason);
    }

    /** A JSON value as it appeared (strings quoted), cut short so a pasted blob cannot flood the message. */
    static String show(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        String s = v.toString();
        return s.length() <= MAX_SHOWN ? s : s.substring(0, MAX_SHOWN) + "...";
    }
}
