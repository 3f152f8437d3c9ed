package org.minicoin.node.rpc.server;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's HTTP requests, answered in order (Core's http_request_cb and HTTPReq_JSONRPC): routing, the POST
 * and credential checks, then the work goes to the worker pool, or 503 when its queue is full. Runs on the
 * connection's event loop and never blocks it: methods run on workers, and the delay after a failed login is a
 * scheduled reply. One request is handled at a time per connection, so pipelined replies keep their order; reading
 * pauses while requests wait.
 */
final class RpcHttpHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(RpcHttpHandler.class);

    /** Core sleeps 250 ms before answering bad credentials, to slow down password guessing. */
    static final long AUTH_FAILURE_DELAY_MILLIS = 250;
    /** Core's WWW_AUTH_HEADER_DATA. */
    static final String WWW_AUTHENTICATE = "Basic realm=\"jsonrpc\"";

    /** What every connection shares. */
    record Shared(RpcAuth auth, JsonRpcExecutor jsonRpc, RestHandler rest, ExecutorService workers) {
    }

    private final Shared shared;
    private final ArrayDeque<FullHttpRequest> pending = new ArrayDeque<>();
    /** Whether a request of this connection is being answered; event loop only. */
    private boolean busy;

    RpcHttpHandler(Shared shared) {
        this.shared = shared;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        pending.add(request);
        if (busy) {
            ctx.channel().config().setAutoRead(false);
        } else {
            next(ctx);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        pending.forEach(ReferenceCountUtil::release);
        pending.clear();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("RPC connection {}: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }

    private void next(ChannelHandlerContext ctx) {
        FullHttpRequest request = pending.poll();
        if (request == null) {
            ctx.channel().config().setAutoRead(true);
            return;
        }
        busy = true;
        try {
            route(ctx, request, HttpUtil.isKeepAlive(request));
        } finally {
            request.release();
        }
    }

    private void route(ChannelHandlerContext ctx, FullHttpRequest request, boolean keepAlive) {
        if (request.decoderResult().isFailure()) {
            finish(ctx, text(HttpResponseStatus.BAD_REQUEST, ""), false);
            return;
        }
        String uri = request.uri();
        if (uri.equals("/")) {
            jsonRpc(ctx, request, keepAlive);
        } else if (shared.rest() != null && uri.startsWith(RestHandler.PREFIX)) {
            if (!request.method().equals(HttpMethod.GET)) {
                finish(ctx, text(HttpResponseStatus.METHOD_NOT_ALLOWED, "REST handles only GET requests"),
                        keepAlive);
                return;
            }
            submit(ctx, keepAlive, () -> {
                RestHandler.Response r = shared.rest().handle(uri);
                FullHttpResponse response = response(HttpResponseStatus.valueOf(r.status()), r.body());
                response.headers().set(HttpHeaderNames.CONTENT_TYPE, r.contentType());
                return response;
            });
        } else {
            // Core registers "/" exactly and "/wallet/" only with a wallet; everything else is not found.
            finish(ctx, text(HttpResponseStatus.NOT_FOUND, ""), keepAlive);
        }
    }

    private void jsonRpc(ChannelHandlerContext ctx, FullHttpRequest request, boolean keepAlive) {
        if (!request.method().equals(HttpMethod.POST)) {
            finish(ctx, text(HttpResponseStatus.METHOD_NOT_ALLOWED, "JSONRPC server handles only POST requests"),
                    keepAlive);
            return;
        }
        String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        if (authorization == null) {
            // As Core: no credentials at all is answered at once, only wrong ones are delayed.
            finish(ctx, unauthorized(), keepAlive);
            return;
        }
        if (!shared.auth().authorized(authorization)) {
            log.warn("ThreadRPCServer incorrect password attempt from {}", ctx.channel().remoteAddress());
            ctx.executor().schedule(() -> finish(ctx, unauthorized(), keepAlive), AUTH_FAILURE_DELAY_MILLIS,
                    TimeUnit.MILLISECONDS);
            return;
        }
        byte[] body = ByteBufUtil.getBytes(request.content());
        submit(ctx, keepAlive, () -> {
            JsonRpcExecutor.Reply reply = shared.jsonRpc().execute(body);
            if (reply.body() == null) {
                return response(HttpResponseStatus.valueOf(reply.status()), new byte[0]);
            }
            FullHttpResponse response = response(HttpResponseStatus.valueOf(reply.status()), reply.body());
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
            return response;
        });
    }

    /** Runs {@code work} on a worker and sends its reply; 503 at once when the work queue is full. */
    private void submit(ChannelHandlerContext ctx, boolean keepAlive, Supplier<FullHttpResponse> work) {
        try {
            shared.workers().execute(() -> {
                FullHttpResponse response;
                boolean keep = keepAlive;
                try {
                    response = work.get();
                } catch (RuntimeException | LinkageError e) {
                    // A linkage error too (a jar replaced under a running node): answer rather than let the worker
                    // die with the client waiting forever.
                    // As Core's worker: log, answer 500 with the message and close, so the client does not hang.
                    log.warn("Unexpected error while processing an RPC request: {}", e.toString());
                    response = text(HttpResponseStatus.INTERNAL_SERVER_ERROR, String.valueOf(e.getMessage()));
                    keep = false;
                }
                FullHttpResponse reply = response;
                boolean replyKeepAlive = keep;
                try {
                    ctx.executor().execute(() -> finish(ctx, reply, replyKeepAlive));
                } catch (RejectedExecutionException e) {
                    reply.release(); // the event loop is gone: the server is closing
                }
            });
        } catch (RejectedExecutionException e) {
            if (shared.workers().isShutdown()) {
                finish(ctx, text(HttpResponseStatus.SERVICE_UNAVAILABLE, "Request rejected during server shutdown"),
                        false);
            } else {
                log.warn("Request rejected because http work queue depth exceeded, it can be increased with the "
                        + "-rpcworkqueue= setting");
                finish(ctx, text(HttpResponseStatus.SERVICE_UNAVAILABLE, "Work queue depth exceeded"), keepAlive);
            }
        }
    }

    /** Sends the reply of the current request and moves on to the next; event loop only. */
    private void finish(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
        if (response.status().code() != HttpResponseStatus.NO_CONTENT.code()) {
            HttpUtil.setContentLength(response, response.content().readableBytes());
        }
        HttpUtil.setKeepAlive(response, keepAlive);
        busy = false;
        if (keepAlive) {
            ctx.writeAndFlush(response);
            next(ctx);
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            pending.forEach(ReferenceCountUtil::release);
            pending.clear();
        }
    }

    private static FullHttpResponse unauthorized() {
        FullHttpResponse response = response(HttpResponseStatus.UNAUTHORIZED, new byte[0]);
        response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, WWW_AUTHENTICATE);
        return response;
    }

    /** A reply with a plain-text body, as Core's WriteReply(status, text). */
    static FullHttpResponse text(HttpResponseStatus status, String body) {
        FullHttpResponse response = response(status, body.getBytes(StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        return response;
    }

    private static FullHttpResponse response(HttpResponseStatus status, byte[] body) {
        return new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
    }
}
