package org.minicoin.node.rpc.server;

/**
 * Bitcoin Core's RPC error codes with Core's numbers (rpc/protocol.h), so that clients written for Core read our
 * errors unchanged. Core's backward-compatible aliases ({@code RPC_TRANSACTION_ERROR} = -25, ...) are the constants
 * they alias; -2 (safe mode) is reserved by Core and not used.
 */
public enum RpcErrorCode {
    // Standard JSON-RPC 2.0 errors
    /** Not a valid request object; the HTTP status of a 1.x reply is 400. */
    INVALID_REQUEST(-32600),
    /** No such method; the HTTP status of a 1.x reply is 404. */
    METHOD_NOT_FOUND(-32601),
    INVALID_PARAMS(-32602),
    /** A genuine error in the node (for example a corrupt data directory). */
    INTERNAL_ERROR(-32603),
    PARSE_ERROR(-32700),

    // General application defined errors
    /** Any other exception thrown while handling a command. */
    MISC_ERROR(-1),
    /** A parameter of the wrong JSON type. */
    TYPE_ERROR(-3),
    INVALID_ADDRESS_OR_KEY(-5),
    OUT_OF_MEMORY(-7),
    /** Invalid, missing or duplicate parameter. */
    INVALID_PARAMETER(-8),
    DATABASE_ERROR(-20),
    /** Error parsing or validating a structure in raw format. */
    DESERIALIZATION_ERROR(-22),
    /** General error during transaction or block submission (also Core's RPC_TRANSACTION_ERROR). */
    VERIFY_ERROR(-25),
    /** Transaction or block rejected by network rules (also Core's RPC_TRANSACTION_REJECTED). */
    VERIFY_REJECTED(-26),
    VERIFY_ALREADY_IN_UTXO_SET(-27),
    /** The node is still starting; the message says what it is doing. */
    IN_WARMUP(-28),
    METHOD_DEPRECATED(-32),

    // P2P client errors
    CLIENT_NOT_CONNECTED(-9),
    CLIENT_IN_INITIAL_DOWNLOAD(-10),
    CLIENT_NODE_ALREADY_ADDED(-23),
    CLIENT_NODE_NOT_ADDED(-24),
    CLIENT_NODE_NOT_CONNECTED(-29),
    CLIENT_INVALID_IP_OR_SUBNET(-30),
    CLIENT_P2P_DISABLED(-31),
    CLIENT_NODE_CAPACITY_REACHED(-34),

    // Chain errors
    CLIENT_MEMPOOL_DISABLED(-33),

    // Wallet errors
    WALLET_ERROR(-4),
    WALLET_INSUFFICIENT_FUNDS(-6),
    WALLET_INVALID_LABEL_NAME(-11),
    WALLET_KEYPOOL_RAN_OUT(-12),
    WALLET_UNLOCK_NEEDED(-13),
    WALLET_PASSPHRASE_INCORRECT(-14),
    WALLET_WRONG_ENC_STATE(-15),
    WALLET_ENCRYPTION_FAILED(-16),
    WALLET_ALREADY_UNLOCKED(-17),
    WALLET_NOT_FOUND(-18),
    WALLET_NOT_SPECIFIED(-19),
    WALLET_ALREADY_LOADED(-35),
    WALLET_ALREADY_EXISTS(-36);

    private final int code;

    RpcErrorCode(int code) {
        this.code = code;
    }

    /** The number clients see in {@code error.code}. */
    public int code() {
        return code;
    }
}
