package org.minicoin.node.rpc.methods;

/** Bitcoin Core's RPC error codes used by the methods (rpc/protocol.h). */
final class RpcErrors {
    static final int MISC_ERROR = -1;
    static final int TYPE_ERROR = -3;
    static final int INVALID_ADDRESS_OR_KEY = -5;
    static final int INVALID_PARAMETER = -8;
    static final int CLIENT_NOT_CONNECTED = -9;
    static final int CLIENT_IN_INITIAL_DOWNLOAD = -10;
    static final int DESERIALIZATION_ERROR = -22;
    static final int VERIFY_ERROR = -25;
    static final int VERIFY_REJECTED = -26;
    static final int VERIFY_ALREADY_IN_UTXO_SET = -27;

    private RpcErrors() {
    }
}
