package org.minicoin.genesis.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.minicoin.consensus.types.Amount;
import org.minicoin.genesis.block.GenesisBlock;

/** One field of the main spec broken at a time: the error names that field by its JSON path, and says why. */
class ChainSpecErrorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MAIN_JSON = ChainSpecs.toJson(ChainSpecs.builtIn("main"));

    static Stream<Arguments> brokenSpecs() {
        return Stream.of(
                row("format", remove("format"), "missing"),
                row("format", set("format", "2"), "unsupported version 2"),
                row("format", set("format", "\"1\""), "must be an integer, got \"1\""),
                row("colour", set("colour", "\"blue\""), "unknown field"),
                row("name", remove("name"), "missing"),
                row("name", set("name", "\"../etc\""), "must be 1-64 letters"),
                row("name", set("name", "5"), "got 5"),
                row("magic", set("magic", "\"f9beb4\""), "must be 4 bytes as 8 hex digits, got \"f9beb4\""),
                row("magic", set("magic", "\"f9beb4d9aa\""), "must be 4 bytes as 8 hex digits"),
                row("magic", set("magic", "4190024921"), "got 4190024921"),
                row("p2pPort", set("p2pPort", "0"), "must be an integer from 1 to 65535, got 0"),
                row("p2pPort", set("p2pPort", "65536"), "got 65536"),
                row("rpcPort", set("rpcPort", "\"8332\""), "got \"8332\""),
                row("rpcPort", set("rpcPort", "8333"), "must differ from p2pPort (8333)"),
                row("base58", remove("base58"), "missing"),
                row("base58", set("base58", "[]"), "must be an object, got []"),
                row("base58.secretKey", set("base58.secretKey", "256"), "from 0 to 255, got 256"),
                row("base58.scriptAddress", set("base58.scriptAddress", "0"), "must differ from pubkeyAddress"),
                row("base58.extPublicKey", set("base58.extPublicKey", "\"0488b21\""), "8 hex digits"),
                row("base58.extSecretKey", set("base58.extSecretKey", "\"0488b21e\""), "must differ"),
                row("base58.wif", set("base58.wif", "128"), "unknown field"),
                row("bech32Hrp", set("bech32Hrp", "\"\""), "must be 1 to 83 characters"),
                row("bech32Hrp", set("bech32Hrp", "\"" + "a".repeat(84) + "\""), "got 84"),
                row("bech32Hrp", set("bech32Hrp", "\"BC\""), "must be lower case"),
                row("bech32Hrp", set("bech32Hrp", "\"b c\""), "outside US-ASCII 33..126"),
                row("bech32Hrp", set("bech32Hrp", "\"b\u00e9\""), "outside US-ASCII 33..126"),
                row("pow.limit", set("pow.limit", "\"00\""), "must be 64 hex digits"),
                row("pow.limit", set("pow.limit", "\"" + "0".repeat(64) + "\""), "must not be zero"),
                row("pow.targetSpacing", set("pow.targetSpacing", "-5"), "must be a positive integer, got -5"),
                row("pow.targetSpacing", set("pow.targetSpacing", "600.5"), "must be a positive integer, got 600.5"),
                row("pow.targetSpacing", remove("pow.targetSpacing"), "missing"),
                row("pow.targetTimespan", set("pow.targetTimespan", "300"),
                        "must be at least pow.targetSpacing (600), got 300"),
                row("pow.retargetRule", set("pow.retargetRule", "\"fast\""), "must be one of"),
                row("pow.retargetRule", set("pow.retargetRule", "\"BITCOIN\""), "must be one of"),
                row("pow.targetSpaceing", set("pow.targetSpaceing", "600"), "unknown field"),
                row("subsidy.initial", set("subsidy.initial", "-1"), "whole number of satoshis"),
                row("subsidy.initial", set("subsidy.initial", "2100000000000001"), "got 2100000000000001"),
                row("subsidy.halvingInterval", set("subsidy.halvingInterval", "0"), "must be a positive integer"),
                row("softForks.bip34Height", set("softForks.bip34Height", "-1"),
                        "must be a non-negative block height or \"never\", got -1"),
                row("softForks.segwitHeight", set("softForks.segwitHeight", "\"soon\""), "got \"soon\""),
                row("softForks.taprootHeight", set("softForks.taprootHeight", "2147483647"), "got 2147483647"),
                row("softForks.bip16Exception", set("softForks.bip16Exception", "\"abc\""), "or \"none\""),
                row("softForks.csvHeight", remove("softForks.csvHeight"), "missing"),
                row("genesis", remove("genesis"), "missing"),
                row("genesis.version", set("genesis.version", "2147483648"), "32-bit signed integer"),
                row("genesis.time", set("genesis.time", "4294967296"), "from 0 to 4294967295, got 4294967296"),
                row("genesis.nonce", set("genesis.nonce", "-1"), "from 0 to 4294967295, got -1"),
                row("genesis.bits", set("genesis.bits", "\"1d00fff\""), "compact target as 8 hex digits"),
                row("genesis.bits", set("genesis.bits", "\"01800001\""), "does not decode to a positive target"),
                row("genesis.bits", set("genesis.bits", "\"21000001\""), "easier than pow.limit"),
                row("genesis.coinbase", remove("genesis.coinbase"), "missing"),
                row("genesis.coinbase.message", set("genesis.coinbase.message", "\"" + "m".repeat(92) + "\""),
                        "is 92 bytes of UTF-8; at most 91"),
                row("genesis.coinbase.message", set("genesis.coinbase.message", "null"), "must be a string"),
                row("genesis.coinbase.outputScript", set("genesis.coinbase.outputScript", "\"abc\""), "must be hex"),
                row("genesis.coinbase.reward", set("genesis.coinbase.reward", "5e9"), "whole number of satoshis"),
                row("genesis.hash", set("genesis.hash", "\"0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a"
                                + "11466e2206\""),
                        "spec says 0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206 but the header "
                                + "hashes to 000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f"),
                row("genesis.hash", set("genesis.coinbase.message", "\"The Times 04/Jan/2009\""),
                        "spec says 000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f but the header"),
                row("genesis.hash", set("genesis.time", "1231006506"), "but the header hashes to"),
                row("genesis.nonce", unsolvedButConsistent(), "is above the target of its bits 1d00ffff"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("brokenSpecs")
    void errorNamesTheFieldAndWhy(String field, Consumer<ObjectNode> breakIt, String reason) throws IOException {
        ObjectNode spec = (ObjectNode) JSON.readTree(MAIN_JSON);
        breakIt.accept(spec);

        ChainSpecException e = catchThrowableOfType(ChainSpecException.class,
                () -> ChainSpecs.parse(JSON.writeValueAsString(spec), "broken.json"));

        assertThat(e).as("no error for a broken %s", field).isNotNull();
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.reason()).contains(reason);
        assertThat(e.getMessage()).startsWith("broken.json: " + field + ": ");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not JSON          | {\"format\": 1,,}          | not valid JSON at line 1",
            "trailing garbage  | {\"format\": 1} {}         | not valid JSON",
            "top-level array   | [1, 2]                     | must be a JSON object, got [1,2]",
            "empty             | ''                         | empty; expected a JSON object",
    })
    void malformedDocuments(String what, String text, String reason) {
        assertThatThrownBy(() -> ChainSpecs.parse(text, "bad.json"))
                .isInstanceOf(ChainSpecException.class)
                .hasMessageStartingWith("bad.json: ")
                .hasMessageContaining(reason);
    }

    @Test
    void duplicatedKeyIsRejectedByPath() {
        String text = MAIN_JSON.replace("\"targetSpacing\": 600,", "\"targetSpacing\": 600, \"targetSpacing\": 1,");

        ChainSpecException e = catchThrowableOfType(ChainSpecException.class, () -> ChainSpecs.parse(text, "dup"));

        assertThat(e.field()).isEqualTo("pow.targetSpacing");
        assertThat(e.reason()).contains("Duplicate field 'targetSpacing'");
    }

    @Test
    void neverIsAcceptedForEveryHeight() throws IOException {
        ObjectNode spec = (ObjectNode) JSON.readTree(MAIN_JSON);
        ((ObjectNode) spec.get("softForks")).put("taprootHeight", "never");

        ChainSpec parsed = ChainSpecs.parse(JSON.writeValueAsString(spec), "never");

        assertThat(parsed.softForks().taprootHeight()).isEqualTo(Integer.MAX_VALUE);
        assertThat(ChainSpecs.toJson(parsed)).contains("\"taprootHeight\": \"never\"");
    }

    private static Arguments row(String field, Consumer<ObjectNode> breakIt, String reason) {
        return Arguments.of(field, breakIt, reason);
    }

    /** Sets the field at a dotted path to a JSON literal. */
    private static Consumer<ObjectNode> set(String path, String jsonLiteral) {
        return root -> parentOf(root, path).set(leaf(path), parse(jsonLiteral));
    }

    private static Consumer<ObjectNode> remove(String path) {
        return root -> parentOf(root, path).remove(leaf(path));
    }

    /** Nonce 0 with the hash it really gives: consistent, but not a solution of bits 1d00ffff. */
    private static Consumer<ObjectNode> unsolvedButConsistent() {
        String hash = GenesisBlock.build(1, 1231006505, 0x1d00ffffL, 0,
                "The Times 03/Jan/2009 Chancellor on brink of second bailout for banks",
                ChainSpecs.builtIn("main").genesis().outputScript(), Amount.ofCoins(50)).hash().toString();
        return set("genesis.nonce", "0").andThen(set("genesis.hash", "\"" + hash + "\""));
    }

    private static ObjectNode parentOf(ObjectNode root, String path) {
        ObjectNode node = root;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            node = (ObjectNode) node.get(parts[i]);
        }
        return node;
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static JsonNode parse(String literal) {
        try {
            return JSON.readTree(literal);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
