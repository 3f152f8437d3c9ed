package org.minicoin.node.p2p.wire;

import java.util.ArrayList;
import java.util.List;
import org.minicoin.consensus.encoding.ByteReader;
import org.minicoin.consensus.encoding.ByteWriter;
import org.minicoin.consensus.types.BlockHeader;

/**
 * {@code headers}: block headers, each written as a block with no transactions (80 bytes and a CompactSize
 * count of 0). At most {@link #MAX_HEADERS_RESULTS}. Core reads and ignores the count; we require it to be 0 as
 * btcd does, since a non-zero count means a peer that does not follow the protocol.
 *
 * @param headers the headers in chain order
 */
public record HeadersMessage(List<BlockHeader> headers) implements Message {
    public static final String COMMAND = "headers";
    /** Core's MAX_HEADERS_RESULTS: more is Misbehaving "headers message size = N". */
    public static final int MAX_HEADERS_RESULTS = 2000;

    /** Copies the list and checks its size. */
    public HeadersMessage {
        headers = List.copyOf(headers);
        if (headers.size() > MAX_HEADERS_RESULTS) {
            throw new IllegalArgumentException(headers.size() + " headers exceed " + MAX_HEADERS_RESULTS);
        }
    }

    @Override
    public String command() {
        return COMMAND;
    }

    @Override
    public void encode(ByteWriter w) {
        w.writeCompactSize(headers.size());
        for (BlockHeader h : headers) {
            h.write(w);
            w.writeCompactSize(0);
        }
    }

    /** Reads the headers, refusing a count over 2000 before reading any and a non-zero transaction count. */
    public static HeadersMessage decode(ByteReader r) {
        int n = WireLists.readCount(r, MAX_HEADERS_RESULTS, BlockHeader.SIZE + 1, "headers message");
        List<BlockHeader> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(BlockHeader.read(r));
            long txCount = r.readCompactSize("header transaction count");
            if (txCount != 0) {
                throw new ProtocolViolation(ProtocolViolation.Kind.NONZERO_TX_COUNT,
                        "header " + i + " has transaction count " + txCount + ", must be 0");
            }
        }
        return new HeadersMessage(list);
    }
}
