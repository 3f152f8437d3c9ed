package org.minicoin.node.p2p.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Core's FeeFilterRounder (policy/fees.h): the fee filter we send is rounded to one of a fixed set of rates spaced
 * by 10 %, and usually down a step at random, so that it does not reveal our exact mempool minimum (which could
 * fingerprint the node).
 */
final class FeeFilterRounder {
    /** Core's MAX_FILTER_FEERATE, sat/kvB. */
    static final long MAX_FILTER_FEERATE = 10_000_000;
    /** Core's FEE_FILTER_SPACING. */
    static final double FEE_FILTER_SPACING = 1.1;

    private final long[] buckets;
    private final RandomGenerator random;

    /** Buckets from half the incremental relay fee (at least 1 sat/kvB) up to {@link #MAX_FILTER_FEERATE}. */
    FeeFilterRounder(long incrementalRelayFee, RandomGenerator random) {
        this.random = random;
        List<Long> list = new ArrayList<>();
        list.add(0L);
        double min = Math.max(1, incrementalRelayFee / 2);
        for (double b = min; b <= MAX_FILTER_FEERATE; b *= FEE_FILTER_SPACING) {
            list.add((long) b);
        }
        buckets = list.stream().mapToLong(Long::longValue).toArray();
    }

    /** The bucket at or above {@code feeRate}, or two times in three the one below it (Core's round). */
    long round(long feeRate) {
        int i = 0;
        while (i < buckets.length && buckets[i] < feeRate) {
            i++;
        }
        if (i > 0 && random.nextInt(3) != 0 || i == buckets.length) {
            i--;
        }
        return buckets[i];
    }
}
