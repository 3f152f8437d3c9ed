package org.minicoin.devnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code devnet up} with the defaults (3 nodes, 1 CPU miner, mesh, the devnet chain): the nodes mine and agree,
 * every wallet is funded; {@code down} leaves no process; {@code up} again resumes the same chain.
 */
class DevnetChainTest {
    @TempDir
    Path dir;
    DevnetHarness devnet;

    @AfterEach
    void down() throws Exception {
        devnet.downQuietly();
    }

    @Test
    void upMinesAgreesAndDownThenUpResumesTheSameChain() throws Exception {
        devnet = new DevnetHarness(dir.resolve(".devnet"));
        DevnetHarness.Run up = devnet.ok("up");
        assertThat(up.out()).contains("devnet up: 3 nodes on devnet, mesh topology, 1 miner").contains("funded 20");

        JsonNode status = devnet.status();
        assertThat(status.path("chain").asText()).isEqualTo("devnet");
        for (JsonNode n : status.path("nodes")) {
            assertThat(n.path("up").asBoolean()).isTrue();
            assertThat(n.path("peers").asInt()).isEqualTo(2);
        }
        // Non-miners hold exactly what node 0's wallet paid them: 10 coins of 10.
        assertThat(status.path("nodes").get(1).path("balance").decimalValue()).isEqualByComparingTo("100");
        assertThat(status.path("nodes").get(2).path("balance").decimalValue()).isEqualByComparingTo("100");

        // Mining goes on: a block above the current height reaches every node, and they agree.
        long height = devnet.rpc(0, "getblockcount").asLong();
        DevnetHarness.await("a new block on node 2", DevnetHarness.WAIT, () -> {
            JsonNode h = devnet.tryRpc(2, "getblockcount");
            return h != null && h.asLong() > height;
        });
        String tip = devnet.network().awaitAgreement(DevnetHarness.WAIT);
        long tipHeight = devnet.rpc(0, "getblockheader", tip).path("height").asLong();

        assertThat(devnet.ok("down").out()).contains("devnet down");
        assertThat(devnet.liveProcesses()).isEmpty();
        assertThat(devnet.status().path("nodes").get(0).path("up").asBoolean()).isFalse();

        assertThat(devnet.ok("up").out()).contains("resuming the devnet");
        assertThat(devnet.rpc(1, "getblockcount").asLong()).isGreaterThanOrEqualTo(tipHeight);
        // The same chain: the old tip is still in the active chain of every node.
        for (int i = 0; i < 3; i++) {
            assertThat(devnet.rpc(i, "getblockhash", tipHeight).asText()).isEqualTo(tip);
        }
        assertThat(devnet.status().path("nodes").get(1).path("balance").decimalValue())
                .isEqualByComparingTo("100");
    }
}
