package org.minicoin.wallet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minicoin.node.testing.DaemonProcess;
import org.minicoin.node.testing.RpcCaller;

/**
 * minicoin-wallet against a real {@code minicoind -regtest}: mining to a wallet, paying a second wallet, exact
 * balances, refusals (too much, wrong passphrase, watch-only) that send and write nothing, a dry run, and a wallet
 * restored from the mnemonic or watching the exported xpub that finds the same coins.
 */
class WalletEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The regtest address of the well-known key 1: blocks mined there pay neither wallet. */
    private static final String ELSEWHERE = "bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080";
    private static final long COIN = 100_000_000L;

    @TempDir
    static Path dir;
    private static DaemonProcess node;
    private static RpcCaller rpc;
    private static int rpcPort;
    private static Path data;

    /** What one run of the command printed, and its exit code. */
    record Run(int code, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    @BeforeAll
    static void startNode() throws Exception {
        data = dir.resolve("node");
        Files.createDirectories(data);
        rpcPort = DaemonProcess.freePort();
        node = DaemonProcess.start("-regtest", "-datadir=" + data, "-listen=0", "-port=" + DaemonProcess.freePort(),
                "-rpcport=" + rpcPort, "-printtoconsole");
        node.awaitLine(l -> l.contains("Done loading"), WAIT);
        rpc = new RpcCaller(data.resolve("regtest"), rpcPort);
    }

    @AfterAll
    static void stopNode() throws Exception {
        if (node != null) {
            assertThat(node.stop(WAIT)).isZero();
        }
    }

    private static Path secret(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text + "\n", StandardCharsets.UTF_8);
        return p;
    }

    /** Runs minicoin-wallet in this JVM with the node's connection options and {@code args}. */
    private static Run wallet(String... args) {
        List<String> all = new ArrayList<>(List.of("-regtest", "-datadir=" + data, "-rpcport=" + rpcPort));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MinicoinWallet.run(all.toArray(String[]::new), new PrintWriter(out, true),
                new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private static long sats(JsonNode amount) {
        return new BigDecimal(amount.asText()).movePointRight(8).longValueExact();
    }

    @Test
    void twoWalletsPayEachOtherExactlyAndRefusalsChangeNothing() throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        Path passA = secret("pass-a", "correct horse battery staple");
        Path passB = secret("pass-b", "another passphrase");

        Run created = wallet("--wallet=" + a, "--passphrase-file=" + passA, "create", "--words=12");
        assertThat(created.code()).as(created.err()).isZero();
        String mnemonic = created.out().lines().reduce((x, y) -> y).orElseThrow();
        assertThat(mnemonic.split(" ")).hasSize(12);
        assertThat(Files.readString(a)).doesNotContain(mnemonic.split(" ")[0] + " " + mnemonic.split(" ")[1]);
        assertThat(wallet("--wallet=" + b, "--passphrase-file=" + passB, "create").code()).isZero();

        String addrA = wallet("--wallet=" + a, "receive").out().trim();
        String addrB = wallet("--wallet=" + b, "receive").out().trim();
        assertThat(addrA).startsWith("bcrt1q");
        assertThat(addrB).isNotEqualTo(addrA);
        rpc.call("generatetoaddress", "[101, \"" + addrA + "\"]");

        JsonNode balanceA = wallet("--wallet=" + a, "balance", "--json").json();
        assertThat(sats(balanceA.get("spendable"))).isEqualTo(50 * COIN); // only the first coinbase is mature
        assertThat(sats(balanceA.get("immature"))).isEqualTo(100 * 50 * COIN);
        assertThat(sats(balanceA.get("total"))).isEqualTo(101 * 50 * COIN);

        // Pay B 10 coins at 2 sat/vB; the transaction is in the node's mempool, then mined elsewhere.
        Run sent = wallet("--wallet=" + a, "--passphrase-file=" + passA, "send", addrB, "10", "--fee-rate=2");
        assertThat(sent.code()).as(sent.err()).isZero();
        String txid = sent.out().trim();
        assertThat(rpc.call("getrawmempool", "[]").toString()).contains(txid);
        JsonNode history = wallet("--wallet=" + a, "history").json();
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("txid").asText()).isEqualTo(txid);
        assertThat(history.get(0).get("confirmations").asInt()).isZero();
        long fee = sats(history.get(0).get("fee"));
        JsonNode entry = rpc.call("getmempoolentry", "[\"" + txid + "\"]");
        assertThat(sats(entry.get("fees").get("base"))).isEqualTo(fee);
        assertThat(fee).isBetween(2L * entry.get("vsize").asLong(), 3L * entry.get("vsize").asLong());
        // Before the block, A already counts its change, unconfirmed, and not the coin it spent.
        JsonNode pending = wallet("--wallet=" + a, "balance", "--json").json();
        assertThat(sats(pending.get("unconfirmed"))).isEqualTo(40 * COIN - fee);
        assertThat(sats(pending.get("total"))).isEqualTo(5050 * COIN - 10 * COIN - fee);

        rpc.call("generatetoaddress", "[1, \"" + ELSEWHERE + "\"]");
        JsonNode balanceB = wallet("--wallet=" + b, "balance", "--json").json();
        assertThat(sats(balanceB.get("spendable"))).isEqualTo(10 * COIN);
        assertThat(sats(balanceB.get("total"))).isEqualTo(10 * COIN);
        balanceA = wallet("--wallet=" + a, "balance", "--json").json();
        // Change 40 - fee, and the coinbase of height 2, now 101 blocks deep.
        assertThat(sats(balanceA.get("spendable"))).isEqualTo(90 * COIN - fee);
        assertThat(sats(balanceA.get("immature"))).isEqualTo(99 * 50 * COIN);
        assertThat(sats(balanceA.get("total"))).isEqualTo(5040 * COIN - fee);
        assertThat(wallet("--wallet=" + a, "history").json().get(0).get("confirmations").asInt()).isEqualTo(1);

        // More than the balance: a clear refusal; nothing sent, nothing written.
        byte[] before = Files.readAllBytes(a);
        Run tooMuch = wallet("--wallet=" + a, "--passphrase-file=" + passA, "send", addrB, "1000", "--fee-rate=2");
        assertThat(tooMuch.code()).isEqualTo(1);
        assertThat(tooMuch.err()).contains("Insufficient funds").contains("immature");
        assertThat(rpc.call("getrawmempool", "[]")).isEmpty();
        assertThat(Files.readAllBytes(a)).isEqualTo(before);

        // A wrong passphrase: refused, file untouched.
        Run wrong = wallet("--wallet=" + a, "--passphrase-file=" + secret("wrong", "not it"), "send", addrB, "1",
                "--fee-rate=2");
        assertThat(wrong.code()).isEqualTo(1);
        assertThat(wrong.err()).contains("wrong passphrase");
        assertThat(wallet("--wallet=" + a, "--passphrase-file=" + secret("wrong2", "nope"), "show-mnemonic")
                .err()).contains("wrong passphrase");
        assertThat(Files.readAllBytes(a)).isEqualTo(before);
        assertThat(rpc.call("getrawmempool", "[]")).isEmpty();
        assertThat(wallet("--wallet=" + a, "--passphrase-file=" + passA, "show-mnemonic").out().trim())
                .isEqualTo(mnemonic);

        // A dry run prints a transaction the node decodes, and sends nothing.
        Run dry = wallet("--wallet=" + a, "--passphrase-file=" + passA, "send", addrB, "1.5", "--fee-rate=1",
                "--dry-run");
        assertThat(dry.code()).as(dry.err()).isZero();
        JsonNode decoded = rpc.call("decoderawtransaction", "[\"" + dry.out().trim() + "\"]");
        assertThat(decoded.get("vout").toString()).contains(addrB).contains("1.5");
        assertThat(rpc.call("getrawmempool", "[]")).isEmpty();
        assertThat(wallet("--wallet=" + a, "history").json()).hasSize(1);

        // Restored from the mnemonic, a new file finds the same coins.
        Path c = dir.resolve("c.json");
        Run restored = wallet("--wallet=" + c, "--passphrase-file=" + secret("pass-c", "third"), "restore",
                "--mnemonic-file=" + secret("mnemonic", mnemonic));
        assertThat(restored.code()).as(restored.err()).isZero();
        JsonNode balanceC = wallet("--wallet=" + c, "balance", "--json").json();
        assertThat(balanceC.get("total")).isEqualTo(balanceA.get("total"));
        assertThat(balanceC.get("spendable")).isEqualTo(balanceA.get("spendable"));

        // Watch-only from the exported xpub: same coins, but it cannot spend.
        String xpub = wallet("--wallet=" + a, "export-xpub").out().lines().findFirst().orElseThrow();
        assertThat(xpub).startsWith("tpub");
        Path d = dir.resolve("d.json");
        assertThat(wallet("--wallet=" + d, "import-xpub", xpub).code()).isZero();
        assertThat(wallet("--wallet=" + d, "balance", "--json").json().get("total")).isEqualTo(balanceA.get("total"));
        Run watch = wallet("--wallet=" + d, "--passphrase-file=" + passA, "send", addrB, "1", "--fee-rate=1");
        assertThat(watch.code()).isEqualTo(1);
        assertThat(watch.err()).contains("watch-only");
        assertThat(wallet("--wallet=" + d, "info").json().get("watch_only").asBoolean()).isTrue();

        // Creating over an existing wallet is refused.
        Run again = wallet("--wallet=" + a, "--passphrase-file=" + passA, "create");
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("already exists");
        assertThat(Files.readAllBytes(a)).isEqualTo(before);
    }

    @Test
    void sweepingSendsEverythingSpendableLessTheFee() throws Exception {
        Path e = dir.resolve("e.json");
        Path f = dir.resolve("f.json");
        Path pass = secret("pass-e", "sweep");
        assertThat(wallet("--wallet=" + e, "--passphrase-file=" + pass, "create").code()).isZero();
        assertThat(wallet("--wallet=" + f, "--passphrase-file=" + pass, "create").code()).isZero();
        String addrE = wallet("--wallet=" + e, "receive").out().trim();
        String addrF = wallet("--wallet=" + f, "receive").out().trim();
        rpc.call("generatetoaddress", "[2, \"" + addrE + "\"]");
        rpc.call("generatetoaddress", "[100, \"" + ELSEWHERE + "\"]");
        JsonNode before = wallet("--wallet=" + e, "balance", "--json").json();
        long spendable = sats(before.get("spendable"));
        assertThat(spendable).isPositive();

        Run swept = wallet("--wallet=" + e, "--passphrase-file=" + pass, "send", addrF, "--all", "--fee-rate=1");
        assertThat(swept.code()).as(swept.err()).isZero();
        rpc.call("generatetoaddress", "[1, \"" + ELSEWHERE + "\"]");
        long fee = sats(wallet("--wallet=" + e, "history").json().get(0).get("fee"));
        assertThat(sats(wallet("--wallet=" + f, "balance", "--json").json().get("spendable")))
                .isEqualTo(spendable - fee);
        assertThat(sats(wallet("--wallet=" + e, "balance", "--json").json().get("spendable"))).isZero();

        Run noAmount = wallet("--wallet=" + e, "--passphrase-file=" + pass, "send", addrF);
        assertThat(noAmount.code()).isEqualTo(1);
        assertThat(noAmount.err()).contains("give an amount");
        Run badAddress = wallet("--wallet=" + e, "--passphrase-file=" + pass, "send",
                "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "1", "--fee-rate=1");
        assertThat(badAddress.code()).isEqualTo(1);
        assertThat(badAddress.err()).contains("main");
    }
}
