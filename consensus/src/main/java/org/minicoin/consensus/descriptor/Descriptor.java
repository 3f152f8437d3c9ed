package org.minicoin.consensus.descriptor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.minicoin.consensus.address.Address;
import org.minicoin.consensus.keys.ExtendedKeyException;
import org.minicoin.consensus.params.ChainParams;

/**
 * A parsed output script descriptor for one network (BIP-0380; Core's {@code Descriptor}). Immutable. What the
 * node's {@code getdescriptorinfo} ({@link #toString()}, {@link #checksum()}, {@link #isRange()},
 * {@link #isSolvable()}, {@link #hasPrivateKeys()}), {@code deriveaddresses} ({@link #addresses(int)}) and
 * {@code scantxoutset} ({@link #expandRange(int, int)}) answer with, and what the wallet discovers coins by.
 */
public final class Descriptor {
    /** Core's default range for {@code scantxoutset}: positions 0 to 1000. */
    public static final int DEFAULT_SCAN_RANGE_END = 1000;

    private final ScriptExpression root;
    private final String checksum;
    private final ChainParams params;

    private Descriptor(ScriptExpression root, String checksum, ChainParams params) {
        this.root = root;
        this.checksum = checksum;
        this.params = params;
    }

    /** Parses a descriptor whose {@code #checksum} is optional (Core's {@code Parse} as getdescriptorinfo uses it). */
    public static Descriptor parse(String text, ChainParams params) {
        return parse(text, params, false);
    }

    /**
     * Parses a descriptor; a checksum, if present, must match (Core's {@code CheckChecksum} then
     * {@code ParseScript}).
     *
     * @param requireChecksum as Core's {@code deriveaddresses} and {@code importdescriptors} do
     * @throws DescriptorException with Core's message, e.g. "Missing checksum", "Provided checksum 'x' does not
     *                             match computed checksum 'y'", "pkh(): key 'x' is not valid"
     */
    public static Descriptor parse(String text, ChainParams params, boolean requireChecksum) {
        String[] parts = DescriptorParser.split(text, '#');
        if (parts.length > 2) {
            throw new DescriptorException("Multiple '#' symbols");
        }
        if (parts.length == 1 && requireChecksum) {
            throw new DescriptorException("Missing checksum");
        }
        if (parts.length == 2 && parts[1].length() != DescriptorChecksum.LENGTH) {
            throw new DescriptorException("Expected 8 character checksum, not " + parts[1].length() + " characters");
        }
        String computed = checksum(parts[0]);
        if (parts.length == 2 && !parts[1].equals(computed)) {
            throw new DescriptorException("Provided checksum '" + parts[1] + "' does not match computed checksum '"
                    + computed + "'");
        }
        return new Descriptor(DescriptorParser.parse(parts[0], params), computed, params);
    }

    /**
     * The 8-character checksum of a descriptor written without one (BIP-0380).
     *
     * @throws DescriptorException "Invalid characters in payload" for a character outside the descriptor set
     */
    public static String checksum(String payload) {
        String sum = DescriptorChecksum.compute(payload);
        if (sum == null) {
            throw new DescriptorException("Invalid characters in payload");
        }
        return sum;
    }

    /** {@code payload#checksum}, as Core's {@code AddChecksum}. */
    public static String addChecksum(String payload) {
        return payload + "#" + checksum(payload);
    }

    /** The checksum of the descriptor as given (getdescriptorinfo's "checksum"; not that of the public form). */
    public String checksum() {
        return checksum;
    }

    /** Whether some key ends in {@code /*} or {@code /*h}, so that each position gives other scripts. */
    public boolean isRange() {
        return root.isRange();
    }

    /** Whether the scripts could be signed for given the keys (false for {@code addr()} and {@code raw()}). */
    public boolean isSolvable() {
        return root.isSolvable();
    }

    /** Whether the descriptor as given holds at least one private key (WIF or xprv). */
    public boolean hasPrivateKeys() {
        return root.hasPrivateKeys();
    }

    /**
     * The output scripts at one position of the range (any position for a descriptor that is not ranged): one
     * script, or for {@code combo()} two or four.
     *
     * @throws DescriptorException "Cannot derive script without private keys" where a hardened step follows an
     *                             xpub
     * @throws IllegalArgumentException for a negative index
     */
    public List<byte[]> expand(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("descriptor positions are 0 to 2^31 - 1, not " + index);
        }
        try {
            return root.expand(index);
        } catch (ExtendedKeyException e) {
            throw new DescriptorException(e.getMessage());
        }
    }

    /**
     * The scripts of positions {@code begin} to {@code end} inclusive, in order, as Core's
     * {@code EvalDescriptorStringOrObject} (scantxoutset): a descriptor that is not ranged gives its scripts once.
     */
    public List<byte[]> expandRange(int begin, int end) {
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("Range specified as [begin,end] must not have begin after end");
        }
        if (!isRange()) {
            return expand(0);
        }
        List<byte[]> scripts = new ArrayList<>();
        for (int i = begin; i <= end; i++) {
            scripts.addAll(expand(i));
        }
        return scripts;
    }

    /**
     * The addresses of one position, as Core's {@code deriveaddresses}: combo()'s P2PK script, which has no
     * address, is left out.
     *
     * @throws DescriptorException "Descriptor does not have a corresponding address" for other scripts without one
     */
    public List<String> addresses(int index) {
        List<byte[]> scripts = expand(index);
        List<String> addresses = new ArrayList<>();
        for (byte[] script : scripts) {
            Optional<String> address = Address.fromScriptPubKey(script, params);
            if (address.isPresent()) {
                addresses.add(address.get());
            } else if (scripts.size() == 1 || !ScriptExpression.isPayToPubkey(script)) {
                throw new DescriptorException("Descriptor does not have a corresponding address");
            }
        }
        return addresses;
    }

    /**
     * The descriptor with any private keys written as WIF or xprv, with checksum (Core's {@code ToPrivateString});
     * for a descriptor without private keys, the same as {@link #toString()}.
     */
    public String toPrivateString() {
        return addChecksum(root.toString(true));
    }

    /**
     * The canonical public form with checksum, as getdescriptorinfo's "descriptor": private keys replaced by their
     * public keys or xpubs, hex in lower case, the hardened marker as given.
     */
    @Override
    public String toString() {
        return addChecksum(root.toString(false));
    }
}
