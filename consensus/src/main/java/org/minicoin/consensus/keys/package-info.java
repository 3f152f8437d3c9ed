/**
 * BIP-0032 hierarchical deterministic keys: master keys from a seed, private and public child derivation, key paths
 * such as {@code m/84h/1h/0h/0/5}, and the xprv/xpub (tprv/tpub) strings of one network. Pure arithmetic and
 * encoding; seeds from mnemonics (BIP-0039), wallet layouts (BIP-0044/84) and key storage are the wallet's business.
 */
package org.minicoin.consensus.keys;
