package org.minicoin.node.rpc.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.minicoin.node.config.ConfigException;
import org.minicoin.node.config.Options;

/**
 * What the RPC server needs to start: where to listen, who may connect, how clients authenticate, and how much
 * work it takes on. Independent of minicoind's option parsing; {@link #from(Options)} maps the options to it.
 *
 * @param port           {@code -rpcport}: the port for bind addresses without one (0 picks a free port)
 * @param bind           {@code -rpcbind} values, {@code host}, {@code host:port} or {@code [v6]:port}; used only
 *                       together with {@code allowIps}, as Core refuses to expose the server by one option alone
 * @param allowIps       {@code -rpcallowip}: networks allowed besides 127.0.0.0/8 and ::1, which always are
 * @param cookieFile     where to write the {@code __cookie__} credentials when no password is set, or null for
 *                       none ({@code -norpccookiefile})
 * @param user           {@code -rpcuser}, or empty
 * @param password       {@code -rpcpassword}, or empty; when set, it replaces the cookie
 * @param rpcAuth        {@code -rpcauth} values {@code user:salt$hmac}, where hmac is the lowercase hex
 *                       HMAC-SHA256 of the password keyed with the salt
 * @param threads        {@code -rpcthreads}: worker threads running calls
 * @param workQueueDepth {@code -rpcworkqueue}: requests that may wait for a worker before new ones get 503
 * @param maxBodyBytes   the largest request body; a larger one gets 413 without being read
 */
public record RpcServerConfig(int port, List<String> bind, List<Subnet> allowIps, Path cookieFile, String user,
                             String password, List<String> rpcAuth, int threads, int workQueueDepth,
                             int maxBodyBytes) {

    /** Core's DEFAULT_HTTP_THREADS (httpserver.h). */
    public static final int DEFAULT_THREADS = 16;
    /** Core's DEFAULT_HTTP_WORKQUEUE (httpserver.h). */
    public static final int DEFAULT_WORK_QUEUE = 64;
    /** Core's MAX_SIZE (serialize.h), the body limit Core gives libevent: 32 MiB. */
    public static final int MAX_BODY_BYTES = 0x02000000;

    /** An address to listen on. */
    public record Endpoint(String host, int port) {
    }

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException for a bad {@code -rpcauth} ({@code Invalid -rpcauth argument.}), a bad port in
     *                                  {@code -rpcbind}, or a non-positive count
     */
    public RpcServerConfig {
        bind = List.copyOf(bind);
        allowIps = List.copyOf(allowIps);
        rpcAuth = List.copyOf(rpcAuth);
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        for (String entry : rpcAuth) {
            RpcAuth.parseEntry(entry);
        }
        for (String b : bind) {
            splitHostPort(b, port);
        }
        if (port < 0 || port > 65535 || threads < 1 || workQueueDepth < 1 || maxBodyBytes < 1) {
            throw new IllegalArgumentException("RPC server: port " + port + ", threads " + threads + ", work queue "
                    + workQueueDepth + ", body limit " + maxBodyBytes);
        }
    }

    /** Core's defaults: loopback on {@code port}, cookie authentication in {@code cookieFile}. */
    public static RpcServerConfig localhost(int port, Path cookieFile) {
        return new RpcServerConfig(port, List.of(), List.of(), cookieFile, "", "", List.of(), DEFAULT_THREADS,
                DEFAULT_WORK_QUEUE, MAX_BODY_BYTES);
    }

    /** This config with {@code -rpcuser}/{@code -rpcpassword}. */
    public RpcServerConfig withCredentials(String user, String password) {
        return new RpcServerConfig(port, bind, allowIps, cookieFile, user, password, rpcAuth, threads,
                workQueueDepth, maxBodyBytes);
    }

    /** This config with these {@code -rpcauth} entries. */
    public RpcServerConfig withRpcAuth(List<String> rpcAuth) {
        return new RpcServerConfig(port, bind, allowIps, cookieFile, user, password, rpcAuth, threads,
                workQueueDepth, maxBodyBytes);
    }

    /** This config with {@code -rpcbind} and {@code -rpcallowip} values. */
    public RpcServerConfig withNetwork(List<String> bind, List<Subnet> allowIps) {
        return new RpcServerConfig(port, bind, allowIps, cookieFile, user, password, rpcAuth, threads,
                workQueueDepth, maxBodyBytes);
    }

    /** This config with {@code threads} workers and a work queue of {@code depth}. */
    public RpcServerConfig withWorkers(int threads, int depth) {
        return new RpcServerConfig(port, bind, allowIps, cookieFile, user, password, rpcAuth, threads, depth,
                maxBodyBytes);
    }

    /** This config with another body limit. */
    public RpcServerConfig withMaxBodyBytes(int maxBodyBytes) {
        return new RpcServerConfig(port, bind, allowIps, cookieFile, user, password, rpcAuth, threads,
                workQueueDepth, maxBodyBytes);
    }

    /**
     * The addresses to listen on, as Core's HTTPBindAddresses picks them: the {@code -rpcbind} values when
     * {@code -rpcallowip} is also given, else {@code ::1} and {@code 127.0.0.1} on {@link #port}.
     */
    public List<Endpoint> endpoints() {
        if (bind.isEmpty() || allowIps.isEmpty()) {
            return List.of(new Endpoint("::1", port), new Endpoint("127.0.0.1", port));
        }
        List<Endpoint> out = new ArrayList<>();
        for (String b : bind) {
            out.add(splitHostPort(b, port));
        }
        return out;
    }

    /** Core's warnings for {@code -rpcbind} or {@code -rpcallowip} given without the other. */
    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        if (bind.isEmpty() && !allowIps.isEmpty()) {
            out.add("Option -rpcallowip was specified without -rpcbind; this doesn't usually make sense");
        }
        if (!bind.isEmpty() && allowIps.isEmpty()) {
            out.add("Option -rpcbind was ignored because -rpcallowip was not specified, refusing to allow everyone "
                    + "to connect");
        }
        return out;
    }

    /**
     * The RPC settings of minicoind's options: {@code -rpcport -rpcbind -rpcallowip -rpcuser -rpcpassword -rpcauth
     * -rpccookiefile -rpcthreads -rpcworkqueue}.
     *
     * @throws ConfigException naming the bad value
     */
    public static RpcServerConfig from(Options options) {
        try {
            List<Subnet> allow = new ArrayList<>();
            for (String s : options.getAll("rpcallowip")) {
                allow.add(Subnet.parse(s));
            }
            return new RpcServerConfig(options.getInt("rpcport"), options.getAll("rpcbind"), allow,
                    options.getPath("rpccookiefile").orElse(null), options.getString("rpcuser").orElse(""),
                    options.getString("rpcpassword").orElse(""), options.getAll("rpcauth"),
                    options.getInt("rpcthreads"), options.getInt("rpcworkqueue"), MAX_BODY_BYTES);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }

    /** Core's SplitHostPort for {@code -rpcbind}: a port after the last colon unless the host is bare IPv6. */
    private static Endpoint splitHostPort(String in, int defaultPort) {
        String host = in;
        int port = defaultPort;
        int colon = in.lastIndexOf(':');
        boolean haveColon = colon >= 0;
        boolean bracketed = haveColon && colon > 0 && in.charAt(0) == '[' && in.charAt(colon - 1) == ']';
        boolean multiColon = haveColon && colon != 0 && in.lastIndexOf(':', colon - 1) >= 0;
        if (haveColon && (colon == 0 || bracketed || !multiColon)) {
            String p = in.substring(colon + 1);
            int value = p.matches("\\d{1,5}") ? Integer.parseInt(p) : 0;
            if (value < 1 || value > 65535) {
                throw new IllegalArgumentException("Invalid port specified in -rpcbind: '" + in + "'");
            }
            host = in.substring(0, colon);
            port = value;
        }
        if (host.length() >= 2 && host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new Endpoint(host, port);
    }
}
