package org.minicoin.consensus.params;

import java.math.BigInteger;
import org.minicoin.consensus.types.Amount;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.Hash;

/**
 * Everything that distinguishes one network from another. Built by the {@code genesis} module from a chain spec;
 * read everywhere else. Values mirror Core's CChainParams and Consensus::Params.
 *
 * @param name                   network name, also the data sub-directory ("main", "regtest", "devnet", ...)
 * @param magic                  the four message-start bytes, as a big-endian int of the wire bytes (0xf9beb4d9)
 * @param p2pPort                default P2P port
 * @param rpcPort                default JSON-RPC port
 * @param base58                 base58check version bytes
 * @param bech32Hrp              human-readable part of bech32/bech32m addresses ("bc", "bcrt")
 * @param powLimit               the easiest allowed target
 * @param powTargetSpacing       intended seconds between blocks
 * @param powTargetTimespan      seconds one retarget period should take; interval = timespan / spacing
 * @param retargetRule           how the next target is computed
 * @param subsidyHalvingInterval blocks between subsidy halvings
 * @param initialSubsidy         the block subsidy before the first halving
 * @param softForks              buried soft-fork activation heights
 * @param genesis                the genesis block
 */
public record ChainParams(String name, int magic, int p2pPort, int rpcPort, Base58Prefixes base58, String bech32Hrp,
                          BigInteger powLimit, long powTargetSpacing, long powTargetTimespan,
                          RetargetRule retargetRule, int subsidyHalvingInterval, Amount initialSubsidy,
                          SoftForks softForks, Block genesis) {
    public ChainParams {
        if (powTargetSpacing <= 0 || powTargetTimespan < powTargetSpacing) {
            throw new IllegalArgumentException("need 0 < powTargetSpacing <= powTargetTimespan");
        }
        if (powLimit.signum() <= 0 || powLimit.bitLength() > 256) {
            throw new IllegalArgumentException("powLimit must be a positive 256-bit number");
        }
        if (powTargetTimespan % powTargetSpacing != 0) {
            throw new IllegalArgumentException("powTargetTimespan must be a whole number of powTargetSpacing");
        }
        // Core's chain-params sanity check: the BITCOIN and TESTNET retargets multiply a target by up to
        // 4 x timespan in 256-bit arithmetic, which silently wraps if the pow limit is too large.
        if ((retargetRule == RetargetRule.BITCOIN || retargetRule == RetargetRule.TESTNET)
                && powLimit.multiply(BigInteger.valueOf(4 * powTargetTimespan)).bitLength() > 256) {
            throw new IllegalArgumentException("powLimit times 4 x powTargetTimespan overflows 256 bits, which the "
                    + retargetRule.name().toLowerCase(java.util.Locale.ROOT) + " retarget cannot compute");
        }
        if (subsidyHalvingInterval <= 0) {
            throw new IllegalArgumentException("subsidyHalvingInterval must be positive");
        }
    }

    /** Blocks per retarget period: 2016 on Bitcoin. */
    public long difficultyAdjustmentInterval() {
        return powTargetTimespan / powTargetSpacing;
    }

    public Hash genesisHash() {
        return genesis.header().hash();
    }

    /** The magic as the four bytes sent on the wire and written before each record of a blk*.dat file. */
    public byte[] magicBytes() {
        return new byte[] {(byte) (magic >>> 24), (byte) (magic >>> 16), (byte) (magic >>> 8), (byte) magic};
    }
}
