/**
 * The local multi-node devnet: starts real {@code minicoind} processes on loopback, mines, funds wallets,
 * generates load and injects faults. It drives nodes only through their launchers and JSON-RPC.
 */
package org.minicoin.devnet;
