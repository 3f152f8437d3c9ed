package org.minicoin.node.rpc.server;

/**
 * An RPC error as the client sees it: {@code {"code": ..., "message": ...}} (Core's JSONRPCError). Method handlers
 * throw it with Core's code and message; the server puts it in the reply and picks the HTTP status from the code.
 */
public final class RpcException extends RuntimeException {
    private final int code;

    /** An error with one of Core's codes. */
    public RpcException(RpcErrorCode code, String message) {
        this(code.code(), message);
    }

    /** An error with a raw code, for codes this enum does not name. */
    public RpcException(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** The error's {@code code} field. */
    public int code() {
        return code;
    }
}
