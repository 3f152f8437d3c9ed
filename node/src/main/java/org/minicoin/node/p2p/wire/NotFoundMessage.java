package org.minicoin.node.p2p.wire;

import java.util.List;
import org.minicoin.consensus.encoding.ByteReader;
import org.minicoin.consensus.encoding.ByteWriter;

/**
 * {@code notfound}: answers a {@code getdata} with the entries the sender does not have. At most {@link InvVector#MAX_INV_SZ} entries.
 *
 * @param inventory the entries, in the order sent
 */
public record NotFoundMessage(List<InvVector> inventory) implements Message {
    public static final String COMMAND = "notfound";

    /** Copies the list and checks its size. */
    public NotFoundMessage {
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

    /** Reads the entries, refusing a count over the limit before reading any (Core: "notfound message size = N"). */
    public static NotFoundMessage decode(ByteReader r) {
        return new NotFoundMessage(InvVector.decodeList(r, COMMAND));
    }
}
