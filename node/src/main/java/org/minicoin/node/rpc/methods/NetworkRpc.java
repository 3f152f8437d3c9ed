package org.minicoin.node.rpc.methods;

import static org.minicoin.node.rpc.methods.ChainRpc.JSON;
import static org.minicoin.node.rpc.methods.ChainRpc.amount;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.util.Map;
import org.minicoin.node.daemon.Minicoind;
import org.minicoin.node.daemon.Node;
import org.minicoin.node.p2p.addr.AddrRelay;
import org.minicoin.node.p2p.addr.BanList;
import org.minicoin.node.p2p.net.ConnectionManager;
import org.minicoin.node.p2p.net.Traffic;
import org.minicoin.node.p2p.sync.BlockSync;
import org.minicoin.node.p2p.peer.Peer;
import org.minicoin.node.p2p.peer.PeerInfo;
import org.minicoin.node.p2p.peer.ServiceFlags;
import org.minicoin.node.p2p.addr.Subnet;
import org.minicoin.node.rpc.server.RpcException;

/**
 * Core's network RPCs with their result fields, over the node's connection manager, block sync and ban list (bans are
 * persisted). Without P2P (never the case in minicoind) they answer as a node with no peers.
 */
public final class NetworkRpc {
    /** Core's PROTOCOL_VERSION. */
    public static final int PROTOCOL_VERSION = 70016;

    private final Node node;

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
            Traffic t = c.traffic();
            o.put("lastsend", t.lastSend());
            o.put("lastrecv", t.lastReceive());
            o.put("bytessent", t.bytesSent());
            o.put("bytesrecv", t.bytesReceived());
            o.put("conntime", c.connectedAt());
            o.put("timeoffset", 0);
            p.lastPingMillis().ifPresent(ms -> o.put("pingtime", ms / 1000.0));
            p.minPingMillis().ifPresent(ms -> o.put("minping", ms / 1000.0));
            o.put("version", info == null ? 0 : info.version());
            o.put("subver", info == null ? "" : info.userAgent());
            o.put("inbound", c.type().isInbound());
            o.put("startingheight", info == null ? -1 : info.startHeight());
            BlockSync sync = node.blockSync();
            o.put("synced_headers", sync == null ? -1 : sync.syncedHeaders(p.id()));
            o.put("synced_blocks", sync == null ? -1 : sync.syncedBlocks(p.id()));
            ArrayNode inflight = o.putArray("inflight");
            if (sync != null) {
                for (org.minicoin.consensus.types.Hash h : sync.inFlight(p.id())) {
                    org.minicoin.node.ledger.BlockIndexEntry e = node.chain().entry(h);
                    if (e != null) {
                        inflight.add(e.height());
                    }
                }
            }
            AddrRelay addrRelay = node.addrRelay();
            AddrRelay.PeerStats as = addrRelay == null ? AddrRelay.PeerStats.NONE : addrRelay.stats(p.id());
            o.put("addr_relay_enabled", as.addrRelayEnabled());
            o.put("addr_processed", as.addrProcessed());
            o.put("addr_rate_limited", as.addrRateLimited());
            o.putArray("permissions");
            o.set("minfeefilter", amount(info == null ? 0 : info.feeFilter()));
            o.put("connection_type", switch (c.type()) {
                case INBOUND -> "inbound";
                case MANUAL -> "manual";
                case OUTBOUND_FULL_RELAY -> "outbound-full-relay";
                case ADDR_FETCH -> "addr-fetch";
            });
            putPerMessage(o.putObject("bytessent_per_msg"), t.sentPerMessage());
            putPerMessage(o.putObject("bytesrecv_per_msg"), t.receivedPerMessage());
            o.put("transport_protocol_type", "v1");
            o.put("session_id", "");
        }
        return a;
    }

    private static void putPerMessage(ObjectNode o, Map<String, Long> counts) {
        counts.forEach((k, v) -> {
            if (v > 0) {
                o.put(k, v);
            }
        });
    }

    public ObjectNode getnettotals() {
        ObjectNode o = JSON.objectNode();
        ConnectionManager cm = node.connections();
        o.put("totalbytesrecv", cm == null ? 0 : cm.traffic().bytesReceived());
        o.put("totalbytessent", cm == null ? 0 : cm.traffic().bytesSent());
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
        ConnectionManager cm = node.connections();
        o.put("networkactive", cm == null || cm.networkActive());
        var all = connections();
        long in = all.stream().filter(c -> c.type().isInbound()).count();
        o.put("connections", all.size());
        o.put("connections_in", in);
        o.put("connections_out", all.size() - in);
        ArrayNode networks = o.putArray("networks");
        for (String name : new String[] {"ipv4", "ipv6", "onion", "i2p", "cjdns"}) {
            // Core's GetNetworksInfo; minicoin reaches IPv4 and IPv6 only, and uses no proxy.
            boolean reachable = name.startsWith("ipv");
            ObjectNode n = networks.addObject();
            n.put("name", name);
            n.put("limited", !reachable);
            n.put("reachable", reachable);
            n.put("proxy", "");
            n.put("proxy_randomize_credentials", false);
        }
        o.set("relayfee", amount(node.mempool().options().minRelayFee().satPerKvB()));
        o.set("incrementalfee", amount(node.mempool().options().incrementalRelayFee().satPerKvB()));
        o.putArray("localaddresses");
        o.putArray("warnings");
        return o;
    }

    /** Core's addnode add|remove|onetry; added nodes are kept connected by the connection manager. */
    public void addnode(String address, String command) {
        ConnectionManager cm = connectionManager();
        InetSocketAddress a = parseAddress(address);
        switch (command) {
            case "add" -> {
                if (!cm.addNode(a)) {
                    throw new RpcException(-23, "Error: Node already added");
                }
            }
            case "remove" -> {
                if (!cm.removeNode(a)) {
                    throw new RpcException(-24, "Error: Node could not be removed. It has not been added previously.");
                }
            }
            case "onetry" -> cm.connect(a, org.minicoin.node.p2p.peer.ConnectionType.MANUAL);
            default -> throw new RpcException(RpcErrors.INVALID_PARAMETER,
                    "Error: Invalid command: " + command + " (add, remove, onetry)");
        }
    }

    private ConnectionManager connectionManager() {
        ConnectionManager cm = node.connections();
        if (cm == null) {
            throw new RpcException(-9, "Error: Peer-to-peer functionality missing or disabled");
        }
        return cm;
    }

    /** host[:port] with the network's default port; an IPv6 literal may be bracketed. */
    private InetSocketAddress parseAddress(String address) {
        try {
            return org.minicoin.node.p2p.net.HostPort.parse(address, node.params().p2pPort());
        } catch (IllegalArgumentException e) {
            throw new RpcException(RpcErrors.INVALID_PARAMETER, "Error: Invalid port in " + address);
        }
    }

    /** Core's getaddednodeinfo: each added node and whether it is connected. */
    public ArrayNode getaddednodeinfo(String address) {
        ConnectionManager cm = connectionManager();
        java.util.List<InetSocketAddress> added = cm.addedNodes();
        InetSocketAddress wanted = address == null ? null : parseAddress(address);
        if (wanted != null && !added.contains(wanted)) {
            throw new RpcException(-24, "Error: Node has not been added.");
        }
        ArrayNode a = JSON.arrayNode();
        for (InetSocketAddress n : added) {
            if (wanted != null && !n.equals(wanted)) {
                continue;
            }
            ObjectNode o = a.addObject();
            o.put("addednode", n.getHostString() + ":" + n.getPort());
            ConnectionManager.Connection c = cm.connections().stream()
                    .filter(x -> x.peer().remote().getAddress().equals(n.getAddress())
                            && x.peer().remote().getPort() == n.getPort()).findFirst().orElse(null);
            o.put("connected", c != null);
            ArrayNode addresses = o.putArray("addresses");
            if (c != null) {
                ObjectNode ad = addresses.addObject();
                ad.put("address", n.getAddress().getHostAddress() + ":" + n.getPort());
                ad.put("connected", c.type().isInbound() ? "inbound" : "outbound");
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

    /** Core's ping: every peer is pinged at its next tick; results show in getpeerinfo's pingtime. */
    public void ping() {
        for (ConnectionManager.Connection c : connections()) {
            c.peer().queuePing();
        }
    }

    public boolean setnetworkactive(boolean state) {
        ConnectionManager cm = connectionManager();
        cm.setNetworkActive(state);
        return cm.networkActive();
    }

    /** Core's getnodeaddresses from the address manager. */
    public ArrayNode getnodeaddresses(Integer count, String network) {
        return NodeAddresses.getnodeaddresses(node.addressManager(), node.banList(), count, network);
    }
}
