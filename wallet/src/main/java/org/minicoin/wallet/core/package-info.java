/**
 * One wallet at work: its file and account, unlocking with the passphrase, handing out addresses, finding its coins
 * (the node's UTXO set adjusted by the wallet's own pending transactions) and sending.
 */
package org.minicoin.wallet.core;
