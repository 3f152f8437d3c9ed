/** Finding the wallet's coins in a node's UTXO set with {@code scantxoutset} and a gap limit. */
package org.minicoin.wallet.coins;
