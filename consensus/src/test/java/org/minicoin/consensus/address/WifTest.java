package org.minicoin.consensus.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.minicoin.consensus.crypto.PrivateKey;
import org.minicoin.consensus.encoding.Base58;
import org.minicoin.consensus.encoding.Hex;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.testing.ChainParamsFixtures;

/** WIF keys beyond Core's vectors: each kind of failure named, devnet round trips, and nothing leaked by toString. */
class WifTest {
    private static final ChainParams MAIN = ChainParamsFixtures.mainnet();
    private static final ChainParams DEVNET = ChainParamsFixtures.devnet();
    /** n, the order of secp256k1 (SEC 2): one past the largest private key. */
    private static final String CURVE_ORDER = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";
    private static final byte[] KEY = Hex.decode("0c28fca386c7a227600b2fe50b7cae11ec86d3bf1fbe471be89827e19d72aa1d");

    @Test
    void theWellKnownExampleKey() {
        // The example WIF key of the Bitcoin wiki's "Wallet import format" page, uncompressed on mainnet.
        Wif wif = Wif.decode("5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ", MAIN);
        assertThat(wif.key().toBytes()).isEqualTo(KEY);
        assertThat(wif.compressed()).isFalse();
    }

    @Test
    void devnetKeysRoundTripWithTheirFlag() {
        for (boolean compressed : new boolean[] {false, true}) {
            Wif wif = new Wif(PrivateKey.fromBytes(KEY), compressed);
            String text = wif.encode(DEVNET);
            Wif back = Wif.decode(text, DEVNET);
            assertThat(back.key()).isEqualTo(wif.key());
            assertThat(back.compressed()).isEqualTo(compressed);
            // Test-network keys begin with 9 (uncompressed) or c (compressed), as on testnet.
            assertThat(text).startsWith(compressed ? "c" : "9");
        }
    }

    @Test
    void aKeyOfAnotherNetworkNamesBothPrefixes() {
        String devnetKey = new Wif(PrivateKey.fromBytes(KEY), true).encode(DEVNET);
        assertThatThrownBy(() -> Wif.decode(devnetKey, MAIN))
                .isInstanceOf(AddressException.class)
                .hasMessage("Invalid prefix for Base58-encoded private key (expected 128, got 239)");
    }

    @Test
    void lengthFlagChecksumAndRangeFailuresAreNamed() {
        assertThatThrownBy(() -> Wif.decode(Base58.encodeCheck(payload(KEY, new byte[] {1, 1})), MAIN))
                .hasMessage("Invalid checksum or length of Base58 private key");
        assertThatThrownBy(() -> Wif.decode(Base58.encodeCheck(payload(Arrays.copyOf(KEY, 31), new byte[0])), MAIN))
                .hasMessage("Invalid length for Base58 private key (32 bytes, expected 33 or 34)");
        assertThatThrownBy(() -> Wif.decode(Base58.encodeCheck(payload(KEY, new byte[] {2})), MAIN))
                .hasMessage("Invalid compression flag in private key (expected 1, got 2)");
        assertThatThrownBy(() -> Wif.decode(Base58.encodeCheck(payload(new byte[32], new byte[0])), MAIN))
                .hasMessage("Private key out of range");
        assertThatThrownBy(() -> Wif.decode(Base58.encodeCheck(payload(Hex.decode(CURVE_ORDER),
                new byte[] {1})), MAIN)).hasMessage("Private key out of range");
        String good = new Wif(PrivateKey.fromBytes(KEY), true).encode(MAIN);
        String badChecksum = good.substring(0, 20) + (good.charAt(20) == 'a' ? 'b' : 'a') + good.substring(21);
        assertThatThrownBy(() -> Wif.decode(badChecksum, MAIN))
                .hasMessage("Invalid checksum or length of Base58 private key");
        assertThatThrownBy(() -> Wif.decode("0" + good, MAIN)).hasMessage("Invalid Base58 encoding of private key");
    }

    @Test
    void toStringDoesNotShowTheKey() {
        Wif wif = new Wif(PrivateKey.fromBytes(KEY), true);
        assertThat(wif.toString()).doesNotContain(Hex.encode(KEY)).doesNotContain(wif.encode(MAIN));
    }

    private static byte[] payload(byte[] key, byte[] suffix) {
        byte[] out = new byte[1 + key.length + suffix.length];
        out[0] = (byte) 128;
        System.arraycopy(key, 0, out, 1, key.length);
        System.arraycopy(suffix, 0, out, 1 + key.length, suffix.length);
        return out;
    }
}
