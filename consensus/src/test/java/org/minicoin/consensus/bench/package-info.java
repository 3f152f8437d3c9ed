/**
 * JMH benchmarks of the consensus library. Run them with {@code mvn -B -Pbench -DskipTests verify -pl consensus -am};
 * {@link org.minicoin.consensus.bench.ConsensusBench} prints each figure beside a bound measured in the same run,
 * because absolute numbers on shared 2-core machines mean little.
 */
package org.minicoin.consensus.bench;
