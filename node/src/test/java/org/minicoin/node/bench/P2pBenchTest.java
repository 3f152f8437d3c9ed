package org.minicoin.node.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.genesis.spec.ChainSpecs;

/**
 * The P2P benchmark on tiny chains: real minicoind processes import, sync and relay (each measure fails unless every
 * node ends on the chain's own tip hash), and the rows come out shaped like the table's.
 */
class P2pBenchTest {
    private static final ChainParams REGTEST = ChainSpecs.params("regtest");

    @TempDir
    Path dir;

    @Test
    void aSyncRoundTimesTheImportAndThePeerSyncOfTheSameChain() throws Exception {
        List<String[]> rows = P2pBench.sync(new BenchChain(REGTEST, 8, 2), REGTEST, dir, 1);
        assertThat(rows).hasSize(1);
        String[] row = rows.get(0);
        assertThat(row).hasSize(P2pBench.HEADER.length);
        // 103 blocks: 103 coinbases, the fan-out, and 7 spends in each of the two spend blocks.
        assertThat(row[0]).isEqualTo("P2P sync from 1 peer, 118 tx");
        assertThat(row[1]).endsWith(" tx/s");
        assertThat(Double.parseDouble(row[4])).isPositive();
    }

    @Test
    void aBlockIsRelayedAlongALineOfThreeNodesHopByHop() throws Exception {
        List<String[]> rows = P2pBench.relay(new BenchChain(REGTEST, 8, P2pBench.relayShape(1),
                BenchChain.recentFirstTime(101 + P2pBench.relayShape(1))), REGTEST, dir, 3, 1);
        // The mean over the hops against each bound, then one row per hop.
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)[0]).isEqualTo("relay 8-tx block, mean of 2 hops");
        assertThat(rows.get(0)[2]).startsWith("submitblock");
        assertThat(rows.get(1)[2]).startsWith("in-process connect");
        assertThat(rows.get(3)[0]).contains("hop 2 (node 1 -> 2)");
        for (String[] row : rows) {
            assertThat(row).hasSize(P2pBench.HEADER.length);
            assertThat(row[1]).endsWith(" ms");
            assertThat(Double.parseDouble(row[4])).isPositive();
        }
    }
}
