/**
 * Proof-of-work arithmetic: compact targets, the proof-of-work check, the work a block adds to its chain, and the
 * next required target under each network's retarget rule. Which chain is best, given that work, is decided by
 * the node's chain state.
 */
package org.minicoin.consensus.pow;
