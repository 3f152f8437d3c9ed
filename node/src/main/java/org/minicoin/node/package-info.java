/**
 * The full node daemon {@code minicoind}: RocksDB ledger, chain state and reorganisations, mempool, mining,
 * P2P gossip on Netty, and the JSON-RPC server. Consensus rules live in {@code org.minicoin.consensus}; this
 * module only stores, schedules and transports what those rules decide.
 */
package org.minicoin.node;
