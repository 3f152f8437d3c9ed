package org.minicoin.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.minicoin.genesis.spec.ChainSpecs;

class OptionsConfigFileTest {
    @TempDir
    Path dir;

    /** Writes minicoin.conf in the temp data directory and reads it with {@code args} on the command line. */
    private Options withConf(String conf, String... args) throws IOException {
        Files.writeString(dir.resolve("minicoin.conf"), conf, StandardCharsets.UTF_8);
        return options(args);
    }

    private Options options(String... args) {
        List<String> all = new ArrayList<>(List.of("-datadir=" + dir));
        all.addAll(List.of(args));
        return Options.parse(all.toArray(String[]::new)).withConfigFile();
    }

    @Test
    void missingDefaultFileIsFine() {
        Options o = options();
        assertThat(o.getInt("dbcache")).isEqualTo(450);
        assertThat(o.warnings()).isEmpty();
    }

    @Test
    void readsNameValueLinesCommentsAndBlanks() throws IOException {
        Options o = withConf("""
                # a comment
                dbcache = 100   # trailing comment

                \trpcuser=alice\r
                txindex=1
                """);
        assertThat(o.getInt("dbcache")).isEqualTo(100);
        assertThat(o.getString("rpcuser")).contains("alice");
        assertThat(o.getBool("txindex")).isTrue();
    }

    @Test
    void negationWorksInTheFileToo() throws IOException {
        assertThat(withConf("nolisten=1\n").getBool("listen")).isFalse();
        assertThat(withConf("nolisten=0\n").getBool("listen")).isTrue();
        assertThat(withConf("listen=0\n").getBool("listen")).isFalse();
    }

    @Test
    void commandLineBeatsTheFile() throws IOException {
        Options o = withConf("dbcache=100\ntxindex=1\n", "-dbcache=200", "-notxindex");
        assertThat(o.getInt("dbcache")).isEqualTo(200);
        assertThat(o.getBool("txindex")).isFalse();
    }

    @Test
    void networkSectionBeatsTopOfFileAndAppliesOnlyToThatNetwork() throws IOException {
        String conf = """
                dbcache=100
                maxmempool=50
                [regtest]
                dbcache=200
                [devnet]
                dbcache=300
                """;
        assertThat(withConf(conf).getInt("dbcache")).isEqualTo(100);
        assertThat(withConf(conf, "-regtest").getInt("dbcache")).isEqualTo(200);
        assertThat(withConf(conf, "-chain=devnet").getInt("dbcache")).isEqualTo(300);
        assertThat(withConf(conf, "-chain=devnet").getInt("maxmempool")).isEqualTo(50);
        assertThat(withConf(conf, "-chain=devnet", "-dbcache=400").getInt("dbcache")).isEqualTo(400);
    }

    @Test
    void mainSectionAppliesToMainOnly() throws IOException {
        String conf = "[main]\ndbcache=100\n";
        assertThat(withConf(conf).getInt("dbcache")).isEqualTo(100);
        assertThat(withConf(conf, "-regtest").getInt("dbcache")).isEqualTo(450);
    }

    @Test
    void prefixedNamesAreSectionSettings() throws IOException {
        String conf = "regtest.dbcache=200\ndevnet.nolisten=1\n";
        assertThat(withConf(conf, "-regtest").getInt("dbcache")).isEqualTo(200);
        assertThat(withConf(conf).getInt("dbcache")).isEqualTo(450);
        assertThat(withConf(conf, "-chain=devnet").getBool("listen")).isFalse();
        assertThat(withConf(conf, "-chain=devnet").warnings()).isEmpty();
    }

    @Test
    void inTheFileTheFirstAssignmentWinsAsCore() throws IOException {
        assertThat(withConf("dbcache=100\ndbcache=200\n").getInt("dbcache")).isEqualTo(100);
        // ... counting from the last negation.
        assertThat(withConf("dbcache=100\nnolisten=1\nlisten=1\n").getBool("listen")).isTrue();
    }

    @Test
    void networkOnlyOptionsAtTheTopApplyToMain() throws IOException {
        Options o = withConf("port=1234\nrpcport=1235\naddnode=a\nconnect=c\nbind=b\nrpcbind=r\n");
        assertThat(o.getInt("port")).isEqualTo(1234);
        assertThat(o.getInt("rpcport")).isEqualTo(1235);
        assertThat(o.getAll("addnode")).containsExactly("a");
        assertThat(o.getAll("connect")).containsExactly("c");
        assertThat(o.getAll("bind")).containsExactly("b");
        assertThat(o.getAll("rpcbind")).containsExactly("r");
    }

    @Test
    void networkOnlyOptionAtTheTopIsAnErrorOnAnotherNetworkAsCore() throws IOException {
        assertThatThrownBy(() -> withConf("port=1234\naddnode=a\n", "-regtest"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Config setting for -addnode only applied on regtest network when in [regtest] section.\n"
                        + "Config setting for -port only applied on regtest network when in [regtest] section.");
    }

    @Test
    void networkOnlyOptionAtTheTopIsIgnoredWhenSetForTheNetwork() throws IOException {
        String conf = "port=1234\naddnode=top\nmaxconnections=7\n[regtest]\nport=5678\n";
        Options o = withConf(conf, "-regtest", "-addnode=cli");
        assertThat(o.getInt("port")).isEqualTo(5678);
        assertThat(o.getAll("addnode")).containsExactly("cli");
        assertThat(o.getInt("maxconnections")).isEqualTo(7);
        // Without the network's own value the top one is not used, so the network's default stays.
        Options rpc = withConf("rpcport=1\n[regtest]\nrpcport=2\n", "-regtest", "-noaddnode");
        assertThat(rpc.getInt("rpcport")).isEqualTo(2);
        assertThat(rpc.getInt("port")).isEqualTo(ChainSpecs.builtIn("regtest").p2pPort());
    }

    @Test
    void repeatablesCombineCommandLineSectionAndTopInOrder() throws IOException {
        String conf = "seednode=top1\nseednode=top2\n[regtest]\nseednode=sec\naddnode=sec\n";
        Options o = withConf(conf, "-regtest", "-seednode=cli");
        assertThat(o.getAll("seednode")).containsExactly("cli", "sec", "top1", "top2");
        assertThat(o.getAll("addnode")).containsExactly("sec");
    }

    @Test
    void negatingARepeatableOnTheCommandLineDropsTheFilesValues() throws IOException {
        String conf = "connect=file\n";
        assertThat(withConf(conf, "-noconnect").getAll("connect")).isEmpty();
        assertThat(withConf(conf, "-noconnect").isNegated("connect")).isTrue();
        // Core's "zombie" rule: a value after the negation brings the file's values back.
        assertThat(withConf(conf, "-noconnect", "-connect=cli").getAll("connect")).containsExactly("cli", "file");
    }

    @Test
    void chainMayBeChosenAtTheTopOfTheFileButNotInASection() throws IOException {
        assertThat(withConf("regtest=1\n").networkName()).isEqualTo("regtest");
        assertThat(withConf("chain=devnet\n").networkName()).isEqualTo("devnet");
        assertThat(withConf("[regtest]\nregtest=1\n").networkName()).isEqualTo("main");
        assertThat(withConf("chain=devnet\n", "-chain=regtest").networkName()).isEqualTo("regtest");
        // Core ignores -noregtest on the command line when choosing the chain.
        assertThat(withConf("regtest=1\n", "-noregtest").networkName()).isEqualTo("regtest");
        assertThatThrownBy(() -> withConf("regtest=1\nchain=devnet\n"))
                .hasMessage("Invalid combination of -regtest and -chain. Can use at most one.");
    }

    @Test
    void customChainUsesItsOwnSectionAndDirectory() throws IOException {
        Path spec = dir.resolve("classnet.json");
        ChainSpecs.write(spec, ChainSpecs.builtIn("devnet").withName("classnet"));
        String conf = "dbcache=100\nport=1\n[classnet]\ndbcache=200\nport=2\n[devnet]\ndbcache=300\n";
        Options o = withConf(conf, "-chain=" + spec);
        assertThat(o.chain()).isEqualTo(spec.toString());
        assertThat(o.networkName()).isEqualTo("classnet");
        assertThat(o.networkDir()).isEqualTo(dir.resolve("classnet"));
        assertThat(o.getInt("dbcache")).isEqualTo(200);
        assertThat(o.getInt("port")).isEqualTo(2);
        assertThat(o.warnings()).isEmpty();
        assertThat(o.chainSpec().magic()).isEqualTo(ChainSpecs.builtIn("devnet").magic());
    }

    @Test
    void customChainMayNotTakeABuiltInName() throws IOException {
        Path spec = dir.resolve("fake.json");
        ChainSpecs.write(spec, ChainSpecs.builtIn("devnet").withName("regtest"));
        assertThatThrownBy(() -> options("-chain=" + spec)).isInstanceOf(ConfigException.class)
                .hasMessage("Invalid -chain: " + spec + " is named regtest, the name of a built-in network");
    }

    @Test
    void missingChainSpecFileIsNamed() {
        assertThatThrownBy(() -> options("-chain=nosuch.json")).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Invalid -chain: nosuch.json: no such file");
    }

    @Test
    void confIsRelativeToTheDataDirOrAbsolute() throws IOException {
        Files.createDirectories(dir.resolve("etc"));
        Files.writeString(dir.resolve("etc/other.conf"), "dbcache=123\n");
        Files.writeString(dir.resolve("minicoin.conf"), "dbcache=999\n");
        assertThat(options("-conf=etc/other.conf").getInt("dbcache")).isEqualTo(123);
        assertThat(options("-conf=" + dir.resolve("etc/other.conf")).getInt("dbcache")).isEqualTo(123);
        assertThat(options().getInt("dbcache")).isEqualTo(999);
        assertThat(options("-noconf").getInt("dbcache")).isEqualTo(450);
    }

    @Test
    void missingConfFileIsAnError() {
        assertThatThrownBy(() -> options("-conf=nosuch.conf")).isInstanceOf(ConfigException.class)
                .hasMessage("Error reading configuration file: specified config file \"" + dir.resolve("nosuch.conf")
                        + "\" could not be opened.");
    }

    @Test
    void confThatIsADirectoryIsAnError() throws IOException {
        Files.createDirectories(dir.resolve("d"));
        assertThatThrownBy(() -> options("-conf=d")).isInstanceOf(ConfigException.class)
                .hasMessage("Error reading configuration file: Config file \"" + dir.resolve("d")
                        + "\" is a directory.");
    }

    @Test
    void missingDataDirIsAnError() {
        Path missing = dir.resolve("nope");
        assertThatThrownBy(() -> Options.parse("-datadir=" + missing).withConfigFile())
                .isInstanceOf(ConfigException.class)
                .hasMessage("Specified data directory \"" + missing + "\" does not exist.");
    }

    @Test
    void fileMaySetTheDataDirWhenTheCommandLineDoesNot() throws IOException {
        Path other = Files.createDirectories(dir.resolve("other"));
        Path conf = dir.resolve("elsewhere.conf");
        Files.writeString(conf, "datadir=" + other + "\n");
        Options o = Options.parse("-conf=" + conf, "-regtest").withConfigFile();
        assertThat(o.dataDir()).isEqualTo(other);
        assertThat(o.networkDir()).isEqualTo(other.resolve("regtest"));
        assertThat(Options.parse("-conf=" + conf, "-datadir=" + dir).withConfigFile().dataDir()).isEqualTo(dir);
        Files.writeString(conf, "datadir=" + dir.resolve("gone") + "\n");
        assertThatThrownBy(() -> Options.parse("-conf=" + conf).withConfigFile())
                .hasMessage("Specified data directory \"" + dir.resolve("gone") + "\" does not exist.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-dbcache=1|Error reading configuration file: parse error on line 1: -dbcache=1, options in configuration "
            + "file must be specified without leading -",
        "dbcache|Error reading configuration file: parse error on line 1: dbcache",
        "nolisten|Error reading configuration file: parse error on line 1: nolisten, if you intended to specify a "
            + "negated option, use nolisten=1 instead",
        "rpcpassword=abc#def|Error reading configuration file: parse error on line 1, using # in rpcpassword can be "
            + "ambiguous and should be avoided",
        "conf=other.conf|Error reading configuration file: conf cannot be set in the configuration file",
        "dbcache=abc|Error reading configuration file: Invalid value for -dbcache: 'abc' (expected an integer)",
        "dbcache=|Error reading configuration file: Invalid value for -dbcache: '' (expected an integer)",
        "port=70000|Error reading configuration file: Invalid port specified in -port: '70000'",
        "regtest.maxmempool=1|Error reading configuration file: -maxmempool must be at least 5 MB",
        "minrelaytxfee=abc|Error reading configuration file: Invalid amount for -minrelaytxfee=<amount>: 'abc'",
        "nodbcache=1|Error reading configuration file: Negating of -dbcache is meaningless and therefore forbidden",
        "txindex=true|Error reading configuration file: Invalid value for -txindex: 'true' (expected 0 or 1)",
    })
    void badLinesAreRefusedWithCoresMessage(String line, String message) {
        assertThatThrownBy(() -> withConf(line + "\n")).isInstanceOf(ConfigException.class).hasMessage(message);
    }

    @Test
    void parseErrorsNameTheLine() {
        assertThatThrownBy(() -> withConf("# one\n\ndbcache=5\n[regtest]\noops\n"))
                .hasMessage("Error reading configuration file: parse error on line 5: oops");
    }

    @Test
    void unknownKeysAndSectionsAreWarningsAsInBitcoind() throws IOException {
        Options o = withConf("dbcache=100\nrpcconnect=127.0.0.1\n[testnet]\nfoo=1\nsignet.port=1\n");
        Path conf = dir.resolve("minicoin.conf");
        assertThat(o.getInt("dbcache")).isEqualTo(100);
        assertThat(o.warnings()).containsExactly(
                "Ignoring unknown configuration value rpcconnect",
                "Ignoring unknown configuration value testnet.foo",
                "Ignoring unknown configuration value testnet.signet.port",
                conf + ":3 Section [testnet] is not recognized.",
                // Core's rule: a dotted name inside a section names a section too.
                conf + ":5 Section [testnet.signet] is not recognized.");
    }

    @Test
    void unrecognizedPrefixIsWarnedWithItsLine() throws IOException {
        Options o = withConf("dbcache=100\nsignet.dbcache=5\n");
        assertThat(o.warnings()).containsExactly(dir.resolve("minicoin.conf") + ":2 Section [signet] is not recognized.");
        assertThat(o.getInt("dbcache")).isEqualTo(100);
    }

    @Test
    void reindexInTheFileIsWarnedAbout() throws IOException {
        Options o = withConf("reindex=1\n");
        assertThat(o.getBool("reindex")).isTrue();
        assertThat(o.warnings()).singleElement().asString().startsWith("reindex=1 is set in the configuration file");
    }

    @Test
    void readingTheFileTwiceDoesNotDoubleRepeatables() throws IOException {
        Options o = withConf("addnode=a\n").withConfigFile();
        assertThat(o.getAll("addnode")).containsExactly("a");
    }
}
