/**
 * Wallet keys: BIP-0039 mnemonics and seeds, BIP-0044 (P2PKH) and BIP-0084 (P2WPKH) accounts derived with the
 * consensus module's BIP-0032 {@code ExtendedKey}, their output descriptors, and the one entry point through which
 * the wallet reads a user's address. Storing keys (the encrypted wallet file) and signing are left to other
 * packages; key derivation, base58/bech32 and descriptor parsing themselves live in {@code consensus}.
 */
package org.minicoin.wallet.keys;
