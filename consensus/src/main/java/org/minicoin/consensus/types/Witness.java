package org.minicoin.consensus.types;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.minicoin.consensus.encoding.ByteReader;
import org.minicoin.consensus.encoding.ByteWriter;

/** The witness stack of one input (BIP-0141): a list of byte strings. Immutable. */
public final class Witness {
    public static final Witness EMPTY = new Witness(new byte[0][]);

    private final byte[][] items;

    private Witness(byte[][] items) {
        this.items = items;
    }

    public static Witness of(List<byte[]> items) {
        byte[][] copy = new byte[items.size()][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = items.get(i).clone();
        }
        return copy.length == 0 ? EMPTY : new Witness(copy);
    }

    public static Witness of(byte[]... items) {
        return of(Arrays.asList(items));
    }

    public boolean isEmpty() {
        return items.length == 0;
    }

    public int size() {
        return items.length;
    }

    /** Item {@code i} (a copy). */
    public byte[] get(int i) {
        return items[i].clone();
    }

    public List<byte[]> items() {
        List<byte[]> out = new ArrayList<>(items.length);
        for (byte[] item : items) {
            out.add(item.clone());
        }
        return Collections.unmodifiableList(out);
    }

    static Witness read(ByteReader r) {
        // Each item is at least its one-byte length.
        int n = r.readCount(1, "witness item");
        if (n == 0) {
            return EMPTY;
        }
        byte[][] items = new byte[n][];
        for (int i = 0; i < n; i++) {
            items[i] = r.readVarBytes("witness item");
        }
        return new Witness(items);
    }

    void write(ByteWriter w) {
        w.writeCompactSize(items.length);
        for (byte[] item : items) {
            w.writeVarBytes(item);
        }
    }

    int serializedSize() {
        int n = ByteWriter.compactSizeLength(items.length);
        for (byte[] item : items) {
            n += ByteWriter.compactSizeLength(item.length) + item.length;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Witness w && Arrays.deepEquals(items, w.items);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(items);
    }
}
