package org.minicoin.node.mempool;

/** Why a transaction left the mempool (Core's MemPoolRemovalReason). */
public enum RemovalReason {
    /** Older than the expiry time (-mempoolexpiry, 336 hours). */
    EXPIRY,
    /** Evicted to keep the mempool under -maxmempool. */
    SIZELIMIT,
    /** No longer final, or spending an immature coinbase, after a reorganisation. */
    REORG,
    /** Confirmed in a connected block. */
    BLOCK,
    /** Spends an output that a transaction in a connected block spent. */
    CONFLICT
}
