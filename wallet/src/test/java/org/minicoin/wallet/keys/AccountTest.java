package org.minicoin.wallet.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.minicoin.consensus.address.Bech32;
import org.minicoin.consensus.address.Wif;
import org.minicoin.consensus.descriptor.Descriptor;
import org.minicoin.consensus.encoding.Base58;
import org.minicoin.consensus.encoding.Hex;
import org.minicoin.consensus.keys.ExtendedKey;
import org.minicoin.consensus.keys.ExtendedKeyException;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.genesis.spec.ChainSpecs;

/**
 * BIP-0044/BIP-0084 accounts against published vectors for "abandon ... about" (BIP-0084's test vectors, SLIP-0132's
 * m/44'/0'/0' and m/84'/0'/0' keys), coin type 1 off main, descriptors that consensus {@link Descriptor} reads back
 * to the same scripts, and watch-only accounts.
 */
class AccountTest {
    private static final ChainParams MAIN = ChainSpecs.params("main");
    private static final ChainParams REGTEST = ChainSpecs.params("regtest");
    private static final ChainParams DEVNET = ChainSpecs.params("devnet");
    private static final byte[] SEED = Mnemonic.parse("abandon abandon abandon abandon abandon abandon abandon "
            + "abandon abandon abandon abandon about").seed("");
    /** The master key fingerprint of that seed, as key origins in published descriptors show it. */
    private static final int MASTER_FINGERPRINT = 0x73c5da0a;

    @Test
    void bip84TestVector() {
        // bitcoin/bips bip-0084.mediawiki "Test vectors".
        Account account = Account.fromSeed(SEED, Purpose.BIP84, MAIN, 0);
        assertThat(account.path()).hasToString("m/84h/0h/0h");
        assertThat(sameKeyData(account.xprv(), "zprvAdG4iTXWBoARxkkzNpNh8r6Qag3irQB8PzEMkAFeTRXxHpbF9z4QgEvBRmfvqWvGp4"
                + "2t42nvgGpNgYSJA9iefm1yYNZKEm7z6qUWCroSQnE")).isTrue();
        // SLIP-0132's zpub of the same account.
        assertThat(sameKeyData(account.xpub(), "zpub6rFR7y4Q2AijBEqTUquhVz398htDFrtymD9xYYfG1m4wAcvPhXNfE3EfH1r1ADqtfSd"
                + "VCToUG868RvUUkgDKf31mGDtKsAYz2oz2AGutZYs")).isTrue();
        assertThat(account.xprv()).startsWith("xprv");
        assertThat(account.xpub()).startsWith("xpub");

        assertPosition(account, Account.RECEIVE, 0, "KyZpNDKnfs94vbrwhJneDi77V6jF64PWPF8x5cdJb8ifgg2DUc9d",
                "0330d54fd0dd420a6e5f8d3624f5f3482cae350f79d5f0753bf5beef9c2d91af3c",
                "bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu");
        assertPosition(account, Account.RECEIVE, 1, "Kxpf5b8p3qX56DKEe5NqWbNUP9MnqoRFzZwHRtsFqhzuvUJsYZCy",
                "03e775fd51f0dfb8cd865d9ff1cca2a158cf651fe997fdc9fee9c1d3b5e995ea77",
                "bc1qnjg0jd8228aq7egyzacy8cys3knf9xvrerkf9g");
        assertPosition(account, Account.CHANGE, 0, "KxuoxufJL5csa1Wieb2kp29VNdn92Us8CoaUG3aGtPtcF3AzeXvF",
                "03025324888e429ab8e3dbaf1f7802648b9cd01e9b418485c5fa4c1b9b5700e1a6",
                "bc1q8c6fshw2dlwun7ekn9qwf37cu2rn755upcp6el");
        assertThat(Hex.encode(account.scriptPubKey(0, 0)))
                .isEqualTo("0014c0cebcd6c3d3ca8c75dc5ec62ebe55330ef910e2");
    }

    @Test
    void bip44TestVector() {
        // SLIP-0132 "Bitcoin Test Vectors": m/44'/0'/0' keys and the m/44'/0'/0'/0/0 address.
        Account account = Account.fromSeed(SEED, Purpose.BIP44, MAIN, 0);
        assertThat(account.xprv()).isEqualTo("xprv9xpXFhFpqdQK3TmytPBqXtGSwS3DLjojFhTGht8gwAAii8py5X6pxeBnQ6ehJiyJ6n"
                + "DjWGJfZ95WxByFXVkDxHXrqu53WCRGypk2ttuqncb");
        assertThat(account.xpub()).isEqualTo("xpub6BosfCnifzxcFwrSzQiqu2DBVTshkCXacvNsWGYJVVhhawA7d4R5WSWGFNbi8Aw6Z"
                + "Rc1brxMyWMzG3DSSSSoekkudhUd9yLb6qx39T9nMdj");
        assertThat(account.address(0, 0)).isEqualTo("1LqBGSKuX5yYUonjxT5qGfpUsXKYYWeabA");
        // Second receive address, as published by several wallets' test suites for this mnemonic.
        assertThat(account.address(0, 1)).isEqualTo("1Ak8PffB2meyfYnbXZR9EGfLfFZVpzJvQP");
        assertThat(account.scriptPubKey(0, 0)).hasSize(25).startsWith(0x76, 0xa9, 0x14).endsWith(0x88, 0xac);
        assertThat(account.masterFingerprint()).isEqualTo(MASTER_FINGERPRINT);
    }

    @Test
    void testNetworksUseCoinTypeOne() {
        Account bip84 = Account.fromSeed(SEED, Purpose.BIP84, REGTEST, 0);
        assertThat(bip84.path()).hasToString("m/84h/1h/0h");
        assertThat(bip84.xpub()).startsWith("tpub");
        assertThat(bip84.xprv()).startsWith("tprv");
        assertThat(bip84.address(0, 0)).startsWith("bcrt1q");
        // m/84'/1'/0'/0/0 is tb1q6rz28mcfaxtmd6v789l9rrlrusdprr9pqcpvkl on testnet (published by many wallets'
        // test suites); on regtest the same witness program is written with "bcrt".
        assertThat(bip84.scriptPubKey(0, 0)).isEqualTo(p2wpkhOf("tb1q6rz28mcfaxtmd6v789l9rrlrusdprr9pqcpvkl"));
        // A regtest account is not the mainnet one under another prefix: the coin type differs.
        assertThat(bip84.scriptPubKey(0, 0)).isNotEqualTo(Account.fromSeed(SEED, Purpose.BIP84, MAIN, 0)
                .scriptPubKey(0, 0));

        Account bip44 = Account.fromSeed(SEED, Purpose.BIP44, REGTEST, 0);
        // m/44'/1'/0'/0/0 on testnet; regtest uses the same base58 prefixes.
        assertThat(bip44.address(0, 0)).isEqualTo("mkpZhYtJu2r87Js3pDiWJDmPte2NRZ8bJV");

        Account devnet = Account.fromSeed(SEED, Purpose.BIP84, DEVNET, 0);
        assertThat(devnet.path()).hasToString("m/84h/1h/0h");
        assertThat(devnet.address(0, 0)).startsWith(DEVNET.bech32Hrp() + "1q");
        assertThat(devnet.scriptPubKey(0, 0)).isEqualTo(bip84.scriptPubKey(0, 0));
    }

    @Test
    void accountNumberIsTheLastHardenedStep() {
        Account first = Account.fromSeed(SEED, Purpose.BIP84, MAIN, 0);
        Account second = Account.fromSeed(SEED, Purpose.BIP84, MAIN, 1);
        assertThat(second.path()).hasToString("m/84h/0h/1h");
        assertThat(second.accountNumber()).isEqualTo(1);
        assertThat(second.address(0, 0)).isNotEqualTo(first.address(0, 0));
        assertThat(ExtendedKey.parse(second.xpub(), MAIN))
                .isEqualTo(ExtendedKey.fromSeed(SEED).derive("m/84h/0h/1h").neuter());
        assertThatThrownBy(() -> Account.fromSeed(SEED, Purpose.BIP84, MAIN, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Arguments> accounts() {
        return Stream.of(Arguments.of(Purpose.BIP84, MAIN), Arguments.of(Purpose.BIP44, MAIN),
                Arguments.of(Purpose.BIP84, REGTEST), Arguments.of(Purpose.BIP44, REGTEST),
                Arguments.of(Purpose.BIP84, DEVNET));
    }

    @ParameterizedTest
    @MethodSource("accounts")
    void descriptorRoundTripsThroughConsensus(Purpose purpose, ChainParams params) {
        Account account = Account.fromSeed(SEED, purpose, params, 0);
        for (int chain : new int[] {Account.RECEIVE, Account.CHANGE}) {
            String text = account.descriptor(chain);
            String function = purpose == Purpose.BIP84 ? "wpkh" : "pkh";
            String coin = params == MAIN ? "0h" : "1h";
            assertThat(text).isEqualTo(function + "([73c5da0a/" + purpose.number() + "h/" + coin + "/0h]"
                    + account.xpub() + "/" + chain + "/*)#" + Descriptor.checksum(text.substring(0,
                    text.indexOf('#'))));

            Descriptor parsed = Descriptor.parse(text, params, true);
            assertThat(parsed.toString()).isEqualTo(text);
            assertThat(parsed.isRange()).isTrue();
            assertThat(parsed.hasPrivateKeys()).isFalse();
            for (int i = 0; i < 5; i++) {
                assertThat(parsed.expand(i)).singleElement().isEqualTo(account.scriptPubKey(chain, i));
                assertThat(parsed.addresses(i)).containsExactly(account.address(chain, i));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("accounts")
    void watchOnlyFromTheXpubGivesTheSameAddressesAndCannotSign(Purpose purpose, ChainParams params) {
        Account full = Account.fromSeed(SEED, purpose, params, 0);
        Account watch = Account.watchOnly(full.xpub(), purpose, params);
        assertThat(full.canSign()).isTrue();
        assertThat(watch.canSign()).isFalse();
        assertThat(watch.xpub()).isEqualTo(full.xpub());
        assertThat(watch.path()).isEqualTo(full.path());
        assertThat(watch.masterFingerprint()).isZero();
        for (int chain = 0; chain <= 1; chain++) {
            for (int i = 0; i < 3; i++) {
                assertThat(watch.address(chain, i)).isEqualTo(full.address(chain, i));
                assertThat(watch.publicKey(chain, i)).isEqualTo(full.publicKey(chain, i));
                assertThat(full.privateKey(chain, i).publicKey()).isEqualTo(full.publicKey(chain, i));
            }
        }
        assertThatThrownBy(() -> watch.privateKey(0, 0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("watch-only");
        assertThatThrownBy(watch::xprv).isInstanceOf(IllegalStateException.class);

        Account withOrigin = Account.watchOnly(full.xpub(), purpose, params, MASTER_FINGERPRINT);
        assertThat(withOrigin.masterFingerprint()).isEqualTo(MASTER_FINGERPRINT);
        assertThat(withOrigin.descriptor(0)).isEqualTo(full.descriptor(0));
        assertThat(watch.descriptor(1)).contains("[00000000/");
        assertThat(Descriptor.parse(watch.descriptor(1), params, true).expand(7))
                .singleElement().isEqualTo(full.scriptPubKey(1, 7));
    }

    @Test
    void watchOnlyRefusesPrivateKeysWithoutEchoingThem() {
        Account full = Account.fromSeed(SEED, Purpose.BIP84, REGTEST, 0);
        String tprv = full.xprv();
        assertThatThrownBy(() -> Account.watchOnly(tprv, Purpose.BIP84, REGTEST))
                .isInstanceOf(ExtendedKeyException.class)
                .hasMessageContaining("private key").hasMessageContaining("tpub")
                .message().doesNotContain(tprv.substring(4, 40));
        // A private key of another network is still called a private key, not just "wrong network".
        String xprv = Account.fromSeed(SEED, Purpose.BIP84, MAIN, 0).xprv();
        assertThatThrownBy(() -> Account.watchOnly(xprv, Purpose.BIP84, REGTEST))
                .hasMessageContaining("private key").message().doesNotContain(xprv.substring(4, 40));
    }

    @Test
    void watchOnlyNamesTheNetworkOrFormatOfAForeignKey() {
        String xpub = Account.fromSeed(SEED, Purpose.BIP84, MAIN, 0).xpub();
        assertThatThrownBy(() -> Account.watchOnly(xpub, Purpose.BIP84, REGTEST))
                .isInstanceOf(ExtendedKeyException.class)
                .hasMessage("Extended key has version xpub (mainnet), but network regtest uses tpub");
        String tpub = Account.fromSeed(SEED, Purpose.BIP84, REGTEST, 0).xpub();
        assertThatThrownBy(() -> Account.watchOnly(tpub, Purpose.BIP84, MAIN))
                .hasMessage("Extended key has version tpub (test networks), but network main uses xpub");
        String zpub = "zpub6rFR7y4Q2AijBEqTUquhVz398htDFrtymD9xYYfG1m4wAcvPhXNfE3EfH1r1ADqtfSdVCToUG868RvUUkgDKf31mGDtK"
                + "sAYz2oz2AGutZYs";
        assertThatThrownBy(() -> Account.watchOnly(zpub, Purpose.BIP84, MAIN))
                .hasMessageContaining("zpub").hasMessageContaining("SLIP-0132")
                .hasMessageContaining("convert it to xpub");
    }

    @Test
    void watchOnlyRefusesInvalidKeysAndKeysAtTheWrongDepth() {
        String xpub = Account.fromSeed(SEED, Purpose.BIP84, MAIN, 0).xpub();
        char last = xpub.charAt(xpub.length() - 1);
        String typo = xpub.substring(0, xpub.length() - 1) + (last == 'a' ? 'b' : 'a');
        assertThatThrownBy(() -> Account.watchOnly(typo, Purpose.BIP84, MAIN))
                .isInstanceOf(ExtendedKeyException.class).hasMessageStartingWith("Invalid extended public key: ")
                .hasMessageContaining("checksum");
        assertThatThrownBy(() -> Account.watchOnly("not a key", Purpose.BIP84, MAIN))
                .hasMessageStartingWith("Invalid extended public key: ");

        String master = ExtendedKey.fromSeed(SEED).neuter().toBase58(MAIN);
        assertThatThrownBy(() -> Account.watchOnly(master, Purpose.BIP84, MAIN))
                .hasMessage("Expected the account key m/84h/0h/<account>h (depth 3, hardened), but this key has "
                        + "depth 0");
        String receiveChain = ExtendedKey.fromSeed(SEED).derive("m/84h/0h/0h/0").neuter().toBase58(MAIN);
        assertThatThrownBy(() -> Account.watchOnly(receiveChain, Purpose.BIP84, MAIN))
                .hasMessageContaining("depth 4 and child number 0");
        String unhardened = ExtendedKey.fromSeed(SEED).derive("m/84h/0h/0").neuter().toBase58(MAIN);
        assertThatThrownBy(() -> Account.watchOnly(unhardened, Purpose.BIP84, MAIN))
                .hasMessageContaining("depth 3 and child number 0");
        // Surrounding white space from a paste is not an error.
        assertThat(Account.watchOnly("  " + xpub + "\n", Purpose.BIP84, MAIN).xpub()).isEqualTo(xpub);
    }

    @Test
    void positionsAreChecked() {
        Account account = Account.fromSeed(SEED, Purpose.BIP84, MAIN, 0);
        assertThatThrownBy(() -> account.address(2, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 (receive) or 1 (change)");
        assertThatThrownBy(() -> account.scriptPubKey(0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> account.descriptor(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(account.path(1, 5)).hasToString("m/84h/0h/0h/1/5");
        assertThat(ExtendedKey.fromSeed(SEED).derive(account.path(1, 5)).publicKey())
                .isEqualTo(account.publicKey(1, 5));
        assertThat(account.toString()).doesNotContain(account.xpub().substring(4, 30)).contains("m/84h/0h/0h");
    }

    private static void assertPosition(Account account, int chain, int index, String wif, String pubkey,
                                       String address) {
        assertThat(account.privateKey(chain, index)).isEqualTo(Wif.decode(wif, MAIN).key());
        assertThat(Hex.encode(account.publicKey(chain, index).serializeCompressed())).isEqualTo(pubkey);
        assertThat(account.address(chain, index)).isEqualTo(address);
    }

    /** Whether two extended keys differ only in their four version bytes (SLIP-0132 zprv/zpub vs xprv/xpub). */
    private static boolean sameKeyData(String ours, String slip132) {
        byte[] a = Base58.decodeCheck(ours);
        byte[] b = Base58.decodeCheck(slip132);
        return a.length == 78 && b.length == 78 && Arrays.equals(a, 4, 78, b, 4, 78);
    }

    /** The P2WPKH script of a bech32 v0 address of any network. */
    private static byte[] p2wpkhOf(String address) {
        Bech32.Decoded decoded = Bech32.decode(address);
        byte[] program = Bech32.fromFiveBit(Arrays.copyOfRange(decoded.data(), 1, decoded.data().length))
                .orElseThrow();
        byte[] script = new byte[22];
        script[1] = 0x14;
        System.arraycopy(program, 0, script, 2, 20);
        assertThat(List.of(decoded.data()[0])).containsExactly((byte) 0);
        return script;
    }
}
