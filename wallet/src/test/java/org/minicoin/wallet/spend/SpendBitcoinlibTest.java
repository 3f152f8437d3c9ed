package org.minicoin.wallet.spend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.minicoin.consensus.encoding.Hex;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxOut;

/**
 * python-bitcoinlib (Debian's python3-bitcoinlib) as an independent implementation: it must decode our signed
 * spends to the same txid, wtxid, outputs and sequences, and its own sighash code plus OpenSSL must accept every
 * signature.
 */
class SpendBitcoinlibTest {
    private final SpendFixtures f = new SpendFixtures();

    @Test
    void p2wpkhSpendDecodesAndVerifiesIndependently() throws Exception {
        List<Coin> coins = SpendFixtures.list(f.segwit(SpendFixtures.COIN), f.segwit(70_000_000));
        Spend spend = new SpendBuilder(coins, f.keyLookup(), new Random(31)).feeRate(Amounts.parseFeeRate("1.5"))
                .changeScript(f.p2wpkh(Coin.CHANGE, 1)).tipHeight(800).pay(f.p2pkh(5, 5), 150_000_000);
        assertThat(spend.transaction().hasWitness()).isTrue();
        assertThat(spend.inputs()).hasSize(2);
        assertAgrees(spend);
    }

    @Test
    void p2pkhSpendDecodesAndVerifiesIndependently() throws Exception {
        List<Coin> coins = SpendFixtures.list(f.legacy(SpendFixtures.COIN), f.legacy(50_000_000));
        Spend spend = new SpendBuilder(coins, f.keyLookup(), new Random(32)).feeRate(Amounts.parseFeeRate("3"))
                .changeScript(f.p2pkh(Coin.CHANGE, 2)).rbf(false).tipHeight(801).pay(f.p2wpkh(5, 6), 120_000_000);
        assertThat(spend.transaction().hasWitness()).isFalse();
        assertThat(spend.transaction().txid()).isEqualTo(spend.transaction().wtxid());
        assertAgrees(spend);
    }

    @Test
    void mixedSweepDecodesAndVerifiesIndependently() throws Exception {
        List<Coin> coins = SpendFixtures.list(f.legacy(40_000), f.segwit(50_000), f.legacy(60_000), f.segwit(70_000));
        Spend spend = new SpendBuilder(coins, f.keyLookup(), new Random(33)).feeRate(Amounts.parseFeeRate("2"))
                .sweep(f.p2wpkh(5, 7));
        assertAgrees(spend);
    }

    private void assertAgrees(Spend spend) throws IOException, InterruptedException, URISyntaxException {
        Transaction tx = spend.transaction();
        Path script = Path.of(getClass().getResource("bitcoinlib_decode_spend.py").toURI());
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", script.toString(),
                Hex.encode(tx.serialize())));
        for (Coin c : spend.inputs()) {
            command.add(Hex.encode(c.scriptPubKey()) + ":" + c.value());
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("python3 with python-bitcoinlib (apt install python3-bitcoinlib):\n%s", out)
                .isZero();

        Map<String, String> theirs = new LinkedHashMap<>();
        for (String line : out.strip().split("\n")) {
            int key = line.startsWith("out ") || line.startsWith("seq ") || line.startsWith("sig ")
                    ? line.indexOf(' ', 4) : line.indexOf(' ');
            theirs.put(line.substring(0, key), line.substring(key + 1));
        }
        Map<String, String> ours = new LinkedHashMap<>();
        ours.put("txid", tx.txid().toString());
        ours.put("wtxid", tx.wtxid().toString());
        ours.put("version", Integer.toString(tx.version()));
        ours.put("locktime", Long.toString(tx.lockTime()));
        for (int i = 0; i < tx.outputs().size(); i++) {
            TxOut o = tx.outputs().get(i);
            ours.put("out " + i, o.value() + " " + Hex.encode(o.scriptPubKey()));
        }
        for (int i = 0; i < tx.inputs().size(); i++) {
            ours.put("seq " + i, Long.toString(tx.inputs().get(i).sequence()));
            ours.put("sig " + i, "True");
        }
        assertThat(theirs).as(out).containsExactlyEntriesOf(ours);
    }
}
