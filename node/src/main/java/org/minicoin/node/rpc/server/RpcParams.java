package org.minicoin.node.rpc.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of one call, checked against its method and held in positional order. A call may pass them as an
 * array or as an object of named parameters, which is converted as Core's transformNamedArguments converts it
 * (including the {@code args} member for leading positional values). The getters read a parameter by name, or its
 * default, and fail with Core's messages: a value of the wrong JSON type is error -3 {@code JSON value of type string
 * is not of expected type number}, an integer that does not fit is -1 {@code JSON integer out of range}.
 */
public final class RpcParams {
    private final RpcMethod method;
    private final List<JsonNode> values;

    private RpcParams(RpcMethod method, List<JsonNode> values) {
        this.method = method;
        this.values = values;
    }

    /**
     * Checks {@code params} (an array, an object of named parameters, or null for none) against {@code method}, as
     * Core's CRPCTable::execute and RPCMethod::HandleRequest do before running a method.
     *
     * @throws RpcException -8 for an unknown or doubly given named parameter; -1 with the method's help text for too
     *                      few or too many parameters; -3 {@code Wrong type passed:} listing each parameter of the
     *                      wrong JSON type
     */
    public static RpcParams of(RpcMethod method, JsonNode params) throws RpcException {
        List<JsonNode> positional;
        if (params == null || params.isNull() || params.isMissingNode()) {
            positional = List.of();
        } else if (params.isArray()) {
            positional = new ArrayList<>();
            params.forEach(positional::add);
        } else if (params.isObject()) {
            positional = fromNamed(method, (ObjectNode) params);
        } else {
            throw new RpcException(RpcErrorCode.INVALID_REQUEST, "Params must be an array or object");
        }
        if (!validCount(method, positional.size())) {
            // Core throws the help text (HelpResult), which reaches the client as a std::exception: code -1.
            throw new RpcException(RpcErrorCode.MISC_ERROR, method.helpText());
        }
        checkTypes(method, positional);
        return new RpcParams(method, List.copyOf(positional));
    }

    /** Core's transformNamedArguments (rpc/server.cpp), without named-only options objects. */
    private static List<JsonNode> fromNamed(RpcMethod method, ObjectNode in) throws RpcException {
        // Jackson keeps the last of duplicate keys, so Core's "specified multiple times" cannot arise here.
        Map<String, JsonNode> argsIn = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : in.properties()) {
            argsIn.put(e.getKey(), e.getValue());
        }
        List<JsonNode> out = new ArrayList<>();
        // Parameters left out before one that is given become nulls; left out at the end they stay absent.
        int hole = 0;
        int initialHoleSize = 0;
        String initialParam = null;
        for (RpcParam p : method.params()) {
            String found = null;
            for (String n : p.allNames()) {
                if (argsIn.containsKey(n)) {
                    found = n;
                    break;
                }
            }
            if (found != null) {
                for (int i = 0; i < hole; i++) {
                    out.add(JsonNodeFactory.instance.nullNode());
                }
                hole = 0;
                if (initialParam == null) {
                    initialParam = p.names();
                }
                out.add(argsIn.remove(found));
            } else {
                hole++;
                if (out.isEmpty()) {
                    initialHoleSize = hole;
                }
            }
        }
        // "args" supplies leading positional values; named ones fill the positions after them.
        JsonNode positionalArgs = argsIn.remove("args");
        if (positionalArgs != null && positionalArgs.isArray()) {
            if (initialHoleSize < positionalArgs.size() && initialParam != null) {
                throw new RpcException(RpcErrorCode.INVALID_PARAMETER, "Parameter " + initialParam
                        + " specified twice both as positional and named argument");
            }
            List<JsonNode> named = out;
            out = new ArrayList<>();
            positionalArgs.forEach(out::add);
            for (int i = out.size(); i < named.size(); i++) {
                out.add(named.get(i));
            }
        }
        if (!argsIn.isEmpty()) {
            throw new RpcException(RpcErrorCode.INVALID_PARAMETER,
                    "Unknown named parameter " + argsIn.keySet().iterator().next());
        }
        return out;
    }

    /** Core's RPCMethod::IsValidNumArgs: at least up to the last required parameter, at most all of them. */
    private static boolean validCount(RpcMethod method, int count) {
        int required = 0;
        for (int n = method.params().size(); n > 0; n--) {
            if (method.params().get(n - 1).required()) {
                required = n;
                break;
            }
        }
        return required <= count && count <= method.params().size();
    }

    /** Core's RPCArg::MatchesType over every parameter, reported together as Core reports them. */
    private static void checkTypes(RpcMethod method, List<JsonNode> values) throws RpcException {
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < method.params().size(); i++) {
            RpcParam p = method.params().get(i);
            JsonNode v = i < values.size() ? values.get(i) : JsonNodeFactory.instance.nullNode();
            JsonNodeType expected = p.type().expected();
            if (expected == null || (!p.required() && v.isNull()) || v.getNodeType() == expected) {
                continue;
            }
            // UniValue::write(4) of an object of strings.
            mismatches.add("    " + new TextNode("Position " + (i + 1) + " (" + p.names() + ")") + ": "
                    + new TextNode(typeError(v, expected)));
        }
        if (!mismatches.isEmpty()) {
            throw new RpcException(RpcErrorCode.TYPE_ERROR,
                    "Wrong type passed:\n{\n" + String.join(",\n", mismatches) + "\n}");
        }
    }

    /** How many positional values the call has, trailing omitted ones not counted. */
    public int size() {
        return values.size();
    }

    /**
     * The value at {@code index} as given, or a {@code NullNode} when not given (Core's {@code request.params[i]}).
     */
    public JsonNode at(int index) {
        return index < values.size() ? values.get(index) : JsonNodeFactory.instance.nullNode();
    }

    /**
     * The named parameter's value, else its default, else empty (Core's MaybeArg). A JSON null counts as not given.
     *
     * @throws IllegalArgumentException when the method has no parameter of that name (a bug in the method)
     */
    public Optional<JsonNode> find(String name) {
        int i = indexOf(name);
        JsonNode v = at(i);
        if (!v.isNull()) {
            return Optional.of(v);
        }
        return Optional.ofNullable(method.params().get(i).defaultValue());
    }

    /**
     * The named parameter's value or default (Core's Arg); for a parameter that is required or has a default.
     *
     * @throws IllegalStateException when an optional parameter without a default is absent: the method should have
     *                               used {@link #find}
     */
    public JsonNode get(String name) {
        return find(name).orElseThrow(() -> new IllegalStateException(
                method.name() + ": parameter " + name + " is optional without a default; read it with find"));
    }

    /** A string parameter; -3 if the value is not a string. */
    public String getString(String name) throws RpcException {
        return string(get(name));
    }

    /** An optional string parameter. */
    public Optional<String> findString(String name) throws RpcException {
        Optional<JsonNode> v = find(name);
        return v.isEmpty() ? Optional.empty() : Optional.of(string(v.get()));
    }

    /** An integer parameter that fits an int; -3 if not a number, -1 if not an integer in range. */
    public int getInt(String name) throws RpcException {
        return toInt(get(name));
    }

    /** An optional integer parameter that fits an int. */
    public Optional<Integer> findInt(String name) throws RpcException {
        Optional<JsonNode> v = find(name);
        return v.isEmpty() ? Optional.empty() : Optional.of(toInt(v.get()));
    }

    /** An integer parameter that fits a long; -3 if not a number, -1 if not an integer in range. */
    public long getLong(String name) throws RpcException {
        return toLong(get(name));
    }

    /** An optional integer parameter that fits a long. */
    public Optional<Long> findLong(String name) throws RpcException {
        Optional<JsonNode> v = find(name);
        return v.isEmpty() ? Optional.empty() : Optional.of(toLong(v.get()));
    }

    /** A boolean parameter; -3 if the value is not true or false. */
    public boolean getBool(String name) throws RpcException {
        return bool(get(name));
    }

    /** An optional boolean parameter. */
    public Optional<Boolean> findBool(String name) throws RpcException {
        Optional<JsonNode> v = find(name);
        return v.isEmpty() ? Optional.empty() : Optional.of(bool(v.get()));
    }

    /** A number parameter as a double (Core's get_real); -3 if the value is not a number. */
    public double getDouble(String name) throws RpcException {
        return expect(get(name), JsonNodeType.NUMBER).doubleValue();
    }

    /** An object parameter; -3 if the value is not an object. */
    public ObjectNode getObject(String name) throws RpcException {
        return (ObjectNode) expect(get(name), JsonNodeType.OBJECT);
    }

    /** An array parameter; -3 if the value is not an array. */
    public ArrayNode getArray(String name) throws RpcException {
        return (ArrayNode) expect(get(name), JsonNodeType.ARRAY);
    }

    /** The JSON type name Core's uvTypeName gives a value: null, bool, object, array, string or number. */
    static String typeName(JsonNodeType type) {
        return switch (type) {
            case BOOLEAN -> "bool";
            case OBJECT -> "object";
            case ARRAY -> "array";
            case STRING -> "string";
            case NUMBER -> "number";
            default -> "null";
        };
    }

    private static String typeError(JsonNode v, JsonNodeType expected) {
        return "JSON value of type " + typeName(v.getNodeType()) + " is not of expected type " + typeName(expected);
    }

    private static JsonNode expect(JsonNode v, JsonNodeType type) throws RpcException {
        if (v.getNodeType() != type) {
            // Core's UniValue::checkType throws type_error, which ExecuteCommand turns into RPC_TYPE_ERROR.
            throw new RpcException(RpcErrorCode.TYPE_ERROR, typeError(v, type));
        }
        return v;
    }

    private static String string(JsonNode v) throws RpcException {
        return expect(v, JsonNodeType.STRING).textValue();
    }

    private static boolean bool(JsonNode v) throws RpcException {
        return expect(v, JsonNodeType.BOOLEAN).booleanValue();
    }

    private static long toLong(JsonNode v) throws RpcException {
        expect(v, JsonNodeType.NUMBER);
        // Core's getInt parses the number's text with from_chars: "1.0", "1e3" and overflow are all out of range.
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new RpcException(RpcErrorCode.MISC_ERROR, "JSON integer out of range");
        }
        return v.longValue();
    }

    private static int toInt(JsonNode v) throws RpcException {
        long value = toLong(v);
        if (value != (int) value) {
            throw new RpcException(RpcErrorCode.MISC_ERROR, "JSON integer out of range");
        }
        return (int) value;
    }

    private int indexOf(String name) {
        List<RpcParam> params = method.params();
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).allNames().contains(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(method.name() + " has no parameter " + name);
    }
}
