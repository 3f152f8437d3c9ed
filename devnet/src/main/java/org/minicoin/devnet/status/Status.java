package org.minicoin.devnet.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.minicoin.devnet.control.Network;
import org.minicoin.devnet.process.DevnetNode;
import org.minicoin.devnet.wallet.NodeWallet;
import org.minicoin.wallet.core.Wallet;
import org.minicoin.wallet.spend.Amounts;

/** A snapshot of the devnet's nodes, as {@code devnet status} prints it. */
public record Status(String chain, String topology, String partition, boolean tickerRunning, List<Row> rows) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One node: {@code up} false means its process is not running (the other fields are then unset). */
    public record Row(int node, boolean miner, boolean up, long pid, long height, String tip, int peers,
                      int mempool, double hashps, long lastBlockAge, long balance, long immature) {
    }

    /** Reads every node's state over RPC (a node that does not answer is shown as down). */
    public static Status of(Network net) {
        List<Row> rows = new ArrayList<>();
        long now = System.currentTimeMillis() / 1000;
        for (DevnetNode n : net.nodes()) {
            rows.add(row(net, n, now));
        }
        return new Status(net.state().chain, net.state().topology,
                net.partition() == null ? null : net.partition().toString(), net.ticker().isPresent(), rows);
    }

    private static Row row(Network net, DevnetNode n, long now) {
        Row down = new Row(n.index(), n.state().miner, false, n.state().pid, -1, null, 0, 0, 0, -1, -1, -1);
        if (!n.alive()) {
            return down;
        }
        try {
            var rpc = n.rpc();
            JsonNode info = rpc.call("getblockchaininfo");
            int peers = rpc.call("getconnectioncount").asInt();
            int mempool = rpc.call("getmempoolinfo").path("size").asInt();
            double hashps = rpc.call("getmininginfo").path("networkhashps").asDouble();
            long balance = -1;
            long immature = -1;
            try {
                Wallet.Coins coins = NodeWallet.open(n, net.state().chain).coins();
                balance = coins.spendable();
                immature = coins.immature();
            } catch (Exception e) {
                // the wallet is unreadable or the scan failed: shown as "?"
            }
            return new Row(n.index(), n.state().miner, true, n.state().pid, info.path("blocks").asLong(),
                    info.path("bestblockhash").asText(), peers, mempool, hashps, now - info.path("time").asLong(),
                    balance, immature);
        } catch (RuntimeException e) {
            return down;
        }
    }

    /** Whether every running node has the same best block (false if none is running). */
    public boolean tipsAgree() {
        Set<String> tips = new LinkedHashSet<>();
        rows.stream().filter(Row::up).forEach(r -> tips.add(r.tip()));
        return tips.size() == 1;
    }

    /** The table {@code devnet status} prints. */
    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-6s %-6s %7s  %-12s %5s %7s %10s %9s %16s%n", "node", "state", "height", "tip",
                "peers", "mempool", "hashrate", "last blk", "balance"));
        for (Row r : rows) {
            String name = r.node() + (r.miner() ? "*" : "");
            if (!r.up()) {
                sb.append(String.format("%-6s %-6s%n", name, "down"));
                continue;
            }
            sb.append(String.format("%-6s %-6s %7d  %-12s %5d %7d %10s %9s %16s%n", name, "up", r.height(),
                    shortHash(r.tip()), r.peers(), r.mempool(), rate(r.hashps()), age(r.lastBlockAge()),
                    r.balance() < 0 ? "?" : Amounts.format(r.balance())));
        }
        long up = rows.stream().filter(Row::up).count();
        sb.append(up == 0 ? "no node is running" : tipsAgree() ? "tips agree: all " + up + " running nodes at "
                + shortHash(rows.stream().filter(Row::up).findFirst().get().tip()) : "tips DIFFER");
        sb.append(String.format("  (chain %s, %s%s%s; * = miner)%n", chain, topology,
                partition == null ? "" : ", partitioned " + partition, tickerRunning ? ", block ticker on" : ""));
        return sb.toString();
    }

    /** The same as JSON: chain, topology, partition, agree, and one object per node. */
    public String json() {
        ObjectNode o = JSON.createObjectNode();
        o.put("chain", chain);
        o.put("topology", topology);
        o.put("partition", partition);
        o.put("agree", tipsAgree());
        ArrayNode nodes = o.putArray("nodes");
        for (Row r : rows) {
            ObjectNode n = nodes.addObject();
            n.put("node", r.node());
            n.put("miner", r.miner());
            n.put("up", r.up());
            n.put("pid", r.pid());
            if (r.up()) {
                n.put("height", r.height());
                n.put("tip", r.tip());
                n.put("peers", r.peers());
                n.put("mempool", r.mempool());
                n.put("networkhashps", r.hashps());
                n.put("lastblockage", r.lastBlockAge());
                if (r.balance() >= 0) {
                    n.put("balance", new BigDecimal(Amounts.format(r.balance())));
                    n.put("immature", new BigDecimal(Amounts.format(r.immature())));
                }
            }
        }
        try {
            return JSON.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Seconds since the tip's timestamp; a fast chain's timestamps may run ahead of the clock (up to 2 h). */
    private static String age(long seconds) {
        return seconds >= 0 ? seconds + " s ago" : -seconds + " s ahead";
    }

    private static String shortHash(String h) {
        return h == null ? "-" : h.substring(0, 6) + ".." + h.substring(h.length() - 4);
    }

    private static String rate(double hps) {
        String[] units = {"H/s", "kH/s", "MH/s", "GH/s", "TH/s"};
        int u = 0;
        while (hps >= 1000 && u < units.length - 1) {
            hps /= 1000;
            u++;
        }
        return String.format("%.1f %s", hps, units[u]);
    }
}
