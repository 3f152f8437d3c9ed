package org.minicoin.node.ledger;

import java.math.BigInteger;
import org.minicoin.consensus.encoding.ByteReader;
import org.minicoin.consensus.encoding.ByteWriter;
import org.minicoin.consensus.pow.ChainHistory;
import org.minicoin.consensus.types.BlockHeader;
import org.minicoin.consensus.types.Hash;

/**
 * One block the node knows: its header, height, cumulative chain work and status (Core's CBlockIndex). Linked to
 * its parent, so it serves as the {@link ChainHistory} the consensus rules walk. Status changes only under the
 * chain state's lock.
 */
public final class BlockIndexEntry implements ChainHistory {
    /** The header passed its checks. */
    public static final int HEADER_VALID = 1;
    /** The block's data is stored. */
    public static final int HAVE_DATA = 1 << 1;
    /** The block connected once: scripts and all. Its undo data is stored. */
    public static final int FULLY_VALID = 1 << 2;
    /** The block itself is invalid. */
    public static final int FAILED = 1 << 3;
    /** An ancestor is invalid. */
    public static final int FAILED_PARENT = 1 << 4;

    private final Hash hash;
    private final BlockHeader header;
    private final int height;
    private final BigInteger chainWork;
    private final BlockIndexEntry parent;
    /** Order of arrival: among equal chain work, the block seen first wins (as Core's nSequenceId). */
    private final long sequence;
    /**
     * Transactions in this block, and in it and all its ancestors (Core's nTx and m_chain_tx_count); both 0 while
     * the block's data, or an ancestor's, has not arrived.
     */
    private int txCount;
    private long chainTxCount;
    private int status;

    BlockIndexEntry(BlockHeader header, int height, BigInteger chainWork, BlockIndexEntry parent, long sequence,
                    int status, int txCount) {
        this.txCount = txCount;
        boolean linked = (status & HAVE_DATA) != 0 && (parent == null || parent.chainTxCount > 0);
        this.chainTxCount = linked ? (parent == null ? 0 : parent.chainTxCount) + txCount : 0;
        this.hash = header.hash();
        this.header = header;
        this.height = height;
        this.chainWork = chainWork;
        this.parent = parent;
        this.sequence = sequence;
        this.status = status;
    }

    public Hash hash() {
        return hash;
    }

    public BlockHeader header() {
        return header;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public long bits() {
        return header.bits();
    }

    @Override
    public long time() {
        return header.time();
    }

    @Override
    public BlockIndexEntry previous() {
        return parent;
    }

    public BigInteger chainWork() {
        return chainWork;
    }

    public long sequence() {
        return sequence;
    }

    /** The number of transactions in the block. */
    public int txCount() {
        return txCount;
    }

    /** The number of transactions in the chain up to and including this block; 0 if any data is missing. */
    public long chainTxCount() {
        return chainTxCount;
    }

    /**
     * Whether this block and all its ancestors have their data (Core's HaveNumChainTxs), so the chain can be
     * connected up to here.
     */
    public boolean hasChainData() {
        return chainTxCount > 0;
    }

    /** Records that the block's data arrived with {@code count} transactions. Under the chain state's lock. */
    void setData(int count) {
        txCount = count;
        status |= HAVE_DATA;
    }

    /** Links the block's transaction count into its chain once its parent's chain has all data. */
    void linkChainData() {
        chainTxCount = (parent == null ? 0 : parent.chainTxCount) + txCount;
    }

    public int status() {
        return status;
    }

    public boolean has(int flag) {
        return (status & flag) != 0;
    }

    public boolean isFailed() {
        return (status & (FAILED | FAILED_PARENT)) != 0;
    }

    void setStatus(int newStatus) {
        status = newStatus;
    }

    /** The ancestor at {@code h} (this block if h is its height), or null. */
    @Override
    public BlockIndexEntry ancestor(int h) {
        BlockIndexEntry e = this;
        while (e != null && e.height > h) {
            e = e.parent;
        }
        return e != null && e.height == h ? e : null;
    }

    /** Stored form: header, height, status, sequence, chain work (32 bytes, big-endian), transaction count. */
    byte[] serialize() {
        ByteWriter w = new ByteWriter(128);
        header.write(w);
        w.writeInt32LE(height);
        w.writeInt32LE(status);
        w.writeInt64LE(sequence);
        byte[] work = chainWork.toByteArray();
        byte[] fixed = new byte[32];
        int n = Math.min(work.length, 32);
        System.arraycopy(work, work.length - n, fixed, 32 - n, n);
        w.writeBytes(fixed);
        w.writeInt32LE(txCount);
        return w.toByteArray();
    }

    /** The fields of a stored entry; the parent is linked by the loader. */
    public record Stored(BlockHeader header, int height, int status, long sequence, BigInteger chainWork,
                         int txCount) {
        public static Stored parse(byte[] bytes) {
            ByteReader r = new ByteReader(bytes);
            BlockHeader header = BlockHeader.read(r);
            int height = r.readInt32LE("height");
            int status = r.readInt32LE("status");
            long sequence = r.readInt64LE("sequence");
            BigInteger work = new BigInteger(1, r.readBytes(32, "chain work"));
            int txCount = r.readInt32LE("transaction count");
            r.expectEnd("block index entry");
            return new Stored(header, height, status, sequence, work, txCount);
        }
    }

    @Override
    public String toString() {
        return height + ":" + hash;
    }
}
