/**
 * Mining: choosing mempool transactions for a block (Core v29's ancestor-fee-rate package selection), building the
 * coinbase with its BIP-0034 height, extranonce and BIP-0141 witness commitment, and a multi-threaded CPU miner
 * that hashes headers from a SHA-256 midstate. It takes mempool transactions as plain {@link
 * org.minicoin.node.mining.CandidateTx} data and hands back blocks; keeping the mempool, submitting blocks to the
 * chain state and the {@code getblocktemplate}/{@code generate} RPCs are left to their own packages.
 */
package org.minicoin.node.mining;
