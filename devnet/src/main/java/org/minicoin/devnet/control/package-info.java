/**
 * The devnet as a whole: bringing it up (ports, wallets, processes, links, first coins, mining), taking it down,
 * and the operations on it (mine, pay, partition and heal, stop/start/kill/restart a node). Commands are parsed in
 * {@code org.minicoin.devnet.cli}; processes, links and wallets are the other packages'.
 */
package org.minicoin.devnet.control;
