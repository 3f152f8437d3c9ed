package org.minicoin.node.rpc.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Turns the body of an authenticated JSON-RPC POST into the HTTP status and body of the reply, as Core's
 * HTTPReq_JSONRPC and ExecuteHTTPRPC (httprpc.cpp) do. No Netty here, so every rule is testable with bytes in and
 * bytes out.
 *
 * <p>A request without {@code "jsonrpc": "2.0"} is 1.0/1.1: its reply has both {@code result} and {@code error}, and
 * an error sets the HTTP status (400 invalid request, 404 method not found, 500 otherwise). A 2.0 request's reply has
 * one of the two and HTTP 200; a 2.0 request without {@code id} is a notification, run but not answered (204). A
 * batch is answered with an array under HTTP 200, notifications left out.
 */
final class JsonRpcExecutor {
    /** Core's MAX_JSON_DEPTH (univalue_read.cpp): deeper JSON is a parse error. */
    private static final int MAX_JSON_DEPTH = 512;

    static final int HTTP_OK = 200;
    static final int HTTP_NO_CONTENT = 204;
    static final int HTTP_BAD_REQUEST = 400;
    static final int HTTP_NOT_FOUND = 404;
    static final int HTTP_INTERNAL_SERVER_ERROR = 500;

    /** The reply: an HTTP status and a JSON body ending in a newline, or null for none. */
    record Reply(int status, byte[] body) {
    }

    private final RpcRegistry registry;
    private final ObjectMapper json;

    JsonRpcExecutor(RpcRegistry registry, int maxBodyBytes) {
        this.registry = registry;
        JsonMapper mapper = JsonMapper.builder()
                // Exact decimals: amounts such as 0.1 must reach the methods as written.
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .build();
        // A string may be as long as the body (a hex block for submitblock); nesting is bounded as in Core.
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(Math.max(maxBodyBytes, StreamReadConstraints.DEFAULT_MAX_STRING_LEN))
                .maxNestingDepth(MAX_JSON_DEPTH)
                .build());
        this.json = mapper;
    }

    /** One request's id and version, as far as they were parsed (Core's JSONRPCRequest). */
    private static final class Request {
        /** The {@code id} member, or null when absent (a JSON null id is a NullNode). */
        JsonNode id;
        boolean v2;
        String method;
        JsonNode params;

        boolean isNotification() {
            return id == null && v2;
        }

        /** Core's JSONRPCRequest::parse: id first, so that later errors carry it. */
        void parse(JsonNode request) throws RpcException {
            if (!request.isObject()) {
                throw new RpcException(RpcErrorCode.INVALID_REQUEST, "Invalid Request object");
            }
            id = request.get("id");
            v2 = false;
            JsonNode version = request.get("jsonrpc");
            if (version != null && !version.isNull()) {
                if (!version.isTextual()) {
                    throw new RpcException(RpcErrorCode.INVALID_REQUEST, "jsonrpc field must be a string");
                }
                // Some old documentation put "jsonrpc": "1.0" in requests; Core accepts it as 1.0.
                switch (version.textValue()) {
                    case "1.0" -> v2 = false;
                    case "2.0" -> v2 = true;
                    default -> throw new RpcException(RpcErrorCode.INVALID_REQUEST, "JSON-RPC version not supported");
                }
            }
            JsonNode m = request.get("method");
            if (m == null || m.isNull()) {
                throw new RpcException(RpcErrorCode.INVALID_REQUEST, "Missing method");
            }
            if (!m.isTextual()) {
                throw new RpcException(RpcErrorCode.INVALID_REQUEST, "Method must be a string");
            }
            method = m.textValue();
            JsonNode p = request.get("params");
            if (p == null || p.isNull()) {
                params = null;
            } else if (p.isArray() || p.isObject()) {
                params = p;
            } else {
                throw new RpcException(RpcErrorCode.INVALID_REQUEST, "Params must be an array or object");
            }
        }
    }

    /** Answers one HTTP body. */
    Reply execute(byte[] body) {
        JsonNode request;
        try {
            request = json.readTree(body);
        } catch (IOException e) {
            request = null;
        }
        if (request == null || request.isMissingNode()) {
            return errorReply(new RpcException(RpcErrorCode.PARSE_ERROR, "Parse error"), new Request());
        }
        if (request.isObject()) {
            return single(request);
        }
        if (request.isArray()) {
            return batch((ArrayNode) request);
        }
        return errorReply(new RpcException(RpcErrorCode.PARSE_ERROR, "Top-level object parse error"), new Request());
    }

    private Reply single(JsonNode request) {
        Request req = new Request();
        try {
            req.parse(request);
            ObjectNode reply;
            if (req.v2) {
                // 2.0: errors go in the body under HTTP 200.
                reply = exec(req);
            } else {
                reply = replyObject(registry.execute(req.method, req.params), null, req);
            }
            if (req.isNotification()) {
                // Notifications are run but not answered.
                return new Reply(HTTP_NO_CONTENT, null);
            }
            return new Reply(HTTP_OK, write(reply));
        } catch (RpcException e) {
            return errorReply(e, req);
        }
    }

    private Reply batch(ArrayNode requests) {
        ArrayNode replies = JsonNodeFactory.instance.arrayNode();
        for (JsonNode element : requests) {
            // Core reuses one request object across the batch, so a member that fails to parse could inherit the
            // previous member's id; minicoin starts each member afresh.
            Request req = new Request();
            ObjectNode reply;
            try {
                req.parse(element);
                reply = exec(req);
            } catch (RpcException e) {
                reply = replyObject(null, e, req);
            }
            if (!req.isNotification()) {
                replies.add(reply);
            }
        }
        // An all-notification batch gets no body; an empty batch gets [] for old clients, as Core.
        if (replies.isEmpty() && !requests.isEmpty()) {
            return new Reply(HTTP_NO_CONTENT, null);
        }
        return new Reply(HTTP_OK, write(replies));
    }

    /** Core's JSONRPCExec with catch_errors: the reply object, an error included in it. */
    private ObjectNode exec(Request req) {
        try {
            return replyObject(registry.execute(req.method, req.params), null, req);
        } catch (RpcException e) {
            return replyObject(null, e, req);
        }
    }

    /** Core's JSONErrorReply: a 1.x error with its HTTP status (also used before the version is known). */
    private Reply errorReply(RpcException e, Request req) {
        int status = HTTP_INTERNAL_SERVER_ERROR;
        if (e.code() == RpcErrorCode.INVALID_REQUEST.code()) {
            status = HTTP_BAD_REQUEST;
        } else if (e.code() == RpcErrorCode.METHOD_NOT_FOUND.code()) {
            status = HTTP_NOT_FOUND;
        }
        return new Reply(status, write(replyObject(null, e, req)));
    }

    /** Core's JSONRPCReplyObj: 1.x has both result and error, 2.0 only one; id only when the request had one. */
    private static ObjectNode replyObject(JsonNode result, RpcException error, Request req) {
        ObjectNode reply = JsonNodeFactory.instance.objectNode();
        if (req.v2) {
            reply.put("jsonrpc", "2.0");
        }
        if (error == null) {
            reply.set("result", result == null ? JsonNodeFactory.instance.nullNode() : result);
            if (!req.v2) {
                reply.putNull("error");
            }
        } else {
            if (!req.v2) {
                reply.putNull("result");
            }
            ObjectNode e = reply.putObject("error");
            e.put("code", error.code());
            e.put("message", error.getMessage());
        }
        if (req.id != null) {
            reply.set("id", req.id);
        }
        return reply;
    }

    private byte[] write(JsonNode reply) {
        try {
            return (json.writeValueAsString(reply) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            // A tree of Jackson nodes always serializes.
            throw new IllegalStateException(e);
        }
    }
}
