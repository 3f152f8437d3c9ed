package org.minicoin.consensus.validation;

import java.util.Objects;
import org.minicoin.consensus.types.TxOut;

/**
 * An unspent output with what validation needs to know about its origin (Core's Coin): the height of the block
 * that created it, for coinbase maturity and BIP-0068 relative lock times, and whether it came from a coinbase.
 */
public record Coin(TxOut output, int height, boolean coinbase) {
    public Coin {
        Objects.requireNonNull(output, "output");
        if (height < 0) {
            throw new IllegalArgumentException("coin height must not be negative: " + height);
        }
    }
}
