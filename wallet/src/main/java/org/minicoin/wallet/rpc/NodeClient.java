package org.minicoin.wallet.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.minicoin.node.cli.CliOptions;
import org.minicoin.node.cli.ConnectionFailedException;
import org.minicoin.node.cli.RpcClient;

/**
 * The wallet's only way to a node: JSON-RPC calls through minicoin-cli's client, with its connection options and
 * credentials (the cookie file by default). Works with any node that speaks Core's RPC, minicoind or Bitcoin Core.
 */
public final class NodeClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final CliOptions options;
    private int nextId = 1;

    /** A client for the node {@code options} point at (already read with the config file). */
    public NodeClient(CliOptions options) {
        this.options = options;
    }

    /**
     * Calls {@code method} with positional {@code params} (strings, numbers, booleans or JSON nodes) and returns its
     * result.
     *
     * @throws NodeException for an error reply (Core's code and message) or when the node cannot be reached
     */
    public JsonNode call(String method, Object... params) {
        ObjectNode request = JSON.createObjectNode();
        request.put("jsonrpc", "1.0");
        request.put("id", nextId++);
        request.put("method", method);
        ArrayNode array = request.putArray("params");
        for (Object p : params) {
            array.add(JSON.valueToTree(p));
        }
        JsonNode reply = post(request.toString());
        JsonNode error = reply.path("error");
        if (!error.isMissingNode() && !error.isNull()) {
            throw new NodeException(error.path("code").asInt(), error.path("message").asText());
        }
        return reply.path("result");
    }

    private JsonNode post(String body) {
        boolean wait = options.getBool("rpcwait");
        long deadline = System.nanoTime() + Duration.ofSeconds(options.getLong("rpcwaittimeout")).toNanos();
        while (true) {
            try {
                RpcClient client = new RpcClient(options.endpoint(), RpcClient.Credentials.of(options),
                        Duration.ofSeconds(Math.max(1, options.getLong("rpcclienttimeout"))),
                        options.configFile().orElse(null));
                return client.post(body);
            } catch (ConnectionFailedException e) {
                boolean forever = options.getLong("rpcwaittimeout") <= 0;
                if (!wait || !forever && System.nanoTime() - deadline >= 0) {
                    throw new NodeException(-1, "could not connect to the node at " + options.endpoint().host()
                            + ":" + options.endpoint().port() + " (" + e.getMessage() + "); is minicoind running?");
                }
                try {
                    Thread.sleep(RETRY.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new NodeException(-1, "interrupted");
                }
            } catch (RuntimeException e) {
                if (e instanceof NodeException ne) {
                    throw ne;
                }
                throw new NodeException(-1, e.getMessage());
            }
        }
    }

    /** An error from the node (its RPC code and message), or -1 when it could not be reached. */
    public static final class NodeException extends RuntimeException {
        private final int code;

        public NodeException(int code, String message) {
            super(message);
            this.code = code;
        }

        public int code() {
            return code;
        }
    }
}
