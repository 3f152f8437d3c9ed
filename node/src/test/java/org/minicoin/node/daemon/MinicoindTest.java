package org.minicoin.node.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.testing.TestData;
import org.minicoin.consensus.testing.UtxoSetHash;
import org.minicoin.consensus.testing.Verifiers;
import org.minicoin.genesis.spec.ChainSpecs;
import org.minicoin.node.ledger.ChainState;
import org.minicoin.node.ledger.CoinsCache;
import org.minicoin.node.store.RocksStore;
import org.minicoin.node.testing.DaemonProcess;
import org.minicoin.node.testing.RpcCaller;

/** minicoind as a user runs it: real processes importing real chains, restarting, reindexing, refusing bad input. */
class MinicoindTest {
    private static final Duration START = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    /** The chain a stopped node left on disk: its tip, index size and UTXO set. */
    private record OnDisk(int height, String tip, int indexSize, UtxoSetHash.Stats utxos) {
    }

    private static OnDisk onDisk(Path networkDir, ChainParams params) {
        try (RocksStore store = RocksStore.open(networkDir.resolve(Node.DATABASE_DIR), 8 << 20)) {
            ChainState chain = ChainState.open(store, params, Verifiers.standard(), Runnable::run,
                    () -> System.currentTimeMillis() / 1000, 8 << 20);
            List<UtxoSetHash.Entry> coins = new ArrayList<>();
            CoinsCache.forEachStored(store, (op, c) -> coins.add(new UtxoSetHash.Entry(op, c.height(),
                    c.coinbase(), c.output())));
            return new OnDisk(chain.height(), chain.tip().hash().toString(), chain.indexSize(), UtxoSetHash.of(coins));
        }
    }

    @Test
    void importsMainnetBlocksAndKeepsThemAcrossARestart() throws Exception {
        String expectedTip = TestData.mainnet().get(438).hash().toString();
        String file = TestData.path("mainnet/blocks-0-438.dat").toString();
        try (DaemonProcess node = DaemonProcess.start("-chain=main", "-datadir=" + dir, "-loadblock=" + file,
                "-printtoconsole")) {
            node.awaitLine(l -> l.contains("Done loading"), START);
            assertThat(node.output()).contains("UpdateTip: new best=" + expectedTip + " height=438")
                    .containsPattern("Importing blocks-0-438.dat: height=438 blocks=439 rate=[0-9.]+ blocks/s "
                            + "progress=100.0% done");
            assertThat(node.stop(START)).isZero();
            assertThat(node.output()).contains("Shutdown: done");
        }
        assertThat(Files.readString(dir.resolve("main/debug.log"))).contains("height=438");
        try (DaemonProcess node = DaemonProcess.start("-chain=main", "-datadir=" + dir, "-printtoconsole")) {
            node.awaitLine(l -> l.contains("Loaded best chain: hashBestChain=" + expectedTip + " height=438"), START);
            node.awaitLine(l -> l.contains("Done loading"), START);
            assertThat(node.stop(START)).isZero();
        }
        assertThat(onDisk(dir.resolve("main"), ChainSpecs.params("main")).tip()).isEqualTo(expectedTip);
    }

    @Test
    void importsCoresRegtestChainToCoresUtxoSetAndReindexesToTheSame() throws Exception {
        JsonNode core = TestData.json("regtest/core-regtest-11.json");
        String file = TestData.path("regtest/core-regtest-11.dat").toString();
        try (DaemonProcess node = DaemonProcess.start("-chain=regtest", "-datadir=" + dir, "-loadblock=" + file,
                "-stopatheight=" + core.get("height").asInt(), "-printtoconsole")) {
            assertThat(node.awaitExit(START)).isZero();
        }
        Path regtest = dir.resolve("regtest");
        OnDisk imported = onDisk(regtest, ChainSpecs.params("regtest"));
        assertThat(imported.height()).isEqualTo(core.get("height").asInt());
        assertThat(imported.tip()).isEqualTo(core.get("bestblock").asText());
        assertThat(imported.utxos().txouts()).isEqualTo(core.get("txouts").asInt());
        assertThat(imported.utxos().totalAmount()).isEqualTo(core.get("total_amount").asText());
        assertThat(imported.utxos().hashSerialized3()).hasToString(core.get("hash_serialized_3").asText());
        // The stale two-block fork stays in the block index beside the active chain.
        assertThat(imported.indexSize()).isEqualTo(core.get("blocks_in_file").asInt() + 1);

        try (DaemonProcess node = DaemonProcess.start("-chain=regtest", "-datadir=" + dir, "-reindex",
                "-printtoconsole")) {
            node.awaitLine(l -> l.contains("Done loading"), START);
            assertThat(node.output()).contains("Reindexing: rebuilding the chain state from stored blocks")
                    .containsPattern("Reindex: height=" + core.get("height").asInt()
                            + " blocks=[0-9]+ rate=[0-9.]+ blocks/s progress=100.0% done");
            assertThat(node.stop(START)).isZero();
        }
        assertThat(onDisk(regtest, ChainSpecs.params("regtest"))).isEqualTo(imported);
    }

    @Test
    void refusesASecondNodeOnTheSameDataDirectory() throws Exception {
        Path pidFile = dir.resolve("regtest/minicoind.pid");
        try (DaemonProcess first = DaemonProcess.start("-chain=regtest", "-datadir=" + dir, "-printtoconsole")) {
            first.awaitLine(l -> l.contains("Done loading"), START);
            assertThat(Files.readString(pidFile).trim()).isEqualTo(Long.toString(first.pid()));
            try (DaemonProcess second = DaemonProcess.start("-chain=regtest", "-datadir=" + dir)) {
                assertThat(second.awaitExit(START)).isEqualTo(1);
                assertThat(second.output()).contains("Cannot obtain a lock on data directory")
                        .contains("probably already running");
            }
            assertThat(first.stop(START)).isZero();
        }
        assertThat(pidFile).doesNotExist();
        assertThat(dir.resolve("regtest/.cookie")).doesNotExist();
    }

    @Test
    void unknownOptionsAndBadValuesStopStartUpNamingThem() throws Exception {
        try (DaemonProcess node = DaemonProcess.start("-datadir=" + dir, "-frobnicate=1")) {
            assertThat(node.awaitExit(START)).isEqualTo(1);
            assertThat(node.output()).contains("Invalid parameter -frobnicate");
        }
        try (DaemonProcess node = DaemonProcess.start("-datadir=" + dir, "-dbcache=lots")) {
            assertThat(node.awaitExit(START)).isEqualTo(1);
            assertThat(node.output()).contains("-dbcache").contains("lots");
        }
        assertThat(dir.resolve("main")).doesNotExist();
    }

    @Test
    void minesOnDevnetAndRegtestWithGenAndAFreshNodeAcceptsTheBlocks() throws Exception {
        for (String network : List.of("devnet", "regtest")) {
            ChainParams params = ChainSpecs.params(network);
            byte[] payTo = org.minicoin.node.testing.RegtestChain.p2wpkh();
            String address = org.minicoin.consensus.address.Address.fromScriptPubKey(payTo, params).orElseThrow();
            Path data = dir.resolve(network + "-miner");
            Files.createDirectories(data);
            try (DaemonProcess node = DaemonProcess.start("-chain=" + network, "-datadir=" + data, "-gen",
                    "-genproclimit=2", "-mineraddress=" + address, "-stopatheight=12", "-printtoconsole")) {
                assertThat(node.awaitExit(START)).isZero();
                assertThat(node.output()).contains("Mining on 2 thread(s)").contains("Mined block");
            }
            // A fresh node on its own database accepts every mined block, in order, and reaches the same tip.
            List<org.minicoin.consensus.types.Block> mined = new ArrayList<>();
            String minerTip;
            try (RocksStore store = RocksStore.open(data.resolve(network).resolve(Node.DATABASE_DIR), 8 << 20)) {
                ChainState chain = ChainState.open(store, params, Verifiers.standard(), Runnable::run,
                        () -> System.currentTimeMillis() / 1000, 8 << 20);
                assertThat(chain.height()).isGreaterThanOrEqualTo(12);
                for (int h = 1; h <= chain.height(); h++) {
                    mined.add(chain.readBlock(chain.activeAt(h).hash()));
                }
                minerTip = chain.tip().hash().toString();
            }
            try (RocksStore store = RocksStore.open(dir.resolve(network + "-fresh"), 8 << 20)) {
                ChainState fresh = ChainState.open(store, params, Verifiers.standard(), Runnable::run,
                        () -> System.currentTimeMillis() / 1000, 8 << 20);
                for (org.minicoin.consensus.types.Block b : mined) {
                    assertThat(fresh.processBlock(b)).isEqualTo(ChainState.Outcome.ACCEPTED);
                    assertThat(b.transactions().get(0).outputs().get(0).scriptPubKey()).isEqualTo(payTo);
                }
                assertThat(fresh.tip().hash()).hasToString(minerTip);
            }
        }
    }

    @Test
    void genWithoutAMinerAddressIsRefused() throws Exception {
        try (DaemonProcess node = DaemonProcess.start("-chain=regtest", "-datadir=" + dir, "-gen")) {
            assertThat(node.awaitExit(START)).isEqualTo(1);
            assertThat(node.output()).contains("-gen requires -mineraddress");
        }
        try (DaemonProcess node = DaemonProcess.start("-chain=regtest", "-datadir=" + dir, "-gen",
                "-mineraddress=bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")) {
            assertThat(node.awaitExit(START)).isEqualTo(1);
            assertThat(node.output()).contains("Invalid -mineraddress");
        }
    }

    @Test
    void badOptionsAndConfigFilesStopStartUpWithOneLineAndWriteNothing() throws Exception {
        Files.writeString(dir.resolve("minicoin.conf"), "regtest=1\n[regtest]\nrpcport=99999\n");
        List<List<String>> cases = List.of(
                List.of("-regtest", "-rpcport=abc"),
                List.of("-regtest", "-rpcallowip=not-an-ip"),
                List.of("-regtest", "-mineraddress=x", "-gen"),
                List.of("-chain=nosuchnet"),
                List.of("-conf=" + dir.resolve("minicoin.conf")));
        for (List<String> args : cases) {
            List<String> all = new ArrayList<>(args);
            all.add("-datadir=" + dir);
            try (DaemonProcess node = DaemonProcess.start(all.toArray(String[]::new))) {
                assertThat(node.awaitExit(START)).as(args.toString()).isEqualTo(1);
                String out = node.output().trim();
                assertThat(out.lines().count()).as(out).isEqualTo(1);
                assertThat(out).startsWith("Error");
            }
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("minicoin.conf");
        }
    }

    @Test
    void getTxOutSetInfoReportsCoresHashAfterImportingCoresChain() throws Exception {
        JsonNode core = TestData.json("regtest/core-regtest-11.json");
        String file = TestData.path("regtest/core-regtest-11.dat").toString();
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (DaemonProcess node = DaemonProcess.start("-chain=regtest", "-datadir=" + dir, "-loadblock=" + file,
                "-rpcport=" + port, "-printtoconsole")) {
            node.awaitLine(l -> l.contains("Done loading"), START);
            RpcCaller rpc = new RpcCaller(dir.resolve("regtest"), port);
            JsonNode result = rpc.call("gettxoutsetinfo", "[]");
            assertThat(result.get("height").asInt()).isEqualTo(core.get("height").asInt());
            assertThat(result.get("bestblock").asText()).isEqualTo(core.get("bestblock").asText());
            assertThat(result.get("txouts").asInt()).isEqualTo(core.get("txouts").asInt());
            assertThat(result.get("total_amount").decimalValue())
                    .isEqualByComparingTo(core.get("total_amount").asText());
            assertThat(result.get("hash_serialized_3").asText()).isEqualTo(core.get("hash_serialized_3").asText());
            assertThat(result.get("transactions").asInt()).isEqualTo(core.get("transactions").asInt());
            // MuHash of the same set, as computed for this chain by Core's own Python MuHash (see UtxoMuHashTest).
            JsonNode mu = rpc.call("gettxoutsetinfo", "[\"muhash\"]");
            assertThat(mu.get("muhash").asText())
                    .isEqualTo("ef55cb9c107e9f0ddb1a2d11b96404b65815cad8e4179e10d5f3a878ba47986f");
            assertThat(node.stop(START)).isZero();
        }
    }
}
