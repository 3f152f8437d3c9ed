package org.minicoin.node.rpc.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.minicoin.node.rpc.json.CoreJsonText.assertSameText;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.types.OutPoint;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxIn;
import org.minicoin.consensus.types.TxOut;
import org.minicoin.consensus.validation.Coin;
import org.minicoin.consensus.validation.TxUndo;
import org.minicoin.genesis.spec.ChainSpecs;

/**
 * Core's TxToUniv. The BIP-0143 native P2WPKH transaction's expected JSON was written by hand from core_io.cpp;
 * its ids and sizes come from python-bitcoinlib and its descriptor checksums from Core's {@code descsum_create}.
 */
class TxJsonTest {
    private static final ChainParams MAIN = ChainSpecs.params("main");
    private static final String BIP143_P2WPKH = "01000000000102fff7f7881a8099afa6940d42d1e7f6362bec38171ea3edf433541"
            + "db4e4ad969f00000000494830450221008b9d1dc26ba6a9cb62127b02742fa9d754cd3bebf337f7a55d114c8e5cdd30be02204"
            + "0529b194ba3f9281a99f2b1c0a19c0489bc22ede944ccf4ecbab4cc618ef3ed01eeffffffef51e1b804cc89d182d279655c3aa"
            + "89e815b1b309fe287d9b2b55d57b90ec68a0100000000ffffffff02202cb206000000001976a9148280b37df378db99f66f85c"
            + "95a783a76ac7a6d5988ac9093510d000000001976a9143bde42dbee7e4dbe6a21b2d50ce2f0167faa815988ac0002473044022"
            + "03609e17b84f6a7d30c80bfa610b5b4542f32a8a0d5447a12fb1366d7f01cc44a0220573a954c4518331561406f90300e8f335"
            + "8f51928d43c212a8caed02de67eebee0121025476c2e83188368da1ff3e292e7acafcdb3566bb0ad253f62fc70f07aeee63571"
            + "1000000";
    /** rpc_decodescript.py's mainnet P2SH multisig spend. */
    private static final String DANGELO = "01000000018d1f5635abd06e2c7e2ddf58dc85b3de111e4ad6e0ab51bb0dcf5e84126d927"
            + "300000000fdfe0000483045022100ae3b4e589dfc9d48cb82d41008dc5fa6a86f94d5c54f9935531924602730ab8002202f88c"
            + "f464414c4ed9fa11b773c5ee944f66e9b05cc1e51d97abc22ce098937ea01483045022100b44883be035600e9328a01b66c7d8"
            + "439b74db64187e76b99a68f7893b701d5380220225bf286493e4c4adcf928c40f785422572eb232f84a0b83b0dea823c3a19c7"
            + "5014c695221020743d44be989540d27b1b4bbbcfd17721c337cb6bc9af20eb8a32520b393532f2102c0120a1dda9e51a938d39"
            + "ddd9fe0ebc45ea97e1d27a7cbd671d5431416d3dd87210213820eb3d5f509d7438c9eeecb4157b2f595105e7cd564b3cdbb9ea"
            + "d3da41eed53aeffffffff02611e0000000000001976a914dc863734a218bfe83ef770ee9d41a27f824a6e5688acee2a0200000"
            + "0000017a9142a5edea39971049a540474c6a99edf0aa4074c588700000000";

    @Test
    void segwitTransactionDecodesAsCore() {
        ObjectNode actual = TxJson.decoded(Transaction.fromHex(BIP143_P2WPKH), MAIN);
        assertSameText(actual, CoreJsonText.resource("bip143-p2wpkh-decoderawtransaction.json"));
    }

    @Test
    void coresDecodeRawTransactionAssertions() {
        ObjectNode r = TxJson.decoded(Transaction.fromHex(DANGELO), MAIN);
        assertThat(r.get("txid").asText()).isEqualTo("8e3730608c3b0bb5df54f09076e196bc292a8e39a78e73b44b6ba08c78f5cbb0");
        assertThat(r.get("vin").get(0).get("scriptSig").get("asm").asText())
                .startsWith("0 3045022100ae3b4e589dfc9d48cb82d41008dc5fa6a86f94d5c54f9935531924602730ab8002202f88cf4"
                        + "64414c4ed9fa11b773c5ee944f66e9b05cc1e51d97abc22ce098937ea[ALL] ");
        assertThat(r.get("vout").get(0).get("scriptPubKey").get("asm").asText())
                .isEqualTo("OP_DUP OP_HASH160 dc863734a218bfe83ef770ee9d41a27f824a6e56 OP_EQUALVERIFY OP_CHECKSIG");
        assertThat(r.get("vout").get(1).get("scriptPubKey").get("asm").asText())
                .isEqualTo("OP_HASH160 2a5edea39971049a540474c6a99edf0aa4074c58 OP_EQUAL");
        assertThat(r.has("hex")).isFalse();
        assertThat(r.has("fee")).isFalse();
        assertThat(r.has("blockhash")).isFalse();
    }

    private static Transaction spend(long outValue, int version) {
        TxIn in = new TxIn(new OutPoint(Hash.fromHex("11".repeat(32)), 3), new byte[] {0x51}, 7);
        return new Transaction(version, List.of(in), List.of(new TxOut(outValue, new byte[] {0x51})), 0);
    }

    @Test
    void undoDataAddsFeeAndAtTheHighestVerbosityPrevout() {
        Transaction tx = spend(70_000, 2);
        Coin coin = new Coin(new TxOut(100_000, new byte[] {0x00, 0x14, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
            14, 15, 16, 17, 18, 19, 20}), 120, false);
        Hash block = Hash.fromHex("22".repeat(32));
        ObjectNode details = TxJson.toJson(tx, MAIN, block, true, new TxUndo(List.of(coin)), TxVerbosity.SHOW_DETAILS);
        assertThat(CoreJson.write(details.get("fee"))).isEqualTo("0.00030000");
        assertThat(details.get("vin").get(0).has("prevout")).isFalse();
        assertThat(details.get("blockhash").asText()).isEqualTo("22".repeat(32));
        assertThat(fieldNames(details)).endsWith("vout", "fee", "blockhash", "hex");

        ObjectNode withPrevout = TxJson.toJson(tx, MAIN, null, false, new TxUndo(List.of(coin)),
                TxVerbosity.SHOW_DETAILS_AND_PREVOUT);
        ObjectNode vin = (ObjectNode) withPrevout.get("vin").get(0);
        assertThat(fieldNames(vin)).containsExactly("txid", "vout", "scriptSig", "prevout", "sequence");
        // Address from python-bitcoinlib, checksum from Core's descsum_create.
        assertThat(CoreJson.write(vin.get("prevout"))).isEqualTo("{\"generated\":false,\"height\":120,"
                + "\"value\":0.00100000,\"scriptPubKey\":{\"asm\":\"0 0102030405060708090a0b0c0d0e0f1011121314\","
                + "\"desc\":\"addr(bc1qqypqxpq9qcrsszg2pvxq6rs0zqg3yyc5fcj4z3)#y625tu27\","
                + "\"hex\":\"00140102030405060708090a0b0c0d0e0f1011121314\","
                + "\"address\":\"bc1qqypqxpq9qcrsszg2pvxq6rs0zqg3yyc5fcj4z3\","
                + "\"type\":\"witness_v0_keyhash\"}}");
        assertThat(withPrevout.has("hex")).isFalse();
    }

    @Test
    void versionIsPrintedUnsignedAsCoresUint32() {
        assertThat(TxJson.decoded(spend(1, -1), MAIN).get("version").asLong()).isEqualTo(4_294_967_295L);
    }

    @Test
    void inconsistentUndoDataIsRefused() {
        Transaction tx = spend(70_000, 2);
        Coin small = new Coin(new TxOut(1_000, new byte[] {0x51}), 1, false);
        assertThatThrownBy(() -> TxJson.toJson(tx, MAIN, null, false, new TxUndo(List.of(small)),
                TxVerbosity.SHOW_DETAILS)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fee");
        assertThatThrownBy(() -> TxJson.toJson(tx, MAIN, null, false, new TxUndo(List.of()),
                TxVerbosity.SHOW_DETAILS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 coins for 1 inputs");
        assertThatThrownBy(() -> TxJson.toJson(tx, MAIN, null, false, null, TxVerbosity.SHOW_TXID))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> fieldNames(ObjectNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
