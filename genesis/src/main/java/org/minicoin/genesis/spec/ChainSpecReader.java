package org.minicoin.genesis.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import org.minicoin.consensus.encoding.Hex;
import org.minicoin.consensus.params.Base58Prefixes;
import org.minicoin.consensus.params.RetargetRule;
import org.minicoin.consensus.params.SoftForks;
import org.minicoin.consensus.pow.CompactTarget;
import org.minicoin.consensus.types.Amount;
import org.minicoin.consensus.types.BlockHeader;
import org.minicoin.consensus.types.Hash;
import org.minicoin.genesis.block.GenesisBlock;
import org.minicoin.genesis.block.GenesisMiner;

/**
 * Parses and checks a chain spec document. Field by field it checks type and range; then the cross-field rules a
 * network needs to work at all: the genesis bits within the pow limit, the rebuilt genesis hash equal to the one
 * the spec states, and that hash meeting its own bits. The first problem found is thrown as a
 * {@link ChainSpecException} naming its JSON path.
 */
final class ChainSpecReader {
    /**
     * Strict JSON: a duplicated key is an error (which copy would win is parser trivia a user should not have to
     * know), and so is anything after the top-level object.
     */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static final String NEVER = "never";
    static final String NONE = "none";

    /** Safe as a directory name on every platform: no separators, no leading dot. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern HEX4 = Pattern.compile("[0-9a-fA-F]{8}");
    private static final Pattern HEX32 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final long MAX_UINT32 = 0xffffffffL;
    private static final int BECH32_MAX_HRP = 83;

    private ChainSpecReader() {
    }

    static ChainSpec read(String source, byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ChainSpecException(source, jsonPathOf(e), describe(e), e);
        } catch (java.io.IOException e) {
            throw new ChainSpecException(source, null, "cannot read: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new ChainSpecException(source, null, "empty; expected a JSON object");
        }
        return read(source, root);
    }

    static ChainSpec read(String source, JsonNode rootNode) {
        JsonFields root = JsonFields.root(source, rootNode);
        long format = root.integer("format", Long.MIN_VALUE, Long.MAX_VALUE, "an integer");
        if (format != ChainSpec.FORMAT) {
            throw root.error("format", "unsupported version " + format + " (this minicoin reads format "
                    + ChainSpec.FORMAT + ")");
        }
        root.allow("format", "name", "magic", "p2pPort", "rpcPort", "base58", "bech32Hrp", "pow", "subsidy",
                "softForks", "genesis");

        String name = root.string("name", NAME,
                "1-64 letters, digits, '.', '_' or '-' not starting with '.', '_' or '-'");
        int magic = (int) Long.parseLong(root.string("magic", HEX4, "4 bytes as 8 hex digits"), 16);
        int p2pPort = port(root, "p2pPort");
        int rpcPort = port(root, "rpcPort");
        if (p2pPort == rpcPort) {
            throw root.error("rpcPort", "must differ from p2pPort (" + p2pPort + ")");
        }
        Base58Prefixes base58 = base58(root);
        String hrp = bech32Hrp(root);

        JsonFields pow = root.object("pow", "limit", "targetSpacing", "targetTimespan", "retargetRule");
        BigInteger powLimit = new BigInteger(1, pow.hex("limit", 32, "64 hex digits"));
        if (powLimit.signum() == 0) {
            throw pow.error("limit", "must not be zero");
        }
        long spacing = pow.integer("targetSpacing", 1, Integer.MAX_VALUE, "a positive integer");
        long timespan = pow.integer("targetTimespan", 1, Integer.MAX_VALUE, "a positive integer");
        if (timespan < spacing) {
            throw pow.error("targetTimespan",
                    "must be at least pow.targetSpacing (" + spacing + "), got " + timespan);
        }
        RetargetRule rule = retargetRule(pow);

        JsonFields subsidy = root.object("subsidy", "initial", "halvingInterval");
        Amount initial = satoshis(subsidy, "initial");
        int halving = (int) subsidy.integer("halvingInterval", 1, Integer.MAX_VALUE, "a positive integer");

        SoftForks softForks = softForks(root);
        GenesisSpec genesis = genesis(root, powLimit);

        ChainSpec spec = new ChainSpec(name, magic, p2pPort, rpcPort, base58, hrp, powLimit, spacing, timespan, rule,
                initial, halving, softForks, genesis);
        try {
            spec.params();
        } catch (IllegalArgumentException e) {
            // The consensus record has its own invariants; any it holds beyond ours still deserves one clear line.
            throw new ChainSpecException(source, null, e.getMessage(), e);
        }
        return spec;
    }

    private static int port(JsonFields f, String name) {
        return (int) f.integer(name, 1, 65535, "an integer from 1 to 65535");
    }

    private static Base58Prefixes base58(JsonFields root) {
        JsonFields b = root.object("base58", "pubkeyAddress", "scriptAddress", "secretKey", "extPublicKey",
                "extSecretKey");
        int pubkey = versionByte(b, "pubkeyAddress");
        int script = versionByte(b, "scriptAddress");
        if (script == pubkey) {
            // Otherwise a P2SH address could not be told from a P2PKH one.
            throw b.error("scriptAddress", "must differ from pubkeyAddress (" + pubkey + ")");
        }
        int secret = versionByte(b, "secretKey");
        int extPub = (int) Long.parseLong(b.string("extPublicKey", HEX4, "4 bytes as 8 hex digits"), 16);
        int extSec = (int) Long.parseLong(b.string("extSecretKey", HEX4, "4 bytes as 8 hex digits"), 16);
        if (extPub == extSec) {
            throw b.error("extSecretKey", "must differ from extPublicKey");
        }
        return new Base58Prefixes(pubkey, script, secret, extPub, extSec);
    }

    private static int versionByte(JsonFields f, String name) {
        return (int) f.integer(name, 0, 255, "an integer from 0 to 255");
    }

    /**
     * BIP-0173: 1 to 83 characters, each in US-ASCII 33..126. Mixed case is invalid in an address and upper case
     * is only an alternative spelling, so the spec holds the canonical lower-case form.
     */
    private static String bech32Hrp(JsonFields root) {
        String hrp = root.string("bech32Hrp");
        if (hrp.isEmpty() || hrp.length() > BECH32_MAX_HRP) {
            throw root.error("bech32Hrp", "must be 1 to " + BECH32_MAX_HRP + " characters (BIP-0173), got "
                    + hrp.length());
        }
        for (int i = 0; i < hrp.length(); i++) {
            char c = hrp.charAt(i);
            if (c < 33 || c > 126) {
                throw root.error("bech32Hrp", "character " + i + " is outside US-ASCII 33..126 (BIP-0173)");
            }
            if (c >= 'A' && c <= 'Z') {
                throw root.error("bech32Hrp", "must be lower case, got \"" + hrp + "\"");
            }
        }
        return hrp;
    }

    private static RetargetRule retargetRule(JsonFields pow) {
        String text = pow.string("retargetRule");
        for (RetargetRule r : RetargetRule.values()) {
            if (ruleName(r).equals(text)) {
                return r;
            }
        }
        throw pow.error("retargetRule", "must be one of \"bitcoin\", \"testnet\", \"regtest\", \"devnet\", got \""
                + text + "\"");
    }

    static String ruleName(RetargetRule r) {
        return r.name().toLowerCase(Locale.ROOT);
    }

    private static Amount satoshis(JsonFields f, String name) {
        return Amount.ofSat(f.integer(name, 0, Amount.MAX_MONEY,
                "a whole number of satoshis from 0 to " + Amount.MAX_MONEY));
    }

    private static SoftForks softForks(JsonFields root) {
        JsonFields s = root.object("softForks", "bip16Exception", "bip34Height", "bip65Height", "bip66Height",
                "csvHeight", "segwitHeight", "taprootHeight");
        Hash bip16 = Hash.ZERO;
        JsonNode ex = s.required("bip16Exception");
        if (!(ex.isTextual() && NONE.equals(ex.textValue()))) {
            bip16 = Hash.fromHex(s.string("bip16Exception", HEX32, "a block hash (64 hex digits) or \"none\""));
        }
        return new SoftForks(bip16, height(s, "bip34Height"), height(s, "bip65Height"), height(s, "bip66Height"),
                height(s, "csvHeight"), height(s, "segwitHeight"), height(s, "taprootHeight"));
    }

    private static int height(JsonFields f, String name) {
        JsonNode v = f.required(name);
        if (v.isTextual() && NEVER.equals(v.textValue())) {
            return SoftForks.NEVER;
        }
        // MAX_VALUE itself is how SoftForks spells "never"; as a number it would be a confusing synonym.
        return (int) f.integer(name, 0, Integer.MAX_VALUE - 1, "a non-negative block height or \"never\"");
    }

    private static GenesisSpec genesis(JsonFields root, BigInteger powLimit) {
        JsonFields g = root.object("genesis", "version", "time", "bits", "nonce", "coinbase", "hash");
        int version = (int) g.integer("version", Integer.MIN_VALUE, Integer.MAX_VALUE, "a 32-bit signed integer");
        long time = g.integer("time", 0, MAX_UINT32, "an integer from 0 to " + MAX_UINT32);
        long bits = Long.parseLong(g.string("bits", HEX4, "a compact target as 8 hex digits"), 16);
        CompactTarget target = CompactTarget.decode(bits);
        if (!target.isValidPositive()) {
            throw g.error("bits", String.format("%08x does not decode to a positive target", bits));
        }
        if (target.target().compareTo(powLimit) > 0) {
            throw g.error("bits", String.format("target of %08x is easier than pow.limit %064x", bits, powLimit));
        }
        long nonce = g.integer("nonce", 0, MAX_UINT32, "an integer from 0 to " + MAX_UINT32);

        JsonFields cb = g.object("coinbase", "message", "outputScript", "reward");
        String message = cb.string("message");
        int messageBytes = message.getBytes(StandardCharsets.UTF_8).length;
        if (messageBytes > GenesisBlock.maxMessageBytes()) {
            // Core checks its genesis with CheckBlock, so a longer coinbase scriptSig would be bad-cb-length.
            throw cb.error("message", "is " + messageBytes + " bytes of UTF-8; at most "
                    + GenesisBlock.maxMessageBytes() + " fit a coinbase scriptSig of "
                    + GenesisBlock.MAX_COINBASE_SCRIPT_SIG + " bytes");
        }
        byte[] outputScript = cb.hex("outputScript", -1, "hex");
        Amount reward = satoshis(cb, "reward");

        Hash stated = Hash.fromHex(g.string("hash", HEX32, "a block hash (64 hex digits)"));
        GenesisSpec spec = new GenesisSpec(version, time, bits, nonce, message, outputScript, reward, stated);
        BlockHeader header = spec.block().header();
        if (!header.hash().equals(stated)) {
            throw g.error("hash", "spec says " + stated + " but the header hashes to " + header.hash());
        }
        if (!GenesisMiner.meetsTarget(header, target.target())) {
            throw g.error("nonce", String.format("header hash %s is above the target of its bits %08x; "
                    + "mine a nonce with 'genesis new'", header.hash(), bits));
        }
        return spec;
    }

    /** Jackson's message without its source dump, with line and column. */
    private static String describe(JsonProcessingException e) {
        String msg = e.getOriginalMessage();
        int nl = msg.indexOf('\n');
        if (nl >= 0) {
            msg = msg.substring(0, nl);
        }
        JsonLocation loc = e.getLocation();
        String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
        return "not valid JSON" + where + ": " + msg;
    }

    /** Where the parser was, as a dotted path (for "Duplicate field" errors), or null at the top level. */
    private static String jsonPathOf(JsonProcessingException e) {
        if (e.getProcessor() instanceof JsonParser p && p.getParsingContext() != null) {
            String pointer = p.getParsingContext().pathAsPointer().toString();
            if (!pointer.isEmpty()) {
                return pointer.substring(1).replace('/', '.');
            }
        }
        return null;
    }

    static String hex4(int v) {
        return Hex.encode(new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
    }
}
