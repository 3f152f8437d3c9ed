package org.minicoin.node.rpc.server;

/** PLACEHOLDER until the server lands: an RPC error with Core's code. */
public class RpcException extends RuntimeException {
    private final int code;

    public RpcException(int code, String message) {
        super(message);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
