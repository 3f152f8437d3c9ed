package org.minicoin.consensus.validation;

/**
 * A block, header or transaction broke a consensus rule. Unchecked: a rule violation ends validation of the object
 * at once, the way Core's {@code return state.Invalid(...)} does, and the caller handles it in one place.
 */
public final class ValidationException extends RuntimeException {
    private final RejectReason reason;

    public ValidationException(RejectReason reason) {
        super(reason.toString(), null, false, false);
        this.reason = reason;
    }

    public static ValidationException block(BlockValidationResult result, String code, String message) {
        return new ValidationException(RejectReason.block(result, code, message));
    }

    public static ValidationException tx(TxValidationResult result, String code, String message) {
        return new ValidationException(RejectReason.tx(result, code, message));
    }

    public RejectReason reason() {
        return reason;
    }

    /** Core's reject string, e.g. {@code bad-txns-inputs-missingorspent}. */
    public String code() {
        return reason.code();
    }

    public ValidationResult result() {
        return reason.result();
    }
}
