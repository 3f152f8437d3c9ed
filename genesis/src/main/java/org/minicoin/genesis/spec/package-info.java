/**
 * Chain specs: a network's parameters as a versioned JSON document, read with every error naming its field by JSON
 * path, written in one canonical layout, and turned into the consensus {@link
 * org.minicoin.consensus.params.ChainParams} that the rest of minicoin reads. {@link
 * org.minicoin.genesis.spec.ChainSpecs} is the entry point: built-in networks by name, user networks by file.
 * Jackson stays inside this package; consensus types never see it.
 */
package org.minicoin.genesis.spec;
