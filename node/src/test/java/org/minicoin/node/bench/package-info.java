/**
 * Benchmarks of the node, run with {@code mvn -B -Pbench -DskipTests verify -pl node -am}.
 * {@link org.minicoin.node.bench.NodeBench} prints each figure beside a bound measured in the same run, because
 * absolute numbers on shared 2-core machines mean little: the miner's midstate hashing against raw header
 * double-SHA-256 ({@link org.minicoin.node.bench.MiningBench}), and the ledger's connect rate for a generated chain of
 * over 100,000 signed spends against a single thread's raw signature verifies, with the peak memory of imports
 * ({@link org.minicoin.node.bench.ConnectBench}), the RPC server against an empty method
 * ({@link org.minicoin.node.bench.RpcBench}), and P2P sync and relay between real processes against -loadblock and
 * block validation ({@link org.minicoin.node.bench.P2pBench}).
 */
package org.minicoin.node.bench;
