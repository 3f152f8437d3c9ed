package org.minicoin.consensus.descriptor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.minicoin.consensus.address.Address;
import org.minicoin.consensus.address.AddressException;
import org.minicoin.consensus.address.Wif;
import org.minicoin.consensus.crypto.PublicKey;
import org.minicoin.consensus.encoding.Hex;
import org.minicoin.consensus.keys.ExtendedKey;
import org.minicoin.consensus.keys.ExtendedKeyException;
import org.minicoin.consensus.keys.KeyPath;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.script.Scripts;

/**
 * Reads the descriptor language as Core's {@code ParseScript}/{@code ParsePubkey} (script/descriptor.cpp) do: the
 * same nesting rules per context, the same order of checks and the same error texts.
 */
final class DescriptorParser {
    /** Where an expression sits, which decides what may appear (Core's ParseScriptContext). */
    private enum Context { TOP, P2SH, P2WPKH, P2WSH }

    /** Core's {@code apostrophe}: whether the last hardened step of a key expression was written with '. */
    private static final class HardenedMarker {
        boolean apostrophe;
    }

    /** Core's MAX_SCRIPT_ELEMENT_SIZE: a P2SH redeem script is pushed, so it cannot be longer. */
    private static final int MAX_REDEEM_SCRIPT = Scripts.MAX_ELEMENT_SIZE;
    /** Core's policy of at most 3 keys in bare multisig outputs, enforced by the descriptor parser. */
    private static final int MAX_BARE_MULTISIG_KEYS = 3;

    private final ChainParams params;

    private DescriptorParser(ChainParams params) {
        this.params = params;
    }

    /** Parses a descriptor without its checksum. */
    static ScriptExpression parse(String payload, ChainParams params) {
        return new DescriptorParser(params).parseWhole(payload, Context.TOP);
    }

    private ScriptExpression parseWhole(String text, Context ctx) {
        String e = expr(text);
        ScriptExpression result = parseScript(e, ctx);
        if (e.length() != text.length()) {
            // Core fails here without a message; this one says where.
            throw new DescriptorException("Unexpected '" + text.substring(e.length()) + "' after '" + e + "'");
        }
        return result;
    }

    private ScriptExpression parseScript(String e, Context ctx) {
        String arg;
        if ((arg = func("pk", e)) != null) {
            return new ScriptExpression.Pk(parseKey(arg, ctx, "pk(): "));
        }
        if ((arg = func("pkh", e)) != null) {
            return new ScriptExpression.Pkh(parseKey(arg, ctx, "pkh(): "));
        }
        if ((arg = func("combo", e)) != null) {
            if (ctx != Context.TOP) {
                throw new DescriptorException("Can only have combo() at top level");
            }
            return new ScriptExpression.Combo(parseKey(arg, ctx, "combo(): "));
        }
        boolean multi = func("multi", e) != null;
        boolean sortedMulti = func("sortedmulti", e) != null;
        if (multi || sortedMulti) {
            return parseMulti(func(multi ? "multi" : "sortedmulti", e), ctx, sortedMulti);
        }
        if (func("multi_a", e) != null || func("sortedmulti_a", e) != null) {
            throw new DescriptorException("Can only have multi_a/sortedmulti_a inside tr()");
        }
        if ((arg = func("wpkh", e)) != null) {
            if (ctx != Context.TOP && ctx != Context.P2SH) {
                throw new DescriptorException("Can only have wpkh() at top level or inside sh()");
            }
            return new ScriptExpression.Wpkh(parseKey(arg, Context.P2WPKH, "wpkh(): "));
        }
        if ((arg = func("sh", e)) != null) {
            if (ctx != Context.TOP) {
                throw new DescriptorException("Can only have sh() at top level");
            }
            return new ScriptExpression.Sh(parseWhole(arg, Context.P2SH));
        }
        if ((arg = func("wsh", e)) != null) {
            if (ctx != Context.TOP && ctx != Context.P2SH) {
                throw new DescriptorException("Can only have wsh() at top level or inside sh()");
            }
            return new ScriptExpression.Wsh(parseWhole(arg, Context.P2WSH));
        }
        if ((arg = func("addr", e)) != null) {
            if (ctx != Context.TOP) {
                throw new DescriptorException("Can only have addr() at top level");
            }
            return parseAddress(arg);
        }
        if (func("tr", e) != null || func("rawtr", e) != null) {
            String name = e.startsWith("tr") ? "tr" : "rawtr";
            throw new DescriptorException(ctx != Context.TOP ? "Can only have " + name + " at top level"
                    : name + "() descriptors (BIP-0386) are not supported yet");
        }
        if ((arg = func("raw", e)) != null) {
            if (ctx != Context.TOP) {
                throw new DescriptorException("Can only have raw() at top level");
            }
            if (!isHex(arg)) {
                throw new DescriptorException("Raw script is not hex");
            }
            return new ScriptExpression.Raw(Hex.decode(arg));
        }
        // Core tries miniscript inside wsh() before these; minicoin has no miniscript.
        if (ctx == Context.P2SH) {
            throw new DescriptorException("A function is needed within P2SH");
        }
        if (ctx == Context.P2WSH) {
            throw new DescriptorException(e.contains("(")
                    ? "'" + e + "' is not a supported descriptor function (miniscript is not implemented)"
                    : "A function is needed within P2WSH");
        }
        throw new DescriptorException("'" + e + "' is not a valid descriptor function");
    }

    private ScriptExpression parseAddress(String text) {
        try {
            byte[] script = Address.toScriptPubKey(text, params);
            // Core writes the address back from its destination: bech32 comes out in lower case.
            String canonical = Address.fromScriptPubKey(script, params).orElse(text);
            return new ScriptExpression.Addr(script, canonical);
        } catch (AddressException e) {
            throw new DescriptorException("Address is not valid");
        }
    }

    private ScriptExpression parseMulti(String args, Context ctx, boolean sorted) {
        String thresholdText = expr(args);
        String rest = args.substring(thresholdText.length());
        long threshold = KeyPath.parseUint32(thresholdText);
        if (threshold < 0) {
            throw new DescriptorException("Multi threshold '" + thresholdText + "' is not valid");
        }
        List<KeyExpression> keys = new ArrayList<>();
        int scriptSize = 0;
        while (!rest.isEmpty()) {
            if (rest.charAt(0) != ',') {
                throw new DescriptorException("Multi: expected ',', got '" + rest.charAt(0) + "'");
            }
            rest = rest.substring(1);
            String keyText = expr(rest);
            rest = rest.substring(keyText.length());
            KeyExpression key = parseKey(keyText, ctx, "Multi: ");
            scriptSize += key.size() + 1;
            keys.add(key);
        }
        if (keys.isEmpty() || keys.size() > Scripts.MAX_PUBKEYS_PER_MULTISIG) {
            throw new DescriptorException("Cannot have " + keys.size() + " keys in multisig; must have between 1 and "
                    + Scripts.MAX_PUBKEYS_PER_MULTISIG + " keys, inclusive");
        }
        if (threshold < 1) {
            throw new DescriptorException("Multisig threshold cannot be " + threshold + ", must be at least 1");
        }
        if (threshold > keys.size()) {
            throw new DescriptorException("Multisig threshold cannot be larger than the number of keys; threshold is "
                    + threshold + " but only " + keys.size() + " keys specified");
        }
        if (ctx == Context.TOP && keys.size() > MAX_BARE_MULTISIG_KEYS) {
            throw new DescriptorException("Cannot have " + keys.size()
                    + " pubkeys in bare multisig; only at most 3 pubkeys");
        }
        // Threshold, count and OP_CHECKMULTISIG take 3 bytes: this limits P2SH multisig to 15 compressed keys.
        if (ctx == Context.P2SH && scriptSize + 3 > MAX_REDEEM_SCRIPT) {
            throw new DescriptorException("P2SH script is too large, " + (scriptSize + 3)
                    + " bytes is larger than " + MAX_REDEEM_SCRIPT + " bytes");
        }
        return new ScriptExpression.Multi((int) threshold, keys, sorted);
    }

    /** Core's ParsePubkey: an optional {@code [fingerprint/path]} origin, then the key. */
    private KeyExpression parseKey(String text, Context ctx, String errorPrefix) {
        try {
            return parseKeyWithOrigin(text, ctx);
        } catch (DescriptorException e) {
            throw new DescriptorException(errorPrefix + e.getMessage());
        }
    }

    private KeyExpression parseKeyWithOrigin(String text, Context ctx) {
        String[] originSplit = split(text, ']');
        if (originSplit.length > 2) {
            throw new DescriptorException("Multiple ']' characters found for a single pubkey");
        }
        HardenedMarker marker = new HardenedMarker();
        if (originSplit.length == 1) {
            return parseKeyInner(text, ctx, marker);
        }
        String origin = originSplit[0];
        if (origin.isEmpty() || origin.charAt(0) != '[') {
            throw new DescriptorException("Key origin start '[ character expected but not found, got '"
                    + (origin.isEmpty() ? ']' : origin.charAt(0)) + "' instead");
        }
        String[] slashSplit = split(origin.substring(1), '/');
        String fingerprint = slashSplit[0];
        if (fingerprint.length() != 8) {
            throw new DescriptorException("Fingerprint is not 4 bytes (" + fingerprint.length()
                    + " characters instead of 8 characters)");
        }
        if (!isHex(fingerprint)) {
            throw new DescriptorException("Fingerprint '" + fingerprint + "' is not hex");
        }
        KeyPath path = parsePath(Arrays.asList(slashSplit).subList(1, slashSplit.length), marker, false);
        KeyExpression key = parseKeyInner(originSplit[1], ctx, marker);
        return new KeyExpression.WithOrigin(Integer.parseUnsignedInt(fingerprint, 16), path, key, marker.apostrophe);
    }

    /** Core's ParsePubkeyInner: hex key, WIF, or extended key with path and range. */
    private KeyExpression parseKeyInner(String text, Context ctx, HardenedMarker marker) {
        boolean permitUncompressed = ctx == Context.TOP || ctx == Context.P2SH;
        String[] split = split(text, '/');
        String str = split[0];
        if (str.isEmpty()) {
            throw new DescriptorException("No key provided");
        }
        if (isSpace(str.charAt(0)) || isSpace(str.charAt(str.length() - 1))) {
            throw new DescriptorException("Key '" + str + "' is invalid due to whitespace");
        }
        if (split.length == 1) {
            if (isHex(str)) {
                return hexKey(str, permitUncompressed);
            }
            Wif wif = decodeWif(str);
            if (wif != null) {
                if (!permitUncompressed && !wif.compressed()) {
                    throw new DescriptorException("Uncompressed keys are not allowed");
                }
                return new KeyExpression.Fixed(wif.key().publicKey(wif.compressed()), wif, params);
            }
        }
        ExtendedKey extended = decodeExtended(str);
        if (extended == null) {
            throw new DescriptorException("key '" + str + "' is not valid");
        }
        List<String> steps = new ArrayList<>(Arrays.asList(split).subList(1, split.length));
        KeyExpression.Range range = KeyExpression.Range.NONE;
        if (!steps.isEmpty()) {
            String last = steps.get(steps.size() - 1);
            if (last.equals("*")) {
                range = KeyExpression.Range.UNHARDENED;
            } else if (last.equals("*'") || last.equals("*h")) {
                range = KeyExpression.Range.HARDENED;
                marker.apostrophe = last.equals("*'");
            }
            if (range != KeyExpression.Range.NONE) {
                steps.remove(steps.size() - 1);
            }
        }
        KeyPath path = parsePath(steps, marker, true);
        try {
            return new KeyExpression.Extended(extended, path, range, marker.apostrophe, params);
        } catch (ExtendedKeyException e) {
            throw new DescriptorException(e.getMessage());
        }
    }

    private KeyExpression hexKey(String hex, boolean permitUncompressed) {
        byte[] data = Hex.decode(hex);
        if (data.length == PublicKey.UNCOMPRESSED_SIZE && (data[0] == 0x06 || data[0] == 0x07)) {
            throw new DescriptorException("Hybrid public keys are not allowed");
        }
        if (!PublicKey.isFullyValid(data)) {
            throw new DescriptorException("Pubkey '" + hex + "' is invalid");
        }
        PublicKey key = PublicKey.parse(data);
        if (!permitUncompressed && !key.isCompressed()) {
            throw new DescriptorException("Uncompressed keys are not allowed");
        }
        return new KeyExpression.Fixed(key, null, params);
    }

    private Wif decodeWif(String text) {
        try {
            return Wif.decode(text, params);
        } catch (AddressException e) {
            return null;
        }
    }

    private ExtendedKey decodeExtended(String text) {
        try {
            return ExtendedKey.parse(text, params);
        } catch (ExtendedKeyException e) {
            return null;
        }
    }

    /** Core's ParseKeyPath; multipath steps ({@code <0;1>}, BIP-0389) are refused. */
    private static KeyPath parsePath(List<String> steps, HardenedMarker marker, boolean multipathAllowedHere) {
        List<Integer> path = new ArrayList<>();
        for (String step : steps) {
            if (step.startsWith("<") && step.endsWith(">")) {
                throw new DescriptorException(multipathAllowedHere
                        ? "Multipath key path specifiers (BIP-0389) are not supported"
                        : "Key path value '" + step
                                + "' specifies multipath in a section where multipath is not allowed");
            }
            if (step.endsWith("'") || step.endsWith("h")) {
                marker.apostrophe = step.endsWith("'");
            }
            try {
                path.add(KeyPath.parseStep(step));
            } catch (ExtendedKeyException e) {
                throw new DescriptorException(e.getMessage());
            }
        }
        return new KeyPath(path);
    }

    /** Core's script::Func: {@code name(...)} with the parentheses closing at the end; the arguments, or null. */
    private static String func(String name, String e) {
        if (e.length() >= name.length() + 2 && e.startsWith(name) && e.charAt(name.length()) == '('
                && e.charAt(e.length() - 1) == ')') {
            return e.substring(name.length() + 1, e.length() - 1);
        }
        return null;
    }

    /** Core's script::Expr: the text up to the first ',' or unmatched ')' or '}' outside parentheses. */
    private static String expr(String s) {
        int level = 0;
        int i = 0;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '{') {
                level++;
            } else if (level > 0 && (c == ')' || c == '}')) {
                level--;
            } else if (level == 0 && (c == ')' || c == '}' || c == ',')) {
                break;
            }
        }
        return s.substring(0, i);
    }

    /** Core's Split: every piece, empty ones included. */
    static String[] split(String s, char separator) {
        return s.split(Pattern.quote(String.valueOf(separator)), -1);
    }

    /** Core's IsHex: a non-empty, even number of hex digits. */
    private static boolean isHex(String s) {
        if (s.isEmpty() || s.length() % 2 != 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if ("0123456789abcdefABCDEF".indexOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\f' || c == '\n' || c == '\r' || c == '\t' || c == 0x0b;
    }
}
