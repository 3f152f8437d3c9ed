package org.minicoin.genesis.spec;

import java.util.Arrays;
import java.util.Objects;
import org.minicoin.consensus.encoding.Hex;
import org.minicoin.consensus.types.Amount;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.Hash;
import org.minicoin.genesis.block.GenesisBlock;

/**
 * The genesis part of a chain spec: the header fields and coinbase from which the genesis block is rebuilt, and the
 * hash it is expected to have. The expected hash is kept rather than trusted: the loader recomputes the block and
 * refuses a spec whose hash differs, so an edited field cannot silently fork a network.
 *
 * @param version      header version
 * @param time         header time, seconds since 1970 (uint32)
 * @param bits         header bits, the compact target the genesis must meet (uint32)
 * @param nonce        header nonce that solves it (uint32)
 * @param message      the text pushed in the coinbase scriptSig (as UTF-8)
 * @param outputScript scriptPubKey of the coinbase's only output
 * @param reward       value of that output
 * @param hash         the expected genesis block hash
 */
public record GenesisSpec(int version, long time, long bits, long nonce, String message, byte[] outputScript,
                          Amount reward, Hash hash) {
    public GenesisSpec {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(reward, "reward");
        Objects.requireNonNull(hash, "hash");
        outputScript = outputScript.clone();
    }

    @Override
    public byte[] outputScript() {
        return outputScript.clone();
    }

    /** Rebuilds the block from the fields; its hash is what the fields give, whatever {@link #hash()} says. */
    public Block block() {
        return GenesisBlock.build(version, time, bits, nonce, message, outputScript, reward);
    }

    public GenesisSpec withSolution(long newTime, long newNonce, Hash newHash) {
        return new GenesisSpec(version, newTime, bits, newNonce, message, outputScript, reward, newHash);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GenesisSpec g && version == g.version && time == g.time && bits == g.bits
                && nonce == g.nonce && message.equals(g.message) && Arrays.equals(outputScript, g.outputScript)
                && reward.equals(g.reward) && hash.equals(g.hash);
    }

    @Override
    public int hashCode() {
        return hash.hashCode();
    }

    @Override
    public String toString() {
        return "GenesisSpec(" + hash + ", time=" + time + ", bits=" + String.format("%08x", bits) + ", nonce=" + nonce
                + ", message=\"" + message + "\", outputScript=" + Hex.encode(outputScript) + ", reward=" + reward
                + ")";
    }
}
