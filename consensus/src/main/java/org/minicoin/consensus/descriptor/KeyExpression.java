package org.minicoin.consensus.descriptor;

import org.minicoin.consensus.address.Wif;
import org.minicoin.consensus.crypto.PublicKey;
import org.minicoin.consensus.encoding.Hex;
import org.minicoin.consensus.keys.ExtendedKey;
import org.minicoin.consensus.keys.KeyPath;
import org.minicoin.consensus.params.ChainParams;

/**
 * A KEY expression of a descriptor (BIP-0380): a fixed key, an extended key with a path, either with a key origin.
 * As Core's PubkeyProvider classes; {@code publicKey(index)} is what a script gets at one position of a range.
 */
abstract sealed class KeyExpression {
    static final String NEEDS_PRIVATE_KEYS = "Cannot derive script without private keys";

    /** The key at a position of the range (the position is ignored by keys that are not ranged). */
    abstract PublicKey publicKey(int index);

    /** Whether the key ends in {@code /*} or {@code /*h}, so that each position gives another key. */
    abstract boolean isRange();

    /** Bytes of the keys this expression gives: 33, or 65 for an uncompressed fixed key. */
    abstract int size();

    /** Whether the expression holds a private key (WIF or xprv). */
    abstract boolean hasPrivateKey();

    /** The expression as Core writes it; with {@code withPrivate}, private keys as WIF or xprv. */
    abstract String toString(boolean withPrivate);

    /** A hex public key or a WIF private key (Core's ConstPubkeyProvider). */
    static final class Fixed extends KeyExpression {
        private final PublicKey key;
        private final Wif wif;
        private final ChainParams params;

        /** @param wif the private key if the expression was WIF, else null */
        Fixed(PublicKey key, Wif wif, ChainParams params) {
            this.key = key;
            this.wif = wif;
            this.params = params;
        }

        @Override
        PublicKey publicKey(int index) {
            return key;
        }

        @Override
        boolean isRange() {
            return false;
        }

        @Override
        int size() {
            return key.isCompressed() ? PublicKey.COMPRESSED_SIZE : PublicKey.UNCOMPRESSED_SIZE;
        }

        @Override
        boolean hasPrivateKey() {
            return wif != null;
        }

        @Override
        String toString(boolean withPrivate) {
            return withPrivate && wif != null ? wif.encode(params) : Hex.encode(key.encoded());
        }
    }

    /** How the last step of an extended key expression varies with the position (Core's DeriveType). */
    enum Range { NONE, UNHARDENED, HARDENED }

    /** An xpub or xprv, a path below it and perhaps a range step (Core's BIP32PubkeyProvider). */
    static final class Extended extends KeyExpression {
        private final ExtendedKey root;
        private final KeyPath path;
        private final Range range;
        private final boolean apostrophe;
        private final ChainParams params;
        /** The key at the end of the fixed path, derived once; null if the path is hardened below an xpub. */
        private final ExtendedKey end;

        Extended(ExtendedKey root, KeyPath path, Range range, boolean apostrophe, ChainParams params) {
            this.root = root;
            this.path = path;
            this.range = range;
            this.apostrophe = apostrophe;
            this.params = params;
            // Core parses xpub/1h and fails only when expanding; so do we.
            this.end = path.hasHardenedStep() && !root.isPrivate() ? null : root.derive(path);
        }

        @Override
        PublicKey publicKey(int index) {
            if (end == null || (range == Range.HARDENED && !end.isPrivate())) {
                throw new DescriptorException(NEEDS_PRIVATE_KEYS);
            }
            return switch (range) {
                case NONE -> end.publicKey();
                case UNHARDENED -> end.derive(index).publicKey();
                case HARDENED -> end.derive(index | KeyPath.HARDENED).publicKey();
            };
        }

        @Override
        boolean isRange() {
            return range != Range.NONE;
        }

        @Override
        int size() {
            return PublicKey.COMPRESSED_SIZE;
        }

        @Override
        boolean hasPrivateKey() {
            return root.isPrivate();
        }

        @Override
        String toString(boolean withPrivate) {
            ExtendedKey shown = withPrivate ? root : root.neuter();
            String s = shown.toBase58(params) + path.format(apostrophe);
            return switch (range) {
                case NONE -> s;
                case UNHARDENED -> s + "/*";
                case HARDENED -> s + "/*" + (apostrophe ? "'" : "h");
            };
        }
    }

    /** A key with its origin, {@code [fingerprint/path]KEY} (Core's OriginPubkeyProvider). */
    static final class WithOrigin extends KeyExpression {
        private final int fingerprint;
        private final KeyPath path;
        private final KeyExpression key;
        private final boolean apostrophe;

        WithOrigin(int fingerprint, KeyPath path, KeyExpression key, boolean apostrophe) {
            this.fingerprint = fingerprint;
            this.path = path;
            this.key = key;
            this.apostrophe = apostrophe;
        }

        @Override
        PublicKey publicKey(int index) {
            return key.publicKey(index);
        }

        @Override
        boolean isRange() {
            return key.isRange();
        }

        @Override
        int size() {
            return key.size();
        }

        @Override
        boolean hasPrivateKey() {
            return key.hasPrivateKey();
        }

        @Override
        String toString(boolean withPrivate) {
            return "[" + String.format("%08x", fingerprint) + path.format(apostrophe) + "]"
                    + key.toString(withPrivate);
        }
    }
}
