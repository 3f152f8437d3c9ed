package org.minicoin.node.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minicoin.node.testing.DaemonProcess;
import org.minicoin.node.testing.RegtestChain;
import org.minicoin.node.testing.RpcCaller;

/**
 * The network RPCs on real processes: addnode keeps a peer connected, getaddednodeinfo and getpeerinfo show it with
 * its sync state and traffic, getnettotals adds the traffic up, and setnetworkactive drops and restores
 * connections.
 */
class NetworkRpcTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void addedNodesAreConnectedAndReportedWithTheirTrafficAndNetworkActivityCanBeSwitched() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Files.createDirectories(a);
        Files.createDirectories(b);
        int p2pA = DaemonProcess.freePort();
        int rpcA = DaemonProcess.freePort();
        int rpcB = DaemonProcess.freePort();
        String address = org.minicoin.consensus.address.Address.fromScriptPubKey(RegtestChain.p2wpkh(),
                org.minicoin.genesis.spec.ChainSpecs.params("regtest")).orElseThrow();
        try (DaemonProcess nodeA = DaemonProcess.start("-regtest", "-datadir=" + a, "-port=" + p2pA,
                "-bind=127.0.0.1", "-rpcport=" + rpcA, "-printtoconsole");
             DaemonProcess nodeB = DaemonProcess.start("-regtest", "-datadir=" + b, "-listen=0",
                     "-rpcport=" + rpcB, "-printtoconsole")) {
            nodeA.awaitLine(l -> l.contains("Done loading"), WAIT);
            nodeB.awaitLine(l -> l.contains("Done loading"), WAIT);
            RpcCaller rpcNodeA = new RpcCaller(a.resolve("regtest"), rpcA);
            RpcCaller rpcNodeB = new RpcCaller(b.resolve("regtest"), rpcB);
            rpcNodeA.await("getblockcount", r -> r.asInt() == 0, WAIT);
            rpcNodeA.call("generatetoaddress", "[5, \"" + address + "\"]");
            String tip = rpcNodeA.call("getbestblockhash", "[]").asText();

            rpcNodeB.await("getblockcount", r -> r.asInt() == 0, WAIT);
            String peer = "127.0.0.1:" + p2pA;
            rpcNodeB.call("addnode", "[\"" + peer + "\", \"add\"]");
            assertThat(rpcNodeB.error("addnode", "[\"" + peer + "\", \"add\"]").get("code").asInt()).isEqualTo(-23);
            rpcNodeB.await("getbestblockhash", r -> r.asText().equals(tip), WAIT);

            JsonNode added = rpcNodeB.await("getaddednodeinfo", r -> r.get(0).get("connected").asBoolean(), WAIT);
            assertThat(added.get(0).get("addednode").asText()).isEqualTo(peer);
            assertThat(added.get(0).get("addresses").get(0).get("connected").asText()).isEqualTo("outbound");

            JsonNode info = rpcNodeB.await("getpeerinfo", r -> r.size() == 1
                    && r.get(0).get("synced_blocks").asInt() == 5, WAIT).get(0);
            assertThat(info.get("synced_headers").asInt()).isEqualTo(5);
            assertThat(info.get("inflight")).isEmpty();
            assertThat(info.get("bytessent").asLong()).isPositive();
            JsonNode received = info.get("bytesrecv_per_msg");
            // version (24 + 100-odd bytes), five blocks and their headers at least.
            assertThat(received.get("version").asLong()).isGreaterThan(24 + 80);
            assertThat(received.get("block").asLong()).isGreaterThan(5 * (24 + 80));
            assertThat(received.get("headers").asLong()).isGreaterThan(24 + 5 * 81);
            long perMessage = 0;
            for (JsonNode n : received) {
                perMessage += n.asLong();
            }
            assertThat(info.get("bytesrecv").asLong()).isEqualTo(perMessage);
            JsonNode totals = rpcNodeB.call("getnettotals", "[]");
            assertThat(totals.get("totalbytesrecv").asLong()).isGreaterThanOrEqualTo(info.get("bytesrecv").asLong());
            assertThat(totals.get("totalbytessent").asLong()).isGreaterThanOrEqualTo(info.get("bytessent").asLong());

            // Off: every connection closes, on both sides, and none is made.
            assertThat(rpcNodeB.call("setnetworkactive", "[false]").asBoolean()).isFalse();
            rpcNodeB.await("getconnectioncount", r -> r.asInt() == 0, WAIT);
            rpcNodeA.await("getconnectioncount", r -> r.asInt() == 0, WAIT);
            assertThat(rpcNodeB.call("getnetworkinfo", "[]").get("networkactive").asBoolean()).isFalse();
            // On: the added node is connected again.
            assertThat(rpcNodeB.call("setnetworkactive", "[true]").asBoolean()).isTrue();
            rpcNodeB.await("getpeerinfo", r -> r.size() == 1 && r.get(0).get("version").asInt() > 0, WAIT);

            rpcNodeB.call("addnode", "[\"" + peer + "\", \"remove\"]");
            assertThat(rpcNodeB.call("getaddednodeinfo", "[]")).isEmpty();
            assertThat(rpcNodeB.error("addnode", "[\"" + peer + "\", \"remove\"]").get("code").asInt())
                    .isEqualTo(-24);
            assertThat(nodeB.stop(WAIT)).isZero();
            assertThat(nodeA.stop(WAIT)).isZero();
        }
    }

    private static DaemonProcess startAndAwait(String... args) throws Exception {
        DaemonProcess p = DaemonProcess.start(args);
        try {
            p.awaitLine(l -> l.contains("Done loading"), WAIT);
        } catch (AssertionError | InterruptedException e) {
            p.close();
            throw e;
        }
        return p;
    }

    @Test
    void aSeedNodeIsAskedForAddressesOverAnAddrFetchConnection() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Files.createDirectories(a);
        Files.createDirectories(b);
        int p2pA = DaemonProcess.freePort();
        int rpcA = DaemonProcess.freePort();
        int rpcB = DaemonProcess.freePort();
        // The seed must be listening first: as in Core, each -seednode is tried once.
        try (DaemonProcess nodeA = startAndAwait("-regtest", "-datadir=" + a, "-port=" + p2pA,
                "-bind=127.0.0.1", "-rpcport=" + rpcA, "-printtoconsole");
             DaemonProcess nodeB = startAndAwait("-regtest", "-datadir=" + b, "-listen=0",
                     "-seednode=127.0.0.1:" + p2pA, "-rpcport=" + rpcB, "-printtoconsole")) {
            RpcCaller rpcNodeA = new RpcCaller(a.resolve("regtest"), rpcA);
            RpcCaller rpcNodeB = new RpcCaller(b.resolve("regtest"), rpcB);
            // B knows no address, so it asks its seed node at once, on a connection made only for that.
            JsonNode seed = rpcNodeB.await("getpeerinfo", r -> r.size() == 1
                    && r.get(0).path("bytessent_per_msg").has("getaddr"), WAIT).get(0);
            assertThat(seed.get("connection_type").asText()).isEqualTo("addr-fetch");
            assertThat(seed.get("addr").asText()).isEqualTo("127.0.0.1:" + p2pA);
            // The seed answers the inbound getaddr; B syncs nothing over this connection.
            JsonNode atA = rpcNodeA.await("getpeerinfo", r -> r.size() == 1
                    && r.get(0).path("bytesrecv_per_msg").has("getaddr"), WAIT).get(0);
            assertThat(atA.get("inbound").asBoolean()).isTrue();
            assertThat(atA.get("bytesrecv_per_msg").has("getheaders")).isFalse();
            assertThat(rpcNodeB.call("getnodeaddresses", "[0]")).isEmpty();
            assertThat(rpcNodeB.error("getnodeaddresses", "[-1]").get("message").asText())
                    .isEqualTo("Address count out of range");
            assertThat(nodeB.stop(WAIT)).isZero();
            assertThat(nodeA.stop(WAIT)).isZero();
        }
    }
}
