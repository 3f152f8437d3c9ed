/**
 * One wallet per devnet node: created with cheap scrypt parameters (devnet coins are throwaway), its passphrase
 * in a file beside it, and paying at a fixed fee rate (a fresh chain has no fee estimates). Coin selection,
 * signing and the file format are the wallet module's.
 */
package org.minicoin.devnet.wallet;
