/**
 * The devnet's state file: which nodes exist, their ports, process ids, wallets, topology and partition, written
 * atomically so that every command, from any shell, sees the same network. It does not start or talk to nodes.
 */
package org.minicoin.devnet.state;
