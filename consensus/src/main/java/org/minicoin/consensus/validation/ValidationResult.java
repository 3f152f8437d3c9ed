package org.minicoin.consensus.validation;

/**
 * What kind of failure a {@link RejectReason} is: Core's BlockValidationResult for blocks and headers,
 * TxValidationResult for transactions on their own. The kind, not the reject string, decides what the node does
 * about the sender and about the block.
 */
public sealed interface ValidationResult permits BlockValidationResult, TxValidationResult {

    /**
     * Whether the peer that sent the object should be discouraged, as Core's MaybePunishNodeForBlock decides for
     * a block that did not arrive as a compact block.
     */
    boolean penalizesSender();
}
