/**
 * Optional indexes built beside the chain state from its blocks and events, like Core's {@code index/}: for now the
 * transaction index (-txindex). An index only records what the chain state decided; it never validates, and the
 * node runs the same with it switched off. Each index owns one column family and keeps its own best-block pointer
 * there, so it can be built for an existing chain and catch up after a restart.
 */
package org.minicoin.node.index;
