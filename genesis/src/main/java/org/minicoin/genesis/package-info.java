/**
 * minicoin's chain specs: networks as JSON data ({@code main}, {@code regtest}, {@code devnet} and any network a
 * user creates), the loader that checks them and turns them into a consensus
 * {@link org.minicoin.consensus.params.ChainParams}, genesis block construction and mining, and the
 * {@code genesis} command. Consensus rules stay in {@code org.minicoin.consensus}; this module only says which
 * parameters they run with.
 */
package org.minicoin.genesis;
