package org.minicoin.node.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.minicoin.genesis.spec.ChainSpecs;

class CliOptionsTest {
    @TempDir
    Path dataDir;

    private CliOptions options(String... args) {
        List<String> all = new ArrayList<>(List.of("-datadir=" + dataDir));
        all.addAll(List.of(args));
        return CliOptions.parse(all).withConfigFile();
    }

    private void conf(String text) throws IOException {
        Files.writeString(dataDir.resolve("minicoin.conf"), text);
    }

    @Test
    void optionsEndAtTheFirstArgumentThatIsNotOne() {
        CliOptions o = CliOptions.parse(List.of("-regtest", "-named", "getblockhash", "-1", "-rpcwait"));
        assertThat(o.command()).containsExactly("getblockhash", "-1", "-rpcwait");
        assertThat(o.getBool("named")).isTrue();
        assertThat(o.getBool("rpcwait")).isFalse();
    }

    @Test
    void unknownOptionsAndBadValuesAreRefusedWithCoresWords() {
        assertThatThrownBy(() -> CliOptions.parse(List.of("-frobnicate", "getblockcount")))
                .hasMessage("Error parsing command line arguments: Invalid parameter -frobnicate");
        assertThatThrownBy(() -> CliOptions.parse(List.of("-regtest.rpcport=1")))
                .hasMessage("Error parsing command line arguments: Invalid parameter -regtest.rpcport=1");
        assertThatThrownBy(() -> CliOptions.parse(List.of("-nodatadir")))
                .hasMessage("Error parsing command line arguments: Negating of -datadir is meaningless and "
                        + "therefore forbidden");
        assertThatThrownBy(() -> CliOptions.parse(List.of("-rpcwaittimeout=soon")))
                .hasMessage("Error parsing command line arguments: Invalid value for -rpcwaittimeout: 'soon' "
                        + "(expected an integer)");
    }

    @Test
    void negationAndDoubleNegation() {
        assertThat(CliOptions.parse(List.of("-named", "-nonamed")).getBool("named")).isFalse();
        assertThat(CliOptions.parse(List.of("-nonamed=0")).getBool("named")).isTrue();
        assertThat(CliOptions.parse(List.of("-named=0")).getBool("named")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"main", "regtest", "devnet"})
    void theDefaultPortIsTheNetworksRpcPort(String chain) {
        int expected = ChainSpecs.params(chain).rpcPort();
        CliOptions.Endpoint e = options("-chain=" + chain).endpoint();
        assertThat(e.host()).isEqualTo("127.0.0.1");
        assertThat(e.port()).isEqualTo(expected);
        assertThat(options("-chain=" + chain).networkDir()).isEqualTo(dataDir.resolve(chain));
    }

    @Test
    void rpcportBeatsThePortInRpcconnectWhichBeatsTheDefault() {
        assertThat(options("-rpcconnect=10.0.0.1:9999").endpoint())
                .isEqualTo(new CliOptions.Endpoint("10.0.0.1", 9999, false));
        assertThat(options("-rpcconnect=10.0.0.1:9999", "-rpcport=7777").endpoint())
                .isEqualTo(new CliOptions.Endpoint("10.0.0.1", 7777, true));
        assertThat(options("-rpcconnect=[::1]:9999").endpoint()).isEqualTo(new CliOptions.Endpoint("::1", 9999, false));
        assertThat(options("-rpcconnect=::1", "-regtest").endpoint())
                .isEqualTo(new CliOptions.Endpoint("::1", 18443, false));
    }

    @ParameterizedTest
    @CsvSource({"127.0.0.1:notaport", "127.0.0.1:-1", "127.0.0.1:0", "127.0.0.1:65536", "[::1]:notaport",
            "[::1]:0", "[::1]:65536"})
    void aBadPortInRpcconnectIsRefusedAsCoreRefusesIt(String rpcconnect) {
        assertThatThrownBy(() -> options("-rpcconnect=" + rpcconnect).endpoint())
                .hasMessage("Invalid port provided in -rpcconnect: " + rpcconnect);
    }

    @ParameterizedTest
    @CsvSource({"notaport", "-1", "0", "65536", "+80"})
    void aBadRpcportIsRefusedAsCoreRefusesIt(String rpcport) {
        assertThatThrownBy(() -> options("-rpcport=" + rpcport).endpoint())
                .hasMessage("Invalid port provided in -rpcport: " + rpcport);
    }

    @Test
    void theConfigFileSuppliesOptionsAndIgnoresTheDaemonsKeys() throws IOException {
        conf("""
                # shared with minicoind
                dbcache=1000
                txindex=1
                rpcconnect=10.1.2.3
                rpcuser=alice
                rpcpassword=secret
                named=1
                """);
        CliOptions o = options();
        assertThat(o.getString("rpcconnect")).contains("10.1.2.3");
        assertThat(o.getString("rpcuser")).contains("alice");
        assertThat(o.getBool("named")).isTrue();
        assertThat(options("-rpcuser=bob").getString("rpcuser")).contains("bob"); // the command line wins
        assertThat(options("-nonamed").getBool("named")).isFalse();
    }

    @Test
    void theNetworksSectionBeatsTheTopAndRpcportOnTopIsMainsOnly() throws IOException {
        conf("""
                rpcport=1111
                rpcuser=top
                rpcuser=second
                [regtest]
                rpcuser=reg
                [devnet]
                rpcport=3333
                """);
        assertThat(options().endpoint().port()).isEqualTo(1111);
        assertThat(options().getString("rpcuser")).contains("top"); // in the file the first value wins
        assertThat(options("-regtest").getString("rpcuser")).contains("reg");
        assertThat(options("-regtest").endpoint().port()).isEqualTo(ChainSpecs.params("regtest").rpcPort());
        assertThat(options("-chain=devnet").endpoint().port()).isEqualTo(3333);
        assertThat(options("-chain=devnet").getString("rpcuser")).contains("top");
    }

    @Test
    void theChainMayComeFromTheFile() throws IOException {
        conf("regtest=1\n");
        assertThat(options().chainSpec().name()).isEqualTo("regtest");
        conf("chain=devnet\n");
        assertThat(options().chainSpec().name()).isEqualTo("devnet");
        assertThatThrownBy(() -> options("-regtest")).hasMessage(
                "Error: Invalid combination of -regtest and -chain. Can use at most one.");
    }

    @Test
    void configFileErrorsAreReportedAsBitcoinCliReportsThem() throws IOException {
        conf("rpcuser\n");
        assertThatThrownBy(this::options).hasMessage("Error reading configuration file: parse error on line 1: rpcuser");
        conf("rpcpassword=a#b\n");
        assertThatThrownBy(this::options).hasMessage("Error reading configuration file: parse error on line 1, "
                + "using # in rpcpassword can be ambiguous and should be avoided");
        conf("conf=other.conf\n");
        assertThatThrownBy(this::options).hasMessage(
                "Error reading configuration file: conf cannot be set in the configuration file");
        Files.delete(dataDir.resolve("minicoin.conf"));
        assertThatThrownBy(() -> options("-conf=missing.conf")).hasMessage("Error reading configuration file: "
                + "specified config file \"" + dataDir.resolve("missing.conf") + "\" could not be opened.");
        assertThatThrownBy(() -> CliOptions.parse(List.of("-datadir=" + dataDir.resolve("nope"))).withConfigFile())
                .hasMessage("Error: Specified data directory \"" + dataDir.resolve("nope") + "\" does not exist.");
        assertThatThrownBy(() -> options("-chain=nosuchfile.json")).hasMessageStartingWith("Error: Invalid -chain: ");
    }

    @Test
    void aMissingDefaultFileIsFineAndNoconfReadsNone() throws IOException {
        assertThat(options("-rpcuser=x").getString("rpcuser")).contains("x");
        conf("rpcuser=fromfile\n");
        assertThat(options("-noconf").getString("rpcuser")).isEmpty();
        assertThat(options("-noconf").configFile()).isEmpty();
        assertThat(options().configFile()).contains(dataDir.resolve("minicoin.conf"));
    }

    @Test
    void theCookieIsInTheNetworkDirectoryUnlessMovedOrDisabled() {
        assertThat(options("-regtest").cookieFile()).contains(dataDir.resolve("regtest").resolve(".cookie"));
        assertThat(options("-rpccookiefile=auth").cookieFile()).contains(dataDir.resolve("main").resolve("auth"));
        assertThat(options("-rpccookiefile=/tmp/x/c").cookieFile()).contains(Path.of("/tmp/x/c"));
        assertThat(options("-norpccookiefile").cookieFile()).isEmpty();
    }

    @Test
    void credentialsComeFromThePasswordElseTheCookiesFirstLine() throws IOException {
        Path dir = Files.createDirectories(dataDir.resolve("regtest"));
        Files.writeString(dir.resolve(".cookie"), "__cookie__:abcd\nignored\n");
        RpcClient.Credentials cookie = RpcClient.Credentials.of(options("-regtest", "-rpcuser=ignored"));
        assertThat(cookie.userColonPassword()).isEqualTo("__cookie__:abcd");
        assertThat(cookie.authorizationFailed())
                .isEqualTo("Cookie file credentials were invalid and no rpcpassword was specified.");
        assertThat(RpcClient.Credentials.of(options("-regtest", "-rpcuser=u", "-rpcpassword=p")))
                .isEqualTo(new RpcClient.Credentials("u:p", "Incorrect rpcuser or rpcpassword were specified."));
        assertThat(RpcClient.Credentials.of(options("-rpcpassword=")).authorizationFailed())
                .isEqualTo("Failed to read cookie file and no rpcpassword was specified.");
        assertThat(RpcClient.Credentials.of(options("-norpccookiefile")).authorizationFailed())
                .isEqualTo("Cookie file was disabled via -norpccookiefile and no rpcpassword was specified.");
    }

    @Test
    void helpListsEveryOptionTheBriefNames() {
        String help = CliOptions.helpText();
        for (String name : ("chain regtest datadir conf rpcconnect rpcport rpcuser rpcpassword rpccookiefile named "
                + "stdin rpcwait rpcwaittimeout getinfo help version").split(" ")) {
            assertThat(help).contains("\n  -" + name);
        }
        assertThat(help.lines()).allMatch(line -> line.length() <= 79);
    }
}
