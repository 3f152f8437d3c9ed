package org.minicoin.genesis.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.minicoin.consensus.encoding.LittleEndian;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.params.RetargetRule;
import org.minicoin.consensus.params.SoftForks;
import org.minicoin.consensus.types.Amount;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.testing.TestData;

class ChainSpecsTest {
    static final String DEVNET_HASH = "0000cf2498fe94a4f96c34189520703441c1422b922acf1e957571e797db2b86";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "main,    000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f",
            "regtest, 0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206",
            "devnet,  " + DEVNET_HASH,
    })
    void builtInGenesisHashesAreRecomputedFromTheSpec(String name, String hash) {
        ChainSpec spec = ChainSpecs.builtIn(name);

        assertThat(spec.name()).isEqualTo(name);
        assertThat(spec.genesis().block().hash().toString()).isEqualTo(hash);
        assertThat(ChainSpecs.params(name).genesisHash().toString()).isEqualTo(hash);
    }

    @Test
    void mainGenesisIsByteIdenticalToBlockZeroOfTheMainnetFile() throws IOException {
        byte[] file = TestData.bytes("mainnet/blocks-0-438.dat");
        ChainParams main = ChainSpecs.params("main");

        // blk*.dat framing: magic, little-endian length, block.
        assertThat(Arrays.copyOfRange(file, 0, 4)).isEqualTo(main.magicBytes());
        int length = LittleEndian.getInt32(file, 4);
        assertThat(main.genesis().serialize()).isEqualTo(Arrays.copyOfRange(file, 8, 8 + length));
    }

    // name, magic, p2p, rpc, pubkey, script, secret, xpub, xprv, hrp, spacing, timespan, rule, halving,
    // bip34, bip65, bip66, csv, segwit, taproot
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "main,    f9beb4d9, 8333,  8332,  0,   5,   128, 0488b21e, 0488ade4, bc,   600, 1209600, BITCOIN, 210000,"
                    + " 227931, 388381, 363725, 419328, 481824, 709632",
            "regtest, fabfb5da, 18444, 18443, 111, 196, 239, 043587cf, 04358394, bcrt, 600, 86400,   REGTEST, 150,"
                    + " 1, 1, 1, 1, 0, 0",
            "devnet,  f7c1d0e5, 29333, 29332, 111, 196, 239, 043587cf, 04358394, mcd,  10,  600,     DEVNET,  210000,"
                    + " 1, 1, 1, 1, 0, 0",
    })
    void builtInParameters(String name, String magic, int p2p, int rpc, int pubkey, int script, int secret,
                           String xpub, String xprv, String hrp, long spacing, long timespan, RetargetRule rule,
                           int halving, int bip34, int bip65, int bip66, int csv, int segwit, int taproot) {
        ChainParams p = ChainSpecs.params(name);

        assertThat(String.format("%08x", p.magic())).isEqualTo(magic);
        assertThat(p.p2pPort()).isEqualTo(p2p);
        assertThat(p.rpcPort()).isEqualTo(rpc);
        assertThat(p.base58().pubkeyAddress()).isEqualTo(pubkey);
        assertThat(p.base58().scriptAddress()).isEqualTo(script);
        assertThat(p.base58().secretKey()).isEqualTo(secret);
        assertThat(String.format("%08x", p.base58().extPublicKey())).isEqualTo(xpub);
        assertThat(String.format("%08x", p.base58().extSecretKey())).isEqualTo(xprv);
        assertThat(p.bech32Hrp()).isEqualTo(hrp);
        assertThat(p.powTargetSpacing()).isEqualTo(spacing);
        assertThat(p.powTargetTimespan()).isEqualTo(timespan);
        assertThat(p.retargetRule()).isEqualTo(rule);
        assertThat(p.subsidyHalvingInterval()).isEqualTo(halving);
        assertThat(p.initialSubsidy()).isEqualTo(Amount.ofCoins(50));
        assertThat(p.softForks()).extracting(SoftForks::bip34Height, SoftForks::bip65Height, SoftForks::bip66Height,
                SoftForks::csvHeight, SoftForks::segwitHeight, SoftForks::taprootHeight)
                .containsExactly(bip34, bip65, bip66, csv, segwit, taproot);
    }

    @Test
    void powLimitsAndBip16Exception() {
        assertThat(ChainSpecs.params("main").powLimit())
                .isEqualTo(BigInteger.ONE.shiftLeft(224).subtract(BigInteger.ONE));
        assertThat(ChainSpecs.params("regtest").powLimit())
                .isEqualTo(BigInteger.ONE.shiftLeft(255).subtract(BigInteger.ONE));
        assertThat(ChainSpecs.params("devnet").powLimit()).isEqualTo(new BigInteger("7fffff", 16).shiftLeft(232));
        assertThat(ChainSpecs.params("main").softForks().bip16Exception()).isEqualTo(
                Hash.fromHex("00000000000002dc756eebf4f49723ed8d30cc28a5f108eb94b1ba88ac4f9c22"));
        assertThat(ChainSpecs.params("regtest").softForks().bip16Exception()).isEqualTo(Hash.ZERO);
    }

    @Test
    void devnetIsWhatGenesisNewMakesWithDevnetsNameAndMagic() {
        ChainSpec devnet = ChainSpecs.builtIn("devnet");

        assertThat(devnet).isEqualTo(NewNetwork.template("devnet", devnet.genesis()).withMagic(NewNetwork.DEVNET_MAGIC));
        assertThat(devnet.genesis().bits()).isEqualTo(NewNetwork.DEFAULT_BITS);
        assertThat(devnet.genesis().message()).contains("minicoin devnet");
    }

    @ParameterizedTest
    @ValueSource(strings = {"main", "regtest", "devnet"})
    void builtInFilesAreInCanonicalLayoutAndRoundTrip(String name) throws IOException {
        ChainSpec spec = ChainSpecs.builtIn(name);
        String text;
        try (InputStream in = ChainSpecs.class.getResourceAsStream("/org/minicoin/genesis/specs/" + name + ".json")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(ChainSpecs.toJson(spec)).isEqualTo(text);
        assertThat(ChainSpecs.parse(text, name)).isEqualTo(spec);
    }

    @Test
    void derivedMagicsAvoidEveryBuiltInAndDependOnTheName() {
        for (String name : ChainSpecs.BUILT_IN) {
            assertThat(NewNetwork.RESERVED_MAGICS).contains(ChainSpecs.builtIn(name).magic());
        }
        assertThat(NewNetwork.magicFor("alpha")).isNotEqualTo(NewNetwork.magicFor("beta"))
                .isEqualTo(NewNetwork.magicFor("alpha"));
        assertThat(NewNetwork.RESERVED_MAGICS).doesNotContain(NewNetwork.magicFor("devnet"));
        // Every byte has its high bit set.
        assertThat(NewNetwork.magicFor("alpha") & 0x80808080).isEqualTo(0x80808080);
    }

    @Test
    void loadReadsAFileWhenTheNameIsNotBuiltIn(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mynet.json");
        ChainSpec spec = ChainSpecs.builtIn("regtest").withName("mynet");
        ChainSpecs.write(file, spec);

        assertThat(ChainSpecs.load(file.toString())).isEqualTo(spec);
        assertThat(ChainSpecs.read(file)).isEqualTo(spec);
    }

    @Test
    void writeReplacesAnExistingFileAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("net.json");
        Files.writeString(file, "old content");

        ChainSpecs.write(file, ChainSpecs.builtIn("devnet"));

        assertThat(Files.readString(file)).isEqualTo(ChainSpecs.toJson(ChainSpecs.builtIn("devnet")));
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
        }
    }

    @Test
    void unknownNameOrMissingFileIsNamed() {
        assertThatThrownBy(() -> ChainSpecs.load("nosuchnet"))
                .isInstanceOf(ChainSpecException.class)
                .hasMessageContaining("nosuchnet")
                .hasMessageContaining("main, regtest, devnet");
        assertThatThrownBy(() -> ChainSpecs.builtIn("testnet"))
                .isInstanceOf(ChainSpecException.class)
                .hasMessageContaining("not a built-in network");
    }

    @Test
    void oversizedFileIsRefusedBeforeReading(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("big.json");
        Files.write(file, new byte[ChainSpecs.MAX_FILE_BYTES + 1]);

        assertThatThrownBy(() -> ChainSpecs.read(file)).hasMessageContaining("at most " + ChainSpecs.MAX_FILE_BYTES);
    }
}
