/**
 * Reading blocks from Bitcoin Core's {@code blk*.dat} files for {@code -loadblock} and {@code -reindex}: records of
 * network magic, little-endian length and block, with garbage tolerated between them as Core tolerates it.
 * Validation and connection of what is read belong to the chain state.
 */
package org.minicoin.node.importer;
