/**
 * The daemon minicoind: the node's parts put together from its options (ledger, chain state, mempool, fee
 * estimates, miner), block import and reindex with progress, logging, and a clean shutdown.
 */
package org.minicoin.node.daemon;
