package org.minicoin.node.rpc.methods;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.net.InetAddress;
import java.util.Optional;
import org.minicoin.node.p2p.addr.AddressManager;
import org.minicoin.node.p2p.addr.AddressText;
import org.minicoin.node.p2p.addr.BanList;
import org.minicoin.node.p2p.wire.NetAddress;
import org.minicoin.node.p2p.wire.Network;
import org.minicoin.node.rpc.server.RpcException;

/**
 * Core's {@code getnodeaddresses [count] [network]}: a random sample of the addresses the node knows, leaving out
 * terrible, banned and discouraged ones (Core's CConnman::GetAddressesUnsafe with no percentage limit).
 */
public final class NodeAddresses {
    private NodeAddresses() {
    }

    /**
     * The result array: objects of {@code time}, {@code services} (a number), {@code address}, {@code port},
     * {@code network}, in random order.
     *
     * @param count   at most this many addresses; 0 for all; null for Core's default of 1
     * @param network {@code ipv4}, {@code ipv6}, {@code onion}, {@code i2p} or {@code cjdns} (any case); null for
     *                all networks
     * @throws RpcException -8 "Address count out of range" for a negative count, -8 "Network not recognized: X"
     *                      for an unknown network, as Core
     */
    public static ArrayNode getnodeaddresses(AddressManager addrman, BanList bans, Integer count, String network) {
        int n = count == null ? 1 : count;
        if (n < 0) {
            throw new RpcException(RpcErrors.INVALID_PARAMETER, "Address count out of range");
        }
        Optional<Network> only = Optional.empty();
        if (network != null) {
            only = AddressText.parseNetwork(network);
            if (only.isEmpty()) {
                throw new RpcException(RpcErrors.INVALID_PARAMETER, "Network not recognized: " + network);
            }
        }
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        // All non-terrible addresses, shuffled; filtered here, so the count applies after the network filter as in
        // Core's AddrMan::GetAddr(max, 0, network).
        for (NetAddress a : addrman.getAddr(0, 0)) {
            if (n != 0 && result.size() >= n) {
                break;
            }
            if (only.isPresent() && a.network() != only.get() || isBannedOrDiscouraged(bans, a)) {
                continue;
            }
            ObjectNode o = result.addObject();
            o.put("time", a.time());
            if (a.services() >= 0) {
                o.put("services", a.services());
            } else {
                o.put("services", new BigInteger(Long.toUnsignedString(a.services()))); // Core's is a uint64
            }
            o.put("address", AddressText.host(a));
            o.put("port", a.port());
            o.put("network", AddressText.networkName(a.network()));
        }
        return result;
    }

    private static boolean isBannedOrDiscouraged(BanList bans, NetAddress a) {
        Optional<InetAddress> ip = a.toInetAddress();
        return ip.isPresent() && (bans.isBanned(ip.get()) || bans.isDiscouraged(ip.get()));
    }
}
