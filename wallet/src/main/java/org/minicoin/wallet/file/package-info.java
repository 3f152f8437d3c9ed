/**
 * The wallet file: one JSON document with a format version, the account's extended public key, address indexes,
 * the history of what this wallet sent, and (unless the wallet is watch-only) the BIP-0039 mnemonic and passphrase
 * sealed with scrypt and AES-256-GCM. Files are written atomically with mode 0600 through the node's
 * {@code AtomicFile}; a damaged file or a wrong passphrase is reported and the file is never rewritten.
 *
 * <p>This package stores strings and bytes. It does not derive keys, parse extended keys or make addresses
 * ({@code org.minicoin.wallet.keys} does), and it does not talk to a node.
 */
package org.minicoin.wallet.file;
