/**
 * The wallet: BIP-0032/39/44/84 keys, addresses, an encrypted wallet file and the {@code minicoin-wallet} command.
 * It talks to a node only over JSON-RPC, so it works with any node that speaks Core's RPC. From the node module it
 * reuses code, not the node: minicoin-cli's connection options and RPC client, the atomic file writer, and the fee
 * rate and dust rules of relay policy (so the wallet's dust is exactly what nodes refuse).
 */
package org.minicoin.wallet;
