package org.minicoin.wallet.keys;

import java.nio.ByteBuffer;
import java.util.Map;
import org.minicoin.consensus.address.Address;
import org.minicoin.consensus.crypto.PrivateKey;
import org.minicoin.consensus.crypto.PublicKey;
import org.minicoin.consensus.descriptor.Descriptor;
import org.minicoin.consensus.encoding.Base58;
import org.minicoin.consensus.keys.ExtendedKey;
import org.minicoin.consensus.keys.ExtendedKeyException;
import org.minicoin.consensus.keys.KeyPath;
import org.minicoin.consensus.params.ChainParams;

/**
 * One BIP-0044/BIP-0084 account, {@code m/purpose'/coin'/account'}, with its receive chain ({@code /0/i}) and
 * change chain ({@code /1/i}). The coin type is 0 on the network named {@code main} and 1 on every other network
 * (BIP-0044 registers 1 for all testnets; regtest and devnet follow, as Core's descriptor wallets do). Immutable
 * and thread-safe: the account key and both chain keys are derived once, when the account is made, so each
 * address costs one public derivation.
 */
public final class Account {
    /** Chain 0: addresses given out to receive payments. */
    public static final int RECEIVE = 0;
    /** Chain 1: addresses for change, never shown to payers. */
    public static final int CHANGE = 1;
    private static final String MAIN = "main";
    /** Depth of {@code m/purpose'/coin'/account'}. */
    private static final int ACCOUNT_DEPTH = 3;

    /**
     * Extended key version bytes users paste by mistake, by name (BIP-0032 and SLIP-0132). Only used to word
     * errors: the network's own versions come from {@link ChainParams}.
     */
    private static final Map<Integer, String> KNOWN_VERSIONS = Map.ofEntries(
            Map.entry(0x0488b21e, "xpub (mainnet)"), Map.entry(0x0488ade4, "xprv (mainnet private)"),
            Map.entry(0x043587cf, "tpub (test networks)"), Map.entry(0x04358394, "tprv (test networks private)"),
            Map.entry(0x049d7cb2, "ypub (SLIP-0132 BIP-0049 mainnet)"),
            Map.entry(0x049d7878, "yprv (SLIP-0132 BIP-0049 mainnet private)"),
            Map.entry(0x04b24746, "zpub (SLIP-0132 BIP-0084 mainnet)"),
            Map.entry(0x04b2430c, "zprv (SLIP-0132 BIP-0084 mainnet private)"),
            Map.entry(0x044a5262, "upub (SLIP-0132 BIP-0049 test)"),
            Map.entry(0x044a4e28, "uprv (SLIP-0132 BIP-0049 test private)"),
            Map.entry(0x045f1cf6, "vpub (SLIP-0132 BIP-0084 test)"),
            Map.entry(0x045f18bc, "vprv (SLIP-0132 BIP-0084 test private)"));

    private final Purpose purpose;
    private final ChainParams params;
    private final int accountNumber;
    private final int masterFingerprint;
    /** The account key, private when the account can sign. */
    private final ExtendedKey accountKey;
    /** Chain keys {@code account/0} and {@code account/1}, private when the account can sign. */
    private final ExtendedKey[] chainKeys;
    /** The same chain keys without private halves: addresses are derived from these (CKDpub). */
    private final ExtendedKey[] chainPublicKeys;

    private Account(Purpose purpose, ChainParams params, int masterFingerprint, ExtendedKey accountKey) {
        this.purpose = purpose;
        this.params = params;
        this.accountNumber = accountKey.childNumber() & Integer.MAX_VALUE;
        this.masterFingerprint = masterFingerprint;
        this.accountKey = accountKey;
        this.chainKeys = new ExtendedKey[] {accountKey.derive(RECEIVE), accountKey.derive(CHANGE)};
        this.chainPublicKeys = new ExtendedKey[] {chainKeys[0].neuter(), chainKeys[1].neuter()};
    }

    /**
     * The account {@code m/purpose'/coin'/account'} of a BIP-0032 seed (a BIP-0039 {@link Mnemonic#seed}).
     *
     * @param account the account number, 0 to 2^31 - 1 (BIP-0044 accounts are hardened)
     * @throws IllegalArgumentException for a negative account number
     * @throws ExtendedKeyException     for a seed of the wrong size or, with probability 2^-127, an invalid key
     */
    public static Account fromSeed(byte[] seed, Purpose purpose, ChainParams params, int account) {
        if (account < 0) {
            throw new IllegalArgumentException("Account numbers are 0 to 2147483647, not " + account);
        }
        ExtendedKey master = ExtendedKey.fromSeed(seed);
        return new Account(purpose, params, master.fingerprint(), master.derive(accountPath(purpose, params,
                account)));
    }

    /** {@link #watchOnly(String, Purpose, ChainParams, int)} without a known master fingerprint (0). */
    public static Account watchOnly(String extendedPublicKey, Purpose purpose, ChainParams params) {
        return watchOnly(extendedPublicKey, purpose, params, 0);
    }

    /**
     * A watch-only account from its account-level extended public key (the xpub/tpub a wallet exports for
     * {@code m/purpose'/coin'/account'}): it gives the same addresses and descriptors but cannot sign.
     *
     * @param masterFingerprint the fingerprint of the master key, for descriptors' key origin; 0 if unknown
     * @throws ExtendedKeyException saying why the key is refused: not valid base58check or not a key, a key of
     *                              another network or a SLIP-0132 ypub/zpub form, a private key, or a key that is
     *                              not at an account's depth (3, hardened)
     */
    public static Account watchOnly(String extendedPublicKey, Purpose purpose, ChainParams params,
                                    int masterFingerprint) {
        String text = extendedPublicKey.strip();
        ExtendedKey key;
        try {
            key = ExtendedKey.parse(text, params);
        } catch (ExtendedKeyException e) {
            throw explainParseFailure(text, params, e);
        }
        if (key.isPrivate()) {
            // Never echo the key: it is a secret the user did not mean to hand over.
            throw new ExtendedKeyException("A watch-only account takes an extended public key ("
                    + versionName(params.base58().extPublicKey()) + "), but this is an extended private key ("
                    + versionName(params.base58().extSecretKey()) + "); export the account's public key instead");
        }
        if (key.depth() != ACCOUNT_DEPTH || !KeyPath.isHardened(key.childNumber())) {
            throw new ExtendedKeyException("Expected the account key m/" + purpose.number() + "h/"
                    + coinType(params) + "h/<account>h (depth 3, hardened), but this key has depth " + key.depth()
                    + (key.depth() == 0 ? "" : " and child number " + childString(key.childNumber())));
        }
        return new Account(purpose, params, masterFingerprint, key);
    }

    /** BIP-0044's coin type: 0 for Bitcoin's main network, 1 for every test network. */
    public static int coinType(ChainParams params) {
        return MAIN.equals(params.name()) ? 0 : 1;
    }

    /** {@code m/purpose'/coin'/account'} for this network. */
    public static KeyPath accountPath(Purpose purpose, ChainParams params, int account) {
        return KeyPath.ROOT.child(purpose.number() | KeyPath.HARDENED)
                .child(coinType(params) | KeyPath.HARDENED)
                .child(account | KeyPath.HARDENED);
    }

    public Purpose purpose() {
        return purpose;
    }

    public ChainParams params() {
        return params;
    }

    /** The account number, the last step of the account path without its hardened bit. */
    public int accountNumber() {
        return accountNumber;
    }

    /** {@code m/purpose'/coin'/account'}. */
    public KeyPath path() {
        return accountPath(purpose, params, accountNumber);
    }

    /** {@code m/purpose'/coin'/account'/chain/index}: where the key of one address comes from. */
    public KeyPath path(int chain, int index) {
        checkPosition(chain, index);
        return path().child(chain).child(index);
    }

    /** Whether the account holds private keys (made from a seed) rather than only the xpub. */
    public boolean canSign() {
        return accountKey.isPrivate();
    }

    /** The fingerprint of the master key the account comes from; 0 for a watch-only account not told it. */
    public int masterFingerprint() {
        return masterFingerprint;
    }

    /** The account's extended public key in this network's version: xpub on main, tpub on test networks. */
    public String xpub() {
        return accountKey.neuter().toBase58(params);
    }

    /**
     * The account's extended private key (xprv/tprv). A secret: whoever has it can spend every coin of the account.
     *
     * @throws IllegalStateException for a watch-only account
     */
    public String xprv() {
        requirePrivate();
        return accountKey.toBase58(params);
    }

    /** The public key of one address position. */
    public PublicKey publicKey(int chain, int index) {
        checkPosition(chain, index);
        return chainPublicKeys[chain].derive(index).publicKey();
    }

    /**
     * The private key of one address position.
     *
     * @throws IllegalStateException for a watch-only account
     */
    public PrivateKey privateKey(int chain, int index) {
        checkPosition(chain, index);
        requirePrivate();
        return chainKeys[chain].derive(index).privateKey().orElseThrow();
    }

    /** The output script of one position: P2WPKH for BIP-0084, P2PKH for BIP-0044. */
    public byte[] scriptPubKey(int chain, int index) {
        return purpose.scriptType().scriptPubKey(publicKey(chain, index));
    }

    /** The address of one position, in this network's encoding. */
    public String address(int chain, int index) {
        byte[] script = scriptPubKey(chain, index);
        return Address.fromScriptPubKey(script, params)
                .orElseThrow(() -> new IllegalStateException("no address for a " + purpose.scriptType() + " script"));
    }

    /**
     * The ranged output descriptor of one chain with key origin and checksum, as Core's descriptor wallets write
     * them: {@code wpkh([d34db33f/84h/1h/0h]tpub.../0/*)#checksum} or {@code pkh([...]/44h/...)}. It expands to
     * the same scripts as {@link #scriptPubKey(int, int)} and never holds private keys.
     */
    public String descriptor(int chain) {
        checkChain(chain);
        String payload = purpose.scriptType().descriptorFunction() + "([" + String.format("%08x", masterFingerprint)
                + path().format(false) + "]" + xpub() + "/" + chain + "/*)";
        return Descriptor.addChecksum(payload);
    }

    /** Never key material; the xpub is public but identifies the wallet, so it is left out too. */
    @Override
    public String toString() {
        return "Account[" + path() + ", " + purpose + ", " + params.name() + (canSign() ? "" : ", watch-only") + "]";
    }

    private void requirePrivate() {
        if (!canSign()) {
            throw new IllegalStateException("Account " + path() + " is watch-only: it has no private keys");
        }
    }

    private static void checkChain(int chain) {
        if (chain != RECEIVE && chain != CHANGE) {
            throw new IllegalArgumentException("Chain is 0 (receive) or 1 (change), not " + chain);
        }
    }

    private static void checkPosition(int chain, int index) {
        checkChain(chain);
        if (index < 0) {
            throw new IllegalArgumentException("Address index is 0 to 2147483647 (unhardened), not " + index);
        }
    }

    /** Words a parse failure for the user: which network or format the key is for, if we can tell. */
    private static ExtendedKeyException explainParseFailure(String text, ChainParams params, ExtendedKeyException e) {
        Integer version = versionOf(text);
        if (version == null || version == params.base58().extPublicKey()
                || version == params.base58().extSecretKey()) {
            return new ExtendedKeyException("Invalid extended public key: " + e.getMessage());
        }
        String known = KNOWN_VERSIONS.get(version);
        String what = known != null ? known : String.format("%08x", version);
        String expected = versionName(params.base58().extPublicKey());
        if (known != null && known.contains("private")) {
            return new ExtendedKeyException("Extended key has version " + what + ": it is a private key, and a "
                    + "watch-only account takes an extended public key (" + expected + " on network "
                    + params.name() + ")");
        }
        String hint = known != null && known.contains("SLIP-0132")
                ? "; SLIP-0132 forms are not accepted: convert it to " + expected
                        + " (same key data, standard version bytes)"
                : "";
        return new ExtendedKeyException("Extended key has version " + what + ", but network " + params.name()
                + " uses " + expected + hint);
    }

    /** The version bytes of a base58check string of extended-key size, or null if it is not one. */
    private static Integer versionOf(String text) {
        if (text.length() > 112) {
            return null; // base58 of 82 bytes is at most 112 characters; don't decode a pasted essay
        }
        try {
            byte[] data = Base58.decodeCheck(text);
            return data.length == 78 ? ByteBuffer.wrap(data).getInt() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String versionName(int version) {
        String known = KNOWN_VERSIONS.get(version);
        return known != null ? known.substring(0, 4) : String.format("version %08x", version);
    }

    private static String childString(int child) {
        return (child & Integer.MAX_VALUE) + (KeyPath.isHardened(child) ? "h" : "");
    }
}
