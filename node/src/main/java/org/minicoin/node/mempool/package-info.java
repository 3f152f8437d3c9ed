/**
 * The mempool: unconfirmed transactions accepted under consensus rules and Bitcoin Core's relay policy (v29, before
 * the cluster mempool), their ancestor and descendant packages, size-capped eviction with a rising minimum fee,
 * expiry, orphans waiting for their parents, and the file that keeps them across restarts.
 */
package org.minicoin.node.mempool;
