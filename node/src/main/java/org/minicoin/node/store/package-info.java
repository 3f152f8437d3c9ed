/**
 * The node's storage: a small key-value interface over RocksDB, with column families named by {@link
 * org.minicoin.node.store.Column} (permanent names, never reused), atomic write batches spanning families, and the
 * data-directory lock that keeps a second node off the same files. What is stored under which keys (block index,
 * coins, undo data, tip) belongs to the ledger built on top; RocksDB's own exceptions never leave this package.
 */
package org.minicoin.node.store;
