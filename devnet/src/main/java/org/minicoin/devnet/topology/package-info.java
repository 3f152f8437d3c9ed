/**
 * Which nodes link to which: the line, ring and mesh shapes, and partitions that cut the links between groups.
 * Pure functions over node indexes; the launcher applies the result with {@code addnode}/{@code disconnectnode}.
 */
package org.minicoin.devnet.topology;
