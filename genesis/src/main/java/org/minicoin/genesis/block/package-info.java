/**
 * Building a genesis block exactly as Bitcoin Core's CreateGenesisBlock does (one coinbase with a message in its
 * scriptSig, prev hash zero), and mining one by searching nonces. Knows nothing of JSON; the spec package feeds
 * it plain values.
 */
package org.minicoin.genesis.block;
