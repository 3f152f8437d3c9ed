package org.minicoin.devnet.control;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.minicoin.consensus.address.Address;
import org.minicoin.devnet.process.Detached;
import org.minicoin.devnet.process.DevnetNode;
import org.minicoin.devnet.process.Waits;
import org.minicoin.devnet.state.DevnetState;
import org.minicoin.devnet.state.NodeState;
import org.minicoin.devnet.topology.Link;
import org.minicoin.devnet.topology.Partition;
import org.minicoin.devnet.topology.Topology;
import org.minicoin.devnet.wallet.NodeWallet;
import org.minicoin.genesis.spec.ChainSpecs;
import org.minicoin.wallet.core.Wallet;
import org.minicoin.wallet.rpc.NodeClient;
import org.minicoin.wallet.spend.Amounts;
import org.minicoin.wallet.spend.Coin;

/**
 * A devnet in its directory: the recorded state and the operations on the network. Each method reads nothing
 * but the state it was opened with and writes the state back before returning, so the next command, from any
 * shell, sees what this one did.
 */
public final class Network {
    /** How long a node may take to start, connect, sync or stop. */
    public static final Duration TIMEOUT = Duration.ofSeconds(120);
    /** The regtest bootstrap: blocks mined to each wallet before the 100 that make them spendable. */
    static final int COINBASES_PER_WALLET = 10;
    /** On devnet, the first miner's wallet pays every other wallet this many coins of {@link #SPLIT_AMOUNT}. */
    static final int SPLITS = 10;
    static final long SPLIT_AMOUNT = 10 * 100_000_000L;
    /** Class of the regtest block ticker, started with the launcher's class path. */
    public static final String TICKER_MAIN = "org.minicoin.devnet.cli.Devnet";

    private final Path dir;
    private final DevnetState state;
    private final PrintStream out;
    private final List<DevnetNode> nodes = new ArrayList<>();

    private Network(Path dir, DevnetState state, PrintStream out) {
        this.dir = dir.toAbsolutePath().normalize();
        this.state = state;
        this.out = out;
        for (NodeState n : state.nodes) {
            nodes.add(new DevnetNode(this.dir, state.chain, n));
        }
    }

    /** The devnet recorded in {@code dir}, if there is one. */
    public static Optional<Network> open(Path dir, PrintStream out) throws IOException {
        return DevnetState.read(dir).map(s -> new Network(dir, s, out));
    }

    /** The devnet recorded in {@code dir}; fails with a hint to run {@code up} if there is none. */
    public static Network require(Path dir, PrintStream out) throws IOException {
        return open(dir, out).orElseThrow(() -> new IllegalStateException("no devnet in " + dir.toAbsolutePath()
                .normalize() + "; start one with: devnet up"));
    }

    /** What {@code up} builds on a fresh directory. */
    public record Plan(int nodes, int miners, Topology topology, String chain, int blockInterval) {
        public Plan {
            if (nodes < 1 || nodes > 32) {
                throw new IllegalArgumentException("--nodes must be 1..32, got " + nodes);
            }
            if (miners < 0 || miners > nodes) {
                throw new IllegalArgumentException("--miners must be 0.." + nodes + ", got " + miners);
            }
            if (!chain.equals("devnet") && !chain.equals("regtest")) {
                throw new IllegalArgumentException("--chain must be devnet or regtest, got " + chain);
            }
            if (blockInterval < 1) {
                throw new IllegalArgumentException("--block-interval must be at least 1 second");
            }
        }
    }

    /**
     * Creates the devnet described by {@code plan} in {@code dir}: free loopback ports, one wallet per node; the
     * state is written but nothing is started.
     */
    public static Network create(Path dir, Plan plan, PrintStream out) throws IOException {
        Files.createDirectories(dir);
        DevnetState s = new DevnetState();
        s.chain = plan.chain();
        s.topology = plan.topology().lowerName();
        s.blockInterval = plan.blockInterval();
        List<Integer> ports = freePorts(2 * plan.nodes());
        for (int i = 0; i < plan.nodes(); i++) {
            s.nodes.add(new NodeState(i, ports.get(2 * i), ports.get(2 * i + 1), i < plan.miners()));
        }
        Network net = new Network(dir, s, out);
        for (DevnetNode n : net.nodes) {
            n.state().miningAddress = NodeWallet.create(n, s.chain);
        }
        net.save();
        return net;
    }

    /** Distinct ports the kernel reports free now (all held open together so none repeats). */
    private static List<Integer> freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ServerSocket s = new ServerSocket(0);
                sockets.add(s);
                ports.add(s.getLocalPort());
            }
            return ports;
        } finally {
            for (ServerSocket s : sockets) {
                s.close();
            }
        }
    }

    public Path dir() {
        return dir;
    }

    public DevnetState state() {
        return state;
    }

    public List<DevnetNode> nodes() {
        return nodes;
    }

    public DevnetNode node(int i) {
        state.node(i); // range check with a readable message
        return nodes.get(i);
    }

    public Topology topology() {
        return Topology.parse(state.topology);
    }

    public Partition partition() {
        return state.partition == null ? null : new Partition(state.partition);
    }

    private void save() throws IOException {
        state.write(dir);
    }

    private static List<String> nodeJvmOptions() {
        String env = System.getenv("DEVNET_NODE_JAVA_OPTS");
        if (env != null) {
            return env.isBlank() ? List.of() : List.of(env.trim().split("\\s+"));
        }
        return List.of("-Xmx512m");
    }

    // ---- up and down ----

    /**
     * Starts every node that is not running, links them, funds the wallets the first time, and starts mining;
     * returns when every node is connected to its peers and mining has started.
     */
    public void up() throws IOException {
        List<DevnetNode> started = new ArrayList<>();
        for (DevnetNode n : nodes) {
            if (!n.alive()) {
                n.start(nodeJvmOptions());
                started.add(n);
            }
        }
        save();
        for (DevnetNode n : started) {
            n.awaitRpc(TIMEOUT);
        }
        connect();
        awaitLinks();
        if (!state.funded) {
            fund();
            state.funded = true;
            save();
        }
        startMining();
        printWhere();
    }

    /** Stops the ticker and every node cleanly, in parallel; no process of this devnet is left running. */
    public void down() throws IOException {
        stopTicker();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, nodes.size()));
        try {
            List<Future<Boolean>> stops = new ArrayList<>();
            for (DevnetNode n : nodes) {
                stops.add(pool.submit(() -> n.stop(TIMEOUT)));
            }
            for (int i = 0; i < stops.size(); i++) {
                boolean clean = stops.get(i).get();
                if (!clean) {
                    out.println("node " + i + " did not stop in time and was killed");
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("stopping the nodes failed: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
        save();
    }

    /** {@link #down()}, then deletes the devnet directory. */
    public void clean() throws IOException {
        down();
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private void printWhere() {
        out.printf("devnet up: %d nodes on %s, %s topology, %d miner%s (state in %s)%n", nodes.size(), state.chain,
                state.topology, miners().size(), miners().size() == 1 ? "" : "s", dir);
        for (DevnetNode n : nodes) {
            out.printf("  node %d%s  rpc 127.0.0.1:%d  p2p 127.0.0.1:%d  pid %d%n", n.index(),
                    n.state().miner ? " (miner)" : "", n.state().rpcPort, n.state().p2pPort, n.state().pid);
            out.printf("         data %s%n         log  %s%n         wallet %s (%s)%n", n.dataDir(), n.logFile(),
                    n.walletFile(), n.state().miningAddress);
        }
        if (state.tickerPid > 0) {
            out.printf("  block ticker: a block every %d s on the miners (pid %d, log %s)%n", state.blockInterval,
                    state.tickerPid, tickerLog());
        }
    }

    private List<DevnetNode> miners() {
        return nodes.stream().filter(n -> n.state().miner).toList();
    }

    // ---- links ----

    /** The links up now: the topology's, less those the partition cuts. */
    public List<Link> liveLinks() {
        return topology().liveLinks(nodes.size(), partition());
    }

    /** {@code addnode <to> add} on the owning side of every live link whose ends are both running. */
    private void connect() {
        for (Link l : liveLinks()) {
            DevnetNode from = nodes.get(l.from());
            DevnetNode to = nodes.get(l.to());
            if (from.alive() && to.alive()) {
                try {
                    from.rpc().call("addnode", to.state().p2pAddress(), "add");
                } catch (NodeClient.NodeException e) {
                    if (e.code() != -23) { // -23: already added, still kept connected
                        throw e;
                    }
                }
            }
        }
    }

    /**
     * Waits until each running node has exactly one connection per live link to a running peer; while waiting,
     * links the partition cuts are disconnected again (a connection attempt already under way when the link was
     * removed may still complete).
     */
    private void awaitLinks() {
        List<Link> live = liveLinks();
        Partition p = partition();
        List<Link> cut = p == null ? List.of() : topology().links(nodes.size()).stream().filter(p::separates)
                .toList();
        Waits.until("every node to be connected to its peers (" + state.topology
                + (p == null ? "" : ", partition " + p) + ")", TIMEOUT, () -> {
                    boolean ok = true;
                    for (DevnetNode n : nodes) {
                        if (!n.alive()) {
                            continue;
                        }
                        long expected = live.stream().filter(l -> l.touches(n.index()))
                                .filter(l -> nodes.get(l.from()).alive() && nodes.get(l.to()).alive()).count();
                        JsonNode count = n.tryCall("getconnectioncount");
                        if (count == null || count.asLong() != expected) {
                            ok = false;
                        }
                    }
                    if (!ok) {
                        cut.forEach(this::disconnect);
                    }
                    return ok;
                });
    }

    private void disconnect(Link l) {
        DevnetNode from = nodes.get(l.from());
        if (from.alive()) {
            from.tryCall("disconnectnode", nodes.get(l.to()).state().p2pAddress());
        }
    }

    /**
     * Splits the network: on every link between groups, the owning node forgets the peer ({@code addnode remove})
     * and drops the connection ({@code disconnectnode}). Banning can't do this here: every node is on 127.0.0.1,
     * so a ban on the address would cut a node off from its own side too (and minicoind, like Core, only
     * disconnects local addresses instead of banning them). Returns when the cut holds.
     */
    public void partition(Partition p) throws IOException {
        if (state.partition != null) {
            heal();
        }
        state.partition = p.groups();
        save();
        for (Link l : topology().links(nodes.size())) {
            if (p.separates(l)) {
                DevnetNode from = nodes.get(l.from());
                if (from.alive()) {
                    from.tryCall("addnode", nodes.get(l.to()).state().p2pAddress(), "remove");
                }
                disconnect(l);
            }
        }
        awaitLinks();
    }

    /** Puts every topology link back ({@code addnode add}) and returns when all are connected. */
    public void heal() throws IOException {
        state.partition = null;
        save();
        connect();
        awaitLinks();
        awaitAgreement(TIMEOUT);
        int resent = shareMempools();
        if (resent > 0) {
            out.println("re-sent " + resent + " mempool transaction(s) across the former cut");
        }
    }

    /**
     * Hands every running node the mempool transactions of the others, as a wallet rebroadcasts its unconfirmed
     * transactions (Core's ResubmitWalletTransactions). Without it a transaction that went back to a mempool in a
     * reorg, or was sent on the other side of a cut, would wait there until its own node mines it: nodes announce a
     * transaction when it is accepted, not again. Children may arrive before their parents, so passes repeat
     * until nothing more is accepted. Returns how many were accepted somewhere new.
     */
    public int shareMempools() {
        List<DevnetNode> running = nodes.stream().filter(DevnetNode::alive).toList();
        Map<String, String> raw = new HashMap<>();
        for (DevnetNode n : running) {
            JsonNode pool = n.tryCall("getrawmempool");
            if (pool != null) {
                for (JsonNode txid : pool) {
                    JsonNode hex = raw.containsKey(txid.asText()) ? null : n.tryCall("getrawtransaction", txid.asText());
                    if (hex != null) {
                        raw.put(txid.asText(), hex.asText());
                    }
                }
            }
        }
        int accepted = 0;
        for (int pass = 0; pass < 25; pass++) {
            int before = accepted;
            for (DevnetNode n : running) {
                JsonNode pool = n.tryCall("getrawmempool");
                Set<String> has = new HashSet<>();
                if (pool != null) {
                    pool.forEach(t -> has.add(t.asText()));
                }
                for (Map.Entry<String, String> tx : raw.entrySet()) {
                    if (!has.contains(tx.getKey()) && n.tryCall("sendrawtransaction", tx.getValue()) != null) {
                        accepted++;
                    }
                }
            }
            if (accepted == before) {
                break;
            }
        }
        return accepted;
    }

    // ---- single nodes ----

    /** Starts node {@code i} if it is down and links it as the topology and partition say. */
    public void start(int i) throws IOException {
        DevnetNode n = node(i);
        if (n.alive()) {
            out.println("node " + i + " is already running (pid " + n.state().pid + ")");
            return;
        }
        n.start(nodeJvmOptions());
        save();
        n.awaitRpc(TIMEOUT);
        connect();
        awaitLinks();
        out.println("node " + i + " started (pid " + n.state().pid + ")");
    }

    /** Stops node {@code i} cleanly with the {@code stop} RPC and waits for its process to exit. */
    public void stop(int i) {
        DevnetNode n = node(i);
        if (!n.alive()) {
            out.println("node " + i + " is not running");
            return;
        }
        boolean clean = n.stop(TIMEOUT);
        out.println(clean ? "node " + i + " stopped" : "node " + i + " did not stop in time and was killed");
    }

    /** Kills node {@code i} with SIGKILL, as a crash would. */
    public void kill(int i) {
        DevnetNode n = node(i);
        if (!n.alive()) {
            out.println("node " + i + " is not running");
            return;
        }
        n.kill();
        out.println("node " + i + " killed (SIGKILL to pid " + n.state().pid + ")");
    }

    /** Stops node {@code i} (if running) and starts it again. */
    public void restart(int i) throws IOException {
        stop(i);
        start(i);
    }

    // ---- mining ----

    /** How long {@link #mine} may take before it gives up. */
    static final java.time.Duration MINE_TIMEOUT = java.time.Duration.ofMinutes(10);

    /**
     * Mines {@code n} blocks now on node {@code i} ({@code generatetoaddress}, paying its wallet) and waits until
     * every running node on its side of any partition has them. Returns the block hashes.
     */
    public List<String> mine(int n, int i) {
        DevnetNode miner = node(i);
        List<String> out = new ArrayList<>();
        // generatetoaddress gives up after maxtries (Core's default, a million hashes) without a block, which on
        // the devnet at its working difficulty is the usual case: ask again until n blocks are found.
        long deadline = System.nanoTime() + MINE_TIMEOUT.toNanos();
        while (out.size() < n) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("mined only " + out.size() + " of " + n + " blocks on node " + i
                        + " in " + MINE_TIMEOUT.toSeconds() + " s");
            }
            JsonNode hashes = miner.rpc().call("generatetoaddress", n - out.size(), miner.state().miningAddress);
            hashes.forEach(h -> out.add(h.asText()));
        }
        if (!out.isEmpty()) {
            awaitBlock(out.get(out.size() - 1), reachableFrom(i));
        }
        return out;
    }

    /** The running nodes node {@code i} can reach over live links (itself included). */
    public List<DevnetNode> reachableFrom(int i) {
        Set<Integer> seen = new HashSet<>(List.of(i));
        List<Integer> todo = new ArrayList<>(List.of(i));
        List<Link> live = liveLinks();
        while (!todo.isEmpty()) {
            int a = todo.remove(todo.size() - 1);
            for (Link l : live) {
                if (l.touches(a)) {
                    int b = l.from() == a ? l.to() : l.from();
                    if (nodes.get(b).alive() && seen.add(b)) {
                        todo.add(b);
                    }
                }
            }
        }
        return nodes.stream().filter(n -> seen.contains(n.index())).toList();
    }

    /** Waits until {@code hash} is in the active chain of each of {@code who}. */
    public void awaitBlock(String hash, List<DevnetNode> who) {
        Waits.until("block " + hash + " on nodes " + who.stream().map(DevnetNode::index).toList(), TIMEOUT,
                () -> who.stream().allMatch(n -> {
                    JsonNode h = n.tryCall("getblockheader", hash);
                    return h != null && h.path("confirmations").asInt(-1) >= 1;
                }));
    }

    /** Waits until every running node reports the same best block; returns it. */
    public String awaitAgreement(Duration timeout) {
        String[] tip = new String[1];
        Waits.until("all running nodes to agree on the tip", timeout, () -> {
            Set<String> tips = new HashSet<>();
            for (DevnetNode n : nodes) {
                if (n.alive()) {
                    JsonNode t = n.tryCall("getbestblockhash");
                    tips.add(t == null ? "?" : t.asText());
                }
            }
            tip[0] = tips.iterator().next();
            return tips.size() == 1 && !tips.contains("?");
        });
        return tip[0];
    }

    private void startMining() throws IOException {
        if (miners().isEmpty()) {
            out.println("no miners: mine blocks with 'devnet mine <n> [--node i]'");
            return;
        }
        if (state.chain.equals("regtest")) {
            if (!ticker().isPresent()) {
                long before = node(0).rpc().call("getblockcount").asLong();
                state.tickerPid = Detached.startJava(TICKER_MAIN, List.of("-Xmx64m"),
                        List.of("ticker", "--dir", dir.toString()), tickerLog());
                save();
                // The ticker mines its first block at once: its arrival shows mining has started.
                Waits.until("the block ticker's first block", TIMEOUT,
                        () -> node(0).tryCall("getblockcount") != null
                                && node(0).tryCall("getblockcount").asLong() > before);
            }
        } else {
            // -gen miners: started with the node; wait for a block mined after now.
            long before = node(0).rpc().call("getblockcount").asLong();
            Waits.until("a new block from the miners", TIMEOUT, () -> {
                JsonNode c = node(0).tryCall("getblockcount");
                return c != null && c.asLong() > before;
            });
        }
    }

    private Path tickerLog() {
        return dir.resolve("ticker.log");
    }

    /** The running block ticker, if any. */
    public Optional<ProcessHandle> ticker() {
        return Detached.find(state.tickerPid, dir.toString());
    }

    private void stopTicker() {
        ticker().ifPresent(h -> Detached.terminate(h, Duration.ofSeconds(10)));
    }

    // ---- coins ----

    /** An address of no wallet: P2WPKH of twenty zero bytes (its coins can never be spent). */
    private String nobody() {
        byte[] spk = new byte[22];
        spk[1] = 20;
        return Address.fromScriptPubKey(spk, ChainSpecs.params(state.chain)).orElseThrow();
    }

    /**
     * Gives every wallet its first coins. On regtest: {@value #COINBASES_PER_WALLET} blocks mined to each wallet,
     * then 100 to an address of no one so those coinbases mature (Core's COINBASE_MATURITY), so each wallet holds
     * 10 confirmed coins of 50 and no later block changes its balance except blocks it mines itself. On devnet:
     * once the first miner's coinbases mature (the chain starts easy, so that takes seconds), its wallet pays every
     * other wallet {@value #SPLITS} coins (several coins, so a wallet can pay many times before a block confirms
     * its change), and this waits for them to confirm.
     */
    private void fund() throws IOException {
        DevnetNode first = node(0);
        NodeClient rpc = first.rpc();
        if (state.chain.equals("regtest")) {
            out.println("funding wallets: " + COINBASES_PER_WALLET + " blocks to each wallet, 100 to mature them");
            for (DevnetNode n : nodes) {
                rpc.call("generatetoaddress", COINBASES_PER_WALLET, n.state().miningAddress);
            }
            JsonNode last = rpc.call("generatetoaddress", 100, nobody());
            awaitBlock(last.get(last.size() - 1).asText(), reachableFrom(0));
            return;
        }
        if (!first.state().miner) {
            rpc.call("generatetoaddress", 101 + nodes.size(), first.state().miningAddress);
        }
        NodeWallet faucet = NodeWallet.open(first, state.chain);
        long need = (nodes.size() - 1) * SPLITS * SPLIT_AMOUNT + 100_000_000L;
        out.println("funding wallets: waiting for node 0's coinbases to mature (" + Amounts.format(need)
                + " spendable)");
        Waits.until("node 0's wallet to hold " + Amounts.format(need) + " spendable", TIMEOUT,
                () -> spendable(faucet) >= need);
        List<String> txids = new ArrayList<>();
        for (DevnetNode n : nodes.subList(1, nodes.size())) {
            NodeWallet w = NodeWallet.open(n, state.chain);
            for (int k = 0; k < SPLITS; k++) {
                txids.add(payWithRetry(faucet, w.receive(), SPLIT_AMOUNT));
            }
        }
        if (miners().isEmpty()) {
            rpc.call("generatetoaddress", 1, first.state().miningAddress);
        }
        List<NodeWallet> payees = new ArrayList<>();
        for (DevnetNode n : nodes.subList(1, nodes.size())) {
            payees.add(NodeWallet.open(n, state.chain));
        }
        Waits.until("the funding transactions to confirm", TIMEOUT, () -> payees.stream().allMatch(w -> {
            try {
                return w.coins().coins().stream().filter(c -> c.confirmations() >= 1).count() >= SPLITS;
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }));
        out.println("funded " + txids.size() + " payments of " + Amounts.format(SPLIT_AMOUNT) + " to "
                + (nodes.size() - 1) + " wallets");
    }

    private static long spendable(NodeWallet w) {
        try {
            return w.coins().coins().stream().filter(c -> c.spendable(Coin.COINBASE_MATURITY, true))
                    .mapToLong(Coin::value).sum();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * Pays, and if the node refuses for a reason the next block cures (an unconfirmed chain at Core's 25-ancestor
     * limit, or coins not yet mature), waits for a block and tries again, until {@link #TIMEOUT}.
     */
    private String payWithRetry(NodeWallet from, String address, long sats) throws IOException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            try {
                return from.pay(address, sats).transaction().txid().toString();
            } catch (RuntimeException e) {
                if (System.nanoTime() - deadline > 0) {
                    throw e;
                }
                long height = from.node().rpc().call("getblockcount").asLong();
                Waits.until("a new block", TIMEOUT, () -> {
                    JsonNode c = from.node().tryCall("getblockcount");
                    return c != null && c.asLong() > height;
                });
            }
        }
    }

    /** Pays {@code sats} from node {@code from}'s wallet to a fresh address of node {@code to}'s wallet. */
    public Wallet.Sent send(int from, int to, long sats) throws IOException {
        NodeWallet payee = NodeWallet.open(node(to), state.chain);
        return NodeWallet.open(node(from), state.chain).pay(payee.receive(), sats);
    }

    /** Pays {@code sats} to any address from node {@code from}'s wallet. */
    public Wallet.Sent fund(String address, long sats, int from) throws IOException {
        return NodeWallet.open(node(from), state.chain).pay(address, sats);
    }
}
