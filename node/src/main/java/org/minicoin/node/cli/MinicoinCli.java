package org.minicoin.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code minicoin-cli} command: bitcoin-cli's AppInitRPC and CommandLineRPC (bitcoin-cli.cpp). It prints a string
 * result bare, any other result as JSON indented by 2 as UniValue's {@code write(2)}, and nothing for a null result;
 * an RPC error goes to stderr as {@code error code: N} and {@code error message:} lines; any other failure prints
 * {@code error: <message>}; both exit with 1.
 */
public final class MinicoinCli {
    /** Core's pause between -rpcwait attempts (UninterruptibleSleep(1s) in ConnectAndCallRPC). */
    private static final Duration RETRY_INTERVAL = Duration.ofSeconds(1);
    /** Core's RPC_IN_WARMUP: -rpcwait keeps waiting while the server answers this. */
    private static final int RPC_IN_WARMUP = -28;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private MinicoinCli() {
    }

    /** Runs the command and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.in, System.out, System.err));
    }

    /**
     * Runs {@code minicoin-cli args...}, reading {@code -stdin} arguments from {@code in}.
     *
     * @return the exit code: 0 on success, 1 on any error
     */
    public static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        CliOptions options;
        try {
            options = CliOptions.parse(args);
            if (args.isEmpty() || options.helpRequested() || options.getBool("version")) {
                out.print("minicoin RPC client version " + version() + "\n");
                if (!options.getBool("version")) {
                    out.print("\n" + CliOptions.helpText());
                }
                if (args.isEmpty()) {
                    err.println("Error: too few parameters");
                    return 1;
                }
                return 0;
            }
            options = options.withConfigFile();
        } catch (CliException e) {
            err.println(e.getMessage());
            return 1;
        }
        String print;
        int exitCode = 0;
        try {
            JsonNode reply = call(options, in, err);
            JsonNode error = reply.get("error");
            if (error == null || error.isNull()) {
                JsonNode result = reply.get("result");
                if (options.getBool("getinfo") && result != null) {
                    result = NODES.textNode(GetInfo.format(result));
                }
                print = resultText(result);
            } else {
                print = errorText(error);
                // Core's bitcoin-cli exits with abs(code), which the shell truncates to 8 bits (-32601 shows as
                // 89); minicoin's issue asks for 1, which every caller testing for failure handles the same way.
                exitCode = 1;
            }
        } catch (CliException e) {
            print = "error: " + e.getMessage();
            exitCode = 1;
        }
        if (!print.isEmpty()) {
            (exitCode == 0 ? out : err).print(print + "\n");
        }
        return exitCode;
    }

    /**
     * A JSON-RPC 1.0 request object: {@code {"method":..., "params":..., "id":...}}. (Core's bitcoin-cli adds
     * {@code "jsonrpc":"2.0"} since v28; minicoin sends 1.0, whose replies carry both result and error.)
     */
    static ObjectNode request(String method, JsonNode params, int id) {
        ObjectNode request = NODES.objectNode();
        request.put("method", method);
        request.set("params", params);
        request.put("id", id);
        return request;
    }

    /** Core's ParseResult: nothing for null, a string bare, anything else as {@code write(2)}. */
    static String resultText(JsonNode result) {
        if (result == null || result.isNull()) {
            return "";
        }
        return result.isTextual() ? result.textValue() : Json.writePretty(result, 2);
    }

    /** Core's ParseError: {@code error code: N}, {@code error message:} and the message on the next line. */
    static String errorText(JsonNode error) {
        if (!error.isObject()) {
            return "error: " + Json.write(error);
        }
        StringBuilder s = new StringBuilder();
        JsonNode code = error.get("code");
        if (code != null && !code.isNull()) {
            s.append("error code: ").append(Json.valueString(code)).append('\n');
        }
        JsonNode message = error.get("message");
        if (message != null && message.isTextual()) {
            s.append("error message:\n").append(message.textValue());
        }
        return s.toString();
    }

    /** Builds the request from the command (and stdin), sends it with -rpcwait's retries and returns the reply. */
    private static JsonNode call(CliOptions options, InputStream in, PrintStream err) {
        List<String> command = new ArrayList<>(options.command());
        if (options.getBool("stdin")) {
            command.addAll(readLines(in));
        }
        String body;
        boolean getinfo = options.getBool("getinfo");
        if (getinfo) {
            if (!command.isEmpty()) {
                throw new CliException("-getinfo takes no arguments");
            }
            body = Json.write(GetInfo.request());
        } else {
            if (command.isEmpty()) {
                throw new CliException("too few parameters (need at least command)");
            }
            String method = command.remove(0);
            JsonNode params = options.getBool("named") ? ParamConversion.named(method, command)
                    : ParamConversion.positional(method, command);
            body = Json.write(request(method, params, 1));
        }
        CliOptions.Endpoint endpoint = options.endpoint();
        if (endpoint.portGivenTwice()) {
            err.print("Warning: Port specified in both -rpcconnect and -rpcport. Using -rpcport " + endpoint.port()
                    + "\n");
        }
        long timeoutSeconds = options.getLong("rpcclienttimeout");
        java.util.function.Supplier<RpcClient> clients = () -> new RpcClient(endpoint,
                RpcClient.Credentials.of(options), timeoutSeconds > 0 ? Duration.ofSeconds(timeoutSeconds) : null,
                options.configFile().orElse(null));
        JsonNode reply = connectAndCall(clients, body + "\n", options);
        if (getinfo) {
            return GetInfo.reply(reply);
        }
        if (!reply.isObject() || reply.isEmpty()) {
            throw new CliException("expected reply to have result, error and id properties");
        }
        return reply;
    }

    /**
     * Core's ConnectAndCallRPC: with {@code -rpcwait}, retries every second while the server cannot be reached or
     * answers that it is warming up, until {@code -rpcwaittimeout} seconds have passed (0: forever). While waiting,
     * a cookie file that does not exist yet (the server has not started) is read again on each attempt.
     */
    private static JsonNode connectAndCall(java.util.function.Supplier<RpcClient> clients, String body,
                                           CliOptions options) {
        boolean wait = options.getBool("rpcwait");
        long timeoutSeconds = options.getLong("rpcwaittimeout");
        long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
        while (true) {
            try {
                RpcClient client = clients.get();
                if (wait && !client.hasCredentials()) {
                    throw new ConnectionFailedException("no cookie file yet");
                }
                JsonNode reply = client.post(body);
                if (wait && reply.path("error").path("code").asInt() == RPC_IN_WARMUP) {
                    throw new ConnectionFailedException("server in warmup");
                }
                return reply;
            } catch (ConnectionFailedException e) {
                if (!wait || (timeoutSeconds > 0 && System.nanoTime() - deadline >= 0)) {
                    // Core words it so even without -rpcwait.
                    throw new ConnectionFailedException("timeout on transient error: " + e.getMessage(), e);
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("request was canceled", e);
        }
    }

    /** Standard input one argument per line, as Core's std::getline: split at '\n' only, no trailing empty line. */
    private static List<String> readLines(InputStream in) {
        String text;
        try {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException("failed to read from standard input: " + e.getMessage(), e);
        }
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static String version() {
        String v = MinicoinCli.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-dev" : v;
    }
}
