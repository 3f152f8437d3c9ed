/**
 * What {@code devnet status} shows: each node's height, tip, peers, mempool, hash rate, last block age and wallet
 * balance, read over RPC, and whether the running nodes agree on the tip; as a table or as JSON.
 */
package org.minicoin.devnet.status;
