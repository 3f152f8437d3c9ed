package org.minicoin.node.rpc.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.util.List;

/**
 * One parameter of an RPC method, as Core's RPCArg declares it: its name (with aliases as {@code "a|b"}), its type,
 * whether it is required, and its default. The type decides the check the server makes before the handler runs
 * (Core's RPCArg::MatchesType) and how {@code help} shows it.
 *
 * @param names        the name, or several separated by {@code |}; the first is the one {@code help} shows
 * @param type         the JSON type it takes
 * @param required     whether a call must give it (Core's Optional::NO)
 * @param defaultValue the value used when it is omitted or null, or null for none (Core's RPCArg::Default)
 * @param defaultHint  how {@code help} describes a default that is not a fixed value, or null (Core's DefaultHint)
 * @param description  its help text
 */
public record RpcParam(String names, Type type, boolean required, JsonNode defaultValue, String defaultHint,
                       String description) {

    /** Core's RPCArg::Type: what JSON a parameter takes and how help names it. */
    public enum Type {
        /** A string. */
        STR("string", JsonNodeType.STRING),
        /** A string of hex digits. */
        STR_HEX("string", JsonNodeType.STRING),
        /** A number. */
        NUM("numeric", JsonNodeType.NUMBER),
        /** Coins as a number or a string, checked by the method when it parses the amount. */
        AMOUNT("numeric or string", null),
        /** An end or a [begin,end] pair, checked by the method. */
        RANGE("numeric or array", null),
        /** true or false. */
        BOOL("boolean", JsonNodeType.BOOLEAN),
        /** An object with fixed keys. */
        OBJ("json object", JsonNodeType.OBJECT),
        /** An object whose keys the user chooses. */
        OBJ_USER_KEYS("json object", JsonNodeType.OBJECT),
        /** An array. */
        ARR("json array", JsonNodeType.ARRAY);

        private final String helpName;
        private final JsonNodeType expected;

        Type(String helpName, JsonNodeType expected) {
            this.helpName = helpName;
            this.expected = expected;
        }

        /** The JSON type a value must have, or null when the method checks it itself. */
        JsonNodeType expected() {
            return expected;
        }
    }

    public RpcParam {
        if (names == null || names.isEmpty() || List.of(names.split("\\|", -1)).contains("")) {
            throw new IllegalArgumentException("bad parameter name '" + names + "'");
        }
        if (required && (defaultValue != null || defaultHint != null)) {
            throw new IllegalArgumentException(names + ": a required parameter has no default");
        }
    }

    /** A parameter every call must give. */
    public static RpcParam required(String names, Type type, String description) {
        return new RpcParam(names, type, true, null, null, description);
    }

    /** An optional parameter without a default: the handler sees it as absent (Core's Optional::OMITTED). */
    public static RpcParam optional(String names, Type type, String description) {
        return new RpcParam(names, type, false, null, null, description);
    }

    /** An optional parameter that takes {@code defaultValue} when omitted or null. */
    public static RpcParam withDefault(String names, Type type, JsonNode defaultValue, String description) {
        return new RpcParam(names, type, false, defaultValue, null, description);
    }

    /** An optional parameter whose default {@code help} describes as {@code hint} ("all commands"). */
    public static RpcParam withHint(String names, Type type, String hint, String description) {
        return new RpcParam(names, type, false, null, hint, description);
    }

    /** The name {@code help} shows: the first of {@link #names}. */
    public String firstName() {
        int bar = names.indexOf('|');
        return bar < 0 ? names : names.substring(0, bar);
    }

    /** Every name the parameter answers to in a named call. */
    List<String> allNames() {
        return List.of(names.split("\\|"));
    }

    /** Core's RPCArg::ToString(oneline): how the method's first help line shows it. */
    String oneLine() {
        return switch (type) {
            case STR, STR_HEX -> "\"" + firstName() + "\"";
            case NUM, RANGE, AMOUNT, BOOL -> firstName();
            case OBJ -> "{}";
            case OBJ_USER_KEYS -> "{...}";
            case ARR -> "[...]";
        };
    }

    /** Core's RPCArg::ToDescriptionString for the Arguments section: "(numeric, required) The height". */
    String descriptionLine() {
        StringBuilder s = new StringBuilder("(").append(type.helpName);
        if (defaultHint != null) {
            s.append(", optional, default=").append(defaultHint);
        } else if (defaultValue != null) {
            s.append(", optional, default=").append(defaultValue);
        } else {
            s.append(required ? ", required" : ", optional");
        }
        s.append(')');
        if (description != null && !description.isEmpty()) {
            s.append(' ').append(description);
        }
        return s.toString();
    }
}
