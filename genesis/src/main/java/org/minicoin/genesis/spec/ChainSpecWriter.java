package org.minicoin.genesis.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.minicoin.consensus.encoding.Hex;
import org.minicoin.consensus.params.SoftForks;

/**
 * Writes a chain spec in its one canonical layout: fields in a fixed order, two-space indent, {@code "key": value},
 * lower-case hex, a final newline. Specs are meant to be read and diffed by people, and a fixed layout keeps diffs to
 * the fields that changed.
 */
final class ChainSpecWriter {
    private static final ObjectWriter WRITER = new ObjectMapper().writer(new DefaultPrettyPrinter(
            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

    private ChainSpecWriter() {
    }

    static String toJson(ChainSpec spec) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("format", ChainSpec.FORMAT);
        root.put("name", spec.name());
        root.put("magic", ChainSpecReader.hex4(spec.magic()));
        root.put("p2pPort", spec.p2pPort());
        root.put("rpcPort", spec.rpcPort());

        ObjectNode base58 = root.putObject("base58");
        base58.put("pubkeyAddress", spec.base58().pubkeyAddress());
        base58.put("scriptAddress", spec.base58().scriptAddress());
        base58.put("secretKey", spec.base58().secretKey());
        base58.put("extPublicKey", ChainSpecReader.hex4(spec.base58().extPublicKey()));
        base58.put("extSecretKey", ChainSpecReader.hex4(spec.base58().extSecretKey()));
        root.put("bech32Hrp", spec.bech32Hrp());

        ObjectNode pow = root.putObject("pow");
        pow.put("limit", String.format("%064x", spec.powLimit()));
        pow.put("targetSpacing", spec.targetSpacing());
        pow.put("targetTimespan", spec.targetTimespan());
        pow.put("retargetRule", ChainSpecReader.ruleName(spec.retargetRule()));

        ObjectNode subsidy = root.putObject("subsidy");
        subsidy.put("initial", spec.initialSubsidy().sats());
        subsidy.put("halvingInterval", spec.halvingInterval());

        SoftForks sf = spec.softForks();
        ObjectNode forks = root.putObject("softForks");
        forks.put("bip16Exception", sf.bip16Exception().isZero() ? ChainSpecReader.NONE
                : sf.bip16Exception().toString());
        putHeight(forks, "bip34Height", sf.bip34Height());
        putHeight(forks, "bip65Height", sf.bip65Height());
        putHeight(forks, "bip66Height", sf.bip66Height());
        putHeight(forks, "csvHeight", sf.csvHeight());
        putHeight(forks, "segwitHeight", sf.segwitHeight());
        putHeight(forks, "taprootHeight", sf.taprootHeight());

        GenesisSpec g = spec.genesis();
        ObjectNode genesis = root.putObject("genesis");
        genesis.put("version", g.version());
        genesis.put("time", g.time());
        genesis.put("bits", String.format("%08x", g.bits()));
        genesis.put("nonce", g.nonce());
        ObjectNode coinbase = genesis.putObject("coinbase");
        coinbase.put("message", g.message());
        coinbase.put("outputScript", Hex.encode(g.outputScript()));
        coinbase.put("reward", g.reward().sats());
        genesis.put("hash", g.hash().toString());
        try {
            return WRITER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing a JSON tree to a string cannot fail", e);
        }
    }

    private static void putHeight(ObjectNode node, String name, int height) {
        if (height == SoftForks.NEVER) {
            node.put(name, ChainSpecReader.NEVER);
        } else {
            node.put(name, height);
        }
    }
}
