package org.minicoin.node.p2p.wire;

import java.util.ArrayList;
import java.util.List;
import org.minicoin.consensus.encoding.ByteReader;
import org.minicoin.consensus.encoding.ByteWriter;

/**
 * {@code addrv2} (BIP-0155): addresses of other peers on any network Core knows, at most
 * {@link AddrMessage#MAX_ADDR_TO_SEND} entries. Entries Core reads as invalid addresses (unknown network ids,
 * IPv6 addresses embedding IPv4 or TORv2) are left out of {@link #addresses()} but count toward the limit, as
 * they do in Core.
 *
 * @param addresses the gossiped addresses with their last-seen times
 */
public record AddrV2Message(List<NetAddress> addresses) implements Message {
    public static final String COMMAND = "addrv2";
    /** time 4, services at least 1, network 1, length at least 1, port 2. */
    private static final int MIN_ENTRY_SIZE = 9;

    /** Copies the list and checks its size. */
    public AddrV2Message {
        addresses = List.copyOf(addresses);
        if (addresses.size() > AddrMessage.MAX_ADDR_TO_SEND) {
            throw new IllegalArgumentException(addresses.size() + " addresses exceed " + AddrMessage.MAX_ADDR_TO_SEND);
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
            a.writeV2(w);
        }
    }

    /** Reads the list, refusing a count over the limit before reading any entry and skipping what Core ignores. */
    public static AddrV2Message decode(ByteReader r) {
        int n = WireLists.readCount(r, AddrMessage.MAX_ADDR_TO_SEND, MIN_ENTRY_SIZE, "addrv2 message");
        List<NetAddress> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            NetAddress.readV2(r).ifPresent(list::add);
        }
        return new AddrV2Message(list);
    }
}
