/**
 * Fee estimation for {@code estimatesmartfee}: Bitcoin Core's CBlockPolicyEstimator ({@code policy/fees}) in Java.
 * It watches transactions enter the mempool and counts how many blocks each fee-rate bucket takes to confirm, over
 * three decaying horizons, and answers "what fee rate confirms within N blocks". It keeps only counters, no
 * transactions: the mempool tells it what entered, left and confirmed, and the daemon persists it with
 * {@link org.minicoin.node.fees.FeeEstimator#save} and formats the RPC answer.
 */
package org.minicoin.node.fees;
