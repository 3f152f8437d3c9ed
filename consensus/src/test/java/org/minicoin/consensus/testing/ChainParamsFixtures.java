package org.minicoin.consensus.testing;

import java.math.BigInteger;
import org.minicoin.consensus.params.Base58Prefixes;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.params.RetargetRule;
import org.minicoin.consensus.params.SoftForks;
import org.minicoin.consensus.types.Amount;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.BlockHeader;
import org.minicoin.consensus.types.Hash;

/**
 * Chain parameters for tests, with the proof-of-work and subsidy values of Core's kernel/chainparams.cpp (main,
 * testnet3, regtest) and a small devnet. Core's genesis blocks share one coinbase, so the testnet and regtest
 * genesis blocks are mainnet's transactions under their own headers, and hash to Core's genesis hashes.
 */
public final class ChainParamsFixtures {
    /** Core's main and testnet powLimit, 00000000ffff...ff; its compact form is 0x1d00ffff. */
    public static final BigInteger MAIN_POW_LIMIT = BigInteger.ONE.shiftLeft(224).subtract(BigInteger.ONE);
    /** Core's regtest powLimit, 7fff...ff; its compact form is 0x207fffff. */
    public static final BigInteger REGTEST_POW_LIMIT = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.ONE);

    public static final long DEVNET_SPACING = 10;
    public static final long DEVNET_TIMESPAN = 600;
    /** The devnet genesis target: easier than mainnet's, well below the devnet pow limit. */
    public static final long DEVNET_GENESIS_BITS = 0x1f00ffffL;

    private static final Base58Prefixes MAIN_PREFIXES = new Base58Prefixes(0, 5, 128, 0x0488b21e, 0x0488ade4);
    private static final Base58Prefixes TEST_PREFIXES = new Base58Prefixes(111, 196, 239, 0x043587cf, 0x04358394);
    private static final Hash BIP16_EXCEPTION =
            Hash.fromHex("00000000000002dc756eebf4f49723ed8d30cc28a5f108eb94b1ba88ac4f9c22");

    private ChainParamsFixtures() {
    }

    public static ChainParams mainnet() {
        return new ChainParams("main", 0xf9beb4d9, 8333, 8332, MAIN_PREFIXES, "bc", MAIN_POW_LIMIT, 600, 1209600,
                RetargetRule.BITCOIN, 210000, Amount.ofCoins(50),
                new SoftForks(BIP16_EXCEPTION, 227931, 388381, 363725, 419328, 481824, 709632),
                TestData.mainnet().get(0));
    }

    public static ChainParams testnet() {
        return new ChainParams("test", 0x0b110907, 18333, 18332, TEST_PREFIXES, "tb", MAIN_POW_LIMIT, 600, 1209600,
                RetargetRule.TESTNET, 210000, Amount.ofCoins(50),
                new SoftForks(Hash.ZERO, 21111, 581885, 330776, 770112, 834624, 0),
                genesisLike(1296688602, 0x1d00ffffL, 414098458));
    }

    public static ChainParams regtest() {
        return new ChainParams("regtest", 0xfabfb5da, 18444, 18443, TEST_PREFIXES, "bcrt", REGTEST_POW_LIMIT, 600,
                86400, RetargetRule.REGTEST, 150, Amount.ofCoins(50),
                new SoftForks(Hash.ZERO, 1, 1, 1, 1, 0, 0),
                genesisLike(1296688602, 0x207fffffL, 2));
    }

    /** A devnet with 10-second blocks and a 60-block window, so synthetic chains stay short. */
    public static ChainParams devnet() {
        return devnet(REGTEST_POW_LIMIT);
    }

    public static ChainParams devnet(BigInteger powLimit) {
        return devnet(powLimit, DEVNET_SPACING, DEVNET_TIMESPAN);
    }

    public static ChainParams devnet(BigInteger powLimit, long spacing, long timespan) {
        return new ChainParams("devnet", 0x6d696e69, 28333, 28332, TEST_PREFIXES, "mcdev", powLimit,
                spacing, timespan, RetargetRule.DEVNET, 150, Amount.ofCoins(50),
                new SoftForks(Hash.ZERO, 1, 1, 1, 1, 0, 0),
                genesisLike(1700000000, DEVNET_GENESIS_BITS, 0));
    }

    /** Mainnet parameters with another pow limit, for the cases Core's own parameters never reach. */
    public static ChainParams mainnetWithPowLimit(BigInteger powLimit) {
        ChainParams m = mainnet();
        return new ChainParams(m.name(), m.magic(), m.p2pPort(), m.rpcPort(), m.base58(), m.bech32Hrp(), powLimit,
                m.powTargetSpacing(), m.powTargetTimespan(), m.retargetRule(), m.subsidyHalvingInterval(),
                m.initialSubsidy(), m.softForks(), m.genesis());
    }

    private static Block genesisLike(long time, long bits, long nonce) {
        Block main = TestData.mainnet().get(0);
        BlockHeader h = main.header();
        return new Block(new BlockHeader(h.version(), Hash.ZERO, h.merkleRoot(), time, bits, nonce),
                main.transactions());
    }
}
