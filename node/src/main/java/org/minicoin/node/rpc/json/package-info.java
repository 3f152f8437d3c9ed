/**
 * The JSON shapes Bitcoin Core's RPCs return for scripts, transactions and blocks, as pure functions from consensus
 * types to Jackson trees: script disassembly ({@link org.minicoin.node.rpc.json.ScriptAsm}), inferred descriptors
 * with their checksums ({@link org.minicoin.node.rpc.json.Descriptors}), {@code scriptPubKey} and
 * {@code decodescript} objects ({@link org.minicoin.node.rpc.json.ScriptJson}), transactions
 * ({@link org.minicoin.node.rpc.json.TxJson}) and block headers and blocks
 * ({@link org.minicoin.node.rpc.json.BlockJson}). Field names, field order and number formats follow Core's
 * {@code core_io.cpp}, {@code rpc/blockchain.cpp} and {@code rpc/rawtransaction.cpp}, so an explorer written for
 * Core reads them unchanged.
 *
 * <p>Nothing here looks anything up: chain facts such as height, confirmations and chain work come in as a
 * {@link org.minicoin.node.rpc.json.BlockFacts} the caller fills from its chain state, and undo data comes in as a
 * parameter. Parsing requests, looking up blocks and the RPC server itself live elsewhere. Numbers must be written
 * with {@link org.minicoin.node.rpc.json.CoreJson#mapper()} so that amounts keep their eight decimals.
 */
package org.minicoin.node.rpc.json;
