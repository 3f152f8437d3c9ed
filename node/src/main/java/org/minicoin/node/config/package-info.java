/**
 * minicoind's options, bitcoind-style: the command line ({@code -name=value}, {@code -noname}) and the config file
 * ({@code minicoin.conf} with {@code [main]}/{@code [regtest]}/{@code [devnet]} sections), merged with Bitcoin Core's
 * precedence rules (common/args.cpp, common/config.cpp, common/settings.cpp) into typed settings, plus the generated
 * {@code -help} text. Every value is checked when it is read, so bad input stops start-up with one message naming it.
 * What a setting does (opening ports, sizing caches, creating directories) is left to the daemon that reads it.
 */
package org.minicoin.node.config;
