package org.minicoin.node.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minicoin.node.testing.DaemonProcess;
import org.minicoin.node.testing.RpcCaller;

/** Real minicoind processes on 127.0.0.1: connections, chain sync, block and transaction relay. */
class PeerConnectionTest {
    private static final Duration START = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private static JsonNode call(Path data, int rpcPort, String method, String params) throws Exception {
        return new RpcCaller(data.resolve("regtest"), rpcPort).call(method, params);
    }

    private static JsonNode await(Path data, int rpcPort, String method, java.util.function.Predicate<JsonNode> done)
            throws Exception {
        return new RpcCaller(data.resolve("regtest"), rpcPort).await(method, done, START);
    }

    @Test
    void aNodeConnectsToAnotherAndBothSeeTheHandshakedPeer() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Files.createDirectories(a);
        Files.createDirectories(b);
        int p2pA = DaemonProcess.freePort();
        int rpcA = DaemonProcess.freePort();
        int rpcB = DaemonProcess.freePort();
        try (DaemonProcess nodeA = DaemonProcess.start("-regtest", "-datadir=" + a, "-port=" + p2pA,
                "-bind=127.0.0.1", "-rpcport=" + rpcA, "-printtoconsole");
             DaemonProcess nodeB = DaemonProcess.start("-regtest", "-datadir=" + b, "-connect=127.0.0.1:" + p2pA,
                     "-rpcport=" + rpcB, "-printtoconsole")) {
            nodeA.awaitLine(l -> l.contains("Done loading"), START);
            nodeB.awaitLine(l -> l.contains("New outbound peer connected: version: 70016"), START);
            JsonNode peersA = await(a, rpcA, "getpeerinfo", r -> r.size() == 1 && r.get(0).get("version").asInt() > 0);
            JsonNode inbound = peersA.get(0);
            assertThat(inbound.get("inbound").asBoolean()).isTrue();
            assertThat(inbound.get("connection_type").asText()).isEqualTo("inbound");
            assertThat(inbound.get("subver").asText()).startsWith("/minicoin:");
            assertThat(inbound.get("servicesnames")).extracting(JsonNode::asText).contains("NETWORK", "WITNESS");
            JsonNode outbound = call(b, rpcB, "getpeerinfo", "[]").get(0);
            assertThat(outbound.get("inbound").asBoolean()).isFalse();
            assertThat(outbound.get("connection_type").asText()).isEqualTo("manual");
            assertThat(outbound.get("addr").asText()).isEqualTo("127.0.0.1:" + p2pA);
            assertThat(call(b, rpcB, "getnetworkinfo", "[]").get("connections_out").asInt()).isEqualTo(1);

            // Dropped by A, B connects again, as Core keeps -connect peers connected.
            call(a, rpcA, "disconnectnode", "[\"\", " + inbound.get("id").asInt() + "]");
            nodeB.awaitLine(l -> nodeB.output().split("New outbound peer connected").length > 2, START);
            JsonNode again = await(a, rpcA, "getpeerinfo", r -> r.size() == 1 && r.get(0).get("version").asInt() > 0);
            assertThat(again.get(0).get("id").asInt()).isNotEqualTo(inbound.get("id").asInt());
            assertThat(nodeA.stop(START)).isZero();
            assertThat(nodeB.stop(START)).isZero();
        }
    }

    @Test
    void aNewNodeSyncsTheChainFromItsPeerAndFollowsNewBlocksAndAThirdDownloadsFromBoth() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Files.createDirectories(a);
        Files.createDirectories(b);
        int p2pA = DaemonProcess.freePort();
        int rpcA = DaemonProcess.freePort();
        int rpcB = DaemonProcess.freePort();
        String address = org.minicoin.consensus.address.Address.fromScriptPubKey(
                org.minicoin.node.testing.RegtestChain.p2wpkh(),
                org.minicoin.genesis.spec.ChainSpecs.params("regtest")).orElseThrow();
        try (DaemonProcess nodeA = DaemonProcess.start("-regtest", "-datadir=" + a, "-port=" + p2pA,
                "-bind=127.0.0.1", "-rpcport=" + rpcA, "-printtoconsole")) {
            nodeA.awaitLine(l -> l.contains("Done loading"), START);
            call(a, rpcA, "generatetoaddress", "[2100, \"" + address + "\"]"); // more than one headers message
            String tipA = call(a, rpcA, "getbestblockhash", "[]").asText();
            try (DaemonProcess nodeB = DaemonProcess.start("-regtest", "-datadir=" + b,
                    "-connect=127.0.0.1:" + p2pA, "-rpcport=" + rpcB, "-printtoconsole")) {
                nodeB.awaitLine(l -> l.contains("Done loading"), START);
                await(b, rpcB, "getbestblockhash", r -> r.asText().equals(tipA));
                assertThat(call(b, rpcB, "getblockcount", "[]").asInt()).isEqualTo(2100);

                // A new block on A is announced and follows to B.
                String next = call(a, rpcA, "generatetoaddress", "[1, \"" + address + "\"]").get(0).asText();
                await(b, rpcB, "getbestblockhash", r -> r.asText().equals(next));
                // And one mined on B goes back to A.
                String back = call(b, rpcB, "generatetoaddress", "[1, \"" + address + "\"]").get(0).asText();
                await(a, rpcA, "getbestblockhash", r -> r.asText().equals(back));

                // A third node downloads from both at once: each peer delivers blocks.
                Path c = dir.resolve("c");
                Files.createDirectories(c);
                int p2pB = DaemonProcess.freePort();
                int rpcC = DaemonProcess.freePort();
                assertThat(nodeB.stop(START)).isZero();
                try (DaemonProcess nodeB2 = DaemonProcess.start("-regtest", "-datadir=" + b, "-port=" + p2pB,
                        "-bind=127.0.0.1", "-connect=127.0.0.1:" + p2pA, "-listen=1", "-rpcport=" + rpcB,
                        "-printtoconsole");
                     DaemonProcess nodeC = DaemonProcess.start("-regtest", "-datadir=" + c,
                             "-connect=127.0.0.1:" + p2pA, "-connect=127.0.0.1:" + p2pB, "-rpcport=" + rpcC,
                             "-printtoconsole")) {
                    nodeB2.awaitLine(l -> l.contains("Done loading"), START);
                    nodeC.awaitLine(l -> l.contains("Done loading"), START);
                    await(c, rpcC, "getbestblockhash", r -> r.asText().equals(back));
                    JsonNode peers = call(c, rpcC, "getpeerinfo", "[]");
                    assertThat(peers).hasSize(2);
                    for (JsonNode peer : peers) {
                        assertThat(peer.get("bytesrecv_per_msg").path("block").asLong()).as(peer.toString())
                                .isPositive();
                    }
                    assertThat(nodeC.stop(START)).isZero();
                    assertThat(nodeB2.stop(START)).isZero();
                }
            }
            assertThat(nodeA.stop(START)).isZero();
        }
    }

    @Test
    void aTransactionCrossesALineOfThreeNodesAndTheBlockConfirmingItComesBack() throws Exception {
        Path[] data = {dir.resolve("a"), dir.resolve("b"), dir.resolve("c")};
        int[] p2p = {DaemonProcess.freePort(), DaemonProcess.freePort(), DaemonProcess.freePort()};
        int[] rpc = {DaemonProcess.freePort(), DaemonProcess.freePort(), DaemonProcess.freePort()};
        var regtest = org.minicoin.genesis.spec.ChainSpecs.params("regtest");
        String address = org.minicoin.consensus.address.Address.fromScriptPubKey(
                org.minicoin.node.testing.RegtestChain.p2wpkh(), regtest).orElseThrow();
        java.util.List<DaemonProcess> nodes = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                Files.createDirectories(data[i]);
                java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("-regtest",
                        "-datadir=" + data[i], "-port=" + p2p[i], "-bind=127.0.0.1", "-rpcport=" + rpc[i],
                        "-printtoconsole"));
                if (i > 0) {
                    args.add("-addnode=127.0.0.1:" + p2p[i - 1]); // a line: A <- B <- C
                }
                nodes.add(DaemonProcess.start(args.toArray(String[]::new)));
                nodes.get(i).awaitLine(l -> l.contains("Done loading"), START);
            }
            await(data[2], rpc[2], "getconnectioncount", r -> r.asInt() == 1);
            await(data[1], rpc[1], "getconnectioncount", r -> r.asInt() == 2);

            JsonNode mined = call(data[0], rpc[0], "generatetoaddress", "[101, \"" + address + "\"]");
            String tip = mined.get(100).asText();
            await(data[2], rpc[2], "getbestblockhash", r -> r.asText().equals(tip));

            var first = org.minicoin.consensus.types.Block.fromHex(call(data[0], rpc[0], "getblock", "[\""
                    + mined.get(0).asText() + "\", 0]").asText());
            var cb = first.transactions().get(0);
            var spend = org.minicoin.node.testing.RegtestChain.spend(
                    java.util.List.of(org.minicoin.node.testing.RegtestChain.utxo(cb, 0)),
                    java.util.List.of(new org.minicoin.consensus.types.TxOut(cb.outputs().get(0).value() - 10_000,
                            org.minicoin.node.testing.RegtestChain.p2wpkh())));
            String txid = call(data[0], rpc[0], "sendrawtransaction", "[\""
                    + org.minicoin.consensus.encoding.Hex.encode(spend.serialize()) + "\"]").asText();
            await(data[2], rpc[2], "getrawmempool", r -> r.size() == 1 && r.get(0).asText().equals(txid));

            String block = call(data[2], rpc[2], "generatetoaddress", "[1, \"" + address + "\"]").get(0).asText();
            await(data[0], rpc[0], "getbestblockhash", r -> r.asText().equals(block));
            assertThat(call(data[0], rpc[0], "getrawmempool", "[]")).isEmpty();
            assertThat(call(data[1], rpc[1], "getrawmempool", "[]")).isEmpty();
        } finally {
            for (DaemonProcess n : nodes) {
                assertThat(n.stop(START)).isZero();
                n.close();
            }
        }
    }
}
