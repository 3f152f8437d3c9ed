package org.minicoin.node.p2p.wire;

import org.minicoin.consensus.encoding.ByteReader;
import org.minicoin.consensus.encoding.ByteWriter;

/**
 * {@code feefilter}: the lowest fee rate, in satoshis per 1000 virtual bytes, of transactions the peer wants announced (BIP-0133).
 *
 * @param feeRate the int64 carried as the whole payload
 */
public record FeeFilterMessage(long feeRate) implements Message {
    public static final String COMMAND = "feefilter";

    @Override
    public String command() {
        return COMMAND;
    }

    @Override
    public void encode(ByteWriter w) {
        w.writeInt64LE(feeRate);
    }

    /** Reads the 8-byte little-endian payload. */
    public static FeeFilterMessage decode(ByteReader r) {
        return new FeeFilterMessage(r.readInt64LE("feeRate"));
    }
}
