package org.minicoin.node.p2p.wire;

import java.util.ArrayList;
import java.util.List;
import org.minicoin.consensus.encoding.ByteReader;
import org.minicoin.consensus.encoding.ByteWriter;

/**
 * {@code addr}: addresses of other peers in the original 30-byte form (time, services, 16-byte address, port),
 * so only IPv4 and IPv6 fit. At most {@link #MAX_ADDR_TO_SEND} entries, as Core's ProcessMessage requires.
 *
 * @param addresses the gossiped addresses with their last-seen times
 */
public record AddrMessage(List<NetAddress> addresses) implements Message {
    public static final String COMMAND = "addr";
    /** Core's MAX_ADDR_TO_SEND (net_processing.h): more is Misbehaving "addr message size = N". */
    public static final int MAX_ADDR_TO_SEND = 1000;
    private static final int ENTRY_SIZE = 30;

    /** Copies the list and checks its size. */
    public AddrMessage {
        addresses = List.copyOf(addresses);
        if (addresses.size() > MAX_ADDR_TO_SEND) {
            throw new IllegalArgumentException(addresses.size() + " addresses exceed " + MAX_ADDR_TO_SEND);
        }
    }

    @Override
    public String command() {
        return COMMAND;
    }

    @Override
    public void encode(ByteWriter w) {
        w.writeCompactSize(addresses.size());
        for (NetAddress a : addresses) {
            a.writeV1(w, true);
        }
    }

    /** Reads the list, refusing a count over {@link #MAX_ADDR_TO_SEND} before reading any entry. */
    public static AddrMessage decode(ByteReader r) {
        int n = WireLists.readCount(r, MAX_ADDR_TO_SEND, ENTRY_SIZE, "addr message");
        List<NetAddress> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(NetAddress.readV1(r, true));
        }
        return new AddrMessage(list);
    }
}
