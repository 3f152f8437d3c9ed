package org.minicoin.genesis.spec;

import java.math.BigInteger;
import org.minicoin.consensus.params.Base58Prefixes;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.params.RetargetRule;
import org.minicoin.consensus.params.SoftForks;
import org.minicoin.consensus.types.Amount;

/**
 * A network as its chain spec describes it: everything in {@link ChainParams}, with the genesis block kept as the
 * values it is built from ({@link GenesisSpec}) so the spec can be written back out. Instances that came from
 * {@link ChainSpecs} have been checked; {@link #params()} builds the consensus record.
 *
 * @param name            network name, also its data sub-directory
 * @param magic           message-start bytes as a big-endian int ({@code 0xf9beb4d9})
 * @param p2pPort         default P2P port
 * @param rpcPort         default JSON-RPC port
 * @param base58          base58check version bytes
 * @param bech32Hrp       bech32 human-readable part
 * @param powLimit        the easiest allowed target
 * @param targetSpacing   intended seconds between blocks
 * @param targetTimespan  seconds one retarget window should take
 * @param retargetRule    how the next target is computed
 * @param initialSubsidy  block subsidy before the first halving
 * @param halvingInterval blocks between halvings
 * @param softForks       soft-fork activation heights
 * @param genesis         the genesis block's fields and expected hash
 */
public record ChainSpec(String name, int magic, int p2pPort, int rpcPort, Base58Prefixes base58, String bech32Hrp,
                        BigInteger powLimit, long targetSpacing, long targetTimespan, RetargetRule retargetRule,
                        Amount initialSubsidy, int halvingInterval, SoftForks softForks, GenesisSpec genesis) {
    /** The spec format this code reads and writes (the {@code "format"} field). */
    public static final int FORMAT = 1;

    /** The consensus parameters, with the genesis block rebuilt from the spec. */
    public ChainParams params() {
        return new ChainParams(name, magic, p2pPort, rpcPort, base58, bech32Hrp, powLimit, targetSpacing,
                targetTimespan, retargetRule, halvingInterval, initialSubsidy, softForks, genesis.block());
    }

    public ChainSpec withName(String newName) {
        return new ChainSpec(newName, magic, p2pPort, rpcPort, base58, bech32Hrp, powLimit, targetSpacing,
                targetTimespan, retargetRule, initialSubsidy, halvingInterval, softForks, genesis);
    }

    public ChainSpec withMagic(int newMagic) {
        return new ChainSpec(name, newMagic, p2pPort, rpcPort, base58, bech32Hrp, powLimit, targetSpacing,
                targetTimespan, retargetRule, initialSubsidy, halvingInterval, softForks, genesis);
    }

    public ChainSpec withGenesis(GenesisSpec newGenesis) {
        return new ChainSpec(name, magic, p2pPort, rpcPort, base58, bech32Hrp, powLimit, targetSpacing,
                targetTimespan, retargetRule, initialSubsidy, halvingInterval, softForks, newGenesis);
    }
}
