package org.minicoin.consensus.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.minicoin.consensus.encoding.Hex;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.testing.ChainParamsFixtures;

/**
 * The test vectors of BIP-0380 (key expressions), 381, 382, 383, 384 and 385, copied from the BIPs: each valid
 * descriptor with the scripts it gives at positions 0, 1 and 2, each invalid one with the error Core gives.
 */
class DescriptorVectorsTest {
    private static final ChainParams MAIN = ChainParamsFixtures.mainnet();
    private static final String WIF_C = "L4rK1yDtCWekvXuE6oXD9jCYfFNV2cWRpVuPLBcCU2z8TrisoyY1";
    private static final String WIF_U = "5KYZdUEo39z3FPrtuX2QbbwGnNP5zTd7yyr2SC1j299sBCnWjss";
    private static final String PUB_C = "03a34b99f22c790c4e36b2b3c2c35a36db06226e41c692fc82b8b56ac1c540c5bd";
    private static final String PUB_U = "04a34b99f22c790c4e36b2b3c2c35a36db06226e41c692fc82b8b56ac1c540c5bd5b8dec5235a0fa8"
            + "722476c7709c02559e3aa73aa03918ba2d492eea75abea235";
    private static final String KEY_60 = "0260b2003c386519fc9eadf2b5cf124dd8eea4c4e68d5e154050a9346ea98ce600";
    private static final String XPUB_V2 = "xpub6ERApfZwUNrhLCkDtcHTcxd75RbzS1ed54G1LkBUHQVHQKqhMkhgbmJbZRkrgZw4koxb5JaHW"
            + "kY4ALHY2grBGRjaDMzQLcgJvLJuZZvRcEL";
    private static final String XPRV_V2 = "xprvA1RpRA33e1JQ7ifknakTFpgNXPmW2YvmhqLQYMmrj4xJXXWYpDPS3xz7iAxn8L39njGVyuo"
            + "seXzU6rcxFLJ8HFsTjSyQbLYnMpCqE2VbFWc";
    private static final String XPRV_V2_M = "xprv9s21ZrQH143K31xYSDQpPDxsXRTUcvj2iNHm5NUtrGiGG5e2DtALGdso3pGz6ssrdK4PF"
            + "mM8NSpSBHNqPqm55Qn3LqFtT2emdEXVYsCzC2U";
    private static final String XPRV_V1_M = "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxW"
            + "Utg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi";
    private static final String XPRV_V3_0H = "xprv9uPDJpEQgRQfDcW7BkF7eTya6RPxXeJCqCJGHuCJ4GiRVLzkTXBAJMu2qaMWPrS7AANY"
            + "qdq6vcBcBUdJCVVFceUvJFjaPdGZ2y9WACViL4L";
    private static final String XPUB_V3_0H = "xpub68NZiKmJWnxxS6aaHmn81bvJeTESw724CRDs6HbuccFQN9Ku14VQrADWgqbhhTHBaohP"
            + "X4CjNLf9fq9MYo6oDaPPLPxSb7gwQN3ih19Zm4Y";
    private static final String XPRV_V2_0 = "xprv9vHkqa6EV4sPZHYqZznhT2NPtPCjKuDKGY38FBWLvgaDx45zo9WQRUT3dKYnjwih2yJD9"
            + "mkrocEZXo1ex8G81dwSM1fwqWpWkeS3v86pgKt";
    private static final String XPUB_V2_0 = "xpub69H7F5d8KSRgmmdJg2KhpAK8SR3DjMwAdkxj3ZuxV27CprR9LgpeyGmXUbC6wb7ERfvrn"
            + "KZjXoUmmDznezpbZb7ap6r1D3tgFxHmwMkQTPH";
    private static final String XPRV_V1_4 = "xprvA2JDeKCSNNZky6uBCviVfJSKyQ1mDYahRjijr5idH2WwLsEd4Hsb2Tyh8RfQMuPh7f7Rt"
            + "yzTtdrbdqqsunu5Mm3wDvUAKRHSC34sJ7in334";

    /** BIP-0380's valid key expressions, each as the key of pk(). */
    static Stream<String> bip380ValidKeys() {
        return Stream.of(KEY_60, PUB_U, "[deadbeef/0h/0h/0h]" + KEY_60, "[deadbeef/0'/0'/0']" + KEY_60,
                "[deadbeef/0'/0h/0']" + KEY_60, WIF_U, WIF_C, XPUB_V2, "[deadbeef/0h/1h/2h]" + XPUB_V2,
                "[deadbeef/0h/1h/2h]" + XPUB_V2 + "/3/4/5", "[deadbeef/0h/1h/2h]" + XPUB_V2 + "/3/4/5/*",
                XPUB_V2 + "/3h/4h/5h/*", XPUB_V2 + "/3h/4h/5h/*h", "[deadbeef/0h/1h/2]" + XPUB_V2 + "/3h/4h/5h/*h",
                XPRV_V2, "[deadbeef/0h/1h/2h]" + XPRV_V2, "[deadbeef/0h/1h/2h]" + XPRV_V2 + "/3/4/5",
                "[deadbeef/0h/1h/2h]" + XPRV_V2 + "/3/4/5/*", XPRV_V2 + "/3h/4h/5h/*", XPRV_V2 + "/3h/4h/5h/*h",
                "[deadbeef/0h/1h/2]" + XPRV_V2 + "/3h/4h/5h/*h");
    }

    @ParameterizedTest
    @MethodSource("bip380ValidKeys")
    void bip380ValidKeyExpressionsParseAndKeepTheirForm(String key) {
        Descriptor d = Descriptor.parse("pk(" + key + ")", MAIN);
        String privateForm = d.toPrivateString();
        assertThat(privateForm.substring(0, privateForm.indexOf('#'))).isEqualTo("pk(" + key.replace("0'/0h/0'",
                "0'/0'/0'") + ")");
        assertThat(d.isRange()).isEqualTo(key.contains("*"));
        assertThat(d.hasPrivateKeys()).isEqualTo(key.contains("xprv") || key.equals(WIF_C) || key.equals(WIF_U));
    }

    static Stream<Arguments> bip380InvalidKeys() {
        return Stream.of(
                Arguments.of("[deadbeef/0h/0h/0h/*]" + KEY_60, "Key path value '*' is not a valid uint32"),
                Arguments.of("[deadbeef/0h/0h/0h/]" + KEY_60, "Key path value '' is not a valid uint32"),
                Arguments.of("[deadbef/0h/0h/0h]" + KEY_60,
                        "Fingerprint is not 4 bytes (7 characters instead of 8 characters)"),
                Arguments.of("[deadbeeef/0h/0h/0h]" + KEY_60,
                        "Fingerprint is not 4 bytes (9 characters instead of 8 characters)"),
                Arguments.of("[deadbeef/0f/0f/0f]" + KEY_60, "Key path value '0f' is not a valid uint32"),
                Arguments.of("[deadbeef/-0/-0/-0]" + KEY_60, "Key path value '-0' is not a valid uint32"),
                Arguments.of("[deadbeef/0H/0H/0H]" + KEY_60, "Key path value '0H' is not a valid uint32"),
                Arguments.of("[deadbeef/0h/1h/2]" + XPRV_V2 + "/3H/4h/5h/*H",
                        "Key path value '3H' is not a valid uint32"),
                Arguments.of(WIF_C + "/0", "key '" + WIF_C + "' is not valid"),
                Arguments.of(WIF_C + "/*", "key '" + WIF_C + "' is not valid"),
                Arguments.of(XPRV_V2_M + "/2147483648", "Key path value 2147483648 is out of range"),
                Arguments.of(XPRV_V2_M + "/1aa", "Key path value '1aa' is not a valid uint32"),
                Arguments.of("[aaaaaaaa][aaaaaaaa]" + XPRV_V2_M + "/2147483647'/0",
                        "Multiple ']' characters found for a single pubkey"),
                Arguments.of("aaaaaaaa]" + XPRV_V2_M + "/2147483647'/0",
                        "Key origin start '[ character expected but not found, got 'a' instead"),
                Arguments.of("[gaaaaaaa]" + XPRV_V2_M + "/2147483647'/0", "Fingerprint 'gaaaaaaa' is not hex"),
                Arguments.of("[deadbeef]", "No key provided"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("bip380InvalidKeys")
    void bip380InvalidKeyExpressions(String key, String message) {
        assertThatThrownBy(() -> Descriptor.parse("pk(" + key + ")", MAIN))
                .isInstanceOf(DescriptorException.class).hasMessage("pk(): " + message);
    }

    static Stream<Arguments> validDescriptors() {
        return Stream.of(
                // BIP-0381
                valid("pk(" + WIF_C + ")", "2103a34b99f22c790c4e36b2b3c2c35a36db06226e41c692fc82b8b56ac1c540c5bdac"),
                valid("pk(" + PUB_C + ")", "2103a34b99f22c790c4e36b2b3c2c35a36db06226e41c692fc82b8b56ac1c540c5bdac"),
                valid("pkh([deadbeef/1/2'/3/4']" + WIF_C + ")", "76a9149a1c78a507689f6f54b847ad1cef1e614ee23f1e88ac"),
                valid("pkh([deadbeef/1/2'/3/4']" + PUB_C + ")", "76a9149a1c78a507689f6f54b847ad1cef1e614ee23f1e88ac"),
                valid("pkh([deadbeef/1/2h/3/4h]" + PUB_C + ")", "76a9149a1c78a507689f6f54b847ad1cef1e614ee23f1e88ac"),
                valid("pk(" + WIF_U + ")", "41" + PUB_U + "ac"),
                valid("pk(" + PUB_U + ")", "41" + PUB_U + "ac"),
                valid("pkh(" + WIF_U + ")", "76a914b5bd079c4d57cc7fc28ecf8213a6b791625b818388ac"),
                valid("pkh(" + PUB_U + ")", "76a914b5bd079c4d57cc7fc28ecf8213a6b791625b818388ac"),
                valid("sh(pk(" + WIF_C + "))", "a9141857af51a5e516552b3086430fd8ce55f7c1a52487"),
                valid("sh(pk(" + PUB_C + "))", "a9141857af51a5e516552b3086430fd8ce55f7c1a52487"),
                valid("sh(pkh(" + WIF_C + "))", "a9141a31ad23bf49c247dd531a623c2ef57da3c400c587"),
                valid("sh(pkh(" + PUB_C + "))", "a9141a31ad23bf49c247dd531a623c2ef57da3c400c587"),
                valid("pkh(" + XPRV_V2_M + "/2147483647'/0)", "76a914ebdc90806a9c4356c1c88e42216611e1cb4c1c1788ac"),
                valid("pkh([bd16bee5/2147483647h]xpub69H7F5dQzmVd3vPuLKtcXJziMEQByuDidnX3YdwgtNsecY5HRGtAAQC5mXTt4dsv9R"
                        + "zyjgDjAQs9VGVV6ydYCHnprc9vvaA5YtqWyL6hyds/0)",
                        "76a914ebdc90806a9c4356c1c88e42216611e1cb4c1c1788ac"),
                valid("pk(" + XPRV_V3_0H + "/0)",
                        "210379e45b3cf75f9c5f9befd8e9506fb962f6a9d185ac87001ec44a8d3df8d4a9e3ac"),
                valid("pk(" + XPUB_V3_0H + "/0)",
                        "210379e45b3cf75f9c5f9befd8e9506fb962f6a9d185ac87001ec44a8d3df8d4a9e3ac"),
                // BIP-0382
                valid("wpkh(" + WIF_C + ")", "00149a1c78a507689f6f54b847ad1cef1e614ee23f1e"),
                valid("wpkh(" + PUB_C + ")", "00149a1c78a507689f6f54b847ad1cef1e614ee23f1e"),
                valid("wpkh([ffffffff/13']" + XPRV_V2_0 + "/1/2/0)", "0014326b2249e3a25d5dc60935f044ee835d090ba859"),
                valid("wpkh([ffffffff/13']" + XPUB_V2_0 + "/1/2/*)", "0014326b2249e3a25d5dc60935f044ee835d090ba859",
                        "0014af0bd98abc2f2cae66e36896a39ffe2d32984fb7", "00141fa798efd1cbf95cebf912c031b8a4a6e9fb9f27"),
                valid("sh(wpkh(" + XPRV_V1_M + "/10/20/30/40/*'))", "a9149a4d9901d6af519b2a23d4a2f51650fcba87ce7b87",
                        "a914bed59fc0024fae941d6e20a3b44a109ae740129287", "a9148483aa1116eb9c05c482a72bada4b1db24af654387"),
                valid("sh(wpkh(" + XPRV_V1_M + "/10/20/30/40/*h))", "a9149a4d9901d6af519b2a23d4a2f51650fcba87ce7b87",
                        "a914bed59fc0024fae941d6e20a3b44a109ae740129287", "a9148483aa1116eb9c05c482a72bada4b1db24af654387"),
                valid("wsh(pkh(" + WIF_C + "))", "0020338e023079b91c58571b20e602d7805fb808c22473cbc391a41b1bd3a192e75b"),
                valid("wsh(pkh(" + PUB_C + "))", "0020338e023079b91c58571b20e602d7805fb808c22473cbc391a41b1bd3a192e75b"),
                valid("wsh(pk(" + WIF_C + "))", "00202e271faa2325c199d25d22e1ead982e45b64eeb4f31e73dbdf41bd4b5fec23fa"),
                valid("wsh(pk(" + PUB_C + "))", "00202e271faa2325c199d25d22e1ead982e45b64eeb4f31e73dbdf41bd4b5fec23fa"),
                valid("sh(wsh(pkh(" + WIF_C + ")))", "a914b61b92e2ca21bac1e72a3ab859a742982bea960a87"),
                valid("sh(wsh(pkh(" + PUB_C + ")))", "a914b61b92e2ca21bac1e72a3ab859a742982bea960a87"),
                // BIP-0383
                valid("multi(1," + WIF_C + "," + WIF_U + ")", "5121" + PUB_C + "41" + PUB_U + "52ae"),
                valid("multi(1," + PUB_C + "," + PUB_U + ")", "5121" + PUB_C + "41" + PUB_U + "52ae"),
                valid("sortedmulti(1," + PUB_U + "," + PUB_C + ")", "5121" + PUB_C + "41" + PUB_U + "52ae"),
                valid("sh(multi(2,[00000000/111'/222]" + XPRV_V2 + "," + XPRV_V3_0H + "/0))",
                        "a91445a9a622a8b0a1269944be477640eedc447bbd8487"),
                valid("sortedmulti(2," + XPUB_V2 + "/*," + XPUB_V3_0H + "/0/0/*)",
                        "5221025d5fc65ebb8d44a5274b53bac21ff8307fec2334a32df05553459f8b1f7fe1b62102fbd47cc8034098f0e6a94c6aeee8528abf0a2153a5d8e46d325b7284c046784652ae",
                        "52210264fd4d1f5dea8ded94c61e9641309349b62f27fbffe807291f664e286bfbe6472103f4ece6dfccfa37b211eb3d0af4d0c61dba9ef698622dc17eecdf764beeb005a652ae",
                        "5221022ccabda84c30bad578b13c89eb3b9544ce149787e5b538175b1d1ba259cbb83321024d902e1a2fc7a8755ab5b694c575fce742c48d9ff192e63df5193e4c7afe1f9c52ae"),
                valid("wsh(multi(2," + XPRV_V2_M + "/2147483647'/0," + XPRV_V2_0 + "/1/2/*," + XPRV_V1_M
                                + "/10/20/30/40/*'))",
                        "0020b92623201f3bb7c3771d45b2ad1d0351ea8fbf8cfe0a0e570264e1075fa1948f",
                        "002036a08bbe4923af41cf4316817c93b8d37e2f635dd25cfff06bd50df6ae7ea203",
                        "0020a96e7ab4607ca6b261bfe3245ffda9c746b28d3f59e83d34820ec0e2b36c139c"),
                valid("sh(wsh(multi(16," + String.join(",", SIXTEEN_KEYS) + ")))",
                        "a9147fc63e13dc25e8a95a3cee3d9a714ac3afd96f1e87"),
                valid("wsh(multi(20," + String.join(",", TWENTY_WIFS) + "))",
                        "0020376bd8344b8b6ebe504ff85ef743eaa1aa9272178223bcb6887e9378efb341ac"),
                valid("sh(wsh(multi(20," + String.join(",", TWENTY_WIFS) + ")))",
                        "a914c2c9c510e9d7f92fd6131e94803a8d34a8ef675e87"),
                // BIP-0384
                valid("combo(" + WIF_C + ")", "2103a34b99f22c790c4e36b2b3c2c35a36db06226e41c692fc82b8b56ac1c540c5bdac",
                        "76a9149a1c78a507689f6f54b847ad1cef1e614ee23f1e88ac", "00149a1c78a507689f6f54b847ad1cef1e614ee23f1e",
                        "a91484ab21b1b2fd065d4504ff693d832434b6108d7b87"),
                valid("combo(" + PUB_U + ")", "41" + PUB_U + "ac", "76a914b5bd079c4d57cc7fc28ecf8213a6b791625b818388ac"),
                valid("combo([01234567]" + XPUB_V2 + ")",
                        "2102d2b36900396c9282fa14628566582f206a5dd0bcc8d5e892611806cafb0301f0ac",
                        "76a91431a507b815593dfc51ffc7245ae7e5aee304246e88ac", "001431a507b815593dfc51ffc7245ae7e5aee304246e",
                        "a9142aafb926eb247cb18240a7f4c07983ad1f37922687"),
                valid("combo(" + XPRV_V1_4 + "/*)",
                        "2102df12b7035bdac8e3bab862a3a83d06ea6b17b6753d52edecba9be46f5d09e076ac",
                        "76a914f90e3178ca25f2c808dc76624032d352fdbdfaf288ac", "0014f90e3178ca25f2c808dc76624032d352fdbdfaf2",
                        "a91408f3ea8c68d4a7585bf9e8bda226723f70e445f087",
                        "21032869a233c9adff9a994e4966e5b821fd5bac066da6c3112488dc52383b4a98ecac",
                        "76a914a8409d1b6dfb1ed2a3e8aa5e0ef2ff26b15b75b788ac", "0014a8409d1b6dfb1ed2a3e8aa5e0ef2ff26b15b75b7",
                        "a91473e39884cb71ae4e5ac9739e9225026c99763e6687"),
                // BIP-0385
                valid("raw(deadbeef)", "deadbeef"),
                valid("raw(5121" + PUB_C + "41" + PUB_U + "52ae)", "5121" + PUB_C + "41" + PUB_U + "52ae"),
                valid("raw(a9149a4d9901d6af519b2a23d4a2f51650fcba87ce7b87)",
                        "a9149a4d9901d6af519b2a23d4a2f51650fcba87ce7b87"),
                valid("addr(3PUNyaW7M55oKWJ3kDukwk9bsKvryra15j)", "a914eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee87"));
    }

    private static Arguments valid(String descriptor, String... scripts) {
        return Arguments.of(descriptor, List.of(scripts));
    }

    /**
     * The scripts at positions 0, 1 (and 2) in the BIP's order; a descriptor that is not ranged gives the same
     * scripts at every position. combo()'s vector lists positions 0 and 1 only, four scripts each.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("validDescriptors")
    void validDescriptorsGiveTheBipScripts(String descriptor, List<String> expected) {
        Descriptor d = Descriptor.parse(descriptor, MAIN);
        List<String> actual = new ArrayList<>();
        int perPosition = descriptor.startsWith("combo(") ? (descriptor.contains("04a3") ? 2 : 4) : 1;
        int positions = d.isRange() ? expected.size() / perPosition : 1;
        for (int i = 0; i < positions; i++) {
            d.expand(i).forEach(s -> actual.add(Hex.encode(s)));
        }
        assertThat(actual).containsExactlyElementsOf(expected);
        if (!d.isRange()) {
            assertThat(d.expand(7).stream().map(Hex::encode).toList()).isEqualTo(expected);
        }
        // The private form parses to the same scripts; the public form parses (hardened steps below an xpub
        // cannot be expanded, as in Core).
        Descriptor again = Descriptor.parse(d.toPrivateString(), MAIN, true);
        assertThat(Hex.encode(again.expandRange(0, 0).get(0))).isEqualTo(expected.get(0));
        assertThat(Descriptor.parse(d.toString(), MAIN, true).hasPrivateKeys()).isFalse();
    }

    static Stream<Arguments> invalidDescriptors() {
        return Stream.of(
                // BIP-0381
                Arguments.of("pk(pk(" + PUB_C + "))", "pk(): key 'pk(" + PUB_C + ")' is not valid"),
                Arguments.of("pkh(pk(" + PUB_C + "))", "pkh(): key 'pk(" + PUB_C + ")' is not valid"),
                Arguments.of("sh(" + PUB_C + ")", "A function is needed within P2SH"),
                Arguments.of("sh(sh(pkh(" + PUB_C + ")))", "Can only have sh() at top level"),
                // BIP-0382
                Arguments.of("wpkh(" + WIF_U + ")", "wpkh(): Uncompressed keys are not allowed"),
                Arguments.of("sh(wpkh(" + WIF_U + "))", "wpkh(): Uncompressed keys are not allowed"),
                Arguments.of("wpkh(" + PUB_U + ")", "wpkh(): Uncompressed keys are not allowed"),
                Arguments.of("sh(wpkh(" + PUB_U + "))", "wpkh(): Uncompressed keys are not allowed"),
                Arguments.of("wsh(pk(" + WIF_U + "))", "pk(): Uncompressed keys are not allowed"),
                Arguments.of("wsh(pk(" + PUB_U + "))", "pk(): Uncompressed keys are not allowed"),
                Arguments.of("wsh(wpkh(" + PUB_C + "))", "Can only have wpkh() at top level or inside sh()"),
                Arguments.of("wsh(wsh(pkh(" + PUB_C + ")))", "Can only have wsh() at top level or inside sh()"),
                Arguments.of("sh(wsh(wsh(pkh(" + PUB_C + "))))", "Can only have wsh() at top level or inside sh()"),
                Arguments.of("wpkh(wsh(pkh(" + PUB_C + ")))", "wpkh(): key 'wsh(pkh(" + PUB_C + "))' is not valid"),
                Arguments.of("wsh(" + PUB_C + ")", "A function is needed within P2WSH"),
                // BIP-0383
                Arguments.of("sh(multi(16," + String.join(",", SIXTEEN_KEYS) + "))",
                        "P2SH script is too large, 547 bytes is larger than 520 bytes"),
                Arguments.of("multi(a," + PUB_C + "," + PUB_U + ")", "Multi threshold 'a' is not valid"),
                Arguments.of("multi(0," + PUB_C + "," + PUB_U + ")", "Multisig threshold cannot be 0, must be at least 1"),
                Arguments.of("multi(3," + WIF_C + "," + WIF_U + ")", "Multisig threshold cannot be larger than the "
                        + "number of keys; threshold is 3 but only 2 keys specified"),
                // BIP-0384
                Arguments.of("sh(combo(" + PUB_C + "))", "Can only have combo() at top level"),
                Arguments.of("wsh(combo(" + PUB_C + "))", "Can only have combo() at top level"),
                Arguments.of("combo(pkh(" + PUB_C + "))", "combo(): key 'pkh(" + PUB_C + ")' is not valid"),
                // BIP-0385
                Arguments.of("raw(asdf)", "Raw script is not hex"),
                Arguments.of("addr(asdf)", "Address is not valid"),
                Arguments.of("sh(raw(deadbeef))", "Can only have raw() at top level"),
                Arguments.of("wsh(raw(deadbeef))", "Can only have raw() at top level"),
                Arguments.of("sh(addr(3PUNyaW7M55oKWJ3kDukwk9bsKvryra15j))", "Can only have addr() at top level"),
                Arguments.of("wsh(addr(3PUNyaW7M55oKWJ3kDukwk9bsKvryra15j))", "Can only have addr() at top level"),
                // BIP-0386's invalid vectors fail too, though tr() itself is not implemented yet
                Arguments.of("tr(" + WIF_U + ")", "tr() descriptors (BIP-0386) are not supported yet"),
                Arguments.of("wsh(tr(a34b99f22c790c4e36b2b3c2c35a36db06226e41c692fc82b8b56ac1c540c5bd))",
                        "Can only have tr at top level"),
                Arguments.of("sh(tr(a34b99f22c790c4e36b2b3c2c35a36db06226e41c692fc82b8b56ac1c540c5bd))",
                        "Can only have tr at top level"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidDescriptors")
    void invalidDescriptorsFailWithCoresMessage(String descriptor, String message) {
        assertThatThrownBy(() -> Descriptor.parse(descriptor, MAIN))
                .isInstanceOf(DescriptorException.class).hasMessage(message);
    }

    private static final List<String> SIXTEEN_KEYS = List.of(
            "03669b8afcec803a0d323e9a17f3ea8e68e8abe5a278020a929adbec52421adbd0",
            "0260b2003c386519fc9eadf2b5cf124dd8eea4c4e68d5e154050a9346ea98ce600",
            "0362a74e399c39ed5593852a30147f2959b56bb827dfa3e60e464b02ccf87dc5e8",
            "0261345b53de74a4d721ef877c255429961b7e43714171ac06168d7e08c542a8b8",
            "02da72e8b46901a65d4374fe6315538d8f368557dda3a1dcf9ea903f3afe7314c8",
            "0318c82dd0b53fd3a932d16e0ba9e278fcc937c582d5781be626ff16e201f72286",
            "0297ccef1ef99f9d73dec9ad37476ddb232f1238aff877af19e72ba04493361009",
            "02e502cfd5c3f972fe9a3e2a18827820638f96b6f347e54d63deb839011fd5765d",
            "03e687710f0e3ebe81c1037074da939d409c0025f17eb86adb9427d28f0f7ae0e9",
            "02c04d3a5274952acdbc76987f3184b346a483d43be40874624b29e3692c1df5af",
            "02ed06e0f418b5b43a7ec01d1d7d27290fa15f75771cb69b642a51471c29c84acd",
            "036d46073cbb9ffee90473f3da429abc8de7f8751199da44485682a989a4bebb24",
            "02f5d1ff7c9029a80a4e36b9a5497027ef7f3e73384a4a94fbfe7c4e9164eec8bc",
            "02e41deffd1b7cce11cde209a781adcffdabd1b91c0ba0375857a2bfd9302419f3",
            "02d76625f7956a7fc505ab02556c23ee72d832f1bac391bcd2d3abce5710a13d06",
            "0399eb0a5487515802dc14544cf10b3666623762fbed2ec38a3975716e2c29c232");

    private static final List<String> TWENTY_WIFS = List.of(
            "KzoAz5CanayRKex3fSLQ2BwJpN7U52gZvxMyk78nDMHuqrUxuSJy", "KwGNz6YCCQtYvFzMtrC6D3tKTKdBBboMrLTsjr2NYVBwapCkn7Mr",
            "KxogYhiNfwxuswvXV66eFyKcCpm7dZ7TqHVqujHAVUjJxyivxQ9X", "L2BUNduTSyZwZjwNHynQTF14mv2uz2NRq5n5sYWTb4FkkmqgEE9f",
            "L1okJGHGn1kFjdXHKxXjwVVtmCMR2JA5QsbKCSpSb7ReQjezKeoD", "KxDCNSST75HFPaW5QKpzHtAyaCQC7p9Vo3FYfi2u4dXD1vgMiboK",
            "L5edQjFtnkcf5UWURn6UuuoFrabgDQUHdheKCziwN42aLwS3KizU", "KzF8UWFcEC7BYTq8Go1xVimMkDmyNYVmXV5PV7RuDicvAocoPB8i",
            "L3nHUboKG2w4VSJ5jYZ5CBM97oeK6YuKvfZxrefdShECcjEYKMWZ", "KyjHo36dWkYhimKmVVmQTq3gERv3pnqA4xFCpvUgbGDJad7eS8WE",
            "KwsfyHKRUTZPQtysN7M3tZ4GXTnuov5XRgjdF2XCG8faAPmFruRF", "KzCUbGhN9LJhdeFfL9zQgTJMjqxdBKEekRGZX24hXdgCNCijkkap",
            "KzgpMBwwsDLwkaC5UrmBgCYaBD2WgZ7PBoGYXR8KT7gCA9UTN5a3", "KyBXTPy4T7YG4q9tcAM3LkvfRpD1ybHMvcJ2ehaWXaSqeGUxEdkP",
            "KzJDe9iwJRPtKP2F2AoN6zBgzS7uiuAwhWCfGdNeYJ3PC1HNJ8M8", "L1xbHrxynrqLKkoYc4qtoQPx6uy5qYXR5ZDYVYBSRmCV5piU3JG9",
            "KzRedjSwMggebB3VufhbzpYJnvHfHe9kPJSjCU5QpJdAW3NSZxYS", "Kyjtp5858xL7JfeV4PNRCKy2t6XvgqNNepArGY9F9F1SSPqNEMs3",
            "L2D4RLHPiHBidkHS8ftx11jJk1hGFELvxh8LoxNQheaGT58dKenW", "KyLPZdwY4td98bKkXqEXTEBX3vwEYTQo1yyLjX2jKXA63GBpmSjv");
}
