package org.minicoin.consensus.params;

import org.minicoin.consensus.types.Hash;

/**
 * Heights from which each buried soft fork is enforced (Core's Consensus::Params). A height of
 * {@link Integer#MAX_VALUE} means never.
 *
 * @param bip16Exception the one mainnet block exempt from P2SH (BIP-0016) checks, or {@link Hash#ZERO} for none
 * @param bip34Height    BIP-0034: block version 2 and the height in the coinbase
 * @param bip65Height    BIP-0065: OP_CHECKLOCKTIMEVERIFY, block version 4
 * @param bip66Height    BIP-0066: strict DER signatures, block version 3
 * @param csvHeight      BIP-0068/112/113: relative lock times, OP_CHECKSEQUENCEVERIFY, median-time-past lock times
 * @param segwitHeight   BIP-0141/143/147: segregated witness
 * @param taprootHeight  BIP-0341/342: taproot (enforced once implemented)
 */
public record SoftForks(Hash bip16Exception, int bip34Height, int bip65Height, int bip66Height, int csvHeight,
                        int segwitHeight, int taprootHeight) {
    public static final int NEVER = Integer.MAX_VALUE;

    public SoftForks {
        if (bip16Exception == null) {
            throw new IllegalArgumentException("bip16Exception must be a hash (Hash.ZERO for none)");
        }
        for (int h : new int[] {bip34Height, bip65Height, bip66Height, csvHeight, segwitHeight, taprootHeight}) {
            if (h < 0) {
                throw new IllegalArgumentException("activation height must not be negative: " + h);
            }
        }
    }
}
