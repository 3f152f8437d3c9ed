/**
 * {@code devnet load}: wallet-driven payments between random running nodes at a set rate for a set time, then
 * blocks until the payments confirm, and an account of every one: sent, accepted, confirmed, still waiting, lost.
 * It leaves mining to the devnet's miners (or mines itself on regtest), and coin selection to the wallet.
 */
package org.minicoin.devnet.load;
