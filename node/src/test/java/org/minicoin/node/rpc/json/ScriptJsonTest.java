package org.minicoin.node.rpc.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minicoin.node.rpc.json.CoreJsonText.assertSameText;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.minicoin.consensus.encoding.Hex;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.genesis.spec.ChainSpecs;

/**
 * {@code decodescript} and {@code scriptPubKey} objects. The data-driven rows are Core's
 * {@code test/functional/data/rpc_decodescript.json} (regtest, MIT), the other cases
 * {@code rpc_decodescript.py}'s assertions; addresses not in those files were computed with python-bitcoinlib and
 * descriptor checksums with Core's {@code descsum_create}.
 */
class ScriptJsonTest {
    private static final ChainParams REGTEST = ChainSpecs.params("regtest");
    private static final String KEY = "03b0da749730dc9b4b1f4a14d6902877a92541f5368778853d9c4a0cb7802dcfb2";
    private static final String KEY_HASH = "5dd1d3a048119c27b28293056724d9522f26d945";
    private static final String UNCOMPRESSED = "04b0da749730dc9b4b1f4a14d6902877a92541f5368778853d9c4a0cb7802dcfb25"
            + "e01fc8fde47c96c98a4f3a8123e33a38a50cf9025cc8c4494a518f991792bb7";

    static Stream<Arguments> coreRows() {
        List<Arguments> rows = new ArrayList<>();
        for (JsonNode row : CoreJsonText.resource("rpc_decodescript.json")) {
            rows.add(Arguments.of(row.get(0).asText(), row.get(1)));
        }
        return rows.stream();
    }

    @ParameterizedTest
    @MethodSource("coreRows")
    void decodeScriptMatchesCoresDataFile(String hex, JsonNode expected) {
        ObjectNode actual = ScriptJson.decodeScript(Hex.decode(hex), REGTEST);
        // Core's file lists fields in its own order; compare as sets of fields, then the order separately.
        assertThat(actual).isEqualTo(expected);
        assertThat(fieldNames(actual)).isEqualTo(coreOrder(fieldNames(actual)));
    }

    @Test
    void coresDataFileIsAllThere() {
        assertThat(coreRows()).hasSize(10);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** decodescript's order (ScriptToUniv, then p2sh, then segwit). */
    private static List<String> coreOrder(List<String> present) {
        List<String> order = new ArrayList<>(List.of("asm", "desc", "address", "type", "p2sh", "segwit"));
        order.retainAll(present);
        return order;
    }

    private static ObjectNode decode(String hex) {
        return ScriptJson.decodeScript(Hex.decode(hex), REGTEST);
    }

    @Test
    void payToPubkeyWrapsAsP2wpkhAndHasNoAddress() {
        ObjectNode r = decode("21" + KEY + "ac");
        assertThat(r.get("asm").asText()).isEqualTo(KEY + " OP_CHECKSIG");
        assertThat(r.get("type").asText()).isEqualTo("pubkey");
        assertThat(r.has("address")).isFalse();
        assertThat(r.get("segwit").get("asm").asText()).isEqualTo("0 " + KEY_HASH);
        assertThat(r.get("segwit").get("type").asText()).isEqualTo("witness_v0_keyhash");
    }

    @Test
    void payToPubkeyHashWrapsAsP2wpkh() {
        ObjectNode r = decode("76a914" + KEY_HASH + "88ac");
        assertThat(r.get("type").asText()).isEqualTo("pubkeyhash");
        assertThat(r.get("asm").asText()).isEqualTo("OP_DUP OP_HASH160 " + KEY_HASH + " OP_EQUALVERIFY OP_CHECKSIG");
        assertThat(r.get("segwit").get("type").asText()).isEqualTo("witness_v0_keyhash");
        assertThat(r.get("segwit").get("asm").asText()).isEqualTo("0 " + KEY_HASH);
    }

    @Test
    void bareMultisigWrapsAsP2wshWithItsWitnessScriptInTheDescriptor() {
        String multisig = "52" + "21" + KEY + "21" + KEY + "21" + KEY + "53ae";
        JsonNode expected = CoreJsonText.parse("""
                {"asm": "2 KEY KEY KEY 3 OP_CHECKMULTISIG",
                 "desc": "multi(2,KEY,KEY,KEY)#0urjxu43",
                 "type": "multisig",
                 "p2sh": "2MwtFW8ZnW2hgeEnW8pos6dNgqSHroF8v7R",
                 "segwit": {
                   "asm": "0 0f320decca000221b611117448134c78dd220cd22384ac80025b59e43c8698e8",
                   "desc": "wsh(multi(2,KEY,KEY,KEY))#lkvk0320",
                   "hex": "00200f320decca000221b611117448134c78dd220cd22384ac80025b59e43c8698e8",
                   "address": "bcrt1qpueqmmx2qqpzrds3z96ysy6v0rwjyrxjywz2eqqztdv7g0yxnr5q7ckd78",
                   "type": "witness_v0_scripthash",
                   "p2sh-segwit": "2MyAJNJ4QTTwnM9TBPmKyD2XzwQGNhqBDCc"}}
                """.replace("KEY", KEY));
        assertSameText(decode(multisig), expected);
    }

    @Test
    void uncompressedKeysGetP2shButNoSegwit() {
        ObjectNode p2pk = decode("41" + UNCOMPRESSED + "ac");
        assertThat(p2pk.get("type").asText()).isEqualTo("pubkey");
        assertThat(p2pk.has("p2sh")).isTrue();
        assertThat(p2pk.has("segwit")).isFalse();
        ObjectNode multisig = decode("52" + "21" + KEY + "41" + UNCOMPRESSED + "52ae");
        assertThat(multisig.get("asm").asText()).isEqualTo("2 " + KEY + " " + UNCOMPRESSED + " 2 OP_CHECKMULTISIG");
        assertThat(multisig.has("segwit")).isFalse();
    }

    @Test
    void witnessProgramsAndP2shAreNotWrappedInSegwit() {
        assertThat(decode("a914" + KEY_HASH + "87").has("segwit")).isFalse();
        assertThat(decode("a914" + KEY_HASH + "87").has("p2sh")).isFalse();
        assertThat(decode("0014" + KEY_HASH).has("segwit")).isFalse();
        assertThat(decode("0014" + KEY_HASH).has("p2sh")).isTrue();
        assertThat(decode("5120" + "01".repeat(32)).has("segwit")).isFalse();
    }

    @Test
    void nullDataIsNeverSighashDecodedOrWrapped() {
        String imposter = "48304502207fa7a6d1e0ee81132a269ad84e68d695483745cde8b541e3bf630749894e342a022100c1f7ab"
                + "20e13e22fb95281a870f3dcf38d782e53023ee313d741ad0cfbc0c509001";
        ObjectNode r = decode("6a" + imposter);
        assertThat(r.get("type").asText()).isEqualTo("nulldata");
        assertThat(r.get("asm").asText()).isEqualTo("OP_RETURN " + imposter.substring(2));
        assertThat(r.has("p2sh")).isFalse();
    }

    @Test
    void anchorHasItsAddress() {
        ObjectNode r = decode("51024e73");
        assertThat(r.get("type").asText()).isEqualTo("anchor");
        assertThat(r.get("asm").asText()).isEqualTo("1 29518");
        assertThat(r.get("address").asText()).isEqualTo("bcrt1pfeesnyr2tx");
    }

    @Test
    void outputScriptObjectHasHexBetweenDescAndAddress() {
        ObjectNode o = ScriptJson.scriptPubKey(Hex.decode("0014" + KEY_HASH), ChainSpecs.params("main"));
        assertThat(fieldNames(o)).containsExactly("asm", "desc", "hex", "address", "type");
        assertThat(o.get("hex").asText()).isEqualTo("0014" + KEY_HASH);
        assertThat(o.get("type").asText()).isEqualTo("witness_v0_keyhash");
        assertThat(o.get("address").asText()).startsWith("bc1q");
    }
}
