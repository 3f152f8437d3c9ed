package org.minicoin.genesis.cli;

import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.minicoin.consensus.encoding.Hex;
import org.minicoin.consensus.pow.CompactTarget;
import org.minicoin.consensus.types.Amount;
import org.minicoin.consensus.types.BlockHeader;
import org.minicoin.consensus.types.Hash;
import org.minicoin.genesis.block.GenesisBlock;
import org.minicoin.genesis.block.GenesisMiner;
import org.minicoin.genesis.spec.ChainSpec;
import org.minicoin.genesis.spec.ChainSpecs;
import org.minicoin.genesis.spec.GenesisSpec;
import org.minicoin.genesis.spec.NewNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code genesis new}: mines a genesis block and writes the chain spec of a new network. */
@Command(name = "new", description = "Mine a genesis block and write the chain spec of a new network.",
        footer = {"", "Parameters other than the genesis are devnet's, with a magic derived from the name. "
                + "Edit the written spec to change them: the genesis hash does not depend on them."})
final class NewCommand implements Callable<Integer> {
    private static final long MAX_UINT32 = 0xffffffffL;

    private final Clock clock;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = "--name", required = true, paramLabel = "NAME",
            description = "Network name; also its data directory name.")
    private String name;

    @Option(names = "--message", required = true, paramLabel = "TEXT",
            description = "Text pushed in the genesis coinbase, like Bitcoin's newspaper headline.")
    private String message;

    @Option(names = "--time", paramLabel = "SECONDS", description = "Genesis time in seconds since 1970 (default: now).")
    private Long time;

    @Option(names = "--bits", paramLabel = "HEX", defaultValue = "1f00ffff",
            description = "Genesis compact target, 8 hex digits (default: ${DEFAULT-VALUE}).")
    private String bits;

    @Option(names = "--reward", paramLabel = "COINS", defaultValue = "50",
            description = "Genesis coinbase value in coins, e.g. 50 or 12.5 (default: ${DEFAULT-VALUE}).")
    private String reward;

    @Option(names = "--output-script", paramLabel = "HEX", defaultValue = "6a",
            description = "Genesis output scriptPubKey (default: ${DEFAULT-VALUE}, OP_RETURN).")
    private String outputScript;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the spec here (default: stdout).")
    private Path output;

    @Option(names = "--force", description = "Overwrite FILE if it exists.")
    private boolean force;

    NewCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() throws Exception {
        checkName();
        long genesisBits = parseBits();
        long genesisTime = genesisTime();
        Amount value = parseReward();
        byte[] script = parseOutputScript();
        checkMessage();
        if (output != null && Files.exists(output) && !force) {
            throw new UserError("--output: " + output + " exists; pass --force to overwrite it");
        }

        GenesisSpec unsolved = new GenesisSpec(1, genesisTime, genesisBits, 0, message, script, value, Hash.ZERO);
        GenesisMiner.Result mined = GenesisMiner.mine(unsolved.block().header());
        BlockHeader h = mined.header();
        GenesisSpec genesis = unsolved.withSolution(h.time(), h.nonce(), h.hash());

        // Read the spec back through the loader, so what we write is exactly what will load.
        ChainSpec spec = ChainSpecs.parse(ChainSpecs.toJson(NewNetwork.template(name, genesis)), "new spec");
        if (output == null) {
            PrintWriter out = this.spec.commandLine().getOut();
            out.print(ChainSpecs.toJson(spec));
            out.flush();
        } else {
            ChainSpecs.write(output, spec);
        }
        PrintWriter err = this.spec.commandLine().getErr();
        err.printf("genesis hash %s%n", h.hash());
        err.printf("nonce %d, time %d (%d hashes)%n", h.nonce(), h.time(), mined.hashes());
        if (output != null) {
            err.printf("wrote %s%n", output);
        }
        err.flush();
        return 0;
    }

    private void checkName() {
        if (!ChainSpecs.isValidName(name)) {
            throw new UserError("--name: '" + name + "' must be 1-64 letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit");
        }
        if (ChainSpecs.BUILT_IN.contains(name)) {
            // Same name means same data directory: a new network must not write into a built-in one's.
            throw new UserError("--name: '" + name + "' is a built-in network; choose another name");
        }
    }

    private long parseBits() {
        if (!bits.matches("[0-9a-fA-F]{8}")) {
            throw new UserError("--bits: must be 8 hex digits, got '" + bits + "'");
        }
        long value = Long.parseLong(bits, 16);
        CompactTarget target = CompactTarget.decode(value);
        if (!target.isValidPositive()) {
            throw new UserError("--bits: " + bits + " does not decode to a positive target");
        }
        BigInteger limit = NewNetwork.POW_LIMIT;
        if (target.target().compareTo(limit) > 0) {
            throw new UserError(String.format("--bits: %s is easier than the pow limit %064x", bits, limit));
        }
        return value;
    }

    private long genesisTime() {
        long t = time != null ? time : clock.instant().getEpochSecond();
        if (t < 0 || t > MAX_UINT32) {
            throw new UserError("--time: must be from 0 to " + MAX_UINT32 + ", got " + t);
        }
        return t;
    }

    private Amount parseReward() {
        try {
            return Amount.parseCoins(reward);
        } catch (IllegalArgumentException e) {
            throw new UserError("--reward: " + e.getMessage());
        }
    }

    private byte[] parseOutputScript() {
        if (!outputScript.matches("(?:[0-9a-fA-F]{2})*")) {
            throw new UserError("--output-script: must be hex, got '" + outputScript + "'");
        }
        return Hex.decode(outputScript);
    }

    private void checkMessage() {
        int n = message.getBytes(StandardCharsets.UTF_8).length;
        if (n > GenesisBlock.maxMessageBytes()) {
            throw new UserError("--message: is " + n + " bytes of UTF-8; at most " + GenesisBlock.maxMessageBytes()
                    + " fit a coinbase scriptSig");
        }
    }
}
