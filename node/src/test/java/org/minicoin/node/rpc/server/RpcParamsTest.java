package org.minicoin.node.rpc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RpcParamsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Shaped like Core's getblock: a required string, then an optional number with a default. */
    private static final RpcMethod GETBLOCK = new RpcMethod("getblock", "blockchain", "Returns a block.",
            List.of(RpcParam.required("blockhash", RpcParam.Type.STR_HEX, "The block hash"),
                    RpcParam.withDefault("verbosity|verbose", RpcParam.Type.NUM, IntNode.valueOf(1),
                            "0 for hex, 1 for JSON")),
            p -> p.get("blockhash"));

    /** Three optional parameters, to see holes filled with nulls. */
    private static final RpcMethod THREE = new RpcMethod("three", "test", "Three optional parameters.",
            List.of(RpcParam.optional("a", RpcParam.Type.NUM, ""), RpcParam.optional("b", RpcParam.Type.STR, ""),
                    RpcParam.optional("c", RpcParam.Type.BOOL, "")),
            p -> p.at(0));

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static String positional(RpcMethod m, String params) throws Exception {
        RpcParams p = RpcParams.of(m, json(params));
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < p.size(); i++) {
            s.append(i == 0 ? "" : ",").append(p.at(i));
        }
        return s.append(']').toString();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // Named parameters become positional; a hole before a given one is a null, after the last one nothing.
        "{\"c\":true}                 | [null,null,true]",
        "{\"a\":1}                    | [1]",
        "{\"b\":\"x\",\"a\":2}        | [2,\"x\"]",
        "{}                           | []",
        // "args" gives leading positional values; named ones fill the positions after them.
        "{\"args\":[5],\"c\":false}   | [5,null,false]",
        "{\"args\":[5,\"y\"]}         | [5,\"y\"]",
        // A non-array "args" is dropped, as Core extracts it either way.
        "{\"args\":7}                 | []",
    })
    void namedParametersBecomePositionalAsCore(String named, String expected) throws Exception {
        assertThat(positional(THREE, named)).isEqualTo(expected);
    }

    @Test
    void anAliasNamesTheSamePosition() throws Exception {
        RpcParams p = RpcParams.of(GETBLOCK, json("{\"blockhash\":\"00ff\",\"verbose\":0}"));
        assertThat(p.getInt("verbosity")).isZero();
        assertThat(p.getInt("verbose")).isZero();
    }

    @Test
    void unknownNamedParameterIsMinus8() {
        assertThatThrownBy(() -> RpcParams.of(GETBLOCK, json("{\"blockhash\":\"00\",\"frob\":1}")))
                .isInstanceOfSatisfying(RpcException.class, e -> {
                    assertThat(e.code()).isEqualTo(-8);
                    assertThat(e.getMessage()).isEqualTo("Unknown named parameter frob");
                });
    }

    @Test
    void argsOverlappingANamedParameterIsMinus8() {
        assertThatThrownBy(() -> RpcParams.of(THREE, json("{\"args\":[1,\"x\"],\"b\":\"y\"}")))
                .isInstanceOfSatisfying(RpcException.class, e -> {
                    assertThat(e.code()).isEqualTo(-8);
                    assertThat(e.getMessage())
                            .isEqualTo("Parameter b specified twice both as positional and named argument");
                });
    }

    @Test
    void missingRequiredOrTooManyIsMinus1WithTheHelpText() {
        for (String params : List.of("[]", "{}", "[\"00\",1,2]")) {
            assertThatThrownBy(() -> RpcParams.of(GETBLOCK, json(params)))
                    .as(params)
                    .isInstanceOfSatisfying(RpcException.class, e -> {
                        assertThat(e.code()).isEqualTo(-1);
                        assertThat(e.getMessage()).isEqualTo(GETBLOCK.helpText())
                                .startsWith("getblock \"blockhash\" ( verbosity )\n");
                    });
        }
    }

    @Test
    void wrongTypesAreListedTogetherAsCoreDoes() {
        assertThatThrownBy(() -> RpcParams.of(GETBLOCK, json("[5,\"1\"]")))
                .isInstanceOfSatisfying(RpcException.class, e -> {
                    assertThat(e.code()).isEqualTo(-3);
                    assertThat(e.getMessage()).isEqualTo("Wrong type passed:\n{\n"
                            + "    \"Position 1 (blockhash)\": \"JSON value of type number is not of expected type "
                            + "string\",\n"
                            + "    \"Position 2 (verbosity|verbose)\": \"JSON value of type string is not of "
                            + "expected type number\"\n}");
                });
    }

    @Test
    void anExplicitNullIsTheDefaultForAnOptionalParameter() throws Exception {
        RpcParams p = RpcParams.of(GETBLOCK, json("[\"00\",null]"));
        assertThat(p.getInt("verbosity")).isEqualTo(1);
    }

    @Test
    void gettersRaiseCoresTypeErrors() throws Exception {
        RpcMethod any = new RpcMethod("any", "test", "Untyped parameters.",
                List.of(RpcParam.required("x", RpcParam.Type.AMOUNT, ""),
                        RpcParam.optional("y", RpcParam.Type.AMOUNT, "")),
                p -> p.at(0));
        assertThatThrownBy(() -> RpcParams.of(any, json("[\"7\"]")).getLong("x"))
                .isInstanceOfSatisfying(RpcException.class, e -> {
                    assertThat(e.code()).isEqualTo(-3);
                    assertThat(e.getMessage()).isEqualTo("JSON value of type string is not of expected type number");
                });
        assertThatThrownBy(() -> RpcParams.of(any, json("[1]")).getBool("x"))
                .hasMessage("JSON value of type number is not of expected type bool");
        for (String notAnInt : List.of("[1.5]", "[1.0]", "[1e3]", "[3000000000]")) {
            assertThatThrownBy(() -> RpcParams.of(any, json(notAnInt)).getInt("x"))
                    .as(notAnInt)
                    .isInstanceOfSatisfying(RpcException.class, e -> {
                        assertThat(e.code()).isEqualTo(-1);
                        assertThat(e.getMessage()).isEqualTo("JSON integer out of range");
                    });
        }
        assertThat(RpcParams.of(any, json("[3000000000]")).getLong("x")).isEqualTo(3_000_000_000L);
        assertThat(RpcParams.of(any, json("[1]")).findString("y")).isEmpty();
        assertThatThrownBy(() -> RpcParams.of(any, json("[1]")).get("y")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void helpTextIsLaidOutAsCoreLaysItOut() {
        assertThat(GETBLOCK.helpText()).isEqualTo("getblock \"blockhash\" ( verbosity )\n\n"
                + "Returns a block.\n\n"
                + "Arguments:\n"
                + "1. blockhash    (string, required) The block hash\n"
                + "2. verbosity    (numeric, optional, default=1) 0 for hex, 1 for JSON\n");
    }
}
