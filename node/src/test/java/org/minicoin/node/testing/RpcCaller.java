package org.minicoin.node.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Predicate;

/**
 * JSON-RPC calls to a running minicoind as a test client makes them: cookie auth read from the network directory,
 * positional parameters as JSON text, the result or the error of each call.
 */
public final class RpcCaller {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path cookieFile;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    /** A caller for the node whose network directory is {@code networkDir}, listening for RPC on {@code port}. */
    public RpcCaller(Path networkDir, int port) {
        this.cookieFile = networkDir.resolve(".cookie");
        this.port = port;
    }

    private JsonNode reply(String method, String params) throws Exception {
        String cookie = Files.readString(cookieFile).trim();
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        cookie.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":1,\"method\":\"" + method + "\",\"params\":"
                        + params + "}")).build();
        return JSON.readTree(http.send(r, HttpResponse.BodyHandlers.ofString()).body());
    }

    /** The result of {@code method}; fails the test if the node answers with an error. */
    public JsonNode call(String method, String params) throws Exception {
        JsonNode reply = reply(method, params);
        assertThat(reply.path("error").isNull()).as(method + " " + params + " -> " + reply).isTrue();
        return reply.get("result");
    }

    /** The error object of {@code method}, which is expected to fail. */
    public JsonNode error(String method, String params) throws Exception {
        return reply(method, params).get("error");
    }

    /** Calls {@code method} until its result satisfies {@code done} (a condition, not a fixed wait). */
    public JsonNode await(String method, Predicate<JsonNode> done, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode r = call(method, "[]");
            if (done.test(r)) {
                return r;
            }
            assertThat(System.nanoTime()).as(method + " never reached the condition: " + r).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
