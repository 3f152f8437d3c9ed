/**
 * Chain parameters as one immutable record that the rest of the code reads: magic, ports, address prefixes,
 * proof-of-work limits and retarget rule, subsidy schedule, soft-fork activation heights and the genesis block.
 * Where the parameters come from (JSON chain specs) is the {@code genesis} module's business.
 */
package org.minicoin.consensus.params;
