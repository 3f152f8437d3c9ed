/**
 * The devnet's processes: each {@code minicoind} and the regtest block ticker run detached from the launcher
 * (their own session, output to a log file, a pid file), so they outlive the command that started them. This
 * package starts, checks, stops and kills them, and reaches a node over JSON-RPC; what to start is decided by
 * {@code org.minicoin.devnet.cli}.
 */
package org.minicoin.devnet.process;
