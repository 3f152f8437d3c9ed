package org.minicoin.node.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

    @Test
    void prettyPrintsAsUniValueWriteTwo() {
        String reply = "{\"chain\":\"regtest\",\"blocks\":101,\"difficulty\":4.656542373906925e-10,"
                + "\"pruned\":false,\"softforks\":{\"csv\":{\"active\":true,\"height\":1}},"
                + "\"warnings\":[],\"extra\":{},\"list\":[1,[2,3]],\"none\":null}";
        assertThat(Json.writePretty(Json.parse(reply), 2)).isEqualTo("""
                {
                  "chain": "regtest",
                  "blocks": 101,
                  "difficulty": 4.656542373906925e-10,
                  "pruned": false,
                  "softforks": {
                    "csv": {
                      "active": true,
                      "height": 1
                    }
                  },
                  "warnings": [
                  ],
                  "extra": {
                  },
                  "list": [
                    1,
                    [
                      2,
                      3
                    ]
                  ],
                  "none": null
                }""");
    }

    @Test
    void anEmptyTopLevelArrayBreaksOverTwoLinesWithoutIndent() {
        assertThat(Json.writePretty(Json.parse("[]"), 2)).isEqualTo("[\n]");
        assertThat(Json.writePretty(Json.parse("{}"), 2)).isEqualTo("{\n}");
    }

    @Test
    void writesCompactlyWithoutSpaces() {
        assertThat(Json.write(Json.parse(" { \"a\" : [ 1 , 2.50 ] , \"b\" : { } } "))).isEqualTo("{\"a\":[1,2.50],\"b\":{}}");
    }

    @Test
    void numbersKeepTheirText() {
        for (String number : new String[] {"0.00001000", "1e-5", "-0", "1E+300", "123456789012345678901234567890"}) {
            assertThat(Json.write(Json.parse(number))).isEqualTo(number);
        }
        assertThat(Json.parse("0.00001000").asDouble()).isEqualTo(1e-5);
        assertThat(Json.parse("-32601").asInt()).isEqualTo(-32601);
    }

    @Test
    void escapesAsUniValueDoes() {
        String text = "q\" b\\ nl\n tab\t cr\r bell\u0007 del\u007f é ✓ /";
        assertThat(Json.write(Json.parse(Json.write(com.fasterxml.jackson.databind.node.TextNode.valueOf(text)))))
                .isEqualTo("\"q\\\" b\\\\ nl\\n tab\\t cr\\r bell\\u0007 del\\u007f é ✓ /\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "tip", "[1,", "{\"a\":1", "1 2", "[1] x", "01", "'a'", "NaN", "[1,]", "{a:1}"})
    void refusesWhatUniValueRefuses(String text) {
        assertThat(Json.isValid(text)).isFalse();
        assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "true", "false", "0", "\"s\"", "[]", "{}", " [ null ] \n"})
    void acceptsAnySingleValue(String text) {
        assertThat(Json.isValid(text)).isTrue();
    }

    @Test
    void valueStringIsUniValuesGetValStr() {
        assertThat(Json.valueString(Json.parse("\"text\""))).isEqualTo("text");
        assertThat(Json.valueString(Json.parse("0.00001000"))).isEqualTo("0.00001000");
        assertThat(Json.valueString(Json.parse("[\"a warning\"]"))).isEmpty();
        assertThat(Json.valueString(Json.parse("null"))).isEmpty();
    }
}
