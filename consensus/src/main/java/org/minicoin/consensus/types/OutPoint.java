package org.minicoin.consensus.types;

import org.minicoin.consensus.encoding.ByteReader;
import org.minicoin.consensus.encoding.ByteWriter;

/** A reference to one output of a transaction: its txid and the output's index (unsigned 32-bit). */
public record OutPoint(Hash txid, long index) {
    public static final int SIZE = 36;
    /** The null outpoint of a coinbase input: zero hash, index 0xffffffff. */
    public static final OutPoint NULL = new OutPoint(Hash.ZERO, 0xffffffffL);

    public OutPoint {
        if (index < 0 || index > 0xffffffffL) {
            throw new IllegalArgumentException("outpoint index must be a uint32, got " + index);
        }
    }

    public boolean isNull() {
        return index == 0xffffffffL && txid.isZero();
    }

    public static OutPoint read(ByteReader r) {
        Hash txid = Hash.read(r, "outpoint txid");
        return new OutPoint(txid, r.readUInt32LE("outpoint index"));
    }

    public void write(ByteWriter w) {
        txid.write(w);
        w.writeUInt32LE(index);
    }

    @Override
    public String toString() {
        return txid + ":" + index;
    }
}
