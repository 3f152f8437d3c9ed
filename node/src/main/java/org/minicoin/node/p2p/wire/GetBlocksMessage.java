package org.minicoin.node.p2p.wire;

import java.util.List;
import java.util.Objects;
import org.minicoin.consensus.encoding.ByteReader;
import org.minicoin.consensus.encoding.ByteWriter;
import org.minicoin.consensus.types.Hash;

/**
 * {@code getblocks}: asks for an {@code inv} of up to 500 blocks after the first locator hash on the receiver's best chain. The payload is Core's CBlockLocator (an int32 version, which Core ignores, and at most
 * 101 hashes, newest first) followed by the stop hash.
 *
 * @param version the locator's version field; we send {@link VersionMessage#PROTOCOL_VERSION}
 * @param locator block hashes from the sender's tip back to genesis, thinning out exponentially
 * @param stop    the last block wanted, or {@link Hash#ZERO} for as many as the answer allows
 */
public record GetBlocksMessage(int version, List<Hash> locator, Hash stop) implements Message {
    public static final String COMMAND = "getblocks";

    /** Copies the locator and checks its size. */
    public GetBlocksMessage {
        locator = WireLists.checkedLocator(locator);
        Objects.requireNonNull(stop, "stop");
    }

    @Override
    public String command() {
        return COMMAND;
    }

    @Override
    public void encode(ByteWriter w) {
        w.writeInt32LE(version);
        WireLists.writeLocator(w, locator);
        stop.write(w);
    }

    /** Reads the payload, refusing a locator over 101 hashes before reading any. */
    public static GetBlocksMessage decode(ByteReader r) {
        int version = r.readInt32LE("locator version");
        List<Hash> locator = WireLists.readLocator(r, COMMAND);
        return new GetBlocksMessage(version, locator, Hash.read(r, "stop hash"));
    }
}
