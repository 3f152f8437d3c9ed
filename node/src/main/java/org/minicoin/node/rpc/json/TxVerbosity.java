package org.minicoin.node.rpc.json;

/**
 * How much of each transaction a block or transaction RPC shows (Core's TxVerbosity, core_io.h). {@code getblock}
 * maps its verbosity 1, 2 and 3 to these in order.
 */
public enum TxVerbosity {
    /** Only the txid (a block's {@code tx} array at verbosity 1). */
    SHOW_TXID,
    /** The decoded transaction, with its fee when undo data is at hand. */
    SHOW_DETAILS,
    /** As {@link #SHOW_DETAILS}, and each input's {@code prevout} from undo data. */
    SHOW_DETAILS_AND_PREVOUT;

    /**
     * The verbosity of {@code getblock}'s levels 1, 2 and 3.
     *
     * @throws IllegalArgumentException for any other level; level 0 (hex) is not a JSON shape
     */
    public static TxVerbosity ofGetBlockLevel(int level) {
        return switch (level) {
            case 1 -> SHOW_TXID;
            case 2 -> SHOW_DETAILS;
            case 3 -> SHOW_DETAILS_AND_PREVOUT;
            default -> throw new IllegalArgumentException("getblock verbosity " + level + " has no JSON shape");
        };
    }
}
