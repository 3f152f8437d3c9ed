package org.minicoin.consensus.validation;

/** How disconnecting a block went (Core's DisconnectResult). */
public enum DisconnectResult {
    /** The view is exactly as it was before the block was connected. */
    OK,
    /**
     * The block's changes were rolled back, but the view did not hold exactly what the block and its undo data
     * said it should (an output missing or different, or a coin to restore already present). A node disconnecting
     * its tip should treat this as a corrupt UTXO set (Core refuses the disconnect); crash recovery may accept it.
     */
    UNCLEAN,
    /** The undo data does not fit the block; the view was left unchanged. */
    FAILED
}
