package org.minicoin.node.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ValueNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON as Core's UniValue reads and writes it, on Jackson's tree types. Numbers keep the exact text they were given
 * ({@link RawNumber}), because UniValue passes {@code 0.00001000} or {@code 1e-5} through unchanged: an amount typed
 * on the command line reaches the server as typed, and a fee in a reply is printed as the server wrote it.
 */
public final class Json {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    /**
     * Parses one JSON value of any type (UniValue::read): an object, array, string, number, {@code true},
     * {@code false} or {@code null}, with nothing but whitespace around it.
     *
     * @throws IllegalArgumentException when {@code text} is not exactly one JSON value
     */
    public static JsonNode parse(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IllegalArgumentException("no JSON value");
            }
            JsonNode value = read(parser, first);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("text after the JSON value");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }
    }

    /** Whether {@code text} is exactly one JSON value. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** {@code value} on one line, as UniValue's {@code write()}: no spaces, strings escaped as Core escapes them. */
    public static String write(JsonNode value) {
        StringBuilder sb = new StringBuilder();
        write(value, 0, 0, sb);
        return sb.toString();
    }

    /**
     * {@code value} pretty-printed as UniValue's {@code write(prettyIndent)}: one member per line, {@code "key": value},
     * and an empty array or object still broken over two lines ({@code [\n  ]}), as bitcoin-cli shows them.
     */
    public static String writePretty(JsonNode value, int prettyIndent) {
        StringBuilder sb = new StringBuilder();
        write(value, prettyIndent, 0, sb);
        return sb.toString();
    }

    /**
     * UniValue's {@code getValStr()}: a string's contents, a number's text, {@code 1} for true, and the empty string
     * for false, null, arrays and objects (which is why Core's -getinfo prints nothing for those).
     */
    public static String valueString(JsonNode value) {
        if (value == null || value.isContainerNode() || value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? "1" : "";
        }
        return value.asText();
    }

    private static JsonNode read(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    // Duplicate keys: UniValue keeps both and lookups see the first; the first is kept here too.
                    JsonNode member = read(parser, parser.nextToken());
                    if (!object.has(name)) {
                        object.set(name, member);
                    }
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    array.add(read(parser, t));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new RawNumber(parser.getText());
            }
            case VALUE_TRUE -> {
                return NODES.booleanNode(true);
            }
            case VALUE_FALSE -> {
                return NODES.booleanNode(false);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new IllegalArgumentException("unexpected " + token);
        }
    }

    // Follows UniValue::write (univalue/lib/univalue_write.cpp), including its indent arithmetic.
    private static void write(JsonNode value, int prettyIndent, int indentLevel, StringBuilder sb) {
        int modIndent = Math.max(indentLevel, 1);
        if (value.isObject()) {
            sb.append('{');
            newline(prettyIndent, sb);
            Iterator<Map.Entry<String, JsonNode>> members = value.properties().iterator();
            while (members.hasNext()) {
                Map.Entry<String, JsonNode> member = members.next();
                indent(prettyIndent, modIndent, sb);
                escape(member.getKey(), sb);
                sb.append(prettyIndent > 0 ? ": " : ":");
                write(member.getValue(), prettyIndent, modIndent + 1, sb);
                if (members.hasNext()) {
                    sb.append(',');
                }
                newline(prettyIndent, sb);
            }
            indent(prettyIndent, modIndent - 1, sb);
            sb.append('}');
        } else if (value.isArray()) {
            sb.append('[');
            newline(prettyIndent, sb);
            for (int i = 0; i < value.size(); i++) {
                indent(prettyIndent, modIndent, sb);
                write(value.get(i), prettyIndent, modIndent + 1, sb);
                if (i != value.size() - 1) {
                    sb.append(',');
                }
                newline(prettyIndent, sb);
            }
            indent(prettyIndent, modIndent - 1, sb);
            sb.append(']');
        } else if (value.isTextual()) {
            escape(value.textValue(), sb);
        } else if (value.isNull() || value.isMissingNode()) {
            sb.append("null");
        } else {
            sb.append(value.asText()); // a number's own text, or true/false
        }
    }

    private static void newline(int prettyIndent, StringBuilder sb) {
        if (prettyIndent > 0) {
            sb.append('\n');
        }
    }

    private static void indent(int prettyIndent, int level, StringBuilder sb) {
        sb.append(" ".repeat(prettyIndent * level));
    }

    /**
     * Quotes {@code s} with UniValue's escapes (univalue_escapes.h): {@code \"}, {@code \\}, {@code \b \t \n \f \r},
     * other control characters and DEL as six-character unicode escapes; everything else, non-ASCII included, as is.
     */
    private static void escape(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\f' -> sb.append("\\f");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** A JSON number kept as the text it was written with, as UniValue keeps numbers. */
    static final class RawNumber extends ValueNode {
        private static final long serialVersionUID = 1L;

        private final String text;

        RawNumber(String text) {
            this.text = text;
        }

        @Override
        public JsonNodeType getNodeType() {
            return JsonNodeType.NUMBER;
        }

        @Override
        public JsonToken asToken() {
            return isIntegral() ? JsonToken.VALUE_NUMBER_INT : JsonToken.VALUE_NUMBER_FLOAT;
        }

        @Override
        public String asText() {
            return text;
        }

        @Override
        public long asLong() {
            return isIntegral() ? Long.parseLong(text) : (long) Double.parseDouble(text);
        }

        @Override
        public long asLong(long defaultValue) {
            return asLong();
        }

        @Override
        public int asInt() {
            return (int) asLong();
        }

        @Override
        public int asInt(int defaultValue) {
            return asInt();
        }

        @Override
        public double asDouble(double defaultValue) {
            return asDouble();
        }

        @Override
        public double asDouble() {
            return Double.parseDouble(text);
        }

        @Override
        public void serialize(JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeNumber(text);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof RawNumber other && other.text.equals(text);
        }

        @Override
        public int hashCode() {
            return text.hashCode();
        }

        private boolean isIntegral() {
            return text.chars().noneMatch(c -> c == '.' || c == 'e' || c == 'E');
        }
    }
}
