package org.minicoin.node.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.bitcoinj.base.Address;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.Coin;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.core.BlockChain;
import org.bitcoinj.core.Context;
import org.bitcoinj.core.NetworkParameters;
import org.bitcoinj.core.PeerAddress;
import org.bitcoinj.core.PeerGroup;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionOutput;
import org.bitcoinj.core.listeners.DownloadProgressTracker;
import org.bitcoinj.crypto.ECKey;
import org.bitcoinj.store.MemoryBlockStore;
import org.bitcoinj.wallet.SendRequest;
import org.bitcoinj.wallet.Wallet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.minicoin.node.testing.DaemonProcess;
import org.minicoin.node.testing.RpcCaller;

/**
 * bitcoinj, an independent Bitcoin implementation, as a peer of a real {@code minicoind -regtest} on 127.0.0.1: it
 * downloads the chain over P2P (getblocks, inv, getdata, block, across more than one 500-block inv batch), signs a
 * segwit spend of a mature coinbase with its own wallet code, broadcasts it as an unsolicited {@code tx} message
 * (as bitcoinj's TransactionBroadcast does, and Core accepts) and follows the block that confirms it.
 *
 * <p>The tests run in order and share one node and one bitcoinj peer group; each step builds on the last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BitcoinjPeerTest {
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final BitcoinNetwork REGTEST = BitcoinNetwork.REGTEST;
    /** Coinbases paid to bitcoinj's key; with the blocks after them all are past Core's COINBASE_MATURITY (100). */
    private static final int BLOCKS_TO_BITCOINJ = 110;
    /** More blocks to another address, so the chain needs more than one getblocks round (500 hashes per inv). */
    private static final int BLOCKS_AFTER = 510;

    @TempDir(cleanup = CleanupMode.ALWAYS)
    static Path dir;

    private DaemonProcess node;
    private RpcCaller rpc;
    private PeerGroup peers;
    private BlockChain chain;
    private Wallet wallet;
    private Transaction sent;

    // Fixed keys: the test is the same on every run (never used outside regtest).
    private final ECKey key = ECKey.fromPrivate(BigInteger.valueOf(0x6d696e69636f696eL)); // "minicoin"
    private final Address keyAddress = key.toAddress(ScriptType.P2WPKH, REGTEST);
    private final Address payee = ECKey.fromPrivate(BigInteger.valueOf(0x626974636f696e6aL)) // "bitcoinj"
            .toAddress(ScriptType.P2PKH, REGTEST);
    private final Address other = ECKey.fromPrivate(BigInteger.valueOf(0x6f74686572L)) // "other"
            .toAddress(ScriptType.P2WPKH, REGTEST);

    @BeforeAll
    void start() throws Exception {
        int p2pPort;
        int rpcPort;
        try (ServerSocket a = new ServerSocket(0); ServerSocket b = new ServerSocket(0)) {
            p2pPort = a.getLocalPort();
            rpcPort = b.getLocalPort();
        }
        node = DaemonProcess.start("-regtest", "-datadir=" + dir, "-port=" + p2pPort, "-bind=127.0.0.1",
                "-rpcport=" + rpcPort, "-printtoconsole");
        node.awaitLine(l -> l.contains("Done loading"), START);
        rpc = new RpcCaller(dir.resolve("regtest"), rpcPort);
        rpc.call("generatetoaddress", "[" + BLOCKS_TO_BITCOINJ + ", \"" + keyAddress + "\"]");
        rpc.call("generatetoaddress", "[" + BLOCKS_AFTER + ", \"" + other + "\"]");

        // bitcoinj keeps per-thread state in a Context; its own threads inherit it from the one that builds them.
        Context.propagate(new Context());
        NetworkParameters params = NetworkParameters.of(REGTEST);
        wallet = Wallet.createBasic(REGTEST);
        wallet.importKey(key);
        chain = new BlockChain(REGTEST, wallet, new MemoryBlockStore(params.getGenesisBlock()));
        // Only this node: no DNS seeds, no discovery. The wallet sits on the chain, not on the peer group, so no
        // Bloom filter is asked for (minicoind, like Core by default, offers no NODE_BLOOM) and whole blocks are
        // downloaded.
        peers = new PeerGroup(REGTEST, chain);
        peers.setUserAgent("BitcoinjPeerTest", "1");
        // Else bitcoinj also connects to whatever listens on 127.0.0.1:18444 (regtest's default port), such as
        // another test's node, and may follow that node's chain.
        peers.setUseLocalhostPeerWhenPossible(false);
        peers.addAddress(PeerAddress.simple(InetAddress.getLoopbackAddress(), p2pPort));
        // After addAddress, which raises the maximum by one: with one peer out of two bitcoinj would wait for a
        // second before it picks a download peer (it needs more than half its maximum connected).
        peers.setMaxConnections(1);
        // Before start(): the download then begins as soon as the peer is connected (a listener is what asks for it).
        peers.startBlockChainDownload(new DownloadProgressTracker());
        peers.start();
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (peers != null) {
                peers.stop();
            }
        } finally {
            if (node != null) {
                try {
                    assertThat(node.stop(START)).isZero();
                } finally {
                    node.close();
                }
            }
        }
    }

    /** Polls {@code done} until it holds; fails with {@code what} and the node's output if it never does. */
    private void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " within " + WAIT + "; bitcoinj at height "
                        + chain.getBestChainHeight() + ", peers " + peers.getConnectedPeers()
                        + "; minicoind output:\n" + node.output());
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    private String bitcoinjTip() {
        return chain.getChainHead().getHeader().getHash().toString();
    }

    @Test
    @Order(1)
    void bitcoinjDownloadsTheWholeChainAndSeesItsCoinbases() throws Exception {
        String tip = rpc.call("getbestblockhash", "[]").asText();
        await("bitcoinj did not reach the node's tip " + tip, () -> bitcoinjTip().equals(tip));

        assertThat(chain.getBestChainHeight()).isEqualTo(rpc.call("getblockcount", "[]").asInt())
                .isEqualTo(BLOCKS_TO_BITCOINJ + BLOCKS_AFTER);
        assertThat(peers.getConnectedPeers()).hasSize(1);
        var version = peers.getConnectedPeers().get(0).getPeerVersionMessage();
        assertThat(version.clientVersion).isEqualTo(70016);
        assertThat(version.subVer).startsWith("/minicoin:");
        JsonNode peerInfo = rpc.call("getpeerinfo", "[]");
        assertThat(peerInfo).hasSize(1);
        assertThat(peerInfo.get(0).get("subver").asText()).contains("BitcoinjPeerTest");
        assertThat(peerInfo.get(0).get("inbound").asBoolean()).isTrue();
        assertThat(peerInfo.get(0).get("version").asInt()).isEqualTo(70013); // bitcoinj's ProtocolVersion.CURRENT

        // The wallet found every coinbase paid to its key in the full blocks: 50 BTC each (regtest halves at 150).
        assertThat(wallet.getBalance(Wallet.BalanceType.ESTIMATED))
                .isEqualTo(Coin.COIN.multiply(50L * BLOCKS_TO_BITCOINJ));
        assertThat(wallet.getBalance()).isEqualTo(Coin.COIN.multiply(50L * BLOCKS_TO_BITCOINJ));
    }

    @Test
    @Order(2)
    void aSpendSignedByBitcoinjAndBroadcastOverP2pLandsInTheMempool() throws Exception {
        SendRequest request = SendRequest.to(payee, Coin.COIN);
        request.feePerKb = Coin.valueOf(2_000); // 2 sat/vB, above Core's default minrelaytxfee of 1 sat/vB
        request.changeAddress = keyAddress; // a basic (non-HD) wallet has no change chain of its own
        wallet.completeTx(request);
        sent = request.tx;
        assertThat(sent.getInputs()).allSatisfy(in -> assertThat(in.hasWitness()).isTrue());

        // minConnections 1, keep the peer afterwards: with one peer bitcoinj completes once the tx is written.
        peers.broadcastTransaction(sent, 1, false).awaitSent().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        String txid = sent.getTxId().toString();
        rpc.await("getrawmempool", r -> r.size() == 1 && r.get(0).asText().equals(txid), WAIT);

        // The node read the very bytes bitcoinj signed: same txid, wtxid and outputs.
        String hex = HexFormat.of().formatHex(sent.serialize());
        assertThat(rpc.call("getrawtransaction", "[\"" + txid + "\"]").asText()).isEqualTo(hex);
        JsonNode decoded = rpc.call("decoderawtransaction", "[\"" + hex + "\"]");
        assertThat(decoded.get("txid").asText()).isEqualTo(txid);
        assertThat(decoded.get("hash").asText()).isEqualTo(sent.getWTxId().toString()).isNotEqualTo(txid);
        List<TransactionOutput> outputs = sent.getOutputs();
        assertThat(decoded.get("vout")).hasSize(outputs.size());
        for (int i = 0; i < outputs.size(); i++) {
            JsonNode out = decoded.get("vout").get(i);
            assertThat(out.get("value").decimalValue())
                    .isEqualByComparingTo(new BigDecimal(outputs.get(i).getValue().toPlainString()));
            assertThat(out.get("scriptPubKey").get("hex").asText())
                    .isEqualTo(HexFormat.of().formatHex(outputs.get(i).getScriptBytes()));
            assertThat(out.get("scriptPubKey").get("address").asText())
                    .isEqualTo(outputs.get(i).getScriptPubKey().getToAddress(REGTEST).toString());
        }
        // bitcoinj puts the change at a random position; the payment and the change are both there.
        assertThat(decoded.get("vout")).extracting(o -> o.get("scriptPubKey").get("address").asText())
                .containsExactlyInAnyOrder(payee.toString(), keyAddress.toString());
        assertThat(decoded.get("vout")).filteredOn(o -> o.get("scriptPubKey").get("address").asText()
                .equals(payee.toString())).singleElement()
                .satisfies(o -> assertThat(o.get("value").decimalValue()).isEqualByComparingTo("1.00000000"));

        JsonNode entry = rpc.call("getmempoolentry", "[\"" + txid + "\"]");
        assertThat(entry.get("wtxid").asText()).isEqualTo(sent.getWTxId().toString());
        assertThat(entry.get("vsize").asInt()).isEqualTo(sent.getVsize());
        assertThat(entry.get("fees").get("base").decimalValue())
                .isEqualByComparingTo(new BigDecimal(sent.getFee().toPlainString()));
    }

    @Test
    @Order(3)
    void bitcoinjFollowsTheBlockThatConfirmsItsSpend() throws Exception {
        int height = chain.getBestChainHeight();
        String block = rpc.call("generatetoaddress", "[1, \"" + other + "\"]").get(0).asText();
        await("bitcoinj did not receive the new block " + block, () -> bitcoinjTip().equals(block));
        assertThat(chain.getBestChainHeight()).isEqualTo(height + 1);
        assertThat(rpc.call("getrawmempool", "[]")).isEmpty();
        // The wallet saw its spend in that block: one confirmation.
        await("the wallet did not see its spend confirmed",
                () -> wallet.getTransaction(sent.getTxId()).getConfidence().getDepthInBlocks() == 1);
    }
}
