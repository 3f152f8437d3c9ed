package org.minicoin.node.p2p.wire;

import java.util.List;
import org.minicoin.consensus.encoding.ByteReader;
import org.minicoin.consensus.encoding.ByteWriter;

/**
 * {@code getdata}: asks for the transactions and blocks named, typically after an {@code inv}. At most {@link InvVector#MAX_INV_SZ} entries.
 *
 * @param inventory the entries, in the order sent
 */
public record GetDataMessage(List<InvVector> inventory) implements Message {
    public static final String COMMAND = "getdata";

    /** Copies the list and checks its size. */
    public GetDataMessage {
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

    /** Reads the entries, refusing a count over the limit before reading any (Core: "getdata message size = N"). */
    public static GetDataMessage decode(ByteReader r) {
        return new GetDataMessage(InvVector.decodeList(r, COMMAND));
    }
}
