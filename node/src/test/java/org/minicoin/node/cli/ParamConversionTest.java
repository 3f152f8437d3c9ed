package org.minicoin.node.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ParamConversionTest {

    /** Positional conversions: method, arguments, the params Core sends (rpc_tests.cpp and the RPC docs' examples). */
    static Stream<Arguments> positional() {
        return Stream.of(
                // rpc_tests.cpp rpc_convert_values_generatetoaddress
                Arguments.of("generatetoaddress", List.of("101", "mkESjLZW66TmHhiFX8MCaBjrhZ543PPh9a"),
                        "[101,\"mkESjLZW66TmHhiFX8MCaBjrhZ543PPh9a\"]"),
                Arguments.of("generatetoaddress", List.of("1", "mhMbmE2tE9xzJYCV9aNC8jKWN31vtGrguU", "9"),
                        "[1,\"mhMbmE2tE9xzJYCV9aNC8jKWN31vtGrguU\",9]"),
                Arguments.of("getblockhash", List.of("0"), "[0]"),
                // A hash is not JSON, and getblock's first parameter is not in the table: sent as a string.
                Arguments.of("getblock", List.of("000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f",
                        "2"), "[\"000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f\",2]"),
                Arguments.of("getrawmempool", List.of("true"), "[true]"),
                Arguments.of("createrawtransaction", List.of("[{\"txid\":\"a3b8\",\"vout\":0}]",
                        "{\"data\":\"00\"}"), "[[{\"txid\":\"a3b8\",\"vout\":0}],{\"data\":\"00\"}]"),
                Arguments.of("sendrawtransaction", List.of("0200", "0.10"), "[\"0200\",0.10]"),
                // Numbers keep the text they were typed with, as UniValue keeps it.
                Arguments.of("estimatesmartfee", List.of("6"), "[6]"),
                Arguments.of("testmempoolaccept", List.of("[\"0200\"]", "1e-3"), "[[\"0200\"],1e-3]"),
                // JSON_OR_STRING: a height parses, a hash falls back to a string.
                Arguments.of("getblockstats", List.of("1000"), "[1000]"),
                Arguments.of("getblockstats", List.of("00000000c937983704a73af28acdec37b049d214adbda81d7e2a3dd146f6ed09",
                        "[\"minfee\",\"maxfee\"]"),
                        "[\"00000000c937983704a73af28acdec37b049d214adbda81d7e2a3dd146f6ed09\",[\"minfee\",\"maxfee\"]]"),
                Arguments.of("gettxoutsetinfo", List.of("muhash", "none"), "[\"muhash\",\"none\"]"),
                // Methods missing from the table take strings only, whatever they look like.
                Arguments.of("echo", List.of("1", "true", "[]"), "[\"1\",\"true\",\"[]\"]"),
                Arguments.of("getblockcount", List.of(), "[]"),
                Arguments.of("scantxoutset", List.of("start", "[\"addr(mkESjLZW66TmHhiFX8MCaBjrhZ543PPh9a)\"]"),
                        "[\"start\",[\"addr(mkESjLZW66TmHhiFX8MCaBjrhZ543PPh9a)\"]]"),
                Arguments.of("setban", List.of("192.168.0.6", "add", "86400", "false"),
                        "[\"192.168.0.6\",\"add\",86400,false]"));
    }

    @ParameterizedTest
    @MethodSource
    void positional(String method, List<String> args, String params) {
        assertThat(Json.write(ParamConversion.positional(method, args))).isEqualTo(params);
    }

    /** -named conversions: interface_bitcoin_cli.py's examples and the heuristics RPCConvertNamedValues documents. */
    static Stream<Arguments> named() {
        return Stream.of(
                Arguments.of("echojson", List.of("[\"key=value\"]"), "{\"args\":[[\"key=value\"]]}"),
                Arguments.of("echojson", List.of("[\"key=value\", \"another=test\"]"),
                        "{\"args\":[[\"key=value\",\"another=test\"]]}"),
                Arguments.of("echojson", List.of("[\"data=test\"]", "42"), "{\"args\":[[\"data=test\"],42]}"),
                Arguments.of("echojson", List.of("arg0=[\"data=test\"]", "arg1=42"),
                        "{\"arg0\":[\"data=test\"],\"arg1\":42}"),
                // A later value replaces an earlier one in place.
                Arguments.of("echo", List.of("arg0=0", "arg1=1", "arg2=2", "arg1=3"),
                        "{\"arg0\":\"0\",\"arg1\":\"3\",\"arg2\":\"2\"}"),
                // An unknown name before a STRING parameter: the whole text is that positional string.
                Arguments.of("createwallet", List.of("my=wallet"), "{\"args\":[\"my=wallet\"]}"),
                Arguments.of("createwallet", List.of("wallet_name=my=wallet", "blank=true"),
                        "{\"wallet_name\":\"my=wallet\",\"blank\":true}"),
                Arguments.of("getblock", List.of("blockhash=00ff", "verbosity=2"),
                        "{\"blockhash\":\"00ff\",\"verbosity\":2}"),
                Arguments.of("getblockhash", List.of("height=0"), "{\"height\":0}"),
                Arguments.of("sendrawtransaction", List.of("0200", "maxfeerate=0"),
                        "{\"maxfeerate\":0,\"args\":[\"0200\"]}"));
    }

    @ParameterizedTest
    @MethodSource
    void named(String method, List<String> args, String params) {
        assertThat(Json.write(ParamConversion.named(method, args))).isEqualTo(params);
    }

    @Test
    void aJsonParameterThatIsNotJsonIsRefusedWithCoresMessage() {
        assertThatThrownBy(() -> ParamConversion.positional("getblockhash", List.of("tip")))
                .isInstanceOf(CliException.class).hasMessage("Error parsing JSON: tip");
        assertThatThrownBy(() -> ParamConversion.named("createrawtransaction", List.of("inputs=[{")))
                .hasMessage("Error parsing JSON: [{");
        assertThatThrownBy(() -> ParamConversion.positional("getblockhash", List.of("1 2")))
                .hasMessage("Error parsing JSON: 1 2");
    }

    @Test
    void anExplicitArgsMemberBesidePositionalValuesIsRefusedAsCoresServerRefusesIt() {
        assertThatThrownBy(() -> ParamConversion.named("echo", List.of("args=[0,1,2,3]", "4", "5", "6")))
                .hasMessage("Parameter args specified multiple times");
    }

    @Test
    void theTableHasEveryJsonParameterOfTheMethodsIssueFiveLists() {
        Set<String> rows = ParamConversion.TABLE.stream()
                .filter(p -> p.format() != ParamConversion.Format.STRING)
                .map(p -> p.method() + " " + p.index() + " " + p.name()).collect(Collectors.toSet());
        assertThat(rows).contains("getblock 1 verbosity", "getblockhash 0 height", "getblockheader 1 verbose",
                "getblockstats 0 hash_or_height", "getblockstats 1 stats", "getchaintxstats 0 nblocks",
                "getmempoolancestors 1 verbose", "getmempooldescendants 1 verbose", "getrawmempool 0 verbose",
                "gettxout 1 n", "gettxout 2 include_mempool", "gettxoutsetinfo 1 hash_or_height",
                "scantxoutset 1 scanobjects", "verifychain 0 checklevel", "verifychain 1 nblocks",
                "getblocktemplate 0 template_request", "getnetworkhashps 0 nblocks", "generatetoaddress 0 nblocks",
                "generatetodescriptor 0 num_blocks", "generateblock 1 transactions", "setban 2 bantime",
                "setnetworkactive 0 state", "getnodeaddresses 0 count", "addnode 2 v2transport",
                "disconnectnode 1 nodeid", "createrawtransaction 0 inputs", "decoderawtransaction 1 iswitness",
                "getrawtransaction 1 verbosity", "sendrawtransaction 1 maxfeerate", "testmempoolaccept 0 rawtxs",
                "signrawtransactionwithkey 1 privkeys", "signrawtransactionwithkey 2 prevtxs",
                "estimatesmartfee 0 conf_target", "deriveaddresses 1 range", "stop 0 wait");
        assertThat(ParamConversion.TABLE).hasSize(332); // every row of Core's vRPCConvertParams at v31
    }
}
