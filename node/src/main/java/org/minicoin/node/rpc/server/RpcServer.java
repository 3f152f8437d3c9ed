package org.minicoin.node.rpc.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running JSON-RPC (and optional REST) HTTP server: Netty event loops accept connections and parse HTTP, a
 * fixed pool of {@code -rpcthreads} workers with a queue of {@code -rpcworkqueue} runs the calls (Core's
 * httpserver.cpp). Start it with {@link #start}, stop it with {@link #close}.
 *
 * <pre>{@code
 * RpcRegistry registry = new RpcRegistry();
 * registry.register(new RpcMethod("getblockcount", "blockchain", "Returns the height of the most-work chain.",
 *         List.of(), params -> IntNode.valueOf(chain.height())));
 * try (RpcServer server = RpcServer.start(RpcServerConfig.from(options), registry, null)) { ... }
 * }</pre>
 */
public final class RpcServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RpcServer.class);

    /** Core's MAX_HEADERS_SIZE (httpserver.cpp): request line plus headers. */
    private static final int MAX_HEADERS_SIZE = 8192;
    /** How long {@link #close} waits for calls under way. */
    private static final long CLOSE_WAIT_SECONDS = 30;

    private final EventLoopGroup acceptors = new MultiThreadIoEventLoopGroup(1,
            new DefaultThreadFactory("rpc-accept", true), NioIoHandler.newFactory());
    private final EventLoopGroup connections = new MultiThreadIoEventLoopGroup(2,
            new DefaultThreadFactory("rpc-io", true), NioIoHandler.newFactory());
    private final ThreadPoolExecutor workers;
    private final List<Channel> listeners = new ArrayList<>();
    private final RpcAuth auth;

    private RpcServer(RpcServerConfig config, RpcAuth auth) {
        this.workers = new ThreadPoolExecutor(config.threads(), config.threads(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(config.workQueueDepth()), new DefaultThreadFactory("rpc-worker", true));
        this.auth = auth;
    }

    /**
     * Sets up the credentials (writing the cookie file), binds the configured addresses and starts serving, as
     * Core's StartHTTPRPC, InitHTTPServer and StartHTTPServer: an address that cannot be bound is logged and
     * skipped.
     *
     * @param rest the REST handler for {@code /rest/}, or null when {@code -rest} is off (those paths are then 404)
     * @throws IOException when no address could be bound or the cookie file could not be written
     */
    public static RpcServer start(RpcServerConfig config, RpcRegistry registry, RestHandler rest)
            throws IOException {
        config.warnings().forEach(log::warn);
        RpcServer server = new RpcServer(config, RpcAuth.create(config));
        if (server.cookieFile() != null) {
            log.info("Generated RPC authentication cookie {}", server.cookieFile());
        }
        try {
            server.bind(config, registry, rest);
            return server;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private void bind(RpcServerConfig config, RpcRegistry registry, RestHandler rest) throws IOException {
        RpcHttpHandler.Shared shared = new RpcHttpHandler.Shared(auth,
                new JsonRpcExecutor(registry, config.maxBodyBytes()), rest, workers);
        List<Subnet> allowed = new ArrayList<>(List.of(Subnet.parse("127.0.0.0/8"), Subnet.parse("::1")));
        allowed.addAll(config.allowIps());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptors, connections)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(new HttpServerCodec(new HttpDecoderConfig()
                                        .setMaxInitialLineLength(MAX_HEADERS_SIZE)
                                        .setMaxHeaderSize(MAX_HEADERS_SIZE)))
                                .addLast(new AccessFilter(allowed))
                                // Answers 413 from the Content-Length alone, before reading the body.
                                .addLast(new HttpObjectAggregator(config.maxBodyBytes()))
                                .addLast(new RpcHttpHandler(shared));
                    }
                });
        int port = config.port();
        for (RpcServerConfig.Endpoint e : config.endpoints()) {
            // With port 0 the first address picks a free port and the others share it.
            int p = e.port() == 0 ? port : e.port();
            log.info("Binding RPC on address {} port {}", e.host(), p);
            try {
                Channel ch = bootstrap.bind(new InetSocketAddress(e.host(), p)).syncUninterruptibly().channel();
                listeners.add(ch);
                InetSocketAddress local = (InetSocketAddress) ch.localAddress();
                if (port == 0) {
                    port = local.getPort();
                }
                if (local.getAddress().isAnyLocalAddress()) {
                    log.warn("The RPC server is not safe to expose to untrusted networks such as the public "
                            + "internet");
                }
            } catch (Exception ex) {
                // Netty rethrows the bind's checked exception undeclared, so it is caught as Exception.
                log.warn("Binding RPC on address {} port {} failed: {}", e.host(), p, ex.toString());
            }
        }
        if (listeners.isEmpty()) {
            throw new IOException("Unable to bind any endpoint for RPC server");
        }
    }

    /** The port of the first bound address (useful when the config asked for port 0). */
    public int port() {
        return ((InetSocketAddress) listeners.get(0).localAddress()).getPort();
    }

    /** Every bound address. */
    public List<InetSocketAddress> addresses() {
        return listeners.stream().map(ch -> (InetSocketAddress) ch.localAddress()).toList();
    }

    /** The cookie file this server wrote, or null when a password is configured or cookies are off. */
    public Path cookieFile() {
        return auth.cookieFile();
    }

    /** Requests waiting for a worker; for tests. */
    int queuedWork() {
        return workers.getQueue().size();
    }

    /**
     * Stops the server as Core's InterruptHTTPServer and StopHTTPServer: stops accepting connections, answers
     * new requests on open ones with 503, lets calls under way finish and send their replies, then closes the
     * connections and deletes the cookie file.
     */
    @Override
    public void close() {
        for (Channel ch : listeners) {
            ch.close().syncUninterruptibly();
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("RPC calls still running after {} s; closing anyway", CLOSE_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Netty closes every channel before it runs the tasks still queued on a shutting-down event loop, so the
        // replies the workers handed over would be lost: let each loop run its queue (and write them) first.
        for (io.netty.util.concurrent.EventExecutor loop : connections) {
            loop.submit(() -> { }).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        connections.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        acceptors.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        try {
            auth.deleteCookie();
        } catch (IOException e) {
            log.warn("Unable to remove random auth cookie file {}: {}", auth.cookieFile(), e.toString());
        }
    }

    /**
     * Core's ClientAllowed: a client outside 127.0.0.0/8, ::1 and {@code -rpcallowip} gets 403 for every request,
     * decided from the request line and headers, before any body is buffered.
     */
    private static final class AccessFilter extends ChannelInboundHandlerAdapter {
        private final List<Subnet> allowed;
        private Boolean clientAllowed;

        AccessFilter(List<Subnet> allowed) {
            this.allowed = allowed;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (clientAllowed == null) {
                InetAddress peer = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress();
                clientAllowed = allowed.stream().anyMatch(s -> s.contains(peer));
                if (!clientAllowed) {
                    log.debug("HTTP request from {} rejected: Client network is not allowed RPC access", peer);
                }
            }
            if (clientAllowed) {
                ctx.fireChannelRead(msg);
                return;
            }
            if (msg instanceof HttpRequest) {
                var response = RpcHttpHandler.text(HttpResponseStatus.FORBIDDEN, "");
                HttpUtil.setContentLength(response, 0);
                HttpUtil.setKeepAlive(response, false);
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            }
            ReferenceCountUtil.release(msg);
        }
    }
}
