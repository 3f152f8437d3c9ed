/**
 * The strings people pass around for outputs and keys: bech32/bech32m segwit addresses (BIP-0173, BIP-0350),
 * base58check P2PKH/P2SH addresses and WIF private keys, each checked against one network's
 * {@link org.minicoin.consensus.params.ChainParams} and rejected with Bitcoin Core's error texts. Address types are
 * mapped to and from output scripts only; which addresses belong to whom, and extended keys, are the wallet's
 * business.
 */
package org.minicoin.consensus.address;
