/**
 * The ledger on disk: the UTXO set (coins) behind a bounded write-back cache, and, as it grows, the block index,
 * block and undo data and the tip pointer, all written through {@link org.minicoin.node.store.KeyValueStore}
 * batches so that a crash leaves a state the node can repair. Validity is decided by the consensus library; this
 * package only stores what it decided.
 */
package org.minicoin.node.ledger;
