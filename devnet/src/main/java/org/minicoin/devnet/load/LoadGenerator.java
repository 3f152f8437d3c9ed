package org.minicoin.devnet.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.minicoin.devnet.control.Network;
import org.minicoin.devnet.process.DevnetNode;
import org.minicoin.devnet.process.Waits;
import org.minicoin.devnet.wallet.NodeWallet;

/**
 * Sends payments between the wallets of random running nodes at about {@code tps} per second for
 * {@code duration}, then waits up to {@code drainTimeout} for them to confirm (on regtest, or with no miner, it
 * mines a block on each running node in turn while some are still waiting), and accounts for each.
 */
public final class LoadGenerator {
    /** Payments are 0.0001 to 0.01 coins: well above dust, far below a wallet's funds. */
    private static final long MIN_SATS = 10_000;
    private static final long MAX_SATS = 1_000_000;

    private final Network net;
    private final PrintStream out;
    private final Random random;

    public LoadGenerator(Network net, PrintStream out, Random random) {
        this.net = net;
        this.out = out;
        this.random = random;
    }

    /**
     * What happened to the payments: {@code sent} attempted, {@code accepted} by a node, {@code rejected} with
     * their reasons, and of the accepted: {@code confirmed} in the reference node's active chain, {@code pending}
     * still in some mempool, {@code lost} in neither.
     */
    public record Result(int sent, int accepted, Map<String, Integer> rejected, int confirmed, int pending, int lost,
                         double seconds, List<String> lostTxids) {
        /** The summary {@code devnet load} prints. */
        public String summary() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format("sent %d in %.1f s (%.1f/s), accepted %d, rejected %d%n", sent, seconds,
                    sent / Math.max(seconds, 0.001), accepted, sent - accepted));
            rejected.forEach((why, n) -> sb.append(String.format("  rejected %d: %s%n", n, why)));
            sb.append(String.format("confirmed %d, still in mempool %d, lost %d%n", confirmed, pending, lost));
            lostTxids.forEach(t -> sb.append("  lost ").append(t).append('\n'));
            return sb.toString();
        }
    }

    /** Runs the load and the drain; prints progress to the output stream. */
    public Result run(double tps, Duration duration, Duration drainTimeout) throws IOException {
        List<DevnetNode> up = net.nodes().stream().filter(DevnetNode::alive).toList();
        if (up.size() < 2) {
            throw new IllegalStateException("load needs at least two running nodes");
        }
        List<NodeWallet> wallets = new ArrayList<>();
        for (DevnetNode n : up) {
            wallets.add(NodeWallet.open(n, net.state().chain));
        }
        DevnetNode ref = up.get(0);
        long startHeight = ref.rpc().call("getblockcount").asLong();
        List<String> accepted = new ArrayList<>();
        Map<String, Integer> rejected = new TreeMap<>();
        int sent = 0;
        long periodNanos = (long) (1e9 / tps);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        out.printf("load: %.1f payments/s for %d s between %d nodes%n", tps, duration.toSeconds(), up.size());
        for (long next = start; next < end; next += periodNanos) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                sleepNanos(wait); // pacing to the asked rate, not waiting for a condition
            }
            int a = random.nextInt(wallets.size());
            int b = (a + 1 + random.nextInt(wallets.size() - 1)) % wallets.size();
            long sats = MIN_SATS + (long) (random.nextDouble() * (MAX_SATS - MIN_SATS));
            sent++;
            try {
                accepted.add(wallets.get(a).pay(wallets.get(b).receive(), sats).transaction().txid().toString());
            } catch (RuntimeException e) {
                rejected.merge(String.valueOf(e.getMessage()), 1, Integer::sum);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf("sent %d, accepted %d; waiting up to %d s for them to confirm%n", sent, accepted.size(),
                drainTimeout.toSeconds());
        boolean mineOurselves = net.state().chain.equals("regtest")
                || net.nodes().stream().noneMatch(n -> n.state().miner && n.alive());
        Set<String> confirmed = new HashSet<>();
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        int turn = 0;
        while (true) {
            confirmed = confirmedSince(ref, startHeight);
            if (confirmed.containsAll(accepted) || System.nanoTime() - deadline > 0) {
                break;
            }
            if (mineOurselves) {
                // Each running node in turn, so a transaction that sits in one node's mempool only (one re-added
                // after a reorg is not announced again, as in Core) is mined too.
                net.mine(1, up.get(turn++ % up.size()).index());
            } else {
                Waits.pause();
            }
        }
        Set<String> mempool = new HashSet<>();
        for (DevnetNode n : up) {
            JsonNode m = n.tryCall("getrawmempool");
            if (m != null) {
                m.forEach(t -> mempool.add(t.asText()));
            }
        }
        int nConfirmed = 0;
        int nPending = 0;
        List<String> lost = new ArrayList<>();
        for (String t : accepted) {
            if (confirmed.contains(t)) {
                nConfirmed++;
            } else if (mempool.contains(t)) {
                nPending++;
            } else {
                lost.add(t);
            }
        }
        return new Result(sent, accepted.size(), rejected, nConfirmed, nPending, lost.size(), seconds, lost);
    }

    /** The txids in {@code node}'s active chain above {@code startHeight}. */
    private static Set<String> confirmedSince(DevnetNode node, long startHeight) {
        Set<String> out = new HashSet<>();
        var rpc = node.rpc();
        long tip = rpc.call("getblockcount").asLong();
        for (long h = startHeight + 1; h <= tip; h++) {
            JsonNode block = rpc.call("getblock", rpc.call("getblockhash", h).asText(), 1);
            block.path("tx").forEach(t -> out.add(t.asText()));
        }
        return out;
    }

    private static void sleepNanos(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }
}
