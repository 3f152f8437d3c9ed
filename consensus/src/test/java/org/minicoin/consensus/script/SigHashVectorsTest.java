package org.minicoin.consensus.script;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.minicoin.consensus.encoding.Hex;
import org.minicoin.consensus.testing.TestData;
import org.minicoin.consensus.types.Transaction;

/** Bitcoin Core's sighash.json: 500 legacy signature hashes over random transactions, scripts and hash types. */
class SigHashVectorsTest {

    static Stream<JsonNode> vectors() {
        return TestData.vectorRows("bitcoin-core/sighash.json").stream();
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void legacySignatureHashMatchesCore(JsonNode row) {
        Transaction tx = Transaction.fromHex(row.get(0).asText());
        byte[] scriptCode = Hex.decode(row.get(1).asText());
        int input = row.get(2).asInt();
        int hashType = row.get(3).asInt();
        String expected = row.get(4).asText();
        assertThat(SigHash.hash(scriptCode, tx, input, hashType, 0, SigVersion.BASE, null))
                .hasToString(expected);
    }

    @Test
    void allFiveHundredVectorsAreRead() {
        List<JsonNode> rows = vectors().toList();
        assertThat(rows).hasSize(500);
    }
}
