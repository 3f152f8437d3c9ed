package org.minicoin.consensus.validation;

import org.minicoin.consensus.params.ChainParams;

/**
 * The new coins a block may create (Core's GetBlockSubsidy): the initial subsidy, halved every
 * {@code subsidyHalvingInterval} blocks. On mainnet the total stays just under 21 million coins.
 */
public final class Subsidy {
    /** A right shift of a 64-bit value by 64 or more is undefined in C++, so Core returns zero explicitly. */
    private static final int MAX_HALVINGS = 64;

    private Subsidy() {
    }

    /** The subsidy in satoshis for the block at {@code height}; zero from the 64th halving on. */
    public static long blockSubsidy(int height, ChainParams p) {
        if (height < 0) {
            throw new IllegalArgumentException("block height must not be negative: " + height);
        }
        int halvings = height / p.subsidyHalvingInterval();
        if (halvings >= MAX_HALVINGS) {
            return 0;
        }
        return p.initialSubsidy().sats() >> halvings;
    }
}
