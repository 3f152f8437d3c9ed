package org.minicoin.consensus.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.minicoin.consensus.crypto.MuHash3072;
import org.minicoin.consensus.encoding.Hex;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.testing.BlockNode;
import org.minicoin.consensus.testing.ChainParamsFixtures;
import org.minicoin.consensus.testing.TestData;
import org.minicoin.consensus.testing.Verifiers;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.types.OutPoint;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxOut;

/**
 * gettxoutsetinfo's muhash. The expected values come from Bitcoin Core's own Python MuHash3072
 * ({@code test/functional/test_framework/crypto/muhash.py}) fed with TxOutSer bytes built by a separate Python
 * script, not from this code.
 */
class UtxoMuHashTest {
    /** The muhash of the empty set: what Core reports for a chain holding only the genesis block. */
    private static final String EMPTY = "dd5ad2a105c2d29495f577245c357409002329b9f4d6182c0af3dc2f462555c8";

    private static Map<OutPoint, Coin> smallSet() {
        Map<OutPoint, Coin> coins = new LinkedHashMap<>();
        coins.put(new OutPoint(Hash.fromHex("4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b"), 0),
                new Coin(new TxOut(5_000_000_000L, Hex.decode("76a914" + "11".repeat(20) + "88ac")), 1, true));
        coins.put(new OutPoint(Hash.fromHex("aa".repeat(32)), 1),
                new Coin(new TxOut(1, Hex.decode("0014" + "22".repeat(20))), 1_234_567, false));
        coins.put(new OutPoint(Hash.fromHex("0102030405060708091011121314151617181920212223242526272829303132"),
                        0xffffffffL),
                new Coin(new TxOut(0, new byte[0]), Integer.MAX_VALUE, true));
        return coins;
    }

    @Test
    void theEmptySetHashesAsCoreReportsIt() {
        assertThat(UtxoMuHash.of(Map.of())).hasToString(EMPTY);
    }

    @Test
    void aSmallSetHashesAsCoresReferenceImplementation() {
        assertThat(UtxoMuHash.of(smallSet()))
                .hasToString("196f43eee0d0a481d82aa90f9910f41e8b92cd51ba0e8cb987d101efd522e46d");
    }

    @Test
    void txOutSerIsOutpointThenHeightAndCoinbaseThenOutput() {
        Map.Entry<OutPoint, Coin> last = List.copyOf(smallSet().entrySet()).get(2);
        assertThat(Hex.encode(UtxoMuHash.serialize(last.getKey(), last.getValue()))).isEqualTo(
                "3231302928272625242322212019181716151413121110090807060504030201" // txid, internal order
                        + "ffffffff" // output index
                        + "ffffffff" // height 2^31 - 1, shifted left, | coinbase
                        + "0000000000000000" + "00"); // value 0, empty script
    }

    @Test
    void orderDoesNotMatterAndARemovedCoinLeavesNoTrace() {
        Map<OutPoint, Coin> coins = smallSet();
        List<Map.Entry<OutPoint, Coin>> entries = List.copyOf(coins.entrySet());
        MuHash3072 reversed = new MuHash3072();
        for (int i = entries.size() - 1; i >= 0; i--) {
            UtxoMuHash.add(reversed, entries.get(i).getKey(), entries.get(i).getValue());
        }
        assertThat(Hash.wrap(reversed.digest())).isEqualTo(UtxoMuHash.of(coins));

        UtxoMuHash.remove(reversed, entries.get(1).getKey(), entries.get(1).getValue());
        coins.remove(entries.get(1).getKey());
        assertThat(Hash.wrap(reversed.digest())).isEqualTo(UtxoMuHash.of(coins));
    }

    @Test
    void heightAndCoinbaseFlagArePartOfTheElement() {
        Map.Entry<OutPoint, Coin> e = List.copyOf(smallSet().entrySet()).get(0);
        Coin c = e.getValue();
        Hash original = UtxoMuHash.of(Map.of(e.getKey(), c));
        assertThat(UtxoMuHash.of(Map.of(e.getKey(), new Coin(c.output(), c.height() + 1, c.coinbase()))))
                .isNotEqualTo(original);
        assertThat(UtxoMuHash.of(Map.of(e.getKey(), new Coin(c.output(), c.height(), !c.coinbase()))))
                .isNotEqualTo(original);
    }

    /**
     * Core's regtest chain (main branch, 711 blocks), connected with full validation. A running hash kept the
     * way a coinstats index keeps it (add each block's new coins, remove the coins its undo data says it spent)
     * ends where hashing the final set does, at the value Core's reference code gives for that set (the Python
     * script that built it also matched Core's hash_serialized_3).
     */
    @Test
    void coresRegtestChainRunningAndFinalHashesAgreeWithTheReference() {
        JsonNode core = TestData.json("regtest/core-regtest-11.json");
        ChainParams regtest = ChainParamsFixtures.regtest();
        List<Block> chain = ChainReplayTest.mainBranch(TestData.regtest(), regtest.genesis(),
                Hash.fromHex(core.get("bestblock").asText()));
        BlockConnector connector = new BlockConnector(regtest, Verifiers.standard(), Runnable::run);
        MemoryUtxoView view = new MemoryUtxoView();
        MuHash3072 running = new MuHash3072();
        BlockNode tip = BlockNode.genesis(chain.get(0).header());
        for (Block block : chain.subList(1, chain.size())) {
            BlockUndo undo = connector.connectBlock(block, BlockContext.after(tip, 1L << 32), view);
            tip = tip.child(block.header());
            List<Transaction> txs = block.transactions();
            for (int i = 0; i < txs.size(); i++) {
                Transaction tx = txs.get(i);
                if (i > 0) {
                    List<Coin> spent = undo.txUndos().get(i - 1).spent();
                    for (int k = 0; k < spent.size(); k++) {
                        UtxoMuHash.remove(running, tx.inputs().get(k).prevout(), spent.get(k));
                    }
                }
                for (int n = 0; n < tx.outputs().size(); n++) {
                    if (!BlockConnector.isUnspendable(tx.outputs().get(n))) {
                        UtxoMuHash.add(running, new OutPoint(tx.txid(), n),
                                new Coin(tx.outputs().get(n), tip.height(), i == 0));
                    }
                }
            }
        }
        String reference = "ef55cb9c107e9f0ddb1a2d11b96404b65815cad8e4179e10d5f3a878ba47986f";
        assertThat(view.size()).isEqualTo(core.get("txouts").asInt());
        assertThat(UtxoMuHash.of(view.snapshot())).hasToString(reference);
        assertThat(Hash.wrap(running.digest())).hasToString(reference);
    }
}
