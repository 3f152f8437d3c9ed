/**
 * {@code minicoin-cli}, Bitcoin Core's {@code bitcoin-cli} for minicoin: reads bitcoin-cli's options from the command
 * line and {@code minicoin.conf}, turns a method and its arguments into one JSON-RPC request (converting arguments to
 * JSON by Core's table, positional or {@code -named}), sends it over HTTP with cookie or user/password auth, and prints
 * the reply as bitcoin-cli prints it, with its exit codes. It knows nothing of what the methods do: the daemon's RPC
 * server answers them, and this package only has to agree with Core on the wire and on the terminal.
 */
package org.minicoin.node.cli;
