package org.minicoin.node.fees;

/**
 * An answer of {@link FeeEstimator#estimateSmartFee}: the fee rate in satoshis per 1000 virtual bytes, and the
 * confirmation target it is valid for (Core's {@code blocks}), which may differ from the target asked for.
 */
public record Estimate(long feeRateSatPerKvB, int blocks) {
}
