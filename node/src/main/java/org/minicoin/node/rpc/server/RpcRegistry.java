package org.minicoin.node.rpc.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The table of RPC methods (Core's CRPCTable): methods are registered by name before the server starts, and a call
 * is looked up, checked and run here. It always holds {@code help}, built from the table. While the node starts up
 * every call is answered with error -28 and the start-up status, as Core does during warm-up.
 */
public final class RpcRegistry {
    private static final String HIDDEN = "hidden";

    private final Map<String, RpcMethod> methods = new ConcurrentSkipListMap<>();
    /** Null once the node is ready; otherwise what it is doing, the message of error -28. */
    private volatile String warmupStatus;

    /** A table holding only {@code help}, not in warm-up. */
    public RpcRegistry() {
        register(new RpcMethod("help", "control", "List all commands, or get help for a specified command.",
                List.of(RpcParam.withHint("command", RpcParam.Type.STR, "all commands",
                        "The command to get help on")),
                "\nResult:\nstr    (string) The help text\n",
                params -> new TextNode(help(params.findString("command").orElse("")))));
    }

    /**
     * Adds a method.
     *
     * @throws IllegalArgumentException when a method of that name is already registered
     */
    public void register(RpcMethod method) {
        if (methods.putIfAbsent(method.name(), method) != null) {
            throw new IllegalArgumentException("RPC method " + method.name() + " is already registered");
        }
    }

    /** The method called {@code name}, if registered. */
    public Optional<RpcMethod> find(String name) {
        return Optional.ofNullable(methods.get(name));
    }

    /** Every registered method, by name. */
    public Collection<RpcMethod> methods() {
        return List.copyOf(methods.values());
    }

    /**
     * Puts the table in warm-up with {@code status} as the message of error -28 ({@code "Loading block index…"}),
     * or, with null, ends warm-up (Core's SetRPCWarmupStatus / SetRPCWarmupFinished).
     */
    public void setWarmup(String status) {
        this.warmupStatus = status;
    }

    /**
     * Runs a call (Core's CRPCTable::execute with ExecuteCommand): warm-up check, lookup, parameter checks, the
     * handler. An unchecked exception from a handler becomes error -1 with its message, as Core turns a
     * std::exception into RPC_MISC_ERROR.
     *
     * @param params the request's {@code params}: an array, an object of named parameters, or null
     * @throws RpcException -28 in warm-up, -32601 {@code Method not found}, a parameter error, or the handler's
     */
    public JsonNode execute(String method, JsonNode params) throws RpcException {
        String status = warmupStatus;
        if (status != null) {
            throw new RpcException(RpcErrorCode.IN_WARMUP, status);
        }
        RpcMethod m = methods.get(method);
        if (m == null) {
            throw new RpcException(RpcErrorCode.METHOD_NOT_FOUND, "Method not found");
        }
        try {
            return m.handler().call(RpcParams.of(m, params));
        } catch (RpcException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RpcException(RpcErrorCode.MISC_ERROR, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /**
     * The {@code help} text (Core's CRPCTable::help): with no command, the first line of every method's help grouped
     * under {@code == Category ==} headings, categories and names in order, hidden ones left out; with a command,
     * its full help, or {@code help: unknown command: X}.
     */
    public String help(String command) {
        List<RpcMethod> sorted = methods.values().stream()
                .sorted(Comparator.comparing((RpcMethod m) -> m.category() + m.name()))
                .toList();
        StringBuilder s = new StringBuilder();
        String category = "";
        for (RpcMethod m : sorted) {
            if ((!command.isEmpty() || m.category().equals(HIDDEN)) && !m.name().equals(command)) {
                continue;
            }
            String text = m.helpText();
            if (command.isEmpty()) {
                int nl = text.indexOf('\n');
                if (nl >= 0) {
                    text = text.substring(0, nl);
                }
                if (!category.equals(m.category())) {
                    if (!category.isEmpty()) {
                        s.append('\n');
                    }
                    category = m.category();
                    s.append("== ").append(capitalize(category)).append(" ==\n");
                }
            }
            s.append(text).append('\n');
        }
        if (s.length() == 0) {
            s.append("help: unknown command: ").append(command).append('\n');
        }
        return s.substring(0, s.length() - 1);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
