package org.minicoin.wallet.file;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.minicoin.node.store.AtomicFile;

/**
 * A wallet as stored on disk (format {@value #FORMAT_VERSION}): the network it is for, the derivation purpose, the
 * account extended public key and master key fingerprint, the sealed BIP-0039 secret ({@code null} for a
 * watch-only wallet made from an xpub), the next unused receive and change indexes, what the wallet sent, and when
 * it was made. Immutable; {@code withXxx} methods return updated copies.
 *
 * <p>Reading checks everything before anything is used, and every failure is a {@link WalletFileException} naming
 * the file. Writing goes through {@link AtomicFile} (temporary file, fsync, rename, fsync of the directory) with
 * mode 0600 from the moment the file exists. A file that cannot be read is never replaced.
 *
 * <p>Versions: a file with a higher {@code formatVersion} is refused (an older program must not half-understand
 * and then rewrite it). Unknown fields in a file of the current version are ignored and dropped when the file is
 * rewritten, so a later version may add a field without a new format only if losing it is harmless; anything an
 * older version must not lose needs a new format version. See {@link WalletFileCodec} for the JSON layout.
 */
public record WalletFile(String network, String purpose, String accountXpub, String masterFingerprint,
        Sealed sealedSecret, int nextReceiveIndex, int nextChangeIndex, List<SentTransaction> history,
        Instant createdAt) {
    /** The format this version reads and writes. */
    public static final int FORMAT_VERSION = 1;
    /** BIP-0084 native segwit accounts (m/84'/coin'/account'). */
    public static final String BIP84 = "bip84";
    /** BIP-0044 legacy accounts (m/44'/coin'/account'). */
    public static final String BIP44 = "bip44";
    /** The file's permissions: readable and writable by its owner only. */
    public static final String PERMISSIONS = "rw-------";

    private static final Pattern BASE58 = Pattern.compile("[1-9A-HJ-NP-Za-km-z]+");
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{8}");
    /** BIP-0032 non-hardened child indexes are below 2^31; address indexes never reach hardened ones. */
    private static final long MAX_INDEX = (1L << 31) - 1;

    /**
     * @throws IllegalArgumentException if a field is missing or malformed, or a wallet with a secret has no master
     *     fingerprint (only a watch-only wallet may lack it: a bare xpub does not say where it came from)
     */
    public WalletFile {
        if (network == null || network.isBlank()) {
            throw new IllegalArgumentException("network is empty");
        }
        if (!BIP84.equals(purpose) && !BIP44.equals(purpose)) {
            throw new IllegalArgumentException("purpose must be " + BIP84 + " or " + BIP44 + ", got " + purpose);
        }
        if (accountXpub == null || !BASE58.matcher(accountXpub).matches()) {
            throw new IllegalArgumentException("accountXpub is not a base58 string");
        }
        if (masterFingerprint == null ? sealedSecret != null : !FINGERPRINT.matcher(masterFingerprint).matches()) {
            throw new IllegalArgumentException(masterFingerprint == null
                    ? "masterFingerprint is missing, and only a watch-only wallet may lack it"
                    : "masterFingerprint must be 8 lower-case hex digits, got " + masterFingerprint);
        }
        if (nextReceiveIndex < 0 || nextChangeIndex < 0) {
            throw new IllegalArgumentException("address indexes must be 0.." + MAX_INDEX);
        }
        history = List.copyOf(history);
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A new wallet with a sealed secret, no addresses used and no history. */
    public static WalletFile create(String network, String purpose, String accountXpub, String masterFingerprint,
            Sealed sealedSecret, Instant createdAt) {
        Objects.requireNonNull(sealedSecret, "sealedSecret");
        return new WalletFile(network, purpose, accountXpub, masterFingerprint, sealedSecret, 0, 0, List.of(),
                createdAt);
    }

    /** A new watch-only wallet from an account xpub; {@code masterFingerprint} may be null if unknown. */
    public static WalletFile watchOnly(String network, String purpose, String accountXpub, String masterFingerprint,
            Instant createdAt) {
        return new WalletFile(network, purpose, accountXpub, masterFingerprint, null, 0, 0, List.of(), createdAt);
    }

    /** The format version: always {@value #FORMAT_VERSION} in memory, older formats being upgraded on reading. */
    public int formatVersion() {
        return FORMAT_VERSION;
    }

    /** Whether this wallet has no secret and so can watch but not sign. */
    public boolean isWatchOnly() {
        return sealedSecret == null;
    }

    /** A copy with the next unused receive index. */
    public WalletFile withNextReceiveIndex(int index) {
        return new WalletFile(network, purpose, accountXpub, masterFingerprint, sealedSecret, index,
                nextChangeIndex, history, createdAt);
    }

    /** A copy with the next unused change index. */
    public WalletFile withNextChangeIndex(int index) {
        return new WalletFile(network, purpose, accountXpub, masterFingerprint, sealedSecret, nextReceiveIndex,
                index, history, createdAt);
    }

    /** A copy whose secret is sealed anew, e.g. under a changed passphrase; a watch-only wallet cannot get one. */
    public WalletFile withSealedSecret(Sealed sealed) {
        Objects.requireNonNull(sealed, "sealed");
        if (isWatchOnly()) {
            throw new IllegalStateException("a watch-only wallet has no secret to re-seal");
        }
        return new WalletFile(network, purpose, accountXpub, masterFingerprint, sealed, nextReceiveIndex,
                nextChangeIndex, history, createdAt);
    }

    /** A copy with {@code sent} appended to the history. */
    public WalletFile withSent(SentTransaction sent) {
        List<SentTransaction> more = new ArrayList<>(history);
        more.add(Objects.requireNonNull(sent, "sent"));
        return new WalletFile(network, purpose, accountXpub, masterFingerprint, sealedSecret, nextReceiveIndex,
                nextChangeIndex, more, createdAt);
    }

    /**
     * Reads and checks a wallet file.
     *
     * @throws WalletFileException if there is no file, or it is damaged, incomplete or of a newer format
     * @throws IOException if it cannot be read at all (permissions, I/O error)
     */
    public static WalletFile read(Path path) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new WalletFileException("no wallet at " + path + "; create one with `minicoin-wallet create`", e);
        }
        return WalletFileCodec.decode(bytes, path);
    }

    /**
     * Writes a new wallet file, creating missing parent directories; refuses to replace anything already at
     * {@code path}, so creating a wallet can never destroy another one's seed.
     *
     * @throws FileAlreadyExistsException if something exists at {@code path}
     */
    public void createNew(Path path) throws IOException {
        createNew(path, AtomicFile::writeNew);
    }

    void createNew(Path path, AtomicWriter writer) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        // The check gives the clear message; AtomicFile.writeNew makes it safe against a concurrent creator.
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(path.toString(), null,
                    "a wallet file already exists there; refusing to overwrite it");
        }
        writer.write(path, WalletFileCodec.encode(this), PERMISSIONS);
    }

    /**
     * Replaces the wallet file at {@code path} with this state. The file there must read cleanly and be this same
     * wallet (same network and account xpub): a damaged, newer or different wallet file is left untouched.
     *
     * @throws WalletFileException if the existing file is missing, damaged, newer, or another wallet
     */
    public void write(Path path) throws IOException {
        write(path, AtomicFile::write);
    }

    void write(Path path, AtomicWriter writer) throws IOException {
        WalletFile existing = read(path);
        if (!existing.network.equals(network) || !existing.accountXpub.equals(accountXpub)) {
            throw new WalletFileException("wallet file " + path + " holds a different wallet (" + existing.network
                    + ", account " + existing.accountXpub + "); refusing to overwrite it");
        }
        writer.write(path, WalletFileCodec.encode(this), PERMISSIONS);
    }

    /** {@link AtomicFile#write(Path, byte[], String)}; tests pass one that fails part way. */
    @FunctionalInterface
    interface AtomicWriter {
        void write(Path path, byte[] bytes, String permissions) throws IOException;
    }
}
