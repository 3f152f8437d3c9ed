/** The wallet's JSON-RPC client for a node, over minicoin-cli's connection options and credentials. */
package org.minicoin.wallet.rpc;
