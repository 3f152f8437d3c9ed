package org.minicoin.node.policy;

/**
 * The kind of an output script as Core's Solver classifies it (Core's TxoutType, script/solver.h), with the name
 * Core's RPC prints in {@code scriptPubKey.type}.
 */
public enum ScriptType {
    /** Matches no template; outputs of this kind are not relayed. */
    NONSTANDARD("nonstandard"),
    /** {@code <pubkey> OP_CHECKSIG}. */
    PUBKEY("pubkey"),
    /** {@code OP_DUP OP_HASH160 <20 bytes> OP_EQUALVERIFY OP_CHECKSIG}. */
    PUBKEYHASH("pubkeyhash"),
    /** BIP-0016: {@code OP_HASH160 <20 bytes> OP_EQUAL}. */
    SCRIPTHASH("scripthash"),
    /** Bare {@code m <pubkeys...> n OP_CHECKMULTISIG}. */
    MULTISIG("multisig"),
    /** {@code OP_RETURN} followed by pushes only: provably unspendable, carries data. */
    NULL_DATA("nulldata"),
    /** BIP-0141 P2WSH: version 0 with a 32-byte program. */
    WITNESS_V0_SCRIPTHASH("witness_v0_scripthash"),
    /** BIP-0141 P2WPKH: version 0 with a 20-byte program. */
    WITNESS_V0_KEYHASH("witness_v0_keyhash"),
    /** BIP-0341 Taproot: version 1 with a 32-byte program. */
    WITNESS_V1_TAPROOT("witness_v1_taproot"),
    /** Pay-to-anchor: version 1 with the 2-byte program 0x4e73, spendable by anyone. */
    ANCHOR("anchor"),
    /** A witness program of a version (1-16) with no meaning yet, reserved for future soft forks. */
    WITNESS_UNKNOWN("witness_unknown");

    private final String rpcName;

    ScriptType(String rpcName) {
        this.rpcName = rpcName;
    }

    /** The name Core's RPC uses for this type (Core's GetTxnOutputType), e.g. {@code witness_v0_keyhash}. */
    public String rpcName() {
        return rpcName;
    }
}
