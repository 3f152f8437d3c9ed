package org.minicoin.consensus.validation;

/** Why a block or header was rejected, as Core's BlockValidationResult (consensus/validation.h). */
public enum BlockValidationResult implements ValidationResult {
    /** Invalid by a consensus rule not covered by a more specific kind. */
    CONSENSUS(true, true),
    /** The block was cached as invalid and the reason was not kept. Core discourages only outbound peers here. */
    CACHED_INVALID(false, true),
    /** Invalid proof of work, bits, timestamp or version: the header itself is bad. */
    INVALID_HEADER(true, true),
    /**
     * The transactions do not match what the header commits to (merkle root, CVE-2012-2459 duplication, witness
     * commitment). The header may still commit to an honest block, so the block must not be marked invalid: a
     * peer could otherwise get a good block blacklisted by relaying a corrupted copy.
     */
    MUTATED(true, false),
    /** The parent is unknown; says nothing about the block itself. */
    MISSING_PREV(true, false),
    /** The block builds on a block already known to be invalid. */
    INVALID_PREV(true, true),
    /**
     * The timestamp is more than two hours ahead of our clock. Not marked invalid: the block becomes acceptable
     * as time passes (or our clock is wrong), and its sender need not be malicious.
     */
    TIME_FUTURE(false, false),
    /** The header chain has too little work to be worth processing; not a verdict on the block. */
    HEADER_LOW_WORK(false, false);

    private final boolean penalizesSender;
    private final boolean marksBlockInvalid;

    BlockValidationResult(boolean penalizesSender, boolean marksBlockInvalid) {
        this.penalizesSender = penalizesSender;
        this.marksBlockInvalid = marksBlockInvalid;
    }

    @Override
    public boolean penalizesSender() {
        return penalizesSender;
    }

    /**
     * Whether the block index may remember this block (and so its descendants) as permanently invalid, as Core's
     * InvalidBlockFound does for everything but MUTATED; TIME_FUTURE, MISSING_PREV and HEADER_LOW_WORK headers are
     * simply not stored.
     */
    public boolean marksBlockInvalid() {
        return marksBlockInvalid;
    }
}
