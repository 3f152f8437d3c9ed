package org.minicoin.node.store;

/**
 * The column families of the ledger database. A family's {@link #familyName()} is written into the database and
 * is permanent: renaming or reusing one would corrupt existing data directories. Add new ones at the end.
 */
public enum Column {
    /** Block headers with their status, height and chain work, keyed by block hash. */
    BLOCK_INDEX("block_index"),
    /** Serialized blocks, keyed by block hash. */
    BLOCK_DATA("block_data"),
    /** Undo data for connected blocks, keyed by block hash. */
    UNDO("undo"),
    /** The UTXO set, keyed by outpoint. */
    COINS("coins"),
    /** Chain-state metadata: the tip pointer and the head-blocks marker of an interrupted flush. */
    CHAIN_STATE("chain_state"),
    /** Optional transaction index (-txindex), keyed by txid. */
    TX_INDEX("tx_index"),
    /** The P2P address manager's peers. */
    PEERS("peers"),
    /** Banned addresses and subnets. */
    BANS("bans");

    private final String familyName;

    Column(String familyName) {
        this.familyName = familyName;
    }

    public String familyName() {
        return familyName;
    }
}
