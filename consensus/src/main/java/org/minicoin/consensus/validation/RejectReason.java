package org.minicoin.consensus.validation;

import java.util.Objects;

/**
 * Why a block, header or transaction is invalid, as Core's ValidationState keeps it: the machine-readable reject
 * code Core uses ({@code bad-txnmrklroot}, {@code high-hash}, ...), which peers and RPC clients see and compare; a
 * human message with the detail (Core's debug message); and the {@link ValidationResult} kind that tells the node
 * whether to penalise the sender and whether to mark the block invalid for good.
 */
public record RejectReason(String code, String message, ValidationResult result) {
    public RejectReason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(result, "result");
    }

    public static RejectReason block(BlockValidationResult result, String code, String message) {
        return new RejectReason(code, message, result);
    }

    public static RejectReason tx(TxValidationResult result, String code, String message) {
        return new RejectReason(code, message, result);
    }

    public boolean penalizesSender() {
        return result.penalizesSender();
    }

    /** See {@link BlockValidationResult#marksBlockInvalid()}; a transaction's reason never marks a block. */
    public boolean marksBlockInvalid() {
        return result instanceof BlockValidationResult b && b.marksBlockInvalid();
    }

    /** The same code and message as a block failure of kind {@code kind} (a transaction failing inside a block). */
    public RejectReason inBlock(BlockValidationResult kind, String context) {
        return new RejectReason(code, context.isEmpty() ? message : message + " " + context, kind);
    }

    /** As Core's ValidationState::ToString: "code, message". */
    @Override
    public String toString() {
        return message.isEmpty() ? code : code + ", " + message;
    }
}
