package org.minicoin.genesis.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.params.SoftForks;
import org.minicoin.consensus.types.BlockHeader;
import org.minicoin.genesis.spec.ChainSpec;
import org.minicoin.genesis.spec.ChainSpecs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code genesis show}: a network's parameters as aligned {@code key: value} lines. */
@Command(name = "show", description = "Print a network's parameters and genesis hash.")
final class ShowCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Parameters(index = "0", paramLabel = "NETWORK",
            description = "A built-in network (main, regtest, devnet) or a chain spec file.")
    private String network;

    @Override
    public Integer call() {
        ChainSpec chain = ChainSpecs.load(network);
        PrintWriter out = spec.commandLine().getOut();
        Map<String, String> rows = rows(chain);
        int width = rows.keySet().stream().mapToInt(String::length).max().orElse(0) + 1;
        rows.forEach((k, v) -> out.printf("%-" + width + "s %s%n", k + ":", v));
        out.flush();
        return 0;
    }

    static Map<String, String> rows(ChainSpec chain) {
        ChainParams p = chain.params();
        BlockHeader g = p.genesis().header();
        SoftForks sf = p.softForks();
        Map<String, String> r = new LinkedHashMap<>();
        r.put("name", p.name());
        r.put("magic", String.format("%08x", p.magic()));
        r.put("p2pPort", Integer.toString(p.p2pPort()));
        r.put("rpcPort", Integer.toString(p.rpcPort()));
        r.put("pubkeyAddress", Integer.toString(p.base58().pubkeyAddress()));
        r.put("scriptAddress", Integer.toString(p.base58().scriptAddress()));
        r.put("secretKey", Integer.toString(p.base58().secretKey()));
        r.put("extPublicKey", String.format("%08x", p.base58().extPublicKey()));
        r.put("extSecretKey", String.format("%08x", p.base58().extSecretKey()));
        r.put("bech32Hrp", p.bech32Hrp());
        r.put("powLimit", String.format("%064x", p.powLimit()));
        r.put("targetSpacing", p.powTargetSpacing() + " s");
        r.put("targetTimespan", p.powTargetTimespan() + " s (" + p.difficultyAdjustmentInterval() + " blocks)");
        r.put("retargetRule", p.retargetRule().name().toLowerCase(java.util.Locale.ROOT));
        r.put("halvingInterval", Integer.toString(p.subsidyHalvingInterval()));
        r.put("initialSubsidy", p.initialSubsidy().toCoinString());
        r.put("bip16Exception", sf.bip16Exception().isZero() ? "none" : sf.bip16Exception().toString());
        r.put("bip34Height", height(sf.bip34Height()));
        r.put("bip65Height", height(sf.bip65Height()));
        r.put("bip66Height", height(sf.bip66Height()));
        r.put("csvHeight", height(sf.csvHeight()));
        r.put("segwitHeight", height(sf.segwitHeight()));
        r.put("taprootHeight", height(sf.taprootHeight()));
        r.put("genesisTime", Long.toString(g.time()));
        r.put("genesisBits", String.format("%08x", g.bits()));
        r.put("genesisNonce", Long.toString(g.nonce()));
        r.put("genesisMerkleRoot", g.merkleRoot().toString());
        r.put("genesisHash", p.genesisHash().toString());
        return r;
    }

    private static String height(int h) {
        return h == SoftForks.NEVER ? "never" : Integer.toString(h);
    }
}
