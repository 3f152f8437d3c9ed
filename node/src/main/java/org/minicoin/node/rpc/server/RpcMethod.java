package org.minicoin.node.rpc.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One JSON-RPC method: its name, {@code help} category, ordered parameters, help text and handler (Core's
 * CRPCCommand with its RPCMethod). The server checks the call against the parameters before the handler runs: named
 * parameters become positional, a wrong count is answered with the help text, a wrong JSON type with error -3.
 *
 * @param name        the method name ({@code getblockcount})
 * @param category    the {@code help} group ({@code blockchain}, {@code control}, ...); {@code hidden} keeps it out
 *                    of the list
 * @param description what it does, the text after {@code help}'s first line
 * @param params      its parameters in positional order
 * @param resultHelp  text {@code help} shows after the arguments (Core's Result and Examples sections, each starting
 *                    with a blank line: {@code "\nResult:\nn    (numeric) The current block count\n"}), or empty
 * @param handler     the code that answers a call
 */
public record RpcMethod(String name, String category, String description, List<RpcParam> params, String resultHelp,
                        Handler handler) {

    /** What a method does with a checked call. Runs on an RPC worker thread; may block. */
    @FunctionalInterface
    public interface Handler {
        /**
         * Answers a call.
         *
         * @return the reply's {@code result} (a {@code NullNode} for Core's null)
         * @throws RpcException with Core's code and message when the call fails
         */
        JsonNode call(RpcParams params) throws RpcException;
    }

    public RpcMethod {
        params = List.copyOf(params);
        Set<String> seen = new HashSet<>();
        for (RpcParam p : params) {
            for (String n : p.allNames()) {
                if (!seen.add(n)) {
                    // Core's RPCMethod constructor checks the same: a named call must map to one position.
                    throw new IllegalArgumentException(name + ": parameter name " + n + " used twice");
                }
            }
        }
        resultHelp = resultHelp == null ? "" : resultHelp;
    }

    /** A method without result help. */
    public RpcMethod(String name, String category, String description, List<RpcParam> params, Handler handler) {
        this(name, category, description, params, "", handler);
    }

    /**
     * The method's full help as Core's RPCMethod::ToString lays it out: a one-line summary ({@code name "str" num
     * ( optional )}), the description, the numbered Arguments section aligned in columns, then {@link #resultHelp}.
     */
    public String helpText() {
        StringBuilder s = new StringBuilder(name);
        boolean wasOptional = false;
        for (RpcParam p : params) {
            s.append(' ');
            if (!p.required()) {
                if (!wasOptional) {
                    s.append("( ");
                }
                wasOptional = true;
            } else {
                if (wasOptional) {
                    s.append(") ");
                }
                wasOptional = false;
            }
            s.append(p.oneLine());
        }
        if (wasOptional) {
            s.append(" )");
        }
        s.append("\n\n").append(description.strip()).append('\n');
        if (!params.isEmpty()) {
            s.append("\nArguments:\n").append(argumentSections());
        }
        return s.append(resultHelp).toString();
    }

    /** Core's Sections::ToString: left column padded to the widest left part plus four spaces. */
    private String argumentSections() {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            RpcParam p = params.get(i);
            rows.add(new String[] {(i + 1) + ". " + p.firstName(), p.descriptionLine()});
            // Core pushes the shape of a top-level object or array below its line.
            switch (p.type()) {
                case ARR -> {
                    rows.add(new String[] {"     [", ""});
                    rows.add(new String[] {"       ...", ""});
                    rows.add(new String[] {"     ]", ""});
                }
                case OBJ_USER_KEYS -> {
                    rows.add(new String[] {"     {", ""});
                    rows.add(new String[] {"       ...", ""});
                    rows.add(new String[] {"     }", ""});
                }
                case OBJ -> {
                    rows.add(new String[] {"     {", ""});
                    rows.add(new String[] {"     }", ""});
                }
                default -> {
                }
            }
        }
        int pad = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0) + 4;
        StringBuilder s = new StringBuilder();
        for (String[] r : rows) {
            if (r[1].isEmpty()) {
                s.append(r[0]).append('\n');
                continue;
            }
            s.append(r[0]).append(" ".repeat(pad - r[0].length()));
            String[] lines = r[1].split("\n", -1);
            s.append(lines[0]);
            for (int i = 1; i < lines.length; i++) {
                s.append('\n').append(" ".repeat(pad)).append(lines[i].stripLeading());
            }
            s.append('\n');
        }
        return s.toString();
    }
}
