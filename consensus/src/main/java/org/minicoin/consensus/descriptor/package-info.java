/**
 * Output script descriptors (BIP-0380 to BIP-0385, as Bitcoin Core's {@code script/descriptor.cpp}): parsing
 * {@code addr}, {@code raw}, {@code pk}, {@code pkh}, {@code wpkh}, {@code combo}, {@code multi},
 * {@code sortedmulti}, {@code sh} and {@code wsh} with hex, WIF and BIP-0032 key expressions, the descriptor
 * checksum, the canonical public form and expansion to output scripts. What the node's {@code scantxoutset},
 * {@code getdescriptorinfo} and {@code deriveaddresses} and the wallet's coin discovery build on. Taproot
 * ({@code tr}, {@code rawtr}), miniscript and multipath key expressions (BIP-0389) are not implemented; signing and
 * descriptor wallets are the wallet's business.
 */
package org.minicoin.consensus.descriptor;
