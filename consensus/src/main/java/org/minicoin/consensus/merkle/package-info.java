/**
 * Merkle roots of a block's transactions and of their witnesses (BIP-0141), with detection of the
 * duplicated-subtree mutation (CVE-2012-2459) that lets two different transaction lists share one root.
 */
package org.minicoin.consensus.merkle;
