package org.minicoin.consensus.validation;

/** Core's consensus constants (consensus/consensus.h, chain.h, primitives/transaction.h). */
public final class ConsensusLimits {
    /** BIP-0141 block weight limit; also bounds the stripped size to a quarter of it. */
    public static final int MAX_BLOCK_WEIGHT = 4_000_000;
    /** Signature operations per block, counted as cost: legacy and P2SH sigops weigh 4, witness sigops 1. */
    public static final int MAX_BLOCK_SIGOPS_COST = 80_000;
    /** Blocks before a coinbase output may be spent, so a reorg cannot erase coins already passed on. */
    public static final int COINBASE_MATURITY = 100;
    public static final int WITNESS_SCALE_FACTOR = 4;
    /** How far a block's time may run ahead of our clock (Core's MAX_FUTURE_BLOCK_TIME, two hours). */
    public static final long MAX_FUTURE_BLOCK_TIME = 2 * 60 * 60;
    /** Blocks whose times form the median time past (Core's nMedianTimeSpan). */
    public static final int MEDIAN_TIME_SPAN = 11;
    /** A lock time below this is a block height, at or above it a UNIX time. */
    public static final long LOCKTIME_THRESHOLD = 500_000_000L;
    /** BIP-0068: relative lock time disabled for this input. */
    public static final long SEQUENCE_LOCKTIME_DISABLE_FLAG = 1L << 31;
    /** BIP-0068: the relative lock time counts units of 512 seconds rather than blocks. */
    public static final long SEQUENCE_LOCKTIME_TYPE_FLAG = 1L << 22;
    public static final long SEQUENCE_LOCKTIME_MASK = 0x0000ffffL;
    /** BIP-0068: a time-based relative lock counts in units of 2^9 = 512 seconds. */
    public static final int SEQUENCE_LOCKTIME_GRANULARITY = 9;
    /** Core's MAX_SCRIPT_SIZE: an output whose script is larger can never be spent. */
    public static final int MAX_SCRIPT_SIZE = 10_000;

    private ConsensusLimits() {
    }
}
