/**
 * Spending the wallet's coins: exact decimal amounts, coin selection (Core's branch-and-bound for a changeless
 * match, else Core's knapsack solver with a change output), fee and dust rules as Core's wallet applies them,
 * and signing P2WPKH (BIP-0143) and P2PKH inputs. Pure computation: it is handed coins, keys, a fee rate and the
 * tip height, and returns a signed transaction; asking the node for coins or fee estimates, and broadcasting
 * (testmempoolaccept, sendrawtransaction), are the caller's business.
 */
package org.minicoin.wallet.spend;
