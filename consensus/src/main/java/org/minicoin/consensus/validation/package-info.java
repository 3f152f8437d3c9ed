/**
 * The rules that decide whether blocks and transactions are valid, layered as Core layers them: context-free
 * checks on a block or transaction alone, then contextual checks against its parent and the chain parameters,
 * then the checks made while connecting it to the UTXO set. It begins with the subsidy schedule. Proof of work and
 * retargeting live in {@code pow}; fetching the context (UTXOs, the block index) is the node's business.
 */
package org.minicoin.consensus.validation;
