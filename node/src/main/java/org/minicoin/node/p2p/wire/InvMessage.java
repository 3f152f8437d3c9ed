package org.minicoin.node.p2p.wire;

import java.util.List;
import org.minicoin.consensus.encoding.ByteReader;
import org.minicoin.consensus.encoding.ByteWriter;

/**
 * {@code inv}: announces transactions and blocks the sender has. At most {@link InvVector#MAX_INV_SZ} entries.
 *
 * @param inventory the entries, in the order sent
 */
public record InvMessage(List<InvVector> inventory) implements Message {
    public static final String COMMAND = "inv";

    /** Copies the list and checks its size. */
    public InvMessage {
        inventory = InvVector.checkedCopy(inventory);
    }

    @Override
    public String command() {
        return COMMAND;
    }

    @Override
    public void encode(ByteWriter w) {
        InvVector.encodeList(w, inventory);
    }

    /** Reads the entries, refusing a count over the limit before reading any (Core: "inv message size = N"). */
    public static InvMessage decode(ByteReader r) {
        return new InvMessage(InvVector.decodeList(r, COMMAND));
    }
}
