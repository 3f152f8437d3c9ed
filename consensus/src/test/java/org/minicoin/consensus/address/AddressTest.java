package org.minicoin.consensus.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.minicoin.consensus.crypto.Hashes;
import org.minicoin.consensus.encoding.Base58;
import org.minicoin.consensus.encoding.Hex;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.testing.ChainParamsFixtures;

/**
 * Segwit address vectors of BIP-0173 and BIP-0350, the error texts Bitcoin Core's functional test
 * {@code rpc_invalid_address_message.py} expects from {@code validateaddress}, base58 failures, scripts without an
 * address, and round trips on the devnet.
 */
class AddressTest {
    private static final ChainParams MAIN = ChainParamsFixtures.mainnet();
    private static final ChainParams TEST = ChainParamsFixtures.testnet();
    private static final ChainParams REGTEST = ChainParamsFixtures.regtest();
    /** The devnet as its chain spec (genesis/specs/devnet.json) defines it: hrp "mcd", testnet base58 prefixes. */
    private static final ChainParams DEVNET = withHrp(ChainParamsFixtures.devnet(), "mcd");
    private static final Map<String, ChainParams> BY_HRP = Map.of("bc", MAIN, "tb", TEST);

    static Stream<Arguments> bip350ValidAddresses() {
        return Stream.of(
                arguments("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", "0014751e76e8199196d454941c45d1b3a323f1433bd6"),
                arguments("tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7",
                        "00201863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262"),
                arguments("bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y",
                        "5128751e76e8199196d454941c45d1b3a323f1433bd6751e76e8199196d454941c45d1b3a323f1433bd6"),
                arguments("BC1SW50QGDZ25J", "6002751e"),
                arguments("bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs", "5210751e76e8199196d454941c45d1b3a323"),
                arguments("tb1qqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesrxh6hy",
                        "0020000000c4a5cad46221b2a187905e5266362b99d5e91c6ce24d165dab93e86433"),
                arguments("tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c",
                        "5120000000c4a5cad46221b2a187905e5266362b99d5e91c6ce24d165dab93e86433"),
                arguments("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
                        "512079be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"));
    }

    @ParameterizedTest
    @MethodSource("bip350ValidAddresses")
    void bip350ValidAddressDecodesAndEncodesBackInLowerCase(String address, String scriptHex) {
        ChainParams params = BY_HRP.get(address.substring(0, 2).toLowerCase(Locale.ROOT));
        byte[] script = Hex.decode(scriptHex);
        assertThat(Address.toScriptPubKey(address, params)).isEqualTo(script);
        assertThat(Address.fromScriptPubKey(script, params)).hasValue(address.toLowerCase(Locale.ROOT));
    }

    /**
     * BIP-0173's valid addresses: the version 0 ones still are; its version 1+ examples carry a bech32 checksum,
     * which BIP-0350 replaced for those versions.
     */
    static Stream<Arguments> bip173Addresses() {
        String v1Plus = "Version 1+ witness address must use Bech32m checksum";
        return Stream.of(
                arguments("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", "0014751e76e8199196d454941c45d1b3a323f1433bd6"),
                arguments("tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7",
                        "00201863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262"),
                arguments("tb1qqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesrxh6hy",
                        "0020000000c4a5cad46221b2a187905e5266362b99d5e91c6ce24d165dab93e86433"),
                arguments("bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7k7grplx", v1Plus),
                arguments("BC1SW50QA3JX3S", v1Plus),
                arguments("bc1zw508d6qejxtdg4y5r3zarvaryvg6kdaj", v1Plus));
    }

    @ParameterizedTest
    @MethodSource("bip173Addresses")
    void bip173ValidAddressesUnderBip350(String address, String scriptHexOrError) {
        ChainParams params = BY_HRP.get(address.substring(0, 2).toLowerCase(Locale.ROOT));
        if (scriptHexOrError.startsWith("Version")) {
            assertThatThrownBy(() -> Address.toScriptPubKey(address, params)).hasMessage(scriptHexOrError);
        } else {
            assertThat(Address.toScriptPubKey(address, params)).isEqualTo(Hex.decode(scriptHexOrError));
        }
    }

    /** The invalid segwit addresses of BIP-0350 and BIP-0173, each with the message Core's DecodeDestination gives. */
    static Stream<Arguments> bipInvalidAddresses() {
        String notBech32OrBase58 = "Invalid or unsupported Segwit (Bech32) or Base58 encoding.";
        String v1Plus = "Version 1+ witness address must use Bech32m checksum";
        String v0 = "Version 0 witness address must use Bech32 checksum";
        String padding = "Invalid padding in Bech32 data section";
        return Stream.of(
                // BIP-0350
                arguments(MAIN, "tc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq5zuyut", notBech32OrBase58),
                arguments(TEST, "tc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq5zuyut", notBech32OrBase58),
                arguments(MAIN, "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd", v1Plus),
                arguments(TEST, "tb1z0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqglt7rf", v1Plus),
                arguments(MAIN, "BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL", v1Plus),
                arguments(MAIN, "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh", v0),
                arguments(TEST, "tb1q0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq24jc47", v0),
                arguments(MAIN, "bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4",
                        "Invalid Base 32 character"),
                arguments(MAIN, "BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R",
                        "Invalid Bech32 address witness version"),
                arguments(MAIN, "bc1pw5dgrnzv", "Invalid Bech32 address program size (1 byte)"),
                arguments(MAIN, "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v8n0nx0muaewav253zgeav",
                        "Invalid Bech32 address program size (41 bytes)"),
                arguments(MAIN, "BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P",
                        "Invalid Bech32 v0 address program size (16 bytes), per BIP141"),
                arguments(TEST, "tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq47Zagq",
                        "Invalid character or mixed case"),
                arguments(MAIN, "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v07qwwzcrf", padding),
                arguments(TEST, "tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vpggkg4j", padding),
                arguments(MAIN, "bc1gmk9yu", "Empty Bech32 data section"),
                // BIP-0173: its checksum-valid version 1+ strings now fail on the checksum variant, before
                // version, size or padding are looked at.
                arguments(MAIN, "tc1qw508d6qejxtdg4y5r3zarvary0c5xw7kg3g4ty", notBech32OrBase58),
                arguments(MAIN, "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5", "Invalid Bech32 checksum"),
                arguments(MAIN, "BC13W508D6QEJXTDG4Y5R3ZARVARY0C5XW7KN40WF2", v1Plus),
                arguments(MAIN, "bc1rw5uspcuh", v1Plus),
                arguments(MAIN, "bc10w508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kw5rljs90", v1Plus),
                arguments(TEST, "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sL5k7",
                        "Invalid character or mixed case"),
                arguments(MAIN, "bc1zw508d6qejxtdg4y5r3zarvaryvqyzf3du", v1Plus),
                arguments(TEST, "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3pjxtptv", padding));
    }

    @ParameterizedTest
    @MethodSource("bipInvalidAddresses")
    void bipInvalidAddressFailsWithCoresMessage(ChainParams params, String address, String message) {
        assertThatThrownBy(() -> Address.toScriptPubKey(address, params))
                .isInstanceOf(AddressException.class).hasMessage(message);
    }

    @Test
    void bipInvalidAddressesReportTheWrongCharacter() {
        assertThat(locations(MAIN, "bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4")).containsExactly(59);
        assertThat(locations(TEST, "tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq47Zagq")).containsExactly(58);
        assertThat(locations(MAIN, "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5")).containsExactly(41);
    }

    /** Bitcoin Core's test/functional/rpc_invalid_address_message.py: validateaddress on regtest. */
    static Stream<Arguments> coreValidateAddressMessages() {
        return Stream.of(
                arguments("bcrt1s0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v8n0nx0muaewav25430mtr",
                        "Invalid Bech32 address program size (41 bytes)", List.of()),
                arguments("bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7k7grplx",
                        "Invalid or unsupported Segwit (Bech32) or Base58 encoding.", List.of()),
                arguments("bcrt1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqdmchcc",
                        "Version 1+ witness address must use Bech32m checksum", List.of()),
                arguments("bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7k35mrzd",
                        "Version 0 witness address must use Bech32 checksum", List.of()),
                arguments("bcrt130xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqynjegk",
                        "Invalid Bech32 address witness version", List.of()),
                arguments("bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kqqq5k3my",
                        "Invalid Bech32 v0 address program size (21 bytes), per BIP141", List.of()),
                arguments("bcrt1q049edschfnwystcqnsvyfpj23mpsg3jcedq9xv049edschfnwystcqnsvyfpj23mpsg3jcedq9xv049edsch"
                        + "fnwystcqnsvyfpj23m", "Bech32 string too long",
                        List.of(90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107)),
                arguments("bcrt1q049edschfnwystcqnsvyfpj23mpsg3jcedq9xv", "Invalid Bech32 checksum", List.of(9)),
                arguments("bcrt1qax9suht3qv95sw33xavx8crpxduefdrsvgsklu", "Invalid Bech32 checksum", List.of(22, 43)),
                arguments("BCRT1QPLMTZKC2XHARPPZDLNPAQL78RSHJ68U32RAH7R", "Invalid Bech32 checksum", List.of(38)),
                arguments("bcrtq049ldschfnwystcqnsvyfpj23mpsg3jcedq9xv", "Missing separator", List.of()),
                arguments("bcrt1q04oldschfnwystcqnsvyfpj23mpsg3jcedq9xv", "Invalid Base 32 character", List.of(8)),
                arguments("bcrt1qdg3myrgvzw7ml8q0ejxhlkyxn7vl9r56yzkfgvzclrf4hkpx9yfqhpsuks", "Invalid Bech32 checksum",
                        List.of(19, 30)),
                arguments("bcrt1ptmp74ayg7p24uslctssvjm06q5phz4yrxucgnv", "Invalid Bech32 checksum", List.of(5)),
                arguments("17VZNX1SN5NtKa8UQFxwQbFeFc3iqRYhem", "Invalid or unsupported Base58-encoded address.",
                        List.of()),
                arguments("mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJJfn",
                        "Invalid checksum or length of Base58 address (P2PKH or P2SH)", List.of()),
                arguments("2VKf7XKMrp4bVNVmuRbyCewkP8FhGLP2E54LHDPakr9Sq5mtU2",
                        "Invalid checksum or length of Base58 address (P2PKH or P2SH)", List.of()),
                arguments("asfah14i8fajz0123f", "Invalid or unsupported Segwit (Bech32) or Base58 encoding.", List.of()),
                arguments("1q049ldschfnwystcqnsvyfpj23mpsg3jcedq9xv",
                        "Invalid or unsupported Segwit (Bech32) or Base58 encoding.", List.of()));
    }

    @ParameterizedTest
    @MethodSource("coreValidateAddressMessages")
    void coreValidateAddressMessage(String address, String message, List<Integer> locations) {
        assertThatThrownBy(() -> Address.toScriptPubKey(address, REGTEST))
                .isInstanceOfSatisfying(AddressException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(message);
                    assertThat(e.errorLocations()).isEqualTo(locations);
                });
    }

    @Test
    void coreValidateAddressValidOnes() {
        for (String address : List.of("bcrt1qtmp74ayg7p24uslctssvjm06q5phz4yrxucgnv", "bcrt1p424qxxyd0r",
                "BCRT1QPLMTZKC2XHARPPZDLNPAQL78RSHJ68U33RAH7R",
                "bcrt1qdg3myrgvzw7ml9q0ejxhlkyxm7vl9r56yzkfgvzclrf4hkpx9yfqhpsuks",
                "mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn")) {
            byte[] script = Address.toScriptPubKey(address, REGTEST);
            boolean bech32 = address.toLowerCase(Locale.ROOT).startsWith("bcrt1");
            assertThat(Address.fromScriptPubKey(script, REGTEST))
                    .hasValue(bech32 ? address.toLowerCase(Locale.ROOT) : address);
        }
    }

    @Test
    void anAddressOfAnotherNetworkIsRefusedWithTheReason() {
        byte[] hash = Hashes.hash160(new byte[] {1, 2, 3});
        String mainP2pkh = Base58.encodeCheck(prefixed(0, hash));
        assertThat(Address.toScriptPubKey(mainP2pkh, MAIN)).hasSize(25);
        assertThatThrownBy(() -> Address.toScriptPubKey(mainP2pkh, REGTEST))
                .hasMessage("Invalid or unsupported Base58-encoded address.");
        String regtestWpkh = Address.fromScriptPubKey(Hex.decode("0014" + Hex.encode(hash)), REGTEST).orElseThrow();
        assertThat(regtestWpkh).startsWith("bcrt1q");
        assertThatThrownBy(() -> Address.toScriptPubKey(regtestWpkh, MAIN))
                .hasMessage("Invalid or unsupported prefix for Segwit (Bech32) address (expected bc, got bcrt).");
    }

    @Test
    void base58WithTheRightPrefixButWrongLength() {
        byte[] short19 = new byte[20];
        short19[0] = 5; // P2SH prefix, then only 19 hash bytes
        assertThatThrownBy(() -> Address.toScriptPubKey(Base58.encodeCheck(short19), MAIN))
                .hasMessage("Invalid length for Base58 address (P2PKH or P2SH)");
        byte[] prefixOnly = {0};
        assertThatThrownBy(() -> Address.toScriptPubKey(Base58.encodeCheck(prefixOnly), MAIN))
                .hasMessage("Invalid length for Base58 address (P2PKH or P2SH)");
        assertThatThrownBy(() -> Address.toScriptPubKey(Base58.encodeCheck(new byte[0]), MAIN))
                .hasMessage("Invalid or unsupported Base58-encoded address.");
        // 22 bytes with a good checksum: over Core's 21-byte cap, so the checksum is never looked at.
        byte[] long22 = new byte[22];
        assertThatThrownBy(() -> Address.toScriptPubKey(Base58.encodeCheck(long22), MAIN))
                .hasMessage("Invalid checksum or length of Base58 address (P2PKH or P2SH)");
    }

    @Test
    void base58OverAHundredBytesOrWithForeignCharactersIsNotBase58() {
        String huge = "2".repeat(200);
        assertThatThrownBy(() -> Address.toScriptPubKey(huge, MAIN))
                .hasMessage("Invalid or unsupported Segwit (Bech32) or Base58 encoding.");
        // A megabyte must be refused without the quadratic conversion; this would take minutes otherwise.
        String megabyte = "z".repeat(1 << 20);
        assertThatThrownBy(() -> Address.toScriptPubKey(megabyte, MAIN))
                .hasMessage("Invalid or unsupported Segwit (Bech32) or Base58 encoding.");
        String good = Base58.encodeCheck(prefixed(0, new byte[20]));
        assertThatThrownBy(() -> Address.toScriptPubKey(good + "\0", MAIN))
                .hasMessage("Invalid or unsupported Segwit (Bech32) or Base58 encoding.");
        assertThatThrownBy(() -> Address.toScriptPubKey(good.substring(0, 5) + " " + good.substring(5), MAIN))
                .hasMessage("Invalid or unsupported Segwit (Bech32) or Base58 encoding.");
    }

    @Test
    void base58AllowsSurroundingWhitespaceAsCoreDoes() {
        String good = Base58.encodeCheck(prefixed(0, new byte[20]));
        assertThat(Address.toScriptPubKey(" \t" + good + "\n", MAIN)).isEqualTo(Address.toScriptPubKey(good, MAIN));
    }

    @Test
    void payToAnchorHasItsWellKnownAddress() {
        // Core's P2A output, OP_1 PUSH2 4e73 (policy/policy.h), is "bc1pfeessrawgf" on mainnet.
        assertThat(Address.fromScriptPubKey(Hex.decode("51024e73"), MAIN)).hasValue("bc1pfeessrawgf");
        assertThat(Address.toScriptPubKey("bc1pfeessrawgf", MAIN)).isEqualTo(Hex.decode("51024e73"));
    }

    @Test
    void theGenesisCoinbaseKeyHashHasSatoshisAddress() {
        byte[] script = Hex.decode("76a91462e907b15cbf27d5425399ebf6f0fb50ebb88f1888ac");
        assertThat(Address.fromScriptPubKey(script, MAIN)).hasValue("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa");
    }

    static Stream<Arguments> scriptsWithoutAddress() {
        String key33 = "02" + "11".repeat(32);
        return Stream.of(
                arguments("P2PK", "21" + key33 + "ac"),
                arguments("bare 1-of-1 multisig", "5121" + key33 + "51ae"),
                arguments("OP_RETURN", "6a0568656c6c6f"),
                arguments("empty", ""),
                arguments("witness v0 with a 21-byte program", "0015" + "00".repeat(21)),
                arguments("witness v1 with a 41-byte program", "5129" + "00".repeat(41)),
                arguments("witness program pushed with PUSHDATA1", "004c14" + "00".repeat(20)),
                arguments("P2PKH with a trailing byte", "76a914" + "00".repeat(20) + "88ac00"),
                arguments("P2SH with OP_EQUALVERIFY", "a914" + "00".repeat(20) + "88"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scriptsWithoutAddress")
    void scriptWithoutAddress(String name, String scriptHex) {
        assertThat(Address.fromScriptPubKey(Hex.decode(scriptHex), MAIN)).isEmpty();
    }

    @Test
    void devnetRoundTripsEveryKindOfOutput() {
        Random random = new Random(2026);
        for (ChainParams devnet : List.of(DEVNET, ChainParamsFixtures.devnet())) {
            for (int n = 0; n < 50; n++) {
                for (byte[] script : List.of(
                        concat("76a914", random(random, 20), "88ac"),
                        concat("a914", random(random, 20), "87"))) {
                    String address = Address.fromScriptPubKey(script, devnet).orElseThrow();
                    assertThat(Address.toScriptPubKey(address, devnet)).isEqualTo(script);
                }
                for (byte[] script : List.of(
                        concat("0014", random(random, 20), ""),
                        concat("0020", random(random, 32), ""),
                        concat("5120", random(random, 32), ""),
                        witness(2 + random.nextInt(15), random(random, 2 + random.nextInt(39))))) {
                    String address = Address.fromScriptPubKey(script, devnet).orElseThrow();
                    assertThat(address).startsWith(devnet.bech32Hrp() + "1");
                    assertThat(Address.toScriptPubKey(address, devnet)).isEqualTo(script);
                    assertThat(Address.toScriptPubKey(address.toUpperCase(Locale.ROOT), devnet)).isEqualTo(script);
                }
            }
        }
        assertThat(Address.fromScriptPubKey(concat("0014", new byte[20], ""), DEVNET).orElseThrow()).startsWith("mcd1q");
        assertThat(Address.fromScriptPubKey(concat("5120", new byte[32], ""), DEVNET).orElseThrow()).startsWith("mcd1p");
    }

    @Test
    void noDevnetBase58AddressBeginsWithTheHrp() {
        // A string that starts with the hrp is read as bech32 (Core's rule), so a base58 address starting "mcd"
        // would be undecodable. Version 111 puts every P2PKH address between those of the smallest and largest
        // hash, and version 196 every P2SH address after a '2': neither range holds "mcd".
        String lowest = Address.fromScriptPubKey(concat("76a914", new byte[20], "88ac"), DEVNET).orElseThrow();
        byte[] ones = new byte[20];
        Arrays.fill(ones, (byte) 0xff);
        String highest = Address.fromScriptPubKey(concat("76a914", ones, "88ac"), DEVNET).orElseThrow();
        assertThat(lowest).startsWith("mfW");
        assertThat(highest).startsWith("n4r");
        assertThat(Address.fromScriptPubKey(concat("a914", ones, "87"), DEVNET).orElseThrow()).startsWith("2");
    }

    private static List<Integer> locations(ChainParams params, String address) {
        try {
            Address.toScriptPubKey(address, params);
        } catch (AddressException e) {
            return e.errorLocations();
        }
        throw new AssertionError(address + " decoded");
    }

    private static byte[] prefixed(int version, byte[] hash) {
        byte[] out = new byte[1 + hash.length];
        out[0] = (byte) version;
        System.arraycopy(hash, 0, out, 1, hash.length);
        return out;
    }

    private static byte[] random(Random random, int size) {
        byte[] b = new byte[size];
        random.nextBytes(b);
        return b;
    }

    private static byte[] concat(String headHex, byte[] middle, String tailHex) {
        return Hex.decode(headHex + Hex.encode(middle) + tailHex);
    }

    private static byte[] witness(int version, byte[] program) {
        return concat(Hex.encode(new byte[] {(byte) (0x50 + version), (byte) program.length}), program, "");
    }

    private static ChainParams withHrp(ChainParams p, String hrp) {
        return new ChainParams(p.name(), p.magic(), p.p2pPort(), p.rpcPort(), p.base58(), hrp, p.powLimit(),
                p.powTargetSpacing(), p.powTargetTimespan(), p.retargetRule(), p.subsidyHalvingInterval(),
                p.initialSubsidy(), p.softForks(), p.genesis());
    }
}
