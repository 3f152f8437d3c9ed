package org.minicoin.node.p2p.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.minicoin.consensus.encoding.ByteReader;
import org.minicoin.consensus.encoding.ByteWriter;
import org.minicoin.consensus.types.Hash;

/**
 * One entry of {@code inv}, {@code getdata} and {@code notfound} (Core's CInv): a uint32 type and a 32-byte hash.
 * The type is kept as a number because Core accepts and ignores types it does not know.
 *
 * @param type one of the {@code MSG_*} constants, or any other value a peer sent
 * @param hash the txid, wtxid or block hash the type refers to
 */
public record InvVector(int type, Hash hash) {
    public static final int MSG_TX = 1;
    public static final int MSG_BLOCK = 2;
    /** A block as a BIP-0037 merkleblock. */
    public static final int MSG_FILTERED_BLOCK = 3;
    /** A block as a BIP-0152 compact block. */
    public static final int MSG_CMPCT_BLOCK = 4;
    /** A transaction announced by wtxid (BIP-0339). */
    public static final int MSG_WTX = 5;
    /** Core's MSG_WITNESS_FLAG (1 &lt;&lt; 30): asks for the witness serialization (BIP-0144). */
    public static final int MSG_WITNESS_FLAG = 1 << 30;
    public static final int MSG_WITNESS_TX = MSG_TX | MSG_WITNESS_FLAG;
    public static final int MSG_WITNESS_BLOCK = MSG_BLOCK | MSG_WITNESS_FLAG;
    /** Core's MAX_INV_SZ: the most entries in one inv, getdata or notfound. */
    public static final int MAX_INV_SZ = 50_000;
    static final int SIZE = 36;

    /** Rejects a null hash. */
    public InvVector {
        Objects.requireNonNull(hash, "hash");
    }

    void encode(ByteWriter w) {
        w.writeInt32LE(type);
        hash.write(w);
    }

    static InvVector decode(ByteReader r) {
        int type = r.readInt32LE("inventory type");
        return new InvVector(type, Hash.read(r, "inventory hash"));
    }

    static void encodeList(ByteWriter w, List<InvVector> list) {
        w.writeCompactSize(list.size());
        for (InvVector v : list) {
            v.encode(w);
        }
    }

    /** Reads a list of at most {@link #MAX_INV_SZ} entries; {@code command} names it in the error. */
    static List<InvVector> decodeList(ByteReader r, String command) {
        int n = WireLists.readCount(r, MAX_INV_SZ, SIZE, command + " message");
        List<InvVector> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(decode(r));
        }
        return list;
    }

    static List<InvVector> checkedCopy(List<InvVector> list) {
        if (list.size() > MAX_INV_SZ) {
            throw new IllegalArgumentException(list.size() + " inventory entries exceed " + MAX_INV_SZ);
        }
        return List.copyOf(list);
    }
}
