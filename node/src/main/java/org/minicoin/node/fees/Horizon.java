package org.minicoin.node.fees;

/**
 * The three time horizons over which confirmation statistics are kept, with Core's constants
 * (CBlockPolicyEstimator's SHORT/MED/LONG_BLOCK_PERIODS, _SCALE and _DECAY, and the data required per block,
 * SUFFICIENT_TXS_SHORT for the short horizon and SUFFICIENT_FEETXS for the others). A horizon tracks
 * {@code periods * scale} blocks of confirmation delay in periods of {@code scale} blocks.
 */
enum Horizon {
    /** Half-life 18 blocks (about 3 hours); confirmations up to 12 blocks, one block per period. */
    SHORT(12, 1, .962, 0.5),
    /** Half-life 144 blocks (about a day); confirmations up to 48 blocks, two blocks per period. */
    MEDIUM(24, 2, .9952, 0.1),
    /** Half-life 1008 blocks (about a week); confirmations up to 1008 blocks, 24 blocks per period. */
    LONG(42, 24, .99931, 0.1);

    final int periods;
    final int scale;
    final double decay;
    /** Average transactions per block a bucket range needs before its success rate is trusted. */
    final double sufficientTxs;

    Horizon(int periods, int scale, double decay, double sufficientTxs) {
        this.periods = periods;
        this.scale = scale;
        this.decay = decay;
        this.sufficientTxs = sufficientTxs;
    }

    /** The longest confirmation delay, in blocks, this horizon can answer for. */
    int maxConfirms() {
        return periods * scale;
    }
}
