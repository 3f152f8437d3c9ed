package org.minicoin.wallet.keys;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.minicoin.consensus.address.Address;
import org.minicoin.consensus.address.AddressException;
import org.minicoin.consensus.address.Bech32;
import org.minicoin.consensus.address.Wif;
import org.minicoin.consensus.crypto.Hashes;
import org.minicoin.consensus.encoding.Base58;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.genesis.spec.ChainSpecs;

/**
 * The wallet's one way to read an address a user typed or pasted. Decoding is the consensus {@link Address}
 * (Core's {@code DecodeDestination}, so exactly the strings Core accepts are accepted); what this class adds is a
 * better message when the answer is no: which network an address belongs to, that a string is a private key and
 * not an address, and whether a base58 address has a bad checksum or a bad length.
 */
public final class WalletAddresses {
    /** No base58 address is longer than this; longer input is not decoded just to word an error. */
    private static final int MAX_BASE58_ADDRESS = 100;
    private static final int BASE58_PAYLOAD = 21;

    /** Well-known bech32 prefixes of networks that are not built in, to name them in errors. */
    private static final Map<String, String> KNOWN_HRPS = Map.of("bc", "main", "tb", "testnet/signet",
            "bcrt", "regtest");

    private WalletAddresses() {
    }

    /**
     * The output script an address pays to on one network. Leading and trailing white space is ignored.
     *
     * @throws AddressException whose message says what is wrong: empty, a private key, an address of another
     *                          network (named when known), a base58 checksum or length error, or Core's bech32
     *                          error with {@link AddressException#errorLocations()}
     */
    public static byte[] toScriptPubKey(String address, ChainParams params) {
        String text = address == null ? "" : address.strip();
        if (text.isEmpty()) {
            throw new AddressException("Address is empty");
        }
        try {
            return Address.toScriptPubKey(text, params);
        } catch (AddressException e) {
            throw explain(text, params, e);
        }
    }

    /** The address of an output script on one network, if it has one (P2PKH, P2SH or a witness program). */
    public static String toAddress(byte[] scriptPubKey, ChainParams params) {
        return Address.fromScriptPubKey(scriptPubKey, params).orElseThrow(
                () -> new AddressException("Script has no address form"));
    }

    private static AddressException explain(String text, ChainParams params, AddressException coreError) {
        if (isPrivateKey(text, params)) {
            return new AddressException("This is a private key (WIF), not an address; keep it secret");
        }
        List<String> elsewhere = new ArrayList<>();
        for (ChainParams other : OtherNetworks.ALL) {
            if (!other.name().equals(params.name()) && failureOn(text, other) == null) {
                elsewhere.add(other.name());
            }
        }
        if (!elsewhere.isEmpty()) {
            return new AddressException("Address is for network " + String.join(" or ", elsewhere) + ", not "
                    + params.name());
        }
        AddressException bech32 = foreignHrp(text, params);
        if (bech32 != null) {
            return bech32;
        }
        // Core read a string that starts with this network's hrp as bech32 only; its bech32 message stands.
        boolean readAsBech32 = text.length() >= params.bech32Hrp().length()
                && text.substring(0, params.bech32Hrp().length()).equalsIgnoreCase(params.bech32Hrp());
        if (!readAsBech32 && text.length() <= MAX_BASE58_ADDRESS) {
            AddressException base58 = explainBase58(text, params);
            if (base58 != null) {
                return base58;
            }
        }
        return coreError;
    }

    private static boolean isPrivateKey(String text, ChainParams params) {
        List<ChainParams> networks = new ArrayList<>(OtherNetworks.ALL);
        networks.add(params);
        for (ChainParams p : networks) {
            try {
                Wif.decode(text, p);
                return true;
            } catch (AddressException e) {
                // not a key of this network either
            }
        }
        return false;
    }

    /** A bech32 string, or one with a well-known prefix, whose prefix is not this network's. */
    private static AddressException foreignHrp(String text, ChainParams params) {
        String hrp;
        try {
            hrp = Bech32.decode(text).hrp();
        } catch (AddressException e) {
            // Not valid bech32, but a well-known prefix still tells the user it is not for this network.
            int separator = text.lastIndexOf('1');
            String guess = separator > 0 ? text.substring(0, separator).toLowerCase(Locale.ROOT) : "";
            boolean known = KNOWN_HRPS.containsKey(guess)
                    || OtherNetworks.ALL.stream().anyMatch(other -> other.bech32Hrp().equals(guess));
            if (!known) {
                return null;
            }
            hrp = guess;
        }
        if (hrp.equals(params.bech32Hrp())) {
            return null;
        }
        String prefix = "Address has prefix '" + hrp + "'";
        for (ChainParams other : OtherNetworks.ALL) {
            AddressException there = other.bech32Hrp().equals(hrp) ? failureOn(text, other) : null;
            if (there != null) {
                // Valid there was reported above, so say why it is not (with Core's error positions).
                return new AddressException(prefix + " of network " + other.name() + ", not " + params.name()
                        + "'s '" + params.bech32Hrp() + "', and is not valid on " + other.name() + " either: "
                        + there.getMessage(), there.errorLocations());
            }
        }
        String network = KNOWN_HRPS.get(hrp);
        return new AddressException(prefix + (network != null ? " (" + network + ")" : "") + ", but network "
                + params.name() + " uses '" + params.bech32Hrp() + "'");
    }

    /** Why the string is not an address of that network, or null if it is one. */
    private static AddressException failureOn(String text, ChainParams params) {
        try {
            Address.toScriptPubKey(text, params);
            return null;
        } catch (AddressException e) {
            return e;
        }
    }

    /**
     * Splits Core's "Invalid checksum or length" and "Invalid or unsupported Base58-encoded address" into what
     * actually went wrong. Null if the string is not base58 at all.
     */
    private static AddressException explainBase58(String text, ChainParams params) {
        byte[] full;
        try {
            full = Base58.decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (full.length < 4) {
            return new AddressException("Invalid Base58 address: too short to hold a checksum");
        }
        byte[] payload = Arrays.copyOf(full, full.length - 4);
        byte[] sum = Hashes.sha256d(payload);
        if (!Arrays.equals(Arrays.copyOf(sum, 4), Arrays.copyOfRange(full, payload.length, full.length))) {
            return new AddressException("Invalid Base58 address checksum: a character is mistyped or missing");
        }
        if (payload.length != BASE58_PAYLOAD) {
            return new AddressException("Invalid Base58 address length: " + payload.length
                    + " bytes, expected 21 (version byte and 20-byte hash)");
        }
        int version = payload[0] & 0xff;
        if (version != params.base58().pubkeyAddress() && version != params.base58().scriptAddress()) {
            return new AddressException("Base58 address version " + version + " is not used on network "
                    + params.name() + " (P2PKH " + params.base58().pubkeyAddress() + ", P2SH "
                    + params.base58().scriptAddress() + "): it is for another network");
        }
        return null;
    }

    /** The built-in networks, loaded on first need: only used to name the network of a foreign address. */
    private static final class OtherNetworks {
        static final List<ChainParams> ALL = ChainSpecs.BUILT_IN.stream().map(ChainSpecs::params).toList();
    }
}
