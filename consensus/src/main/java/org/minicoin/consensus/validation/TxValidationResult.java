package org.minicoin.consensus.validation;

/**
 * Why a transaction on its own was rejected, as Core's TxValidationResult (consensus/validation.h). Inside a block
 * every transaction failure becomes {@link BlockValidationResult#CONSENSUS}. The policy kinds are listed for the
 * mempool; consensus code raises only CONSENSUS, MISSING_INPUTS and PREMATURE_SPEND.
 */
public enum TxValidationResult implements ValidationResult {
    /** Invalid by consensus rules. */
    CONSENSUS,
    /** Inputs (covered by the txid) failed policy rules. */
    INPUTS_NOT_STANDARD,
    /** Failed local policy rules. */
    NOT_STANDARD,
    /** An input is unknown or spent; it may be an orphan whose parent has not arrived yet. */
    MISSING_INPUTS,
    /** Spends a coinbase too early, or violates lock time or sequence locks; may become valid later. */
    PREMATURE_SPEND,
    /** May carry a witness before segwit, or a malleated witness. */
    WITNESS_MUTATED,
    /** Lacks a witness it needs. */
    WITNESS_STRIPPED,
    /** Already in the mempool or conflicts with the chain. */
    CONFLICT,
    /** Violated mempool fee, size, package or replacement limits. */
    MEMPOOL_POLICY,
    /** This node keeps no mempool. */
    NO_MEMPOOL,
    /** Fails policy alone but might be accepted in a package. */
    RECONSIDERABLE,
    /** Not validated because its package failed. */
    UNKNOWN;

    /**
     * Always false: Bitcoin Core (v30 on) no longer discourages peers for invalid transactions, because policy
     * differences between versions would otherwise split the network.
     */
    @Override
    public boolean penalizesSender() {
        return false;
    }
}
