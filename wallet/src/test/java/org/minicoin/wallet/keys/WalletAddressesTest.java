package org.minicoin.wallet.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.minicoin.consensus.address.AddressException;
import org.minicoin.consensus.encoding.Base58;
import org.minicoin.consensus.encoding.Hex;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.testing.TestData;
import org.minicoin.genesis.spec.ChainSpecs;

/**
 * Bitcoin Core's key_io vectors for {@code main} and {@code regtest} run through the wallet's address entry point
 * (the consensus tests check the same rows against {@code Address} itself; this shows the wallet adds no
 * difference in what is accepted), then the wallet's own messages for the usual mistakes.
 */
class WalletAddressesTest {
    private static final ChainParams MAIN = ChainSpecs.params("main");
    private static final ChainParams REGTEST = ChainSpecs.params("regtest");
    private static final ChainParams DEVNET = ChainSpecs.params("devnet");
    private static final Map<String, ChainParams> CHAINS = Map.of("main", MAIN, "regtest", REGTEST);

    static Stream<JsonNode> mainAndRegtestRows() {
        return TestData.vectorRows("bitcoin-core/key_io_valid.json").stream()
                .filter(row -> CHAINS.containsKey(row.get(2).get("chain").asText()));
    }

    static Stream<String> invalidStrings() {
        List<String> out = new ArrayList<>();
        for (JsonNode row : TestData.json("bitcoin-core/key_io_invalid.json")) {
            out.add(row.get(0).asText());
        }
        return out.stream();
    }

    @Test
    void theRowsAreThere() {
        assertThat(mainAndRegtestRows()).hasSize(34);
        assertThat(invalidStrings()).hasSize(70);
    }

    @ParameterizedTest
    @MethodSource("mainAndRegtestRows")
    void validRow(JsonNode row) {
        String text = row.get(0).asText();
        byte[] payload = Hex.decode(row.get(1).asText());
        JsonNode meta = row.get(2);
        ChainParams params = CHAINS.get(meta.get("chain").asText());
        if (meta.get("isPrivkey").asBoolean()) {
            assertThatThrownBy(() -> WalletAddresses.toScriptPubKey(text, params))
                    .isInstanceOf(AddressException.class).hasMessageContaining("private key");
            return;
        }
        assertThat(WalletAddresses.toScriptPubKey(text, params)).isEqualTo(payload);
        assertThat(WalletAddresses.toAddress(payload, params)).isEqualTo(text);
        String flipped = flipCase(text);
        if (meta.path("tryCaseFlip").asBoolean(false)) {
            assertThat(WalletAddresses.toScriptPubKey(flipped, params)).isEqualTo(payload);
        } else {
            assertThatThrownBy(() -> WalletAddresses.toScriptPubKey(flipped, params))
                    .isInstanceOf(AddressException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("invalidStrings")
    void invalidStringIsRefusedOnMainAndRegtest(String text) {
        for (ChainParams params : List.of(MAIN, REGTEST)) {
            assertThatThrownBy(() -> WalletAddresses.toScriptPubKey(text, params)).as("on %s", params.name())
                    .isInstanceOf(AddressException.class).hasMessageNotContaining("null");
        }
    }

    @Test
    void addressOfAnotherBuiltInNetworkIsNamed() {
        String mainBech32 = "bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu";
        assertThatThrownBy(() -> WalletAddresses.toScriptPubKey(mainBech32, REGTEST))
                .isInstanceOf(AddressException.class).hasMessage("Address is for network main, not regtest");
        assertThatThrownBy(() -> WalletAddresses.toScriptPubKey("1LqBGSKuX5yYUonjxT5qGfpUsXKYYWeabA", REGTEST))
                .hasMessage("Address is for network main, not regtest");
        // regtest and devnet share base58 prefixes, so a base58 test address belongs to both.
        assertThatThrownBy(() -> WalletAddresses.toScriptPubKey("mkpZhYtJu2r87Js3pDiWJDmPte2NRZ8bJV", MAIN))
                .hasMessage("Address is for network regtest or devnet, not main");
        String regtestBech32 = Account.fromSeed(new byte[32], Purpose.BIP84, REGTEST, 0).address(0, 0);
        assertThatThrownBy(() -> WalletAddresses.toScriptPubKey(regtestBech32, MAIN))
                .hasMessage("Address is for network regtest, not main");
        assertThatThrownBy(() -> WalletAddresses.toScriptPubKey(regtestBech32, DEVNET))
                .hasMessage("Address is for network regtest, not devnet");
    }

    @Test
    void bech32AddressOfAnUnknownNetworkNamesItsPrefix() {
        assertThatThrownBy(() -> WalletAddresses.toScriptPubKey("tb1q6rz28mcfaxtmd6v789l9rrlrusdprr9pqcpvkl",
                REGTEST)).isInstanceOf(AddressException.class)
                .hasMessage("Address has prefix 'tb' (testnet/signet), but network regtest uses 'bcrt'");
        // Not even valid bech32 (one character changed), but the prefix alone says it is not for regtest.
        assertThatThrownBy(() -> WalletAddresses.toScriptPubKey("tb1q6rz28mcfaxtmd6v789l9rrlrusdprr9pqcpvkk",
                REGTEST)).hasMessage("Address has prefix 'tb' (testnet/signet), but network regtest uses 'bcrt'");
    }

    @Test
    void invalidAddressWithAnotherBuiltInNetworksPrefixSaysWhyItFailsThere() {
        // A main-net address with one character changed, entered on regtest: Core alone would say "Invalid or
        // unsupported Segwit (Bech32) or Base58 encoding."
        String good = "bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu";
        String typo = good.substring(0, 10) + (good.charAt(10) == 'q' ? 'p' : 'q') + good.substring(11);
        assertThatThrownBy(() -> WalletAddresses.toScriptPubKey(typo, REGTEST))
                .isInstanceOfSatisfying(AddressException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("Address has prefix 'bc' of network main, not regtest's "
                            + "'bcrt', and is not valid on main either: Invalid Bech32 checksum");
                    assertThat(e.errorLocations()).containsExactly(10);
                });
    }

    @Test
    void base58ChecksumAndLengthErrorsAreTold() {
        // Core says "Invalid checksum or length of Base58 address (P2PKH or P2SH)" for both.
        String good = "1LqBGSKuX5yYUonjxT5qGfpUsXKYYWeabA";
        String typo = good.replace("GSK", "GSL");
        assertThatThrownBy(() -> WalletAddresses.toScriptPubKey(typo, MAIN))
                .isInstanceOf(AddressException.class).hasMessageContaining("checksum");
        byte[] payload = Base58.decodeCheck(good);
        byte[] longer = new byte[payload.length + 1];
        System.arraycopy(payload, 0, longer, 0, payload.length);
        String tooLong = Base58.encodeCheck(longer);
        assertThatThrownBy(() -> WalletAddresses.toScriptPubKey(tooLong, MAIN))
                .hasMessage("Invalid Base58 address length: 22 bytes, expected 21 (version byte and 20-byte hash)");
        byte[] otherVersion = payload.clone();
        otherVersion[0] = 48; // Litecoin P2PKH
        assertThatThrownBy(() -> WalletAddresses.toScriptPubKey(Base58.encodeCheck(otherVersion), MAIN))
                .hasMessageContaining("version 48 is not used on network main (P2PKH 0, P2SH 5)");
    }

    @Test
    void bech32ErrorsKeepCoresMessageAndLocations() {
        String good = "bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu";
        String typo = good.substring(0, 10) + (good.charAt(10) == 'q' ? 'p' : 'q') + good.substring(11);
        assertThatThrownBy(() -> WalletAddresses.toScriptPubKey(typo, MAIN))
                .isInstanceOfSatisfying(AddressException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("Invalid Bech32 checksum");
                    assertThat(e.errorLocations()).containsExactly(10);
                });
    }

    @Test
    void privateKeyIsCalledOutAndPasteWhitespaceIgnored() {
        // BIP-0084's first receive key, a mainnet WIF.
        assertThatThrownBy(() -> WalletAddresses.toScriptPubKey(
                "KyZpNDKnfs94vbrwhJneDi77V6jF64PWPF8x5cdJb8ifgg2DUc9d", MAIN))
                .hasMessage("This is a private key (WIF), not an address; keep it secret");
        assertThat(WalletAddresses.toScriptPubKey("  bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu\n", MAIN))
                .isEqualTo(Hex.decode("0014c0cebcd6c3d3ca8c75dc5ec62ebe55330ef910e2"));
        assertThatThrownBy(() -> WalletAddresses.toScriptPubKey(" \t", MAIN)).hasMessage("Address is empty");
        assertThatThrownBy(() -> WalletAddresses.toScriptPubKey(null, MAIN)).hasMessage("Address is empty");
    }

    private static String flipCase(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            sb.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return sb.toString();
    }
}
