package org.minicoin.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.minicoin.consensus.types.Amount;
import org.minicoin.genesis.spec.ChainSpecs;

class OptionsCommandLineTest {
    @TempDir
    Path dir;

    @Test
    void nameEqualsValueSetsTheValue() {
        Options o = Options.parse("-dbcache=100", "-rpcuser=alice");
        assertThat(o.getInt("dbcache")).isEqualTo(100);
        assertThat(o.getString("rpcuser")).contains("alice");
        assertThat(o.isSet("dbcache")).isTrue();
    }

    @Test
    void bareNameIsTrueForBooleansAndEmptyForStrings() {
        Options o = Options.parse("-txindex", "-mineraddress");
        assertThat(o.getBool("txindex")).isTrue();
        assertThat(o.getString("mineraddress")).contains("");
    }

    @Test
    void noNameIsFalseAndNoNameZeroIsTrueAsCore() {
        assertThat(Options.parse("-nolisten").getBool("listen")).isFalse();
        assertThat(Options.parse("-nolisten").isNegated("listen")).isTrue();
        assertThat(Options.parse("-notxindex=0").getBool("txindex")).isTrue();
        assertThat(Options.parse("-notxindex=1").getBool("txindex")).isFalse();
    }

    @Test
    void doubleDashIsAcceptedLikeSingleDash() {
        Options o = Options.parse("--dbcache=77", "--notxindex", "--rest");
        assertThat(o.getInt("-dbcache")).isEqualTo(77);
        assertThat(o.getBool("txindex")).isFalse();
        assertThat(o.getBool("rest")).isTrue();
    }

    @Test
    void booleanValuesAreIntegersAndNonZeroIsTrue() {
        assertThat(Options.parse("-txindex=0").getBool("txindex")).isFalse();
        assertThat(Options.parse("-txindex=2").getBool("txindex")).isTrue();
        assertThat(Options.parse("-txindex=-1").getBool("txindex")).isTrue();
        assertThat(Options.parse("-txindex=000").getBool("txindex")).isFalse();
    }

    @Test
    void laterValueOnTheCommandLineWins() {
        Options o = Options.parse("-dbcache=10", "-dbcache=20", "-listen", "-nolisten");
        assertThat(o.getInt("dbcache")).isEqualTo(20);
        assertThat(o.getBool("listen")).isFalse();
        assertThat(Options.parse("-nolisten", "-listen").getBool("listen")).isTrue();
    }

    @Test
    void defaultsComeFromTheTable() {
        Options o = Options.parse();
        assertThat(o.getInt("dbcache")).isEqualTo(450);
        assertThat(o.getInt("maxmempool")).isEqualTo(300);
        assertThat(o.getInt("maxconnections")).isEqualTo(125);
        assertThat(o.getInt("rpcthreads")).isEqualTo(16);
        assertThat(o.getInt("rpcworkqueue")).isEqualTo(64);
        assertThat(o.getInt("genproclimit")).isEqualTo(1);
        assertThat(o.getLong("stopatheight")).isZero();
        assertThat(o.getBool("listen")).isTrue();
        assertThat(o.getBool("server")).isTrue();
        assertThat(o.getBool("txindex")).isFalse();
        assertThat(o.getBool("gen")).isFalse();
        assertThat(o.getString("pid")).contains("minicoind.pid");
        assertThat(o.getString("rpcuser")).isEmpty();
        assertThat(o.getAll("connect")).isEmpty();
        assertThat(o.isSet("dbcache")).isFalse();
        // Core v29's DEFAULT_MIN_RELAY_TX_FEE: 1000 sat/kvB.
        assertThat(o.getAmount("minrelaytxfee")).isEqualTo(Amount.ofSat(1000));
    }

    @Test
    void portsDefaultToTheChosenNetworks() {
        for (String chain : ChainSpecs.BUILT_IN) {
            Options o = Options.parse("-chain=" + chain);
            assertThat(o.getInt("port")).isEqualTo(ChainSpecs.builtIn(chain).p2pPort());
            assertThat(o.getInt("rpcport")).isEqualTo(ChainSpecs.builtIn(chain).rpcPort());
        }
        assertThat(Options.parse("-regtest", "-port=1").getInt("port")).isEqualTo(1);
    }

    @Test
    void minRelayFeeIsParsedExactly() {
        assertThat(Options.parse("-minrelaytxfee=0.00012345").getAmount("minrelaytxfee"))
                .isEqualTo(Amount.ofSat(12_345));
        assertThat(Options.parse("-minrelaytxfee=0").getAmount("minrelaytxfee")).isEqualTo(Amount.ZERO);
    }

    @Test
    void repeatableOptionsKeepEveryValueInOrder() {
        Options o = Options.parse("-addnode=a", "-connect=x", "-addnode=b", "-addnode=c", "-debug=net",
                "-debug=rpc", "-loadblock=/1", "-loadblock=/2", "-seednode=s", "-bind=0.0.0.0", "-rpcbind=::1",
                "-rpcallowip=10.0.0.0/8", "-rpcauth=u:s$h", "-rpcauth=v:t$i");
        assertThat(o.getAll("addnode")).containsExactly("a", "b", "c");
        assertThat(o.getAll("connect")).containsExactly("x");
        assertThat(o.getAll("debug")).containsExactly("net", "rpc");
        assertThat(o.getAll("loadblock")).containsExactly("/1", "/2");
        assertThat(o.getAll("seednode")).containsExactly("s");
        assertThat(o.getAll("bind")).containsExactly("0.0.0.0");
        assertThat(o.getAll("rpcbind")).containsExactly("::1");
        assertThat(o.getAll("rpcallowip")).containsExactly("10.0.0.0/8");
        assertThat(o.getAll("rpcauth")).containsExactly("u:s$h", "v:t$i");
    }

    @Test
    void negatingARepeatableDropsTheValuesBeforeIt() {
        assertThat(Options.parse("-connect=a", "-noconnect").getAll("connect")).isEmpty();
        assertThat(Options.parse("-connect=a", "-noconnect").isNegated("connect")).isTrue();
        assertThat(Options.parse("-connect=a", "-noconnect", "-connect=b").getAll("connect")).containsExactly("b");
        assertThat(Options.parse("-debug").getAll("debug")).containsExactly("");
    }

    @Test
    void valueMayContainEqualsSigns() {
        assertThat(Options.parse("-rpcauth=u:salt$abc=").getAll("rpcauth")).containsExactly("u:salt$abc=");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-foo|Error parsing command line arguments: Invalid parameter -foo",
        "-foo=1|Error parsing command line arguments: Invalid parameter -foo=1",
        "--nofoo|Error parsing command line arguments: Invalid parameter --nofoo",
        "-regtest.port=1|Error parsing command line arguments: Invalid parameter -regtest.port=1",
        "-|Error parsing command line arguments: Invalid parameter -",
        "-dbcache=abc|Error parsing command line arguments: Invalid value for -dbcache: 'abc' (expected an integer)",
        "-dbcache=1e3|Error parsing command line arguments: Invalid value for -dbcache: '1e3' (expected an integer)",
        "-dbcache=99999999999999999999|Error parsing command line arguments: Invalid value for -dbcache: "
            + "'99999999999999999999' (expected an integer)",
        "-dbcache=3|Error parsing command line arguments: Invalid value for -dbcache: '3' (expected an integer of "
            + "at least 4)",
        "-maxmempool=4|Error parsing command line arguments: -maxmempool must be at least 5 MB",
        "-maxconnections=-1|Error parsing command line arguments: Invalid value for -maxconnections: '-1' "
            + "(expected an integer of at least 0)",
        "-rpcthreads=0|Error parsing command line arguments: Invalid value for -rpcthreads: '0' (expected an "
            + "integer of at least 1)",
        "-rpcworkqueue=0|Error parsing command line arguments: Invalid value for -rpcworkqueue: '0' (expected an "
            + "integer of at least 1)",
        "-genproclimit=-2|Error parsing command line arguments: Invalid value for -genproclimit: '-2' (expected an "
            + "integer of at least -1)",
        "-stopatheight=-1|Error parsing command line arguments: Invalid value for -stopatheight: '-1' (expected an "
            + "integer of at least 0)",
        "-dbcache=2147483648|Error parsing command line arguments: Invalid value for -dbcache: '2147483648' "
            + "(expected an integer from 4 to 2147483647)",
        "-port=0|Error parsing command line arguments: Invalid port specified in -port: '0'",
        "-port=65536|Error parsing command line arguments: Invalid port specified in -port: '65536'",
        "-rpcport=x|Error parsing command line arguments: Invalid value for -rpcport: 'x' (expected an integer)",
        "-minrelaytxfee=0.000000001|Error parsing command line arguments: Invalid amount for "
            + "-minrelaytxfee=<amount>: '0.000000001'",
        "-minrelaytxfee=-1|Error parsing command line arguments: Invalid amount for -minrelaytxfee=<amount>: '-1'",
        "-txindex=yes|Error parsing command line arguments: Invalid value for -txindex: 'yes' (expected 0 or 1)",
        "-notxindex=no|Error parsing command line arguments: Invalid value for -notxindex: 'no' (expected 0 or 1)",
        "-nodbcache|Error parsing command line arguments: Negating of -dbcache is meaningless and therefore "
            + "forbidden",
        "-nodatadir|Error parsing command line arguments: Negating of -datadir is meaningless and therefore "
            + "forbidden",
        "-nochain|Error parsing command line arguments: Negating of -chain is meaningless and therefore forbidden",
        "-dbcache|Error parsing command line arguments: Can not set -dbcache with no value. Please specify value "
            + "with -dbcache=value.",
        "-chain|Error parsing command line arguments: Can not set -chain with no value. Please specify value with "
            + "-chain=value.",
        "-minrelaytxfee|Error parsing command line arguments: Can not set -minrelaytxfee with no value. Please "
            + "specify value with -minrelaytxfee=value.",
    })
    void badArgumentsAreRefusedWithCoresMessage(String arg, String message) {
        assertThatThrownBy(() -> Options.parse(arg)).isInstanceOf(ConfigException.class).hasMessage(message);
    }

    @Test
    void firstNonOptionEndsOptionsAndIsAnError() {
        assertThatThrownBy(() -> Options.parse("-regtest", "getinfo", "-dbcache=1"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Command line contains unexpected token 'getinfo', see minicoind -h for a list of options.");
    }

    @Test
    void chainDefaultsToMainAndFollowsRegtestAndChain() {
        assertThat(Options.parse().chain()).isEqualTo("main");
        assertThat(Options.parse("-regtest").chain()).isEqualTo("regtest");
        assertThat(Options.parse("-regtest=0").chain()).isEqualTo("main");
        assertThat(Options.parse("-chain=devnet").chain()).isEqualTo("devnet");
        assertThat(Options.parse("-chain=regtest", "-regtest").chain()).isEqualTo("regtest");
        assertThat(Options.parse("-chain=./x.json").chain()).isEqualTo("./x.json");
    }

    @Test
    void regtestWithAnotherChainIsRefused() {
        assertThatThrownBy(() -> Options.parse("-regtest", "-chain=devnet").chain())
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid combination of -regtest and -chain. Can use at most one.");
        assertThatThrownBy(() -> Options.parse("-chain=main", "-regtest").withConfigFile())
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid combination of -regtest and -chain. Can use at most one.");
    }

    @Test
    void networkDirIsUnderDataDirForEveryNetworkIncludingMain() {
        for (String chain : ChainSpecs.BUILT_IN) {
            Options o = Options.parse("-datadir=" + dir, "-chain=" + chain);
            assertThat(o.dataDir()).isEqualTo(dir.toAbsolutePath());
            assertThat(o.networkDir()).isEqualTo(dir.toAbsolutePath().resolve(chain));
            assertThat(o.networkName()).isEqualTo(chain);
        }
    }

    @Test
    void dataDirDefaultsToDotMinicoinInHome() {
        assertThat(Options.parse().dataDir()).isEqualTo(Path.of(System.getProperty("user.home"), ".minicoin")
                .toAbsolutePath());
    }

    @Test
    void pathOptionsAreRelativeToTheNetworkDir() {
        Options o = Options.parse("-datadir=" + dir, "-regtest", "-rpccookiefile=auth/cookie");
        assertThat(o.getPath("pid")).contains(dir.resolve("regtest").resolve("minicoind.pid"));
        assertThat(o.getPath("rpccookiefile")).contains(dir.resolve("regtest/auth/cookie"));
        assertThat(Options.parse("-datadir=" + dir, "-pid=/run/m.pid").getPath("pid")).contains(Path.of("/run/m.pid"));
        assertThat(Options.parse("-nopid").getPath("pid")).isEmpty();
    }

    @Test
    void helpIsRequestedByHelpHAndQuestionMark() {
        assertThat(Options.parse("-help").helpRequested()).isTrue();
        assertThat(Options.parse("-h").helpRequested()).isTrue();
        assertThat(Options.parse("-?").helpRequested()).isTrue();
        assertThat(Options.parse("-version").helpRequested()).isFalse();
        assertThat(Options.parse("-version").getBool("version")).isTrue();
    }

    @Test
    void gettersRefuseMisuseByTheCaller() {
        Options o = Options.parse();
        assertThatThrownBy(() -> o.getInt("nosuch")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> o.getInt("txindex")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> o.getString("addnode")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("getAll");
        assertThatThrownBy(() -> o.getAll("dbcache")).isInstanceOf(IllegalArgumentException.class);
    }
}
