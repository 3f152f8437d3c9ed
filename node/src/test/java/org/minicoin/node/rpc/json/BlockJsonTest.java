package org.minicoin.node.rpc.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.minicoin.node.rpc.json.CoreJsonText.assertSameText;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.testing.TestData;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.BlockHeader;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.validation.BlockUndo;
import org.minicoin.consensus.validation.Coin;
import org.minicoin.consensus.validation.TxUndo;
import org.minicoin.genesis.spec.ChainSpecs;

/**
 * getblock and getblockheader shapes on real mainnet blocks. The expected JSON of the genesis block (verbosity 2)
 * and block 170 (verbosity 3) was written by hand along Core's code paths; median times, chain work and next
 * hashes were computed from the block file with python-bitcoinlib, descriptor checksums with Core's
 * {@code descsum_create}.
 */
class BlockJsonTest {
    private static final ChainParams MAIN = ChainSpecs.params("main");
    /** One unit of work at bits 1d00ffff: 2^256 / (0xffff * 2^208 + 1). */
    private static final BigInteger WORK_PER_BLOCK = BigInteger.valueOf(0x100010001L);
    private static List<Block> chain;

    @BeforeAll
    static void readBlocks() {
        chain = TestData.mainnet();
    }

    private static BlockFacts facts(int height, long medianTime) {
        return new BlockFacts(height, BlockFacts.confirmations(438, height, true), medianTime,
                WORK_PER_BLOCK.multiply(BigInteger.valueOf(height + 1)), chain.get(height).transactions().size(),
                chain.get(height + 1).hash());
    }

    @Test
    void genesisAtVerbosityTwo() {
        ObjectNode json = BlockJson.block(chain.get(0), facts(0, 1231006505L), TxVerbosity.SHOW_DETAILS, null, MAIN);
        assertSameText(json, CoreJsonText.resource("genesis-getblock-2.json"));
    }

    @Test
    void block170AtVerbosityThreeWithUndoData() {
        // The one spend of block 170 spends block 9's coinbase output.
        Coin spent = new Coin(chain.get(9).transactions().get(0).outputs().get(0), 9, true);
        BlockUndo undo = new BlockUndo(List.of(new TxUndo(List.of(spent))));
        ObjectNode json = BlockJson.block(chain.get(170), facts(170, 1231716245L),
                TxVerbosity.SHOW_DETAILS_AND_PREVOUT, undo, MAIN);
        assertSameText(json, CoreJsonText.resource("block170-getblock-3.json"));
    }

    @Test
    void verbosityOneListsTxids() {
        JsonNode expected = CoreJsonText.resource("block170-getblock-3.json");
        ObjectNode json = BlockJson.block(chain.get(170), facts(170, 1231716245L), TxVerbosity.SHOW_TXID, null, MAIN);
        assertThat(json.get("tx").get(0).asText()).isEqualTo(expected.get("tx").get(0).get("txid").asText());
        assertThat(json.get("tx").get(1).asText()).isEqualTo("f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16");
        ObjectNode withoutTx = json.deepCopy();
        withoutTx.remove("tx");
        ObjectNode expectedWithoutTx = (ObjectNode) expected.deepCopy();
        expectedWithoutTx.remove("tx");
        assertSameText(withoutTx, expectedWithoutTx);
    }

    @Test
    void verbosityTwoWithoutUndoHasNoFee() {
        ObjectNode json = BlockJson.block(chain.get(170), facts(170, 1231716245L), TxVerbosity.SHOW_DETAILS, null, MAIN);
        assertThat(json.get("tx").get(1).has("fee")).isFalse();
        assertThat(json.get("tx").get(1).get("vin").get(0).has("prevout")).isFalse();
        assertThat(json.get("tx").get(1).has("hex")).isTrue();
    }

    @Test
    void headerOfTheTipHasNoNextBlockAndOneConfirmation() {
        Block tip = chain.get(438);
        BlockFacts facts = new BlockFacts(438, BlockFacts.confirmations(438, 438, true), 1231_000_000L,
                WORK_PER_BLOCK.multiply(BigInteger.valueOf(439)), 1, null);
        ObjectNode header = BlockJson.header(tip.header(), facts);
        List<String> names = new ArrayList<>();
        header.fieldNames().forEachRemaining(names::add);
        // blockheaderToJSON's order.
        assertThat(names).containsExactly("hash", "confirmations", "height", "version", "versionHex", "merkleroot",
                "time", "mediantime", "nonce", "bits", "target", "difficulty", "chainwork", "nTx",
                "previousblockhash");
        assertThat(header.get("confirmations").asInt()).isEqualTo(1);
        assertThat(header.get("hash").asText()).isEqualTo(tip.hash().toString());
        assertThat(header.get("previousblockhash").asText()).isEqualTo(chain.get(437).hash().toString());
        assertThat(header.get("chainwork").asText()).isEqualTo("00000000000000000000000000000000000000000000000000000"
                + "1b701b701b7");
    }

    @Test
    void blocksOffTheActiveChainHaveMinusOneConfirmations() {
        assertThat(BlockFacts.confirmations(438, 200, false)).isEqualTo(-1);
        assertThat(BlockFacts.confirmations(438, 200, true)).isEqualTo(239);
    }

    @ParameterizedTest
    @CsvSource({
        // Published getblockheader values: mainnet block 32256 (first retarget), Core's regtest genesis, and the
        // mainnet block 100000 difficulty.
        "1d00d86a, 1.182899534312841",
        "207fffff, 0.0000000004656542373906925",
        "1b04864c, 14484.1623612254",
        "1d00ffff, 1"})
    void difficultyHasCoresDigits(String bits, String expected) {
        double d = BlockJson.difficulty(Long.parseLong(bits, 16));
        assertThat(CoreJson.write(CoreJson.number(d))).isEqualTo(expected);
    }

    @Test
    void undoDataThatDoesNotMatchTheBlockIsRefused() {
        assertThatThrownBy(() -> BlockJson.block(chain.get(170), facts(170, 0), TxVerbosity.SHOW_DETAILS,
                BlockUndo.EMPTY, MAIN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("undo data has 0 entries for 1");
    }

    @Test
    void negativeVersionsPrintAsCoresHex() {
        Block b = chain.get(1);
        var h = new BlockHeader(0xe0000000, b.header().prevBlock(),
                b.header().merkleRoot(), b.header().time(), b.header().bits(), b.header().nonce());
        ObjectNode json = BlockJson.header(h, new BlockFacts(1, -1, 0, BigInteger.ONE, 0, null));
        assertThat(json.get("version").asLong()).isEqualTo(-536870912L);
        assertThat(json.get("versionHex").asText()).isEqualTo("e0000000");
        assertThat(json.get("nTx").asInt()).isZero();
        assertThat(Hash.fromHex(json.get("previousblockhash").asText())).isEqualTo(b.header().prevBlock());
    }

    @Test
    void getblockLevelsMapToCoresTxVerbosity() {
        assertThat(TxVerbosity.ofGetBlockLevel(1)).isEqualTo(TxVerbosity.SHOW_TXID);
        assertThat(TxVerbosity.ofGetBlockLevel(2)).isEqualTo(TxVerbosity.SHOW_DETAILS);
        assertThat(TxVerbosity.ofGetBlockLevel(3)).isEqualTo(TxVerbosity.SHOW_DETAILS_AND_PREVOUT);
        assertThatThrownBy(() -> TxVerbosity.ofGetBlockLevel(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TxVerbosity.ofGetBlockLevel(4)).isInstanceOf(IllegalArgumentException.class);
    }
}
