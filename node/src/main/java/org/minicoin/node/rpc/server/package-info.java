/**
 * The JSON-RPC server: an HTTP server on Netty that speaks Bitcoin Core's JSON-RPC (1.0/1.1 and 2.0 replies,
 * batches, notifications, Core's error codes and HTTP statuses), authenticates with Core's cookie, user/password or
 * {@code -rpcauth}, limits clients by {@code -rpcallowip}, and runs methods on a bounded work queue. Methods are
 * registered in an {@link org.minicoin.node.rpc.server.RpcRegistry}; this package holds only the framework and
 * {@code help}. What the methods do (blockchain, mempool, mining, wallet) is left to the packages that register
 * them, and REST to a {@link org.minicoin.node.rpc.server.RestHandler} someone else implements.
 */
package org.minicoin.node.rpc.server;
