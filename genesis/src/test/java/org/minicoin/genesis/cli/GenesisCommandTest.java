package org.minicoin.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.minicoin.consensus.pow.CompactTarget;
import org.minicoin.consensus.types.Amount;
import org.minicoin.genesis.block.GenesisMiner;
import org.minicoin.genesis.spec.ChainSpec;
import org.minicoin.genesis.spec.ChainSpecs;
import org.minicoin.genesis.spec.NewNetwork;
import picocli.CommandLine;

/** Runs the picocli command in-process and checks exit code, stdout and stderr. */
class GenesisCommandTest {
    private static final long NOW = 1_750_000_000L;

    record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = GenesisCommand.commandLine(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @ParameterizedTest(name = "show {0}")
    @CsvSource({
            "main,    000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f, f9beb4d9",
            "regtest, 0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206, fabfb5da",
            "devnet,  0000cf2498fe94a4f96c34189520703441c1422b922acf1e957571e797db2b86, f7c1d0e5",
    })
    void showPrintsTheParametersAndGenesisHash(String network, String hash, String magic) {
        Run r = run("show", network);

        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).containsPattern("(?m)^genesisHash: +" + hash + "$")
                .containsPattern("(?m)^name: +" + network + "$")
                .containsPattern("(?m)^magic: +" + magic + "$");
        // Aligned: every value starts in the same column.
        assertThat(r.out().lines().map(l -> l.length() - l.substring(l.indexOf(':') + 1).stripLeading().length())
                .distinct()).hasSize(1);
    }

    @Test
    void showListsEveryParameter() {
        Run r = run("show", "main");

        assertThat(r.out().lines().map(l -> l.substring(0, l.indexOf(':')))).containsExactly("name", "magic",
                "p2pPort", "rpcPort", "pubkeyAddress", "scriptAddress", "secretKey", "extPublicKey", "extSecretKey",
                "bech32Hrp", "powLimit", "targetSpacing", "targetTimespan", "retargetRule", "halvingInterval",
                "initialSubsidy", "bip16Exception", "bip34Height", "bip65Height", "bip66Height", "csvHeight",
                "segwitHeight", "taprootHeight", "genesisTime", "genesisBits", "genesisNonce", "genesisMerkleRoot",
                "genesisHash");
        assertThat(r.out()).containsPattern("(?m)^targetTimespan: +1209600 s \\(2016 blocks\\)$")
                .containsPattern("(?m)^taprootHeight: +709632$");
    }

    @Test
    void newWritesASpecThatLoadsMeetsItsTargetAndShowsTheSameHash(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("testnet-x.json");

        Run r = run("new", "--name", "testnet-x", "--message", "hello from a test", "--time", "1700000000",
                "--bits", "207fffff", "--reward", "12.5", "--output", file.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        ChainSpec spec = ChainSpecs.read(file);
        String hash = spec.params().genesisHash().toString();
        assertThat(r.err()).contains("genesis hash " + hash).contains("nonce " + spec.genesis().nonce());
        assertThat(spec.name()).isEqualTo("testnet-x");
        assertThat(spec.magic()).isEqualTo(NewNetwork.magicFor("testnet-x"));
        assertThat(spec.genesis().time()).isEqualTo(1_700_000_000L);
        assertThat(spec.genesis().message()).isEqualTo("hello from a test");
        assertThat(spec.genesis().reward()).isEqualTo(Amount.parseCoins("12.5"));
        assertThat(spec.params().genesis().transactions().get(0).outputs().get(0).value())
                .isEqualTo(1_250_000_000L);
        assertThat(GenesisMiner.meetsTarget(spec.params().genesis().header(),
                CompactTarget.decode(0x207fffffL).target())).isTrue();
        // Everything but the name, magic and genesis is devnet's.
        assertThat(spec).isEqualTo(NewNetwork.template("testnet-x", spec.genesis()));

        Run show = run("show", file.toString());
        assertThat(show.exit()).isZero();
        assertThat(show.out()).containsPattern("(?m)^genesisHash: +" + hash + "$");
    }

    @Test
    void newWritesToStdoutAndDefaultsToNowAndDevnetBits() {
        Run r = run("new", "--name", "quick", "--message", "m");

        assertThat(r.exit()).as(r.err()).isZero();
        ChainSpec spec = ChainSpecs.parse(r.out(), "stdout");
        assertThat(spec.genesis().time()).isEqualTo(NOW);
        assertThat(spec.genesis().bits()).isEqualTo(NewNetwork.DEFAULT_BITS);
        assertThat(spec.genesis().reward()).isEqualTo(Amount.ofCoins(50));
        assertThat(spec.genesis().outputScript()).isEqualTo(NewNetwork.DEFAULT_OUTPUT_SCRIPT);
    }

    @Test
    void newRefusesToOverwriteWithoutForce(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("net.json");
        Files.writeString(file, "keep me");

        Run refused = run("new", "--name", "net", "--message", "m", "--bits", "207fffff", "-o", file.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(Files.readString(file)).isEqualTo("keep me");

        Run forced = run("new", "--name", "net", "--message", "m", "--bits", "207fffff", "-o", file.toString(),
                "--force");
        assertThat(forced.exit()).as(forced.err()).isZero();
        assertThat(ChainSpecs.read(file).name()).isEqualTo("net");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "bits not hex           | --bits=zz00ffff          | --bits: must be 8 hex digits",
            "bits negative          | --bits=01800001          | does not decode to a positive target",
            "bits above pow limit   | --bits=2100ffff          | is easier than the pow limit",
            "reward with 9 decimals | --reward=0.123456789     | --reward: invalid amount",
            "reward too large       | --reward=21000001        | --reward: amount 21000001 exceeds",
            "time beyond uint32     | --time=4294967296        | --time: must be from 0 to 4294967295",
            "script not hex         | --output-script=6         | --output-script: must be hex",
            "message too long       | --message=" + "mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm" + "mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm"
                    + " | --message: is 92 bytes",
    })
    void newRejectsBadValuesWithOneLineAndExitOne(String what, String option, String message) {
        Run r = option.startsWith("--message=") ? run("new", "--name", "x", option)
                : run("new", "--name", "x", "--message", "m", option);

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("genesis: ").contains(message).hasLineCount(1);
    }

    @ParameterizedTest(name = "--name {0}")
    @CsvSource({
            "main,     is a built-in network",
            "devnet,   is a built-in network",
            "../evil,  must be 1-64 letters",
    })
    void newRejectsBadNames(String name, String message) {
        Run r = run("new", "--name", name, "--message", "m");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("--name").contains(message).hasLineCount(1);
    }

    @Test
    void showOfABadSpecFileIsOneLineNamingTheField(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, ChainSpecs.toJson(ChainSpecs.builtIn("regtest")).replace("\"targetSpacing\": 600",
                "\"targetSpacing\": -5"));

        Run r = run("show", file.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("genesis: " + file + ": pow.targetSpacing: must be a positive integer, got -5"
                + System.lineSeparator());
    }

    @Test
    void showOfAnUnknownNetworkExitsOne() {
        Run r = run("show", "nosuchnet");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("nosuchnet").contains("not a built-in network").hasLineCount(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no command       | ''                      | missing command",
            "missing --name   | new --message=m         | Missing required option: '--name=NAME'",
            "time not number  | new --name=a --message=m --time=soon | --time",
            "show no network  | show                    | Missing required parameter",
            "unknown command  | mine                    | Unmatched argument",
    })
    void usageErrorsExitTwo(String what, String args, String message) {
        Run r = run(args.isEmpty() ? new String[0] : args.split(" "));

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(message).contains("--help");
    }

    @Test
    void helpExitsZero() {
        Run r = run("new", "--help");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("--name").contains("--bits").contains("1f00ffff");
    }
}
