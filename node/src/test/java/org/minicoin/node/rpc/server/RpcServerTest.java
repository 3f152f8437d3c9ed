package org.minicoin.node.rpc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server on real sockets on 127.0.0.1, with the JDK's HTTP client. */
class RpcServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * One client per test: a shared one could reuse a pooled connection to an earlier test's server whose port the
     * system has since handed to this test's server, and read "no bytes" from the dead connection.
     */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dir;

    private RpcServer server;
    private final AtomicInteger notified = new AtomicInteger();
    private final CountDownLatch blockStarted = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.close();
        }
    }

    private RpcRegistry registry() {
        RpcRegistry r = new RpcRegistry();
        r.register(new RpcMethod("getblockhash", "blockchain", "Returns hash of block at height.",
                List.of(RpcParam.required("height", RpcParam.Type.NUM, "The height index")),
                p -> new TextNode("hash" + p.getInt("height"))));
        r.register(new RpcMethod("echo", "util", "Returns its parameters.",
                List.of(RpcParam.required("text", RpcParam.Type.STR, ""),
                        RpcParam.withDefault("times", RpcParam.Type.NUM, IntNode.valueOf(1), "")),
                p -> new TextNode(p.getString("text").repeat(p.getInt("times")))));
        r.register(new RpcMethod("notify", "util", "Counts calls.", List.of(),
                p -> IntNode.valueOf(notified.incrementAndGet())));
        r.register(new RpcMethod("block", "util", "Waits until released.", List.of(), p -> {
            blockStarted.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return TextNode.valueOf("released");
        }));
        return r;
    }

    private RpcServerConfig config() {
        return RpcServerConfig.localhost(0, dir.resolve(".cookie"));
    }

    private RpcServer start(RpcServerConfig config) throws IOException {
        server = RpcServer.start(config, registry(), null);
        return server;
    }

    private String cookieAuth() throws IOException {
        return basic(Files.readString(server.cookieFile()));
    }

    private static String basic(String userColonPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private HttpResponse<String> post(String body, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri("/")).POST(HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String body) throws Exception {
        return post(body, cookieAuth());
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    @Test
    void version1ReplyCarriesResultErrorAndId() throws Exception {
        start(config());
        HttpResponse<String> r = post("{\"method\":\"getblockhash\",\"params\":[3],\"id\":\"x\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(r.body()).isEqualTo("{\"result\":\"hash3\",\"error\":null,\"id\":\"x\"}\n");
    }

    @Test
    void version1ErrorsSetTheHttpStatus() throws Exception {
        start(config());
        HttpResponse<String> notFound = post("{\"method\":\"nosuch\",\"id\":1}");
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.body()).isEqualTo(
                "{\"result\":null,\"error\":{\"code\":-32601,\"message\":\"Method not found\"},\"id\":1}\n");

        HttpResponse<String> wrongType = post("{\"method\":\"getblockhash\",\"params\":[\"3\"],\"id\":2}");
        assertThat(wrongType.statusCode()).isEqualTo(500);
        assertThat(json(wrongType).at("/error/code").intValue()).isEqualTo(-3);
        assertThat(json(wrongType).at("/error/message").textValue()).isEqualTo("Wrong type passed:\n{\n"
                + "    \"Position 1 (height)\": \"JSON value of type string is not of expected type number\"\n}");

        HttpResponse<String> invalid = post("{\"params\":[],\"id\":3}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(json(invalid).at("/error/code").intValue()).isEqualTo(-32600);
        assertThat(json(invalid).at("/error/message").textValue()).isEqualTo("Missing method");

        HttpResponse<String> parse = post("{\"method\":");
        assertThat(parse.statusCode()).isEqualTo(500);
        assertThat(parse.body()).isEqualTo(
                "{\"result\":null,\"error\":{\"code\":-32700,\"message\":\"Parse error\"}}\n");

        HttpResponse<String> topLevel = post("42");
        assertThat(topLevel.statusCode()).isEqualTo(500);
        assertThat(json(topLevel).at("/error/message").textValue()).isEqualTo("Top-level object parse error");
    }

    @Test
    void version2RepliesCarryOneOfResultAndErrorUnderHttp200() throws Exception {
        start(config());
        HttpResponse<String> ok = post("{\"jsonrpc\":\"2.0\",\"method\":\"getblockhash\",\"params\":[1],\"id\":7}");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"hash1\",\"id\":7}\n");

        HttpResponse<String> err = post("{\"jsonrpc\":\"2.0\",\"method\":\"nosuch\",\"id\":8}");
        assertThat(err.statusCode()).isEqualTo(200);
        assertThat(err.body()).isEqualTo("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32601,"
                + "\"message\":\"Method not found\"},\"id\":8}\n");
    }

    @Test
    void aVersion2NotificationIsRunAndAnswered204WithoutBody() throws Exception {
        start(config());
        HttpResponse<String> r = post("{\"jsonrpc\":\"2.0\",\"method\":\"notify\"}");
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
        assertThat(notified.get()).isEqualTo(1);
    }

    @Test
    void aBatchAnswersEachMemberInlineAndLeavesOutNotifications() throws Exception {
        start(config());
        HttpResponse<String> r = post("[{\"method\":\"getblockhash\",\"params\":[1],\"id\":1},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"getblockhash\",\"params\":[\"x\"],\"id\":2},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"notify\"},"
                + "{\"method\":\"nosuch\",\"id\":3},"
                + "17]");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode replies = json(r);
        assertThat(replies).hasSize(4);
        assertThat(replies.get(0).toString()).isEqualTo("{\"result\":\"hash1\",\"error\":null,\"id\":1}");
        assertThat(replies.get(1).at("/error/code").intValue()).isEqualTo(-3);
        assertThat(replies.get(1).has("result")).isFalse();
        assertThat(replies.get(2).toString()).isEqualTo(
                "{\"result\":null,\"error\":{\"code\":-32601,\"message\":\"Method not found\"},\"id\":3}");
        assertThat(replies.get(3).at("/error/code").intValue()).isEqualTo(-32600);
        assertThat(notified.get()).isEqualTo(1);

        HttpResponse<String> allNotifications = post("[{\"jsonrpc\":\"2.0\",\"method\":\"notify\"}]");
        assertThat(allNotifications.statusCode()).isEqualTo(204);
        HttpResponse<String> empty = post("[]");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).isEqualTo("[]\n");
    }

    @Test
    void namedParametersAndArgs() throws Exception {
        start(config());
        assertThat(json(post("{\"method\":\"echo\",\"params\":{\"times\":3,\"text\":\"ab\"},\"id\":1}"))
                .get("result").textValue()).isEqualTo("ababab");
        assertThat(json(post("{\"method\":\"echo\",\"params\":{\"args\":[\"c\"],\"times\":2},\"id\":1}"))
                .get("result").textValue()).isEqualTo("cc");
        HttpResponse<String> unknown = post("{\"method\":\"echo\",\"params\":{\"text\":\"a\",\"x\":1},\"id\":1}");
        assertThat(unknown.statusCode()).isEqualTo(500);
        assertThat(json(unknown).get("error").toString())
                .isEqualTo("{\"code\":-8,\"message\":\"Unknown named parameter x\"}");
    }

    @Test
    void onlyPostOnTheRoot() throws Exception {
        start(config());
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(uri("/")).header("Authorization", cookieAuth())
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.body()).isEqualTo("JSONRPC server handles only POST requests");
        HttpResponse<String> wallet = http.send(HttpRequest.newBuilder(uri("/wallet/w1"))
                .header("Authorization", cookieAuth()).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wallet.statusCode()).isEqualTo(404);
    }

    @Test
    void aBodyOverTheLimitIs413BeforeItIsSent() throws Exception {
        start(config().withMaxBodyBytes(1000));
        // Only the headers go out: the server must answer from Content-Length alone.
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST / HTTP/1.1\r\nHost: x\r\nAuthorization: " + cookieAuth()
                    + "\r\nContent-Length: 1001\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readLine(s.getInputStream())).isEqualTo("HTTP/1.1 413 Request Entity Too Large");
        }
        // At the limit it is read and run.
        String body = "{\"method\":\"echo\",\"params\":[\"" + "a".repeat(1000 - 40) + "\"],\"id\":1}";
        body = body + " ".repeat(1000 - body.length());
        assertThat(post(body).statusCode()).isEqualTo(200);
    }

    @Test
    void theDefaultLimitIsCoresMaxSize() throws Exception {
        start(config());
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: " + (32 * 1024 * 1024 + 1)
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(readLine(s.getInputStream())).startsWith("HTTP/1.1 413");
        }
    }

    /** One line of an HTTP head, without its CRLF. */
    private static String readLine(InputStream in) throws IOException {
        StringBuilder s = new StringBuilder();
        for (int c = in.read(); c >= 0; c = in.read()) {
            if (c == '\n' && s.length() > 0 && s.charAt(s.length() - 1) == '\r') {
                return s.substring(0, s.length() - 1);
            }
            s.append((char) c);
        }
        return s.toString();
    }

    @Test
    void aFullWorkQueueIs503() throws Exception {
        start(config().withWorkers(1, 1));
        String auth = cookieAuth();
        String block = "{\"method\":\"block\",\"id\":1}";
        CompletableFuture<HttpResponse<String>> running = http.sendAsync(HttpRequest.newBuilder(uri("/"))
                .header("Authorization", auth).POST(HttpRequest.BodyPublishers.ofString(block)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(blockStarted.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<HttpResponse<String>> queued = http.sendAsync(HttpRequest.newBuilder(uri("/"))
                .header("Authorization", auth).POST(HttpRequest.BodyPublishers.ofString(block)).build(),
                HttpResponse.BodyHandlers.ofString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.queuedWork() < 1 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(server.queuedWork()).isEqualTo(1);

        HttpResponse<String> rejected = post(block, auth);
        assertThat(rejected.statusCode()).isEqualTo(503);
        assertThat(rejected.body()).isEqualTo("Work queue depth exceeded");

        release.countDown();
        assertThat(running.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(queued.get(10, TimeUnit.SECONDS).body()).contains("\"released\"");
    }

    @Test
    void wrongCredentialsAre401WithTheHeaderAfterADelay() throws Exception {
        start(config());
        long start = System.nanoTime();
        HttpResponse<String> r = post("{\"method\":\"help\",\"id\":1}", basic("__cookie__:wrong"));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"jsonrpc\"");
        assertThat(millis).isGreaterThanOrEqualTo(200);

        HttpResponse<String> none = post("{\"method\":\"help\",\"id\":1}", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"jsonrpc\"");
        assertThat(post("{\"method\":\"help\",\"id\":1}", "Bearer abc").statusCode()).isEqualTo(401);
        assertThat(post("{\"method\":\"help\",\"id\":1}", "Basic !!!").statusCode()).isEqualTo(401);
    }

    @Test
    void theCookieIsOwnerOnlyAndDeletedAtClose() throws Exception {
        start(config());
        Path cookie = server.cookieFile();
        assertThat(cookie).isEqualTo(dir.resolve(".cookie"));
        assertThat(Files.readString(cookie)).matches("__cookie__:[0-9a-f]{64}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cookie))).isEqualTo("rw-------");
        assertThat(post("{\"method\":\"help\",\"id\":1}").statusCode()).isEqualTo(200);
        server.close();
        server = null;
        assertThat(cookie).doesNotExist();
    }

    @Test
    void userPasswordReplacesTheCookie() throws Exception {
        start(config().withCredentials("alice", "secret"));
        assertThat(server.cookieFile()).isNull();
        assertThat(dir.resolve(".cookie")).doesNotExist();
        assertThat(post("{\"method\":\"help\",\"id\":1}", basic("alice:secret")).statusCode()).isEqualTo(200);
        assertThat(post("{\"method\":\"help\",\"id\":1}", basic("alice:secreT")).statusCode()).isEqualTo(401);
        assertThat(post("{\"method\":\"help\",\"id\":1}", basic("bob:secret")).statusCode()).isEqualTo(401);
    }

    @Test
    void rpcauthEntriesAreCheckedByHmac() throws Exception {
        // Made with Core's share/rpcauth/rpcauth.py algorithm, computed here by the JDK's own HMAC in the test:
        // salt "cb77f0957de88ff388cf817ddbc7273", password "pw1".
        String salt = "cb77f0957de88ff388cf817ddbc7273";
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(salt.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
        String hmac = java.util.HexFormat.of().formatHex(mac.doFinal("pw1".getBytes(StandardCharsets.US_ASCII)));
        start(config().withRpcAuth(List.of("carol:" + salt + "$" + hmac, "dave:00$00")));
        assertThat(post("{\"method\":\"help\",\"id\":1}", basic("carol:pw1")).statusCode()).isEqualTo(200);
        assertThat(post("{\"method\":\"help\",\"id\":1}", basic("carol:pw2")).statusCode()).isEqualTo(401);
        assertThat(post("{\"method\":\"help\",\"id\":1}", basic("dave:pw1")).statusCode()).isEqualTo(401);
        // The cookie works beside rpcauth, as in Core.
        assertThat(post("{\"method\":\"help\",\"id\":1}").statusCode()).isEqualTo(200);
    }

    @Test
    void aClientOutsideTheAllowedNetworksIs403() throws Exception {
        // Loopback clients are always allowed, so this needs an address of a real interface: the server listens
        // there (-rpcbind with -rpcallowip) and a client connecting from it is outside 10.0.0.0/8.
        InetAddress local = nonLoopbackIpv4();
        Assumptions.assumeTrue(local != null, "no non-loopback IPv4 interface");
        start(config().withNetwork(List.of(local.getHostAddress()), List.of(Subnet.parse("10.0.0.0/8"))));
        assertThat(server.addresses()).extracting(InetSocketAddress::getAddress).containsExactly(local);
        try (Socket s = new Socket(local, server.port(), local, 0)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("POST / HTTP/1.1\r\nHost: x\r\nAuthorization: " + cookieAuth()
                    + "\r\nContent-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII));
            assertThat(readLine(s.getInputStream())).isEqualTo("HTTP/1.1 403 Forbidden");
        }
        // The same client is let in once its network is allowed.
        server.close();
        start(config().withNetwork(List.of(local.getHostAddress()), List.of(Subnet.parse(local.getHostAddress()))));
        try (Socket s = new Socket(local, server.port(), local, 0)) {
            s.setSoTimeout(10_000);
            String body = "{\"method\":\"help\",\"id\":1}";
            s.getOutputStream().write(("POST / HTTP/1.1\r\nHost: x\r\nAuthorization: " + cookieAuth()
                    + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(readLine(s.getInputStream())).isEqualTo("HTTP/1.1 200 OK");
        }
    }

    private static InetAddress nonLoopbackIpv4() throws IOException {
        for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nif.isUp() || nif.isLoopback()) {
                continue;
            }
            for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                if (a instanceof Inet4Address) {
                    return a;
                }
            }
        }
        return null;
    }

    @Test
    void closeLetsCallsUnderWayFinish() throws Exception {
        start(config());
        CompletableFuture<HttpResponse<String>> running = http.sendAsync(HttpRequest.newBuilder(uri("/"))
                .header("Authorization", cookieAuth())
                .POST(HttpRequest.BodyPublishers.ofString("{\"method\":\"block\",\"id\":1}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(blockStarted.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> closed = CompletableFuture.runAsync(server::close);
        release.countDown();
        closed.get(20, TimeUnit.SECONDS);
        server = null;
        assertThat(running.get(10, TimeUnit.SECONDS).body()).contains("\"released\"");
    }

    @Test
    void keepAliveServesManyRequestsOnOneConnection() throws Exception {
        start(config());
        String auth = cookieAuth();
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            String body = "{\"method\":\"getblockhash\",\"params\":[5],\"id\":1}";
            String request = "POST / HTTP/1.1\r\nHost: x\r\nAuthorization: " + auth + "\r\nContent-Length: "
                    + body.length() + "\r\n\r\n" + body;
            // Two requests pipelined in one write: the replies come back in order on the same connection.
            s.getOutputStream().write((request + request).getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            for (int i = 0; i < 2; i++) {
                assertThat(readLine(in)).isEqualTo("HTTP/1.1 200 OK");
                int length = -1;
                for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
                    if (line.toLowerCase().startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).trim());
                    }
                }
                assertThat(new String(in.readNBytes(length), StandardCharsets.UTF_8))
                        .isEqualTo("{\"result\":\"hash5\",\"error\":null,\"id\":1}\n");
            }
        }
    }

    @Test
    void restGoesToItsHandlerForGetOnly() throws Exception {
        server = RpcServer.start(config(), registry(), uri -> new RestHandler.Response(200, "application/json",
                ("{\"uri\":\"" + uri + "\"}").getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/rest/chaininfo.json")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(r.body()).isEqualTo("{\"uri\":\"/rest/chaininfo.json\"}");
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(uri("/rest/chaininfo.json"))
                .POST(HttpRequest.BodyPublishers.ofString("")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    @Test
    void restIsNotFoundWhenDisabled() throws Exception {
        start(config());
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/rest/chaininfo.json")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(404);
    }

    @Test
    void aBadRpcauthStopsStartUp() {
        assertThatThrownBy(() -> config().withRpcAuth(List.of("nosalt")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid -rpcauth argument.");
    }

    @Test
    void helpWorksOverTheWire() throws Exception {
        start(config());
        JsonNode r = json(post("{\"method\":\"help\",\"params\":[\"echo\"],\"id\":1}"));
        assertThat(r.get("result").textValue()).startsWith("echo \"text\" ( times )\n\nReturns its parameters.");
        JsonNode all = json(post("{\"method\":\"help\",\"id\":1}"));
        assertThat(all.get("result").textValue()).contains("== Util ==\nblock\necho \"text\" ( times )\nnotify");
    }
}
