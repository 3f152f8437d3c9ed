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
import org.minicoin.node.p2p.net.ConnectionManager;
import org.minicoin.node.p2p.peer.Peer;
import org.minicoin.node.p2p.peer.PeerInfo;
import org.minicoin.node.p2p.peer.ServiceFlags;
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

    private java.util.List<ConnectionManager.Connection> connections() {
        ConnectionManager cm = node.connections();
        return cm == null ? java.util.List.of() : cm.connections();
    }

    public int getconnectioncount() {
        return connections().size();
    }

    /** Core's getpeerinfo, with the fields minicoin tracks so far. */
    public ArrayNode getpeerinfo() {
        ArrayNode a = JSON.arrayNode();
        for (ConnectionManager.Connection c : connections()) {
            Peer p = c.peer();
            ObjectNode o = a.addObject();
            o.put("id", p.id());
            java.net.InetSocketAddress remote = p.remote();
            o.put("addr", remote.getAddress().getHostAddress() + ":" + remote.getPort());
            o.put("network", remote.getAddress() instanceof java.net.Inet6Address ? "ipv6" : "ipv4");
            PeerInfo info = p.info().orElse(null);
            long services = info == null ? 0 : info.services();
            o.put("services", String.format("%016x", services));
            ArrayNode names = o.putArray("servicesnames");
            if ((services & ServiceFlags.NODE_NETWORK) != 0) {
                names.add("NETWORK");
            }
            if ((services & ServiceFlags.NODE_WITNESS) != 0) {
                names.add("WITNESS");
            }
            o.put("relaytxes", info != null && info.relay());
            o.put("conntime", c.connectedAt());
            o.put("timeoffset", 0);
            p.lastPingMillis().ifPresent(ms -> o.put("pingtime", ms / 1000.0));
            p.minPingMillis().ifPresent(ms -> o.put("minping", ms / 1000.0));
            o.put("version", info == null ? 0 : info.version());
            o.put("subver", info == null ? "" : info.userAgent());
            o.put("inbound", c.type().isInbound());
            o.put("startingheight", info == null ? -1 : info.startHeight());
            o.put("synced_headers", -1);
            o.put("synced_blocks", -1);
            o.set("minfeefilter", amount(info == null ? 0 : info.feeFilter()));
            o.put("connection_type", switch (c.type()) {
                case INBOUND -> "inbound";
                case MANUAL -> "manual";
                case OUTBOUND_FULL_RELAY -> "outbound-full-relay";
            });
            o.put("transport_protocol_type", "v1");
        }
        return a;
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
        var all = connections();
        long in = all.stream().filter(c -> c.type().isInbound()).count();
        o.put("connections", all.size());
        o.put("connections_in", in);
        o.put("connections_out", all.size() - in);
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
                ConnectionManager cm = node.connections();
                if (cm != null) {
                    int colon = address.lastIndexOf(':');
                    String host = colon > 0 ? address.substring(0, colon) : address;
                    int port = colon > 0 ? Integer.parseInt(address.substring(colon + 1)) : node.params().p2pPort();
                    cm.connect(new java.net.InetSocketAddress(host, port),
                            org.minicoin.node.p2p.peer.ConnectionType.MANUAL);
                }
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

    public void disconnectnode(String address, Long nodeId) {
        ConnectionManager cm = node.connections();
        if (cm == null || !cm.disconnect(nodeId, address)) {
            throw new RpcException(-29, "Node not found in connected nodes");
        }
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
