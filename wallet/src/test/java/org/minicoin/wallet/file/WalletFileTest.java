package org.minicoin.wallet.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.minicoin.consensus.types.Amount;
import org.minicoin.consensus.types.Hash;
import org.minicoin.node.store.AtomicFile;

class WalletFileTest {
    // BIP-0039 test vector words; the account xpub is a well-formed base58 string (the file does not parse keys).
    private static final String MNEMONIC = "legal winner thank year wave sausage worth useful legal winner thank yellow";
    private static final String BIP39_PASSPHRASE = "TREZOR-extra";
    private static final char[] PASSPHRASE = "wallet passphrase".toCharArray();
    private static final String XPUB = "tpubDC8msFGeGuwnKG9Upg7DM2b4DaRqg3CUZa5g8v2SRQ6K4NSkxUgd7HsL2XVWbVm39yBA4LAxy"
            + "sQAm397zwQSQoQgewGiYZqrA9DsP4zbQ1M";
    private static final Instant CREATED = Instant.parse("2025-03-01T12:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final SecureRandom random = new SecureRandom();

    private WalletFile newWallet() {
        try (WalletSecret secret = new WalletSecret(MNEMONIC.toCharArray(), BIP39_PASSPHRASE.toCharArray())) {
            Sealed sealed = secret.seal(PASSPHRASE, random, SecretBoxTest.FAST);
            return WalletFile.create("regtest", WalletFile.BIP84, XPUB, "73c5da0a", sealed, CREATED);
        }
    }

    private static SentTransaction sent(int n) {
        return new SentTransaction(Hash.fromHex(String.format("%064x", n + 0xabcdef)),
                Instant.parse("2025-03-02T00:00:0" + n + "Z"), Amount.ofSat(150_000 + n), Amount.ofSat(141),
                "bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080", new byte[] {2, 0, 0, 0, (byte) n});
    }

    private Path created(WalletFile w) throws IOException {
        Path path = dir.resolve("wallet.json");
        w.createNew(path);
        return path;
    }

    @Test
    void aWalletReadsBackEqualAfterUpdates() throws Exception {
        WalletFile w = newWallet();
        Path path = created(w);
        assertThat(WalletFile.read(path)).isEqualTo(w);

        WalletFile updated = w.withNextReceiveIndex(7).withNextChangeIndex(3).withSent(sent(1)).withSent(sent(2));
        updated.write(path);

        WalletFile back = WalletFile.read(path);
        assertThat(back).isEqualTo(updated);
        assertThat(back.formatVersion()).isEqualTo(1);
        assertThat(back.history()).containsExactly(sent(1), sent(2));
        assertThat(back.nextReceiveIndex()).isEqualTo(7);
        assertThat(back.nextChangeIndex()).isEqualTo(3);
        assertThat(back.createdAt()).isEqualTo(CREATED);
    }

    @Test
    void theSecretOpensFromTheFileWithThePassphrase() throws Exception {
        Path path = created(newWallet());

        try (WalletSecret secret = WalletSecret.open(WalletFile.read(path).sealedSecret(), PASSPHRASE)) {
            assertThat(new String(secret.mnemonic())).isEqualTo(MNEMONIC);
            assertThat(new String(secret.bip39Passphrase())).isEqualTo(BIP39_PASSPHRASE);
            assertThat(secret.toString()).doesNotContain("legal");
        }
    }

    @Test
    void theFileIsReadableByItsOwnerOnlyFromCreationOnAndAfterEveryWrite() throws Exception {
        WalletFile w = newWallet();
        Path path = created(w);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-------");

        w.withNextReceiveIndex(1).write(path);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-------");
    }

    @Test
    void theJsonHasTheDocumentedLayout() throws Exception {
        Path path = created(newWallet().withSent(sent(4)));
        JsonNode root = JSON.readTree(path.toFile());

        assertThat(root.get("formatVersion").intValue()).isEqualTo(1);
        assertThat(root.get("network").textValue()).isEqualTo("regtest");
        assertThat(root.get("purpose").textValue()).isEqualTo("bip84");
        assertThat(root.get("accountXpub").textValue()).isEqualTo(XPUB);
        assertThat(root.get("masterFingerprint").textValue()).isEqualTo("73c5da0a");
        JsonNode sealed = root.get("sealedSecret");
        assertThat(sealed.get("cipher").textValue()).isEqualTo("aes-256-gcm");
        assertThat(sealed.get("kdf").textValue()).isEqualTo("scrypt");
        assertThat(sealed.get("n").intValue()).isEqualTo(1024);
        assertThat(sealed.get("r").intValue()).isEqualTo(8);
        assertThat(sealed.get("p").intValue()).isEqualTo(1);
        assertThat(Base64.getDecoder().decode(sealed.get("nonce").textValue())).hasSize(12);
        JsonNode h = root.get("history").get(0);
        assertThat(h.get("amountSat").isIntegralNumber()).isTrue();
        assertThat(h.get("amountSat").longValue()).isEqualTo(150_004);
        assertThat(h.get("feeSat").longValue()).isEqualTo(141);
        assertThat(h.get("txid").textValue()).isEqualTo(sent(4).txid().toString());
        assertThat(h.get("hex").textValue()).isEqualTo("0200000004");
        assertThat(root.get("createdAt").textValue()).isEqualTo("2025-03-01T12:00:00Z");
    }

    @Test
    void theFileHoldsNoPlaintextSecret() throws Exception {
        String text = Files.readString(created(newWallet()), StandardCharsets.UTF_8);

        for (String word : MNEMONIC.split(" ")) {
            assertThat(text).doesNotContain(word);
        }
        assertThat(text).doesNotContain(BIP39_PASSPHRASE).doesNotContain(new String(PASSPHRASE));
    }

    @Test
    void aWrongPassphraseIsRefusedAndTheFileIsUntouched() throws Exception {
        Path path = created(newWallet());
        Snapshot before = Snapshot.of(path);

        Sealed sealed = WalletFile.read(path).sealedSecret();
        assertThatThrownBy(() -> WalletSecret.open(sealed, "wallet passphrasE".toCharArray()))
                .isInstanceOf(WrongPassphraseException.class)
                .hasMessageContaining("wrong passphrase");
        assertThat(Snapshot.of(path)).isEqualTo(before);
    }

    /** Each turns a good file's bytes into a bad one; reading must say what is wrong and change nothing. */
    static Stream<Arguments> damagedFiles() {
        return Stream.of(
                Arguments.of("flipped ciphertext bit", (Function<byte[], byte[]>) b -> edit(b, root -> {
                    ObjectNode s = (ObjectNode) root.get("sealedSecret");
                    byte[] ct = Base64.getDecoder().decode(s.get("ciphertext").textValue());
                    s.put("ciphertext", Base64.getEncoder().encodeToString(SecretBoxTest.flip(ct, 5)));
                }), "is damaged: the encrypted secret does not match its checksum"),
                Arguments.of("truncated", (Function<byte[], byte[]>) b -> Arrays.copyOf(b, b.length / 2),
                        "is damaged: not valid JSON"),
                Arguments.of("empty", (Function<byte[], byte[]>) b -> new byte[0], "is damaged: the file is empty"),
                Arguments.of("garbage", (Function<byte[], byte[]>) b -> garbage(b.length),
                        "is damaged: not valid JSON"),
                Arguments.of("not an object", (Function<byte[], byte[]>) b -> "[1, 2]".getBytes(),
                        "is damaged: not a JSON object"),
                Arguments.of("trailing junk", (Function<byte[], byte[]>) b -> concat(b, "}".getBytes()),
                        "is damaged: not valid JSON"),
                Arguments.of("duplicate field", (Function<byte[], byte[]>) b -> new String(b).replaceFirst(
                        "\"network\"", "\"network\" : \"main\", \"network\"").getBytes(),
                        "is damaged: not valid JSON: Duplicate field 'network'"),
                Arguments.of("newer format", (Function<byte[], byte[]>) b -> edit(b, root -> {
                    root.put("formatVersion", 2);
                    root.remove("sealedSecret"); // a newer format may lay things out differently
                }), "was written by a newer minicoin-wallet (format 2); this version reads format 1"),
                Arguments.of("missing field", (Function<byte[], byte[]>) b -> edit(b,
                        root -> root.remove("sealedSecret")), "is damaged: missing field \"sealedSecret\""),
                Arguments.of("missing nested field", (Function<byte[], byte[]>) b -> edit(b,
                        root -> ((ObjectNode) root.get("sealedSecret")).remove("salt")),
                        "is damaged: missing field \"sealedSecret.salt\""),
                Arguments.of("bad history entry", (Function<byte[], byte[]>) b -> edit(b,
                        root -> ((ObjectNode) root.get("history").get(0)).put("txid", "abc")),
                        "is damaged: history[0]: hex string has odd length"),
                Arguments.of("negative index", (Function<byte[], byte[]>) b -> edit(b,
                        root -> root.put("nextReceiveIndex", -1)),
                        "is damaged: \"nextReceiveIndex\" is not an integer in 0..2147483647"),
                Arguments.of("hostile scrypt cost", (Function<byte[], byte[]>) b -> edit(b,
                        root -> ((ObjectNode) root.get("sealedSecret")).put("n", 1 << 30)),
                        "is damaged: sealedSecret: scrypt N=1073741824, r=8 would need more than 1024 MiB"),
                Arguments.of("unknown cipher", (Function<byte[], byte[]>) b -> edit(b,
                        root -> ((ObjectNode) root.get("sealedSecret")).put("cipher", "chacha20-poly1305")),
                        "is damaged: the secret is sealed with chacha20-poly1305 and scrypt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damagedFiles")
    void aDamagedFileGivesAClearErrorAndIsNeverOverwritten(String what, Function<byte[], byte[]> damage,
            String expected) throws Exception {
        WalletFile w = newWallet().withSent(sent(1));
        Path path = created(w);
        Files.write(path, damage.apply(Files.readAllBytes(path)));
        Snapshot before = Snapshot.of(path);

        assertThatThrownBy(() -> WalletFile.read(path))
                .isInstanceOf(WalletFileException.class)
                .hasMessageStartingWith("wallet file " + path + " ")
                .hasMessageContaining(expected);
        // Saving the wallet's state over it is refused as well: the damaged file may be all that is left.
        assertThatThrownBy(() -> w.withNextReceiveIndex(1).write(path))
                .isInstanceOf(WalletFileException.class)
                .hasMessageContaining(expected);
        assertThat(Snapshot.of(path)).isEqualTo(before);
    }

    /** GCM catches what the checksum cannot: a deliberate change with the checksum recomputed. */
    @Test
    void aDeliberateChangeWithARecomputedChecksumFailsToOpen() throws Exception {
        Path path = created(newWallet());
        Sealed good = WalletFile.read(path).sealedSecret();
        Sealed altered = new Sealed(good.params(), good.salt(), good.nonce(), SecretBoxTest.flip(good.ciphertext(), 0));
        Files.write(path, edit(Files.readAllBytes(path), root -> ((ObjectNode) root.get("sealedSecret"))
                .put("ciphertext", Base64.getEncoder().encodeToString(altered.ciphertext()))
                .put("checksum", Base64.getEncoder().encodeToString(altered.checksum()))));

        Sealed read = WalletFile.read(path).sealedSecret();
        assertThat(read).isEqualTo(altered);
        assertThatThrownBy(() -> WalletSecret.open(read, PASSPHRASE)).isInstanceOf(WrongPassphraseException.class)
                .hasMessageContaining("deliberately altered");
    }

    @Test
    void aMissingFileSaysHowToCreateOne() {
        Path path = dir.resolve("nowhere.json");
        assertThatThrownBy(() -> WalletFile.read(path))
                .isInstanceOf(WalletFileException.class)
                .hasMessage("no wallet at " + path + "; create one with `minicoin-wallet create`");
        assertThatThrownBy(() -> newWallet().write(path)).hasMessageStartingWith("no wallet at ");
        assertThat(path).doesNotExist();
    }

    @Test
    void createNewRefusesToReplaceAnExistingFile() throws Exception {
        Path path = created(newWallet());
        Snapshot before = Snapshot.of(path);

        assertThatThrownBy(() -> newWallet().createNew(path))
                .isInstanceOf(FileAlreadyExistsException.class)
                .hasMessageContaining("refusing to overwrite");
        assertThat(Snapshot.of(path)).isEqualTo(before);
    }

    @Test
    void createNewMakesMissingDirectories() throws Exception {
        Path path = dir.resolve("wallets/alice/wallet.json");
        WalletFile w = newWallet();
        w.createNew(path);
        assertThat(WalletFile.read(path)).isEqualTo(w);
    }

    @Test
    void writeRefusesToReplaceADifferentWallet() throws Exception {
        Path path = created(newWallet());
        Snapshot before = Snapshot.of(path);
        WalletFile other = WalletFile.watchOnly("regtest", WalletFile.BIP84, XPUB.replace('Q', 'R'), null, CREATED);

        assertThatThrownBy(() -> other.write(path))
                .isInstanceOf(WalletFileException.class)
                .hasMessageContaining("holds a different wallet");
        assertThat(Snapshot.of(path)).isEqualTo(before);
    }

    @Test
    void aWatchOnlyWalletHasNoSecret() throws Exception {
        WalletFile w = WalletFile.watchOnly("regtest", WalletFile.BIP84, XPUB, null, CREATED);
        Path path = created(w);

        JsonNode root = JSON.readTree(path.toFile());
        assertThat(root.has("sealedSecret")).isTrue();
        assertThat(root.get("sealedSecret").isNull()).isTrue();
        assertThat(root.get("masterFingerprint").isNull()).isTrue();
        WalletFile back = WalletFile.read(path);
        assertThat(back).isEqualTo(w);
        assertThat(back.isWatchOnly()).isTrue();
        assertThatThrownBy(() -> back.withSealedSecret(newWallet().sealedSecret()))
                .isInstanceOf(IllegalStateException.class);
        // Only a watch-only wallet may lack the master fingerprint.
        assertThatThrownBy(() -> WalletFile.create("regtest", WalletFile.BIP84, XPUB, null,
                newWallet().sealedSecret(), CREATED)).hasMessageContaining("only a watch-only wallet");
    }

    @Test
    void unknownFieldsOfTheSameFormatAreIgnoredAndDroppedOnRewrite() throws Exception {
        WalletFile w = newWallet();
        Path path = created(w);
        Files.write(path, edit(Files.readAllBytes(path), root -> root.put("label", "savings")));

        assertThat(WalletFile.read(path)).isEqualTo(w);
        w.withNextReceiveIndex(2).write(path);
        assertThat(JSON.readTree(path.toFile()).has("label")).isFalse();
    }

    @Test
    void anInterruptedWriteLeavesTheOldFileIntact() throws Exception {
        WalletFile w = newWallet();
        Path path = created(w);
        Snapshot before = Snapshot.of(path);

        // The real AtomicFile, on an interrupted thread: its write to the temporary file is cut off
        // (FileChannel is interruptible) after the temporary file was created, as a crash or full disk would.
        WalletFile.AtomicWriter interrupted = (p, bytes, perms) -> {
            Thread.currentThread().interrupt();
            AtomicFile.write(p, bytes, perms);
        };
        try {
            assertThatThrownBy(() -> w.withNextReceiveIndex(9).withSent(sent(3)).write(path, interrupted))
                    .isInstanceOf(ClosedByInterruptException.class);
        } finally {
            assertThat(Thread.interrupted()).isTrue();
        }

        assertThat(Snapshot.of(path)).isEqualTo(before);
        assertThat(WalletFile.read(path)).isEqualTo(w);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(path); // no temporary file left behind
        }
    }

    @Test
    void anInterruptedCreateLeavesNoFile() throws Exception {
        Path path = dir.resolve("wallet.json");
        WalletFile.AtomicWriter interrupted = (p, bytes, perms) -> {
            Thread.currentThread().interrupt();
            AtomicFile.write(p, bytes, perms);
        };
        try {
            assertThatThrownBy(() -> newWallet().createNew(path, interrupted))
                    .isInstanceOf(ClosedByInterruptException.class);
        } finally {
            assertThat(Thread.interrupted()).isTrue();
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void storedScryptParametersAreHonoured() throws Exception {
        ScryptParams params = new ScryptParams(1 << 11, 4, 2);
        Sealed sealed;
        try (WalletSecret secret = new WalletSecret(MNEMONIC.toCharArray(), new char[0])) {
            sealed = secret.seal(PASSPHRASE, random, params);
        }
        Path path = created(WalletFile.create("regtest", WalletFile.BIP44, XPUB, "00000001", sealed, CREATED));

        JsonNode s = JSON.readTree(path.toFile()).get("sealedSecret");
        assertThat(List.of(s.get("n").intValue(), s.get("r").intValue(), s.get("p").intValue()))
                .containsExactly(2048, 4, 2);
        Sealed read = WalletFile.read(path).sealedSecret();
        assertThat(read.params()).isEqualTo(params);
        try (WalletSecret back = WalletSecret.open(read, PASSPHRASE)) {
            assertThat(new String(back.mnemonic())).isEqualTo(MNEMONIC);
            assertThat(back.bip39Passphrase()).isEmpty();
        }
        // Changing N in the file (checksum recomputed, so only GCM can notice) makes it unopenable: N is used.
        Sealed otherN = new Sealed(new ScryptParams(1 << 12, 4, 2), read.salt(), read.nonce(), read.ciphertext());
        assertThatThrownBy(() -> WalletSecret.open(otherN, PASSPHRASE)).isInstanceOf(WrongPassphraseException.class);
    }

    private static byte[] edit(byte[] json, java.util.function.Consumer<ObjectNode> change) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(json);
            change.accept(root);
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] garbage(int length) {
        byte[] b = new byte[length];
        new SecureRandom().nextBytes(b);
        b[0] = (byte) 0xff; // never a valid start of JSON
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A file's bytes and modification time, to show it was not rewritten. */
    private record Snapshot(List<Byte> bytes, FileTime modified) {
        static Snapshot of(Path path) throws IOException {
            byte[] b = Files.readAllBytes(path);
            Byte[] boxed = new Byte[b.length];
            for (int i = 0; i < b.length; i++) {
                boxed[i] = b[i];
            }
            return new Snapshot(List.of(boxed), Files.getLastModifiedTime(path));
        }
    }
}
