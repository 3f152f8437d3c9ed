package org.minicoin.node.bench;

import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.minicoin.node.rpc.server.RpcMethod;
import org.minicoin.node.rpc.server.RpcRegistry;
import org.minicoin.node.rpc.server.RpcServer;
import org.minicoin.node.rpc.server.RpcServerConfig;

/**
 * JSON-RPC throughput: requests per second of one method called by 16 concurrent keep-alive clients on loopback,
 * beside the same clients calling a method that does nothing, in the same run. The ratio is what the method costs
 * over the server's own overhead (HTTP, auth, JSON, queue, thread hand-offs). The method under test is a parameter,
 * so the daemon's methods ({@code getblockcount}, {@code getblock}) can be measured once registered; {@link #run()}
 * measures {@code help}, the one method the server itself has.
 */
public final class RpcBench {
    /** The table's column titles; every row of {@link #run} has these six fields. */
    public static final String[] HEADER = {"measure", "rate", "bound (same run)", "bound rate", "ratio",
        "+/- (half the range of runs)"};

    private static final int CLIENTS = 16;
    private static final String EMPTY = "bench_empty";
    /** Requests that had to be sent again because their connection was gone; printed with the table. */
    static final java.util.concurrent.atomic.AtomicLong DROPPED = new java.util.concurrent.atomic.AtomicLong();

    private RpcBench() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        print(quick ? run(new RpcRegistry(), "help", "[]", 500, 1) : run());
    }

    /** The table rows for {@code help} (see {@link #HEADER}): three interleaved rounds of 3 s per measure. */
    public static List<String[]> run() throws IOException, InterruptedException {
        return run(new RpcRegistry(), "help", "[]", 3_000, 3);
    }

    /**
     * Measures {@code method} of {@code registry}, called with {@code params} (a JSON array or object), against an
     * empty method registered beside it, in interleaved rounds of {@code windowMillis} each after one warm-up round.
     */
    public static List<String[]> run(RpcRegistry registry, String method, String params, long windowMillis,
                                     int rounds) throws IOException, InterruptedException {
        registry.register(new RpcMethod(EMPTY, "hidden", "Does nothing; the benchmark's bound.", List.of(),
                p -> NullNode.getInstance()));
        Path dir = Files.createTempDirectory("rpcbench");
        RpcServerConfig config = RpcServerConfig.localhost(0, dir.resolve(".cookie"));
        Map<String, List<Double>> rates = new HashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try (RpcServer server = RpcServer.start(config, registry, null)) {
            URI uri = URI.create("http://127.0.0.1:" + server.port() + "/");
            String auth = "Basic " + Base64.getEncoder().encodeToString(Files.readAllBytes(server.cookieFile()));
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String body = "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + params + ",\"id\":1}";
            String emptyBody = "{\"jsonrpc\":\"2.0\",\"method\":\"" + EMPTY + "\",\"id\":1}";
            // Warm-up: the JIT compiles the whole path once before anything is recorded.
            rate(http, clients, uri, auth, body, windowMillis);
            rate(http, clients, uri, auth, emptyBody, windowMillis);
            // Rounds interleave the measures so that a noisy neighbour affects both alike.
            for (int r = 0; r < rounds; r++) {
                rates.computeIfAbsent("method", k -> new ArrayList<>())
                        .add(rate(http, clients, uri, auth, body, windowMillis));
                rates.computeIfAbsent("empty", k -> new ArrayList<>())
                        .add(rate(http, clients, uri, auth, emptyBody, windowMillis));
            }
        } finally {
            clients.shutdownNow();
            Files.deleteIfExists(dir);
        }
        return List.<String[]>of(row(method + ", " + CLIENTS + " keep-alive clients", rates.get("method"),
                "empty method, " + CLIENTS + " clients", rates.get("empty")));
    }

    /** Prints rows in the layout of the other benchmark tables. */
    public static void print(List<String[]> rows) {
        String format = "%-40s %18s   %-28s %18s %7s   %s%n";
        System.out.println();
        System.out.printf(format, (Object[]) HEADER);
        for (String[] r : rows) {
            System.out.printf(format, (Object[]) r);
        }
        System.out.printf("(requests resent after their keep-alive connection was found closed: %d)%n", DROPPED.get());
    }

    /** Requests per second answered 200 with no error over a window, from {@link #CLIENTS} threads. */
    private static double rate(HttpClient http, ExecutorService clients, URI uri, String auth, String body,
                               long windowMillis) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", auth)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        long start = System.nanoTime();
        long end = start + TimeUnit.MILLISECONDS.toNanos(windowMillis);
        List<Future<Long>> counts = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            counts.add(clients.submit(() -> {
                long n = 0;
                while (System.nanoTime() < end) {
                    HttpResponse<String> r;
                    try {
                        r = http.send(request, HttpResponse.BodyHandlers.ofString());
                    } catch (java.io.IOException dropped) {
                        // The JDK client sometimes finds a pooled keep-alive connection closed under it ("header
                        // parser received no bytes"); count it, and send again on a fresh connection.
                        DROPPED.incrementAndGet();
                        r = http.send(request, HttpResponse.BodyHandlers.ofString());
                    }
                    if (r.statusCode() != 200 || r.body().contains("\"error\"")) {
                        throw new IllegalStateException("benchmark call failed: " + r.statusCode() + " "
                                + r.body());
                    }
                    n++;
                }
                return n;
            }));
        }
        long total = 0;
        for (Future<Long> f : counts) {
            try {
                total += f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        return total / ((System.nanoTime() - start) / 1e9);
    }

    private static String[] row(String name, List<Double> rates, String boundName, List<Double> bounds) {
        double rate = median(rates);
        double bound = median(bounds);
        return new String[] {name, String.format("%,.1f req/s", rate), boundName,
            String.format("%,.1f req/s", bound), String.format(Locale.ROOT, "%.2f", rate / bound),
            String.format("(+/- %.0f%%, %.0f%%)", halfRange(rates), halfRange(bounds))};
    }

    private static double median(List<Double> xs) {
        List<Double> sorted = new ArrayList<>(xs);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /** Half the range of the runs as a percentage of their median. */
    private static double halfRange(List<Double> xs) {
        return 100 * (Collections.max(xs) - Collections.min(xs)) / 2 / median(xs);
    }
}
