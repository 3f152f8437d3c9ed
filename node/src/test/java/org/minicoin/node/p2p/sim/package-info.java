/**
 * Deterministic multi-node simulations of block sync and transaction relay: real chain states, mempools,
 * {@code BlockSync} and {@code TxRelay} on every node, joined by an in-memory network with one event queue and a
 * manual clock instead of sockets and threads (the approach of nakamoto's simulator). It tests the protocol logic
 * between nodes; framing on real sockets is left to the Netty tests.
 */
package org.minicoin.node.p2p.sim;
