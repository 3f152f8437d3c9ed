package org.minicoin.devnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The must-show behaviours on one regtest devnet of 3 real minicoind processes (mesh), with no timed miner so
 * every block is one the test mines: a payment reaches every mempool and confirms with exact balances; a killed
 * node catches up after a restart; a partition and heal reorganise the losing side, whose transaction returns to
 * the mempool and confirms again; a short load loses nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegtestNetworkTest {
    private static final long COIN = 100_000_000L;
    private static final Pattern SENT = Pattern.compile("^([0-9a-f]{64})  \\(.* fee ([0-9.]+)\\)");

    @TempDir
    static Path dir;
    static DevnetHarness devnet;

    @BeforeAll
    static void up() {
        devnet = new DevnetHarness(dir.resolve(".devnet"));
        DevnetHarness.Run r = devnet.ok("up", "--chain", "regtest", "--miners", "0");
        assertThat(r.out()).contains("devnet up: 3 nodes on regtest, mesh topology, 0 miners")
                .contains("node 2  rpc 127.0.0.1:").contains("node.log");
    }

    @AfterAll
    static void down() throws Exception {
        devnet.downQuietly();
    }

    private static String[] sent(DevnetHarness.Run r) {
        Matcher m = SENT.matcher(r.out());
        assertThat(m.find()).as("send output: %s", r.out()).isTrue();
        return new String[] {m.group(1), m.group(2)};
    }

    @Test
    @Order(1)
    void threeNodesAgreeAndAPaymentReachesEveryMempoolThenConfirmsWithExactBalances() throws Exception {
        JsonNode status = devnet.status();
        assertThat(status.path("agree").asBoolean()).isTrue();
        for (JsonNode n : status.path("nodes")) {
            assertThat(n.path("up").asBoolean()).isTrue();
            assertThat(n.path("peers").asInt()).isEqualTo(2);
            // 10 mature coinbases of 50 each, from the bootstrap
            assertThat(n.path("balance").decimalValue()).isEqualByComparingTo("500");
        }
        long before0 = devnet.spendable(0);
        long before1 = devnet.spendable(1);

        String[] tx = sent(devnet.ok("send", "0", "1", "2.5"));
        String txid = tx[0];
        long fee = new BigDecimal(tx[1]).movePointRight(8).longValueExact();
        assertThat(fee).isPositive().isLessThan(10_000); // about 141 vB at 2 sat/vB
        DevnetHarness.await("the payment in every mempool", Duration.ofSeconds(15),
                () -> devnet.inMempool(0, txid) && devnet.inMempool(1, txid) && devnet.inMempool(2, txid));

        devnet.ok("mine", "1", "--node", "2"); // pays node 2's wallet: 0's and 1's balances move by the payment only
        for (int i = 0; i < 3; i++) {
            assertThat(devnet.confirmed(i, txid, 1)).as("confirmed on node %d", i).isTrue();
            assertThat(devnet.inMempool(i, txid)).isFalse();
        }
        assertThat(devnet.spendable(0)).isEqualTo(before0 - 250_000_000L - fee);
        assertThat(devnet.spendable(1)).isEqualTo(before1 + 250_000_000L);
        assertThat(devnet.status().path("agree").asBoolean()).isTrue();
    }

    @Test
    @Order(2)
    void aKilledNodeCatchesUpAfterRestart() throws Exception {
        long pid = devnet.network().node(2).state().pid;
        assertThat(devnet.ok("kill", "2").out()).contains("SIGKILL");
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        JsonNode status = devnet.status();
        assertThat(status.path("nodes").get(2).path("up").asBoolean()).isFalse();
        assertThat(status.path("nodes").get(0).path("peers").asInt()).isEqualTo(1);

        long height = devnet.rpc(0, "getblockcount").asLong();
        devnet.ok("mine", "10", "--node", "0");
        String tip = devnet.rpc(0, "getbestblockhash").asText();
        assertThat(devnet.rpc(1, "getbestblockhash").asText()).isEqualTo(tip);

        devnet.ok("restart", "2");
        DevnetHarness.await("node 2 to catch up", DevnetHarness.WAIT, () -> {
            JsonNode best = devnet.tryRpc(2, "getbestblockhash");
            return best != null && best.asText().equals(tip);
        });
        assertThat(devnet.rpc(2, "getblockcount").asLong()).isEqualTo(height + 10);
        JsonNode after = devnet.status();
        assertThat(after.path("agree").asBoolean()).isTrue();
        assertThat(after.path("nodes").get(2).path("peers").asInt()).isEqualTo(2);
    }

    @Test
    @Order(3)
    void afterAPartitionHealsTheLosingSidesTransactionReturnsToTheMempoolAndConfirmsAgain() throws Exception {
        devnet.ok("partition", "0,1|2");
        assertThat(devnet.rpc(2, "getconnectioncount").asInt()).isZero();
        assertThat(devnet.rpc(0, "getconnectioncount").asInt()).isEqualTo(1);
        assertThat(devnet.status().path("partition").asText()).isEqualTo("0,1|2");

        // On the small side, node 2 pays node 0 and mines it in; the big side mines more.
        String txid = sent(devnet.ok("send", "2", "0", "1.25"))[0];
        devnet.ok("mine", "2", "--node", "2");
        assertThat(devnet.confirmed(2, txid, 2)).isTrue();
        String loser = devnet.rpc(2, "getbestblockhash").asText();
        devnet.ok("mine", "4", "--node", "1");
        String winner = devnet.rpc(0, "getbestblockhash").asText();
        assertThat(devnet.rpc(1, "getbestblockhash").asText()).isEqualTo(winner);
        assertThat(devnet.confirmed(0, txid, 4)).isFalse();
        assertThat(devnet.inMempool(0, txid)).isFalse();

        devnet.ok("heal");
        DevnetHarness.await("node 2 to reorganise to the most-work chain", DevnetHarness.WAIT, () -> {
            JsonNode best = devnet.tryRpc(2, "getbestblockhash");
            return best != null && best.asText().equals(winner);
        });
        // The disconnected block's transaction is back in node 2's mempool (Core's MaybeUpdateMempoolForReorg), and
        // heal hands it to the winning side, as a wallet rebroadcasts.
        for (int i = 0; i < 3; i++) {
            int node = i;
            DevnetHarness.await("the transaction back in node " + i + "'s mempool", DevnetHarness.WAIT,
                    () -> devnet.inMempool(node, txid));
        }
        // Node 0 learned the losing branch's headers and keeps them aside, 2 blocks off its chain.
        JsonNode tips = devnet.rpc(0, "getchaintips");
        assertThat(tips.findValuesAsText("hash")).contains(loser, winner);

        // Mined on the winning side, which never saw it before the heal.
        devnet.ok("mine", "1", "--node", "1");
        for (int i = 0; i < 3; i++) {
            assertThat(devnet.confirmed(i, txid, 1)).as("confirmed again on node %d", i).isTrue();
        }
        assertThat(devnet.status().path("agree").asBoolean()).isTrue();
    }

    @Test
    @Order(4)
    void loadAtAModestRateLosesNothing() throws Exception {
        DevnetHarness.Run r = devnet.ok("load", "--tps", "4", "--duration", "5", "--drain-timeout", "60");
        Matcher sent = Pattern.compile("sent (\\d+) in .* accepted (\\d+), rejected (\\d+)").matcher(r.out());
        Matcher end = Pattern.compile("confirmed (\\d+), still in mempool (\\d+), lost (\\d+)").matcher(r.out());
        assertThat(sent.find()).as(r.out()).isTrue();
        assertThat(end.find()).as(r.out()).isTrue();
        int nSent = Integer.parseInt(sent.group(1));
        int accepted = Integer.parseInt(sent.group(2));
        assertThat(nSent).isBetween(15, 21);
        assertThat(accepted).as(r.out()).isEqualTo(nSent);
        assertThat(Integer.parseInt(end.group(1)) + Integer.parseInt(end.group(2))).isEqualTo(accepted);
        assertThat(Integer.parseInt(end.group(3))).isZero();
        assertThat(devnet.network().awaitAgreement(DevnetHarness.WAIT)).isNotEmpty();
    }
}
