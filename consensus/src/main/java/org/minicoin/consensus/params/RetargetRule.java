package org.minicoin.consensus.params;

/** How a network chooses the proof-of-work target of its next block. */
public enum RetargetRule {
    /** Bitcoin mainnet: retarget every interval (timespan / spacing, 2016) blocks, change clamped to 4x. */
    BITCOIN,
    /**
     * Bitcoin testnet3: as {@link #BITCOIN}, but a block more than twice the spacing after its parent may use the
     * minimum difficulty (the pow limit); otherwise the last non-minimum-difficulty target applies.
     */
    TESTNET,
    /** Bitcoin regtest: testnet's minimum-difficulty rule, but the target never retargets. */
    REGTEST,
    /**
     * minicoin's devnet: retarget at every block from the average target and time span of the last window
     * (timespan / spacing) blocks, clamped to 4x, so blocks keep coming at the target spacing as miners come and go.
     */
    DEVNET
}
