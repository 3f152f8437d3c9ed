package org.minicoin.node.p2p.wire;

import java.util.ArrayList;
import java.util.List;
import org.minicoin.consensus.encoding.ByteReader;
import org.minicoin.consensus.encoding.ByteWriter;
import org.minicoin.consensus.types.Hash;

/** The bounded list count shared by the list-carrying messages, and the block locator of getheaders/getblocks. */
final class WireLists {
    private WireLists() {
    }

    /**
     * Reads a CompactSize count and checks it against Core's limit for the message <em>before</em> the caller
     * allocates: over {@code max} is {@link ProtocolViolation.Kind#TOO_MANY_ENTRIES} with Core's text
     * ({@code "inv message size = 50001"}), more items than the remaining bytes could hold is
     * {@link ProtocolViolation.Kind#TRUNCATED}.
     */
    static int readCount(ByteReader r, int max, int minItemBytes, String what) {
        long count = r.readCompactSize(what + " count");
        if (count > max) {
            throw new ProtocolViolation(ProtocolViolation.Kind.TOO_MANY_ENTRIES,
                    what + " size = " + count + " (limit " + max + ")");
        }
        if (count * minItemBytes > r.remaining()) {
            throw new ProtocolViolation(ProtocolViolation.Kind.TRUNCATED, what + " announces " + count
                    + " entries of at least " + minItemBytes + " bytes but " + r.remaining() + " bytes remain");
        }
        return (int) count;
    }

    /** Core's MAX_LOCATOR_SZ (net_processing.cpp): a longer locator makes Core disconnect. */
    static final int MAX_LOCATOR_SZ = 101;

    /** Reads a locator (CBlockLocator's hash vector) of at most {@link #MAX_LOCATOR_SZ} hashes. */
    static List<Hash> readLocator(ByteReader r, String command) {
        int n = readCount(r, MAX_LOCATOR_SZ, Hash.LENGTH, command + " locator");
        List<Hash> hashes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            hashes.add(Hash.read(r, "locator hash"));
        }
        return hashes;
    }

    static void writeLocator(ByteWriter w, List<Hash> locator) {
        w.writeCompactSize(locator.size());
        for (Hash h : locator) {
            h.write(w);
        }
    }

    static List<Hash> checkedLocator(List<Hash> locator) {
        if (locator.size() > MAX_LOCATOR_SZ) {
            throw new IllegalArgumentException("locator of " + locator.size() + " hashes exceeds " + MAX_LOCATOR_SZ);
        }
        return List.copyOf(locator);
    }
}
