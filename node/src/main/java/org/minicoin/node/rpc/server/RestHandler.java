package org.minicoin.node.rpc.server;

/**
 * The REST interface ({@code -rest}): the server passes it every GET whose path starts with {@code /rest/}, without
 * authentication, as Core serves REST. It runs on an RPC worker thread and may block. Other HTTP methods on
 * {@code /rest/} are answered 405 by the server.
 */
@FunctionalInterface
public interface RestHandler {
    /** The path prefix the server hands to this handler. */
    String PREFIX = "/rest/";

    /** A REST reply: HTTP status, Content-Type and body. */
    record Response(int status, String contentType, byte[] body) {
    }

    /**
     * Answers one request.
     *
     * @param uri the request target as sent, starting with {@code /rest/} ({@code /rest/block/<hash>.json?x=1})
     */
    Response handle(String uri);
}
