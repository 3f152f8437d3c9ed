package org.minicoin.node.rpc.methods;

import static org.minicoin.node.rpc.methods.ChainRpc.JSON;
import static org.minicoin.node.rpc.methods.ChainRpc.amount;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Set;
import org.minicoin.node.daemon.Minicoind;
import org.minicoin.node.daemon.Node;
import org.minicoin.node.p2p.addr.BanList;
import org.minicoin.node.p2p.addr.Subnet;
import org.minicoin.node.rpc.server.RpcException;

/**
 * Core's network RPCs with their result fields. minicoin's P2P layer is not connected yet, so there are no peers and no
 * traffic; bans are kept in the node's ban list (persisted), added nodes here until the connection manager takes them.
 */
public final class NetworkRpc {
    /** Core's PROTOCOL_VERSION. */
    public static final int PROTOCOL_VERSION = 70016;

    private final Node node;
    private final Set<String> addedNodes = new LinkedHashSet<>();
    private volatile boolean networkActive = true;

    public NetworkRpc(Node node) {
        this.node = node;
    }

    public int getconnectioncount() {
        return 0;
    }

    public ArrayNode getpeerinfo() {
        return JSON.arrayNode();
    }

    public ObjectNode getnettotals() {
        ObjectNode o = JSON.objectNode();
        o.put("totalbytesrecv", 0);
        o.put("totalbytessent", 0);
        o.put("timemillis", System.currentTimeMillis());
        ObjectNode target = o.putObject("uploadtarget");
        target.put("timeframe", 86400);
        target.put("target", 0);
        target.put("target_reached", false);
        target.put("serve_historical_blocks", true);
        target.put("bytes_left_in_cycle", 0);
        target.put("time_left_in_cycle", 0);
        return o;
    }

    public ObjectNode getnetworkinfo() {
        ObjectNode o = JSON.objectNode();
        o.put("version", 100); // 0.1.0, encoded as Core encodes its version (major*10000 + minor*100 + patch)
        o.put("subversion", "/minicoin:" + Minicoind.version() + "/");
        o.put("protocolversion", PROTOCOL_VERSION);
        o.put("localservices", "0000000000000009");
        o.putArray("localservicesnames").add("NETWORK").add("WITNESS");
        o.put("localrelay", true);
        o.put("timeoffset", 0);
        o.put("networkactive", networkActive);
        o.put("connections", 0);
        o.put("connections_in", 0);
        o.put("connections_out", 0);
        o.putArray("networks");
        o.set("relayfee", amount(node.mempool().options().minRelayFee().satPerKvB()));
        o.set("incrementalfee", amount(node.mempool().options().incrementalRelayFee().satPerKvB()));
        o.putArray("localaddresses");
        o.putArray("warnings");
        return o;
    }

    /** Core's addnode add|remove|onetry. */
    public synchronized void addnode(String address, String command) {
        switch (command) {
            case "add" -> {
                if (!addedNodes.add(address)) {
                    throw new RpcException(-23, "Error: Node already added");
                }
            }
            case "remove" -> {
                if (!addedNodes.remove(address)) {
                    throw new RpcException(-24, "Error: Node could not be removed. It has not been added previously.");
                }
            }
            case "onetry" -> {
                // No P2P layer to try it with yet.
            }
            default -> throw new RpcException(RpcErrors.INVALID_PARAMETER,
                    "Error: Invalid command: " + command + " (add, remove, onetry)");
        }
    }

    public synchronized ArrayNode getaddednodeinfo(String address) {
        ArrayNode a = JSON.arrayNode();
        if (address != null && !addedNodes.contains(address)) {
            throw new RpcException(-24, "Error: Node has not been added.");
        }
        for (String n : addedNodes) {
            if (address == null || n.equals(address)) {
                ObjectNode o = a.addObject();
                o.put("addednode", n);
                o.put("connected", false);
                o.putArray("addresses");
            }
        }
        return a;
    }

    public void disconnectnode(String address) {
        throw new RpcException(-29, "Node not found in connected nodes");
    }

    /** Core's setban add|remove; {@code bantime} seconds (0 = 24 hours), or an absolute time. Persisted. */
    public void setban(String subnet, String command, long bantime, boolean absolute) {
        Subnet net;
        try {
            net = Subnet.parse(subnet);
        } catch (IllegalArgumentException e) {
            throw new RpcException(-30, "Error: Invalid IP/Subnet");
        }
        BanList bans = node.banList();
        switch (command) {
            case "add" -> {
                if (bans.isBanned(net)) {
                    throw new RpcException(-23, "Error: IP/Subnet already banned");
                }
                if (absolute && bantime <= System.currentTimeMillis() / 1000) {
                    throw new RpcException(RpcErrors.INVALID_PARAMETER,
                            "Error: Absolute timestamp is in the past");
                }
                bans.ban(net, bantime, absolute);
            }
            case "remove" -> {
                if (!bans.unban(net)) {
                    throw new RpcException(-30, "Error: Unban failed. Requested address/subnet was not previously "
                            + "manually banned.");
                }
            }
            default -> throw new RpcException(RpcErrors.INVALID_PARAMETER, "Error: Invalid command: " + command);
        }
    }

    public ArrayNode listbanned() {
        ArrayNode a = JSON.arrayNode();
        long now = System.currentTimeMillis() / 1000;
        for (BanList.Ban ban : node.banList().listBanned()) {
            ObjectNode o = a.addObject();
            o.put("address", ban.subnet().toString());
            o.put("ban_created", ban.created());
            o.put("banned_until", ban.bannedUntil());
            o.put("ban_duration", ban.bannedUntil() - ban.created());
            o.put("time_remaining", ban.bannedUntil() - now);
        }
        return a;
    }

    public void clearbanned() {
        node.banList().clearBanned();
    }

    public boolean setnetworkactive(boolean state) {
        networkActive = state;
        return networkActive;
    }

    public ArrayNode getnodeaddresses(int count) {
        return JSON.arrayNode();
    }
}
