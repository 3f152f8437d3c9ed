/**
 * The {@code genesis} command line: {@code genesis new} mines a genesis block and writes the spec of a new network;
 * {@code genesis show} prints a network's parameters. Parsing and printing only; what a spec means and how a genesis
 * is mined live in the spec and block packages.
 */
package org.minicoin.genesis.cli;
