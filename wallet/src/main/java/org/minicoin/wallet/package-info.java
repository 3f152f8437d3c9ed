/**
 * The wallet: BIP-0032/39/44/84 keys, addresses, an encrypted wallet file and the {@code minicoin-wallet} command.
 * It talks to a node only over JSON-RPC and never depends on the node's Java code.
 */
package org.minicoin.wallet;
