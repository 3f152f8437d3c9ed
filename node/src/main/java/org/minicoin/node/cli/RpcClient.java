package org.minicoin.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * One HTTP POST of a JSON-RPC body to the node, with Basic auth, and the reply judged as bitcoin-cli's CallRPC judges
 * it: 401, 503 and unexpected statuses are errors worded as Core words them, while 400, 404 and 500 carry a JSON-RPC
 * error in the body that the caller prints. Instances hold only their settings and may be reused.
 */
public final class RpcClient {
    /** Core's HTTP status codes that bitcoin-cli treats specially (rpc/protocol.h). */
    private static final int HTTP_BAD_REQUEST = 400;
    private static final int HTTP_UNAUTHORIZED = 401;
    private static final int HTTP_NOT_FOUND = 404;
    private static final int HTTP_INTERNAL_SERVER_ERROR = 500;
    private static final int HTTP_SERVICE_UNAVAILABLE = 503;

    private final CliOptions.Endpoint endpoint;
    private final Credentials credentials;
    private final Duration timeout;
    private final Path configFile;
    private final HttpClient http;

    /**
     * @param endpoint    where the server listens
     * @param credentials what to send, and what to say when the server refuses it
     * @param timeout     the limit for connecting and for the reply, or null for none ({@code -rpcclienttimeout=0})
     * @param configFile  named in the authorization error, as Core names it
     */
    /** Whether there are credentials to send: false when the cookie file could not be read. */
    public boolean hasCredentials() {
        return !credentials.userColonPassword().isEmpty();
    }

    public RpcClient(CliOptions.Endpoint endpoint, Credentials credentials, Duration timeout, Path configFile) {
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.timeout = timeout;
        this.configFile = configFile;
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1);
        if (timeout != null) {
            builder.connectTimeout(timeout);
        }
        this.http = builder.build();
    }

    /**
     * The user:password pair sent as Basic auth, and how it was found.
     *
     * @param userColonPassword   {@code user:password}, or the cookie file's first line, or empty when neither exists
     * @param authorizationFailed Core's sentence for a 401 with these credentials
     */
    public record Credentials(String userColonPassword, String authorizationFailed) {
        /**
         * As bitcoin-cli: {@code -rpcuser}/{@code -rpcpassword} when a password is given, else the first line of the
         * cookie file (Core's GetAuthCookie), which the daemon writes as {@code __cookie__:<hex>}.
         */
        public static Credentials of(CliOptions options) {
            String password = options.getString("rpcpassword").orElse("");
            if (!password.isEmpty()) {
                return new Credentials(options.getString("rpcuser").orElse("") + ":" + password,
                        "Incorrect rpcuser or rpcpassword were specified.");
            }
            Optional<Path> cookie = options.cookieFile();
            if (cookie.isEmpty()) {
                return new Credentials("", "Cookie file was disabled via -norpccookiefile and no rpcpassword was "
                        + "specified.");
            }
            try {
                String text = Files.readString(cookie.get(), StandardCharsets.UTF_8);
                int newline = text.indexOf('\n');
                return new Credentials(newline >= 0 ? text.substring(0, newline) : text,
                        "Cookie file credentials were invalid and no rpcpassword was specified.");
            } catch (IOException e) {
                return new Credentials("", "Failed to read cookie file and no rpcpassword was specified.");
            }
        }
    }

    /**
     * Posts {@code body} to {@code /} and returns the reply's JSON.
     *
     * @throws ConnectionFailedException when no HTTP reply came (refused, reset, timed out)
     * @throws CliException              for 401, 503, another unexpected status, an empty body or one that is not
     *                                   JSON
     */
    public JsonNode post(String body) {
        URI uri = URI.create("http://" + hostForUri() + ":" + endpoint.port() + "/");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        credentials.userColonPassword().getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (timeout != null) {
            request.timeout(timeout);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw couldNotConnect(" (error code 0 - \"timeout reached\")", e);
        } catch (IOException e) {
            // libevent reports a refused or dropped connection as EOF, which Core prints.
            throw couldNotConnect(" (error code 1 - \"EOF reached\")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("request was canceled", e);
        }
        int status = response.statusCode();
        if (status == HTTP_UNAUTHORIZED) {
            throw new CliException("Authorization failed: " + credentials.authorizationFailed()
                    + " Configuration file: (" + (configFile == null ? "" : configFile) + ")");
        }
        if (status == HTTP_SERVICE_UNAVAILABLE) {
            throw new CliException("Server response: " + response.body());
        }
        if (status >= 400 && status != HTTP_BAD_REQUEST && status != HTTP_NOT_FOUND
                && status != HTTP_INTERNAL_SERVER_ERROR) {
            throw new CliException("server returned HTTP error " + status);
        }
        if (response.body().isEmpty()) {
            throw new CliException("no response from server");
        }
        try {
            return Json.parse(response.body());
        } catch (IllegalArgumentException e) {
            throw new CliException("couldn't parse reply from server", e);
        }
    }

    private ConnectionFailedException couldNotConnect(String detail, Exception cause) {
        return new ConnectionFailedException("Could not connect to the server " + endpoint.host() + ":"
                + endpoint.port() + detail + "\n\nMake sure the minicoind server is running and that you are "
                + "connecting to the correct RPC port.\nUse \"minicoin-cli -help\" for more info.", cause);
    }

    private String hostForUri() {
        return endpoint.host().contains(":") ? "[" + endpoint.host() + "]" : endpoint.host();
    }
}
