package org.minicoin.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minicoin.node.testing.DaemonProcess;

/**
 * minicoin-cli end to end against a real HTTP server on 127.0.0.1 that checks what Core's server checks (POST, the
 * Basic credentials) and answers as Core's server answers JSON-RPC 1.0: HTTP 200 with result and null error, or
 * 500/404 with null result and the error.
 */
class MinicoinCliTest {
    private static final String COOKIE = "__cookie__:" + "ab".repeat(32);

    @TempDir
    Path dataDir;

    private HttpServer server;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private String stdout;
    private String stderr;

    /** What the server received. */
    record Request(String method, String authorization, String contentType, String body) {
        JsonNode json() {
            return Json.parse(body);
        }
    }

    /** A reply: HTTP status and body. */
    record Reply(int status, String body) {
        static Reply result(String resultJson) {
            return new Reply(200, "{\"result\":" + resultJson + ",\"error\":null,\"id\":1}\n");
        }

        static Reply error(int status, int code, String message) {
            return new Reply(status, "{\"result\":null,\"error\":{\"code\":" + code + ",\"message\":\""
                    + message + "\"},\"id\":1}\n");
        }
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Starts a server that wants {@code credentials} and answers authorised requests with {@code answer}. */
    private int serve(String credentials, Function<Request, Reply> answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String expected = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        server.createContext("/", exchange -> {
            Request request = new Request(exchange.getRequestMethod(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            requests.add(request);
            Reply reply;
            if (!request.method().equals("POST")) {
                reply = new Reply(405, "");
            } else if (!expected.equals(request.authorization())) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"jsonrpc\"");
                reply = new Reply(401, "");
            } else {
                reply = answer.apply(request);
            }
            send(exchange, reply);
        });
        server.start();
        return server.getAddress().getPort();
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private int cliWithStdin(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("-datadir=" + dataDir));
        all.addAll(List.of(args));
        int code = MinicoinCli.run(all, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        stdout = out.toString(StandardCharsets.UTF_8);
        stderr = err.toString(StandardCharsets.UTF_8);
        return code;
    }

    private int cli(String... args) {
        return cliWithStdin("", args);
    }

    private void writeCookie(String network) throws IOException {
        Path dir = Files.createDirectories(dataDir.resolve(network));
        Files.writeString(dir.resolve(".cookie"), COOKIE);
    }

    @Test
    void sendsAJsonRpcRequestWithTheCookieAndPrintsAStringBare() throws IOException {
        writeCookie("regtest");
        int port = serve(COOKIE, r -> Reply.result("\"0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206\""));
        assertThat(cli("-regtest", "-rpcport=" + port, "getblockhash", "0")).isZero();
        assertThat(stdout).isEqualTo("0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206\n");
        assertThat(stderr).isEmpty();
        Request request = requests.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.body()).isEqualTo("{\"method\":\"getblockhash\",\"params\":[0],\"id\":1}\n");
    }

    @Test
    void printsAnObjectAsCorePrettyPrintsItAndNullAsNothing() throws IOException {
        int port = serve("u:p", r -> r.json().get("method").asText().equals("stop")
                ? Reply.result("null")
                : Reply.result("{\"chain\":\"regtest\",\"blocks\":0,\"warnings\":[]}"));
        assertThat(cli("-rpcuser=u", "-rpcpassword=p", "-rpcport=" + port, "getblockchaininfo")).isZero();
        assertThat(stdout).isEqualTo("{\n  \"chain\": \"regtest\",\n  \"blocks\": 0,\n  \"warnings\": [\n  ]\n}\n");
        assertThat(cli("-rpcuser=u", "-rpcpassword=p", "-rpcport=" + port, "stop")).isZero();
        assertThat(stdout).isEmpty();
    }

    @Test
    void anRpcErrorGoesToStderrAndTheExitCodeIsItsAbsoluteValue() throws IOException {
        int port = serve("u:p", r -> r.json().get("method").asText().equals("getblock")
                ? Reply.error(500, -5, "Block not found")
                : Reply.error(404, -32601, "Method not found"));
        assertThat(cli("-rpcuser=u", "-rpcpassword=p", "-rpcport=" + port, "getblock", "00")).isEqualTo(1);
        assertThat(stdout).isEmpty();
        assertThat(stderr).isEqualTo("error code: -5\nerror message:\nBlock not found\n");
        assertThat(cli("-rpcuser=u", "-rpcpassword=p", "-rpcport=" + port, "frobnicate")).isEqualTo(1);
        assertThat(stderr).isEqualTo("error code: -32601\nerror message:\nMethod not found\n");
    }

    @Test
    void wrongCredentialsGetCoresAuthorizationMessage() throws IOException {
        writeCookie("main");
        int port = serve("u:right", r -> Reply.result("1"));
        assertThat(cli("-rpcuser=u", "-rpcpassword=wrong", "-rpcport=" + port, "getblockcount")).isEqualTo(1);
        assertThat(stderr).isEqualTo("error: Authorization failed: Incorrect rpcuser or rpcpassword were specified. "
                + "Configuration file: (" + dataDir.resolve("minicoin.conf") + ")\n");
        assertThat(requests.get(0).authorization())
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString("u:wrong".getBytes(StandardCharsets.UTF_8)));
        assertThat(cli("-rpcport=" + port, "getblockcount")).isEqualTo(1);
        assertThat(stderr).contains("Cookie file credentials were invalid and no rpcpassword was specified.");
    }

    @Test
    void anUnreachableServerIsReportedAsCoreReportsIt() throws IOException {
        int port = DaemonProcess.freePort();
        assertThat(cli("-rpcport=" + port, "-rpcpassword=x", "getblockcount")).isEqualTo(1);
        assertThat(stdout).isEmpty();
        assertThat(stderr).isEqualTo("error: timeout on transient error: Could not connect to the server 127.0.0.1:"
                + port + " (error code 1 - \"EOF reached\")\n\nMake sure the minicoind server is running and that "
                + "you are connecting to the correct RPC port.\nUse \"minicoin-cli -help\" for more info.\n");
    }

    @Test
    void rpcwaitRetriesWhileTheServerWarmsUp() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        int port = serve("u:p", r -> calls.incrementAndGet() == 1
                ? Reply.error(500, -28, "Loading block index...")
                : Reply.result("101"));
        assertThat(cli("-rpcwait", "-rpcuser=u", "-rpcpassword=p", "-rpcport=" + port, "getblockcount")).isZero();
        assertThat(stdout).isEqualTo("101\n");
        assertThat(calls.get()).isEqualTo(2);
        // Without -rpcwait, warm-up is an ordinary error.
        calls.set(0);
        assertThat(cli("-rpcuser=u", "-rpcpassword=p", "-rpcport=" + port, "getblockcount")).isEqualTo(1);
        assertThat(stderr).isEqualTo("error code: -28\nerror message:\nLoading block index...\n");
    }

    @Test
    void rpcwaitGivesUpAfterRpcwaittimeout() throws IOException {
        int port = DaemonProcess.freePort();
        long start = System.nanoTime();
        assertThat(cli("-rpcwait", "-rpcwaittimeout=1", "-rpcpassword=x", "-rpcport=" + port, "getblockcount"))
                .isEqualTo(1);
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(1_000_000_000L);
        assertThat(stderr).startsWith("error: timeout on transient error: Could not connect to the server");
    }

    @Test
    void namedArgumentsAndStdinArgumentsAreConverted() throws IOException {
        int port = serve("u:p", r -> Reply.result("true"));
        assertThat(cliWithStdin("0.10\n", "-named", "-stdin", "-rpcuser=u", "-rpcpassword=p", "-rpcport=" + port,
                "sendrawtransaction", "hexstring=0200")).isZero();
        assertThat(requests.get(0).body()).isEqualTo(
                "{\"method\":\"sendrawtransaction\",\"params\":{\"hexstring\":\"0200\",\"args\":[\"0.10\"]},\"id\":1}\n");
        assertThat(stdout).isEqualTo("true\n");
        assertThat(cliWithStdin("abc\n2\n", "-stdin", "-rpcuser=u", "-rpcpassword=p", "-rpcport=" + port, "getblock")).isZero();
        assertThat(requests.get(1).json().get("params").toString()).isEqualTo("[\"abc\",2]");
    }

    @Test
    void badArgumentsFailBeforeAnythingIsSent() throws IOException {
        int port = serve("u:p", r -> Reply.result("0"));
        assertThat(cli("-rpcuser=u", "-rpcpassword=p", "-rpcport=" + port, "getblockhash", "tip")).isEqualTo(1);
        assertThat(stderr).isEqualTo("error: Error parsing JSON: tip\n");
        assertThat(cli("-rpcuser=u", "-rpcpassword=p", "-rpcport=" + port)).isEqualTo(1);
        assertThat(stderr).isEqualTo("error: too few parameters (need at least command)\n");
        assertThat(cli("-frobnicate", "getblockcount")).isEqualTo(1);
        assertThat(stderr).isEqualTo("Error parsing command line arguments: Invalid parameter -frobnicate\n");
        assertThat(requests).isEmpty();
    }

    @Test
    void helpVersionAndNoArguments() {
        assertThat(cli("-help")).isZero();
        assertThat(stdout).startsWith("minicoin RPC client version ").contains("Usage: minicoin-cli [options]");
        assertThat(cli("-version")).isZero();
        assertThat(stdout).startsWith("minicoin RPC client version ").doesNotContain("Usage");
        assertThat(MinicoinCli.run(List.of(), new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))).isEqualTo(1);
    }

    @Test
    void getinfoBatchesTwoCallsAndPrintsCoresSummary() throws IOException {
        int port = serve("u:p", r -> new Reply(200, "[{\"result\":{\"version\":290000,\"timeoffset\":0,"
                + "\"connections\":3,\"connections_in\":1,\"connections_out\":2,\"relayfee\":0.00001000,"
                + "\"networks\":[{\"name\":\"ipv4\",\"proxy\":\"127.0.0.1:9050\"},{\"name\":\"ipv6\",\"proxy\":\"\"},"
                + "{\"name\":\"onion\",\"proxy\":\"127.0.0.1:9050\"}],\"warnings\":[]},\"error\":null,\"id\":0},"
                + "{\"result\":{\"chain\":\"regtest\",\"blocks\":101,\"headers\":101,"
                + "\"verificationprogress\":0.5,\"difficulty\":4.656542373906925e-10},\"error\":null,\"id\":1}]"));
        assertThat(cli("-getinfo", "-rpcuser=u", "-rpcpassword=p", "-rpcport=" + port)).isZero();
        assertThat(requests.get(0).body()).isEqualTo("[{\"method\":\"getnetworkinfo\",\"params\":null,\"id\":0},"
                + "{\"method\":\"getblockchaininfo\",\"params\":null,\"id\":1}]\n");
        assertThat(stdout).isEqualTo("""
                Chain: regtest
                Blocks: 101
                Headers: 101
                Verification progress: ▒▒▒▒▒▒▒▒▒▒░░░░░░░░░░ 50.0000%
                Difficulty: 4.656542373906925e-10

                Network: in 1, out 2, total 3
                Version: 290000
                Time offset (s): 0
                Proxies: 127.0.0.1:9050 (ipv4, onion)
                Min tx relay fee rate (coins/kvB): 0.00001000

                Warnings: (none)
                """);
        assertThat(cli("-getinfo", "-rpcuser=u", "-rpcpassword=p", "-rpcport=" + port, "extra")).isEqualTo(1);
        assertThat(stderr).isEqualTo("error: -getinfo takes no arguments\n");
    }

    @Test
    void getinfoPassesOnAFailingMembersError() throws IOException {
        int port = serve("u:p", r -> new Reply(200, "[{\"result\":null,\"error\":{\"code\":-28,\"message\":"
                + "\"Loading\"},\"id\":0},{\"result\":{},\"error\":null,\"id\":1}]"));
        assertThat(cli("-getinfo", "-rpcuser=u", "-rpcpassword=p", "-rpcport=" + port)).isEqualTo(1);
        assertThat(stderr).isEqualTo("error code: -28\nerror message:\nLoading\n");
    }

    @Test
    void unexpectedStatusesAndBodiesAreErrors() throws IOException {
        AtomicInteger call = new AtomicInteger();
        int port = serve("u:p", r -> switch (call.incrementAndGet()) {
            case 1 -> new Reply(503, "Work queue depth exceeded");
            case 2 -> new Reply(403, "");
            case 3 -> new Reply(200, "");
            default -> new Reply(200, "not json");
        });
        String[] args = {"-rpcuser=u", "-rpcpassword=p", "-rpcport=" + port, "getblockcount"};
        assertThat(cli(args)).isEqualTo(1);
        assertThat(stderr).isEqualTo("error: Server response: Work queue depth exceeded\n");
        assertThat(cli(args)).isEqualTo(1);
        assertThat(stderr).isEqualTo("error: server returned HTTP error 403\n");
        assertThat(cli(args)).isEqualTo(1);
        assertThat(stderr).isEqualTo("error: no response from server\n");
        assertThat(cli(args)).isEqualTo(1);
        assertThat(stderr).isEqualTo("error: couldn't parse reply from server\n");
    }

    @Test
    void theConfigFileSuppliesTheConnection() throws IOException {
        int port = serve("carol:pw", r -> Reply.result("7"));
        Files.writeString(dataDir.resolve("minicoin.conf"), "dbcache=100\n[regtest]\nrpcport=" + port
                + "\nrpcuser=carol\nrpcpassword=pw\n");
        assertThat(cli("-regtest", "getblockcount")).isZero();
        assertThat(stdout).isEqualTo("7\n");
    }

    @Test
    void aPortInBothRpcconnectAndRpcportIsWarnedAbout() throws IOException {
        int port = serve("u:p", r -> Reply.result("1"));
        assertThat(cli("-rpcconnect=127.0.0.1:1", "-rpcport=" + port, "-rpcuser=u", "-rpcpassword=p", "uptime"))
                .isZero();
        assertThat(stderr).isEqualTo("Warning: Port specified in both -rpcconnect and -rpcport. Using -rpcport "
                + port + "\n");
    }

    /** A port nothing listens on: bound, then released. */}
