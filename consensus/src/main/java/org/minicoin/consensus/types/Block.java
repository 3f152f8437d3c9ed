package org.minicoin.consensus.types;

import java.util.ArrayList;
import java.util.List;
import org.minicoin.consensus.encoding.ByteReader;
import org.minicoin.consensus.encoding.ByteWriter;
import org.minicoin.consensus.encoding.Hex;

/** A block: header and transactions. Immutable. */
public final class Block {
    /** Smallest serialized transaction: version, two empty counts, lock time. */
    private static final int MIN_TX_SIZE = 10;

    private final BlockHeader header;
    private final List<Transaction> transactions;

    public Block(BlockHeader header, List<Transaction> transactions) {
        this.header = header;
        this.transactions = List.copyOf(transactions);
    }

    public BlockHeader header() {
        return header;
    }

    public List<Transaction> transactions() {
        return transactions;
    }

    public Hash hash() {
        return header.hash();
    }

    /** Full serialized size, witnesses included. */
    public int totalSize() {
        int n = BlockHeader.SIZE + ByteWriter.compactSizeLength(transactions.size());
        for (Transaction tx : transactions) {
            n += tx.totalSize();
        }
        return n;
    }

    /** Serialized size without witnesses ("stripped size"). */
    public int baseSize() {
        int n = BlockHeader.SIZE + ByteWriter.compactSizeLength(transactions.size());
        for (Transaction tx : transactions) {
            n += tx.baseSize();
        }
        return n;
    }

    /** BIP-0141 block weight. */
    public int weight() {
        return baseSize() * (Transaction.WITNESS_SCALE_FACTOR - 1) + totalSize();
    }

    public byte[] serialize() {
        ByteWriter w = new ByteWriter(totalSize());
        write(w);
        return w.toByteArray();
    }

    public void write(ByteWriter w) {
        header.write(w);
        w.writeCompactSize(transactions.size());
        for (Transaction tx : transactions) {
            tx.write(w);
        }
    }

    public static Block read(ByteReader r) {
        BlockHeader header = BlockHeader.read(r);
        int n = r.readCount(MIN_TX_SIZE, "transaction");
        List<Transaction> txs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            txs.add(Transaction.read(r));
        }
        return new Block(header, txs);
    }

    /** Parses exactly one block; bytes left over are an error. */
    public static Block fromBytes(byte[] bytes) {
        ByteReader r = new ByteReader(bytes);
        Block b = read(r);
        r.expectEnd("block");
        return b;
    }

    public static Block fromHex(String hex) {
        return fromBytes(Hex.decode(hex));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Block b && header.equals(b.header) && transactions.equals(b.transactions);
    }

    @Override
    public int hashCode() {
        return header.hashCode();
    }

    @Override
    public String toString() {
        return "Block(" + hash() + ", " + transactions.size() + " txs)";
    }
}
