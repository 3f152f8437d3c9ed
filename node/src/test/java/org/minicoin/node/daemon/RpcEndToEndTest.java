package org.minicoin.node.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.minicoin.consensus.address.Address;
import org.minicoin.consensus.encoding.Hex;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxOut;
import org.minicoin.genesis.spec.ChainSpecs;
import org.minicoin.node.cli.MinicoinCli;
import org.minicoin.node.testing.DaemonProcess;
import org.minicoin.node.testing.RegtestChain;

/**
 * A real {@code minicoind -regtest} driven over JSON-RPC, as a user or an explorer drives Bitcoin Core: cookie
 * auth, mining, blocks at every verbosity, a signed spend through the mempool into a block, coin lookups, the UTXO
 * set figures, REST, minicoin-cli, and python-bitcoinlib's RPC proxy as an independent client.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class RpcEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START = Duration.ofSeconds(60);

    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ALWAYS)
    static Path dir;

    private DaemonProcess node;
    private int port;
    private String auth;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ChainParams regtest = ChainSpecs.params("regtest");
    private String address;

    @BeforeAll
    void start() throws Exception {
        try (ServerSocket a = new ServerSocket(0); ServerSocket b = new ServerSocket(0)) {
            port = a.getLocalPort();
            node = DaemonProcess.start("-regtest", "-datadir=" + dir, "-rpcport=" + port,
                    "-port=" + b.getLocalPort(), "-txindex", "-rest", "-printtoconsole");
        }
        node.awaitLine(l -> l.contains("Done loading"), START);
        Path cookie = dir.resolve("regtest/.cookie");
        assertThat(Files.getPosixFilePermissions(cookie)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String credentials = Files.readString(cookie).trim();
        assertThat(credentials).matches("__cookie__:[0-9a-f]{64}");
        auth = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        address = Address.fromScriptPubKey(RegtestChain.p2wpkh(), regtest).orElseThrow();
    }

    /** The stop RPC shuts the node down cleanly: exit code 0, cookie and pid file removed. */
    @AfterAll
    void stop() throws Exception {
        if (node != null) {
            try {
                assertThat(call("stop", "[]").asText()).isEqualTo("minicoin stopping");
                assertThat(node.awaitExit(START)).isZero();
                assertThat(dir.resolve("regtest/.cookie")).doesNotExist();
                assertThat(dir.resolve("regtest/minicoind.pid")).doesNotExist();
                assertThat(node.output()).contains("Shutdown: done");
            } finally {
                node.close();
            }
        }
    }

    private HttpResponse<String> post(String body, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Calls {@code method} with positional {@code params} (JSON text) and returns the result; fails on error. */
    private JsonNode call(String method, String params) throws Exception {
        HttpResponse<String> r = post("{\"jsonrpc\":\"1.0\",\"id\":\"t\",\"method\":\"" + method + "\",\"params\":"
                + params + "}", auth);
        JsonNode reply = JSON.readTree(r.body());
        assertThat(reply.path("error").isNull()).as(method + " " + params + " -> " + r.body()).isTrue();
        assertThat(r.statusCode()).isEqualTo(200);
        return reply.get("result");
    }

    private JsonNode error(String method, String params) throws Exception {
        return JSON.readTree(post("{\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}", auth).body())
                .get("error");
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void aUserSessionFromMiningToAConfirmedSpend() throws Exception {
        // Credentials: none or wrong get 401 with Core's header.
        HttpResponse<String> none = post("{\"method\":\"getblockcount\"}", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"jsonrpc\"");
        HttpResponse<String> wrong = post("{\"method\":\"getblockcount\"}",
                "Basic " + Base64.getEncoder().encodeToString("__cookie__:nope".getBytes(StandardCharsets.UTF_8)));
        assertThat(wrong.statusCode()).isEqualTo(401);

        int start = call("getblockcount", "[]").asInt();
        ArrayNode mined = (ArrayNode) call("generatetoaddress", "[101, \"" + address + "\"]");
        assertThat(mined).hasSize(101);
        String tip = mined.get(100).asText();

        JsonNode info = call("getblockchaininfo", "[]");
        assertThat(info.get("chain").asText()).isEqualTo("regtest");
        assertThat(info.get("blocks").asInt()).isEqualTo(start + 101);
        assertThat(info.get("bestblockhash").asText()).isEqualTo(tip);
        assertThat(info.get("initialblockdownload").asBoolean()).isFalse();
        assertThat(info.get("chainwork").asText()).hasSize(64);
        assertThat(info.get("pruned").asBoolean()).isFalse();

        // getblock at every verbosity: hex that parses to the block, then ever more detail.
        Block raw = Block.fromHex(call("getblock", "[\"" + tip + "\", 0]").asText());
        assertThat(raw.hash().toString()).isEqualTo(tip);
        JsonNode v1 = call("getblock", "[\"" + tip + "\", 1]");
        assertThat(v1.get("hash").asText()).isEqualTo(tip);
        assertThat(v1.get("height").asInt()).isEqualTo(start + 101);
        assertThat(v1.get("confirmations").asInt()).isEqualTo(1);
        assertThat(v1.get("nTx").asInt()).isEqualTo(1);
        assertThat(v1.get("tx").get(0).asText()).isEqualTo(raw.transactions().get(0).txid().toString());
        assertThat(v1.get("previousblockhash").asText()).isEqualTo(mined.get(99).asText());
        JsonNode v2 = call("getblock", "[\"" + tip + "\", 2]");
        JsonNode coinbase = v2.get("tx").get(0);
        assertThat(coinbase.get("vin").get(0).has("coinbase")).isTrue();
        assertThat(coinbase.get("vout").get(0).get("value").decimalValue()).isEqualByComparingTo("50.00000000");
        assertThat(coinbase.get("vout").get(0).get("scriptPubKey").get("address").asText()).isEqualTo(address);

        // Spend the first mined coinbase (mature now) with a signed P2WPKH transaction.
        String firstHash = mined.get(0).asText();
        Block first = Block.fromHex(call("getblock", "[\"" + firstHash + "\", 0]").asText());
        Transaction cb = first.transactions().get(0);
        Transaction spend = RegtestChain.spend(List.of(RegtestChain.utxo(cb, 0)),
                List.of(new TxOut(cb.outputs().get(0).value() - 20_000, RegtestChain.p2pkh())));
        String txid = call("sendrawtransaction", "[\"" + Hex.encode(spend.serialize()) + "\"]").asText();
        assertThat(txid).isEqualTo(spend.txid().toString());
        assertThat(call("getrawmempool", "[]")).extracting(JsonNode::asText).containsExactly(txid);
        JsonNode entry = call("getmempoolentry", "[\"" + txid + "\"]");
        assertThat(entry.get("fees").get("base").decimalValue()).isEqualByComparingTo("0.00020000");
        assertThat(entry.get("vsize").asInt()).isEqualTo(spend.vsize());
        // No peer has asked for it: it waits in Core's unbroadcast set, to be announced again.
        assertThat(entry.get("unbroadcast").asBoolean()).isTrue();
        assertThat(call("getmempoolinfo", "[]").get("unbroadcastcount").asInt()).isEqualTo(1);
        // The same spend again is fine (already in the mempool); a double spend is rejected with Core's code.
        assertThat(call("sendrawtransaction", "[\"" + Hex.encode(spend.serialize()) + "\"]").asText()).isEqualTo(txid);
        Transaction doubleSpend = RegtestChain.spend(List.of(RegtestChain.utxo(cb, 0)),
                List.of(new TxOut(cb.outputs().get(0).value() - 30_000, RegtestChain.p2pkh())));
        JsonNode rejected = error("sendrawtransaction", "[\"" + Hex.encode(doubleSpend.serialize()) + "\"]");
        assertThat(rejected.get("code").asInt()).isEqualTo(-26);
        assertThat(rejected.get("message").asText()).startsWith("txn-mempool-conflict");

        String block = call("generatetoaddress", "[1, \"" + address + "\"]").get(0).asText();
        assertThat(call("getrawmempool", "[]")).isEmpty();
        JsonNode tx = call("getrawtransaction", "[\"" + txid + "\", 1]");
        assertThat(tx.get("blockhash").asText()).isEqualTo(block);
        assertThat(tx.get("confirmations").asInt()).isEqualTo(1);
        assertThat(tx.get("vout").get(0).get("scriptPubKey").get("type").asText()).isEqualTo("pubkeyhash");
        JsonNode v3 = call("getblock", "[\"" + block + "\", 3]");
        JsonNode spendJson = v3.get("tx").get(1);
        assertThat(spendJson.get("fee").decimalValue()).isEqualByComparingTo("0.00020000");
        assertThat(spendJson.get("vin").get(0).get("prevout").get("height").asInt()).isEqualTo(start + 1);
        assertThat(spendJson.get("vin").get(0).get("prevout").get("generated").asBoolean()).isTrue();
        // The block's coinbase collected the fee.
        assertThat(v3.get("tx").get(0).get("vout").get(0).get("value").decimalValue())
                .isEqualByComparingTo("50.00020000");

        JsonNode out = call("gettxout", "[\"" + txid + "\", 0]");
        assertThat(out.get("value").decimalValue()).isEqualByComparingTo("49.99980000");
        assertThat(out.get("confirmations").asInt()).isEqualTo(1);
        assertThat(out.get("coinbase").asBoolean()).isFalse();
        assertThat(call("gettxout", "[\"" + cb.txid() + "\", 0]").isNull()).isTrue();

        // scantxoutset finds the coinbases paid to the address: all but the one spent.
        JsonNode scan = call("scantxoutset", "[\"start\", [\"addr(" + address + ")\"]]");
        assertThat(scan.get("success").asBoolean()).isTrue();
        assertThat(scan.get("unspents")).hasSize(102 - 1);
        assertThat(scan.get("total_amount").decimalValue()).isEqualByComparingTo("5050.00020000");

        JsonNode set = call("gettxoutsetinfo", "[]");
        assertThat(set.get("height").asInt()).isEqualTo(start + 102);
        assertThat(set.get("txouts").asInt()).isEqualTo(scan.get("unspents").size() + 1); // and the spend
        assertThat(call("gettxoutsetinfo", "[\"muhash\"]").get("muhash").asText()).hasSize(64);

        // minicoin-cli, as a user types it.
        ByteArrayOutputStream cliOut = new ByteArrayOutputStream();
        int rc = MinicoinCli.run(List.of("-regtest", "-datadir=" + dir, "-rpcport=" + port, "getblockcount"),
                new ByteArrayInputStream(new byte[0]), new PrintStream(cliOut), new PrintStream(new ByteArrayOutputStream()));
        assertThat(rc).isZero();
        assertThat(cliOut.toString(StandardCharsets.UTF_8).trim()).isEqualTo(Integer.toString(start + 102));

        // REST, without credentials as in Core.
        HttpResponse<String> rest = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/rest/chaininfo.json")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(rest.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(rest.body()).get("blocks").asInt()).isEqualTo(start + 102);
        HttpResponse<byte[]> restBlock = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/rest/block/" + block + ".bin")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(Block.fromBytes(restBlock.body()).hash().toString()).isEqualTo(block);
    }

    @Test
    void jsonRpcSemanticsAsCore() throws Exception {
        HttpResponse<String> v2 = post("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"getblockcount\"}", auth);
        assertThat(v2.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(v2.body()).has("error")).isFalse();
        HttpResponse<String> unknown = post("{\"id\":1,\"method\":\"frobnicate\"}", auth);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("error").get("code").asInt()).isEqualTo(-32601);
        HttpResponse<String> notification = post("{\"jsonrpc\":\"2.0\",\"method\":\"getblockcount\"}", auth);
        assertThat(notification.statusCode()).isEqualTo(204);
        HttpResponse<String> batch = post("[{\"id\":1,\"method\":\"getblockcount\"},{\"id\":2,\"method\":"
                + "\"getblockhash\",\"params\":[\"x\"]}]", auth);
        assertThat(batch.statusCode()).isEqualTo(200);
        JsonNode replies = JSON.readTree(batch.body());
        assertThat(replies.get(0).get("error").isNull()).isTrue();
        assertThat(replies.get(1).get("error").get("code").asInt()).isEqualTo(-3);
        assertThat(error("getblockhash", "[100000]").get("code").asInt()).isEqualTo(-8);
        assertThat(error("getblock", "[\"00\"]").get("message").asText())
                .isEqualTo("blockhash must be of length 64 (not 2, for '00')");
    }

    @Test
    void pythonBitcoinlibsRpcProxyReadsTheNode() throws Exception {
        String script = "import bitcoin, bitcoin.rpc\n"
                + "bitcoin.SelectParams('regtest')\n"
                + "p = bitcoin.rpc.RawProxy(service_url='http://%s@127.0.0.1:" + port + "' % open('"
                + dir.resolve("regtest/.cookie") + "').read().strip())\n"
                + "info = p.getblockchaininfo()\n"
                + "print(info['chain'], info['blocks'], p.getblockhash(0))\n";
        Process py = new ProcessBuilder("/usr/bin/python3", "-c", script).redirectErrorStream(true).start();
        String output = new String(py.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(py.waitFor()).as(output).isZero();
        String[] fields = output.split(" ");
        assertThat(fields[0]).isEqualTo("regtest");
        assertThat(Integer.parseInt(fields[1])).isEqualTo(call("getblockcount", "[]").asInt());
        assertThat(fields[2]).isEqualTo(regtest.genesisHash().toString());
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void signingStatsAndUtilityMethods() throws Exception {
        ArrayNode mined = (ArrayNode) call("generatetoaddress", "[101, \"" + address + "\"]");
        Block first = Block.fromHex(call("getblock", "[\"" + mined.get(0).asText() + "\", 0]").asText());
        Transaction cb = first.transactions().get(0);
        // An unsigned spend, signed by the node with the key's WIF.
        Transaction unsigned = new Transaction(2, List.of(new org.minicoin.consensus.types.TxIn(
                new org.minicoin.consensus.types.OutPoint(cb.txid(), 0), new byte[0], 0xfffffffeL)),
                List.of(new TxOut(cb.outputs().get(0).value() - 5_000, RegtestChain.p2wpkh())), 0);
        String wif = new org.minicoin.consensus.address.Wif(RegtestChain.KEY, true).encode(regtest);
        JsonNode signed = call("signrawtransactionwithkey", "[\"" + Hex.encode(unsigned.serialize()) + "\", [\""
                + wif + "\"]]");
        assertThat(signed.get("complete").asBoolean()).as(signed.toString()).isTrue();
        JsonNode accept = call("testmempoolaccept", "[[\"" + signed.get("hex").asText() + "\"]]").get(0);
        assertThat(accept.get("allowed").asBoolean()).as(accept.toString()).isTrue();
        assertThat(accept.get("fees").get("base").decimalValue()).isEqualByComparingTo("0.00005000");
        // Without the key it is incomplete, with Core's error for the input.
        JsonNode notSigned = call("signrawtransactionwithkey", "[\"" + Hex.encode(unsigned.serialize())
                + "\", []]");
        assertThat(notSigned.get("complete").asBoolean()).isFalse();
        assertThat(notSigned.get("errors").get(0).get("vout").asInt()).isZero();

        String txid = call("sendrawtransaction", "[\"" + signed.get("hex").asText() + "\"]").asText();
        JsonNode info = call("getmempoolinfo", "[]");
        assertThat(info.get("size").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(info.get("minrelaytxfee").decimalValue()).isEqualByComparingTo("0.00001000");
        String block = call("generatetoaddress", "[1, \"" + address + "\"]").get(0).asText();
        JsonNode stats = call("getblockstats", "[\"" + block + "\"]");
        assertThat(stats.get("txs").asInt()).isEqualTo(2);
        assertThat(stats.get("totalfee").asLong()).isEqualTo(5_000);
        assertThat(stats.get("ins").asInt()).isEqualTo(1);
        assertThat(stats.get("subsidy").asLong()).isEqualTo(
                org.minicoin.consensus.validation.Subsidy.blockSubsidy(stats.get("height").asInt(), regtest));
        JsonNode some = call("getblockstats", "[" + stats.get("height").asInt() + ", [\"totalfee\", \"txs\"]]");
        assertThat(some.size()).isEqualTo(2);
        assertThat(error("getblockstats", "[1, [\"nonsense\"]]").get("message").asText())
                .isEqualTo("Invalid selected statistic 'nonsense'");
        assertThat(call("getrawtransaction", "[\"" + txid + "\", 2]").get("fee").decimalValue())
                .isEqualByComparingTo("0.00005000");

        assertThat(call("verifychain", "[3, 20]").asBoolean()).isTrue();
        String tipHeader = call("getblockheader", "[\"" + block + "\", false]").asText();
        assertThat(call("submitheader", "[\"" + tipHeader + "\"]").isNull()).isTrue();
        // A header first, its block later: the node indexes the header alone, then connects the block.
        JsonNode unsubmitted = call("generateblock", "[\"" + address + "\", [], false]");
        String nextHex = unsubmitted.get("hex").asText();
        String nextHeader = nextHex.substring(0, 160);
        int height = call("getblockcount", "[]").asInt();
        assertThat(call("submitheader", "[\"" + nextHeader + "\"]").isNull()).isTrue();
        assertThat(call("getblockchaininfo", "[]").get("headers").asInt()).isEqualTo(height + 1);
        assertThat(call("getblockcount", "[]").asInt()).isEqualTo(height);
        JsonNode headerTip = call("getchaintips", "[]").get(0);
        assertThat(headerTip.get("status").asText()).isEqualTo("headers-only");
        assertThat(headerTip.get("branchlen").asInt()).isEqualTo(1);
        assertThat(call("submitblock", "[\"" + nextHex + "\"]").isNull()).isTrue();
        assertThat(call("getbestblockhash", "[]").asText()).isEqualTo(unsubmitted.get("hash").asText());
        JsonNode orphanHeader = error("submitheader", "[\"" + "00".repeat(4) + "11".repeat(32) + "00".repeat(44)
                + "\"]");
        assertThat(orphanHeader.get("code").asInt()).isEqualTo(-25);
        assertThat(orphanHeader.get("message").asText()).startsWith("Must submit previous header (");
        block = unsubmitted.get("hash").asText();
        JsonNode chainTips = call("getchaintips", "[]");
        assertThat(chainTips.get(0).get("status").asText()).isEqualTo("active");
        assertThat(chainTips.get(0).get("hash").asText()).isEqualTo(block);

        JsonNode valid = call("validateaddress", "[\"" + address + "\"]");
        assertThat(valid.get("isvalid").asBoolean()).isTrue();
        assertThat(valid.get("witness_version").asInt()).isZero();
        JsonNode invalid = call("validateaddress", "[\"bcrt1qinvalid\"]");
        assertThat(invalid.get("isvalid").asBoolean()).isFalse();
        assertThat(invalid.get("error").asText()).isNotEmpty();
        JsonNode desc = call("getdescriptorinfo", "[\"addr(" + address + ")\"]");
        assertThat(desc.get("descriptor").asText()).startsWith("addr(" + address + ")#");
        assertThat(call("deriveaddresses", "[\"" + desc.get("descriptor").asText() + "\"]").get(0).asText())
                .isEqualTo(address);
        JsonNode fee = call("estimatesmartfee", "[6]");
        assertThat(fee.has("errors") || fee.has("feerate")).isTrue();
        assertThat(error("estimatesmartfee", "[0]").get("code").asInt()).isEqualTo(-8);
        JsonNode decoded = call("decoderawtransaction", "[\"" + signed.get("hex").asText() + "\"]");
        assertThat(decoded.get("txid").asText()).isEqualTo(txid);
        assertThat(call("decodescript", "[\"" + Hex.encode(RegtestChain.p2pkh()) + "\"]").get("type").asText())
                .isEqualTo("pubkeyhash");
        assertThat(call("help", "[\"getblock\"]").asText()).startsWith("getblock \"blockhash\"");
        assertThat(call("getnetworkinfo", "[]").get("protocolversion").asInt()).isEqualTo(70016);
        call("setban", "[\"192.0.2.0/24\", \"add\", 3600]");
        assertThat(error("setban", "[\"192.0.2.0/24\", \"add\"]").get("code").asInt()).isEqualTo(-23);
        JsonNode banned = call("listbanned", "[]");
        assertThat(banned).hasSize(1);
        assertThat(banned.get(0).get("address").asText()).isEqualTo("192.0.2.0/24");
        assertThat(banned.get(0).get("ban_duration").asLong()).isEqualTo(3600);
        call("setban", "[\"192.0.2.0/24\", \"remove\"]");
        assertThat(call("listbanned", "[]")).isEmpty();
    }
}
