/**
 * The {@code devnet} command: parses the subcommands (up, status, mine, send, fund, load, partition, heal, kill,
 * restart, stop, start, logs, cli, down, clean) and the hidden regtest block ticker, and hands each to
 * {@code org.minicoin.devnet.control}, {@code status} or {@code load}.
 */
package org.minicoin.devnet.cli;
