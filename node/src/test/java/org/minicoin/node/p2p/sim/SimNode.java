package org.minicoin.node.p2p.sim;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.minicoin.consensus.testing.Verifiers;
import org.minicoin.consensus.types.Block;
import org.minicoin.node.fees.FeeEstimator;
import org.minicoin.node.ledger.ChainState;
import org.minicoin.node.mempool.Mempool;
import org.minicoin.node.p2p.addr.BanList;
import org.minicoin.node.p2p.peer.ConnectionType;
import org.minicoin.node.p2p.peer.LocalNonces;
import org.minicoin.node.p2p.peer.LocalVersion;
import org.minicoin.node.p2p.peer.Misbehavior;
import org.minicoin.node.p2p.peer.Peer;
import org.minicoin.node.p2p.peer.PeerInfo;
import org.minicoin.node.p2p.peer.PeerListener;
import org.minicoin.node.p2p.peer.PeerNetwork;
import org.minicoin.node.p2p.peer.PeerOutput;
import org.minicoin.node.p2p.peer.Penalty;
import org.minicoin.node.p2p.peer.ServiceFlags;
import org.minicoin.node.p2p.sync.BlockSync;
import org.minicoin.node.p2p.sync.TxRelay;
import org.minicoin.node.p2p.wire.BlockMessage;
import org.minicoin.node.p2p.wire.Message;
import org.minicoin.node.testing.RegtestChain;

/**
 * One node of a {@link SimNetwork}, wired as minicoind wires a real one ({@code PeerListener.all(sync, relay)}
 * behind a connection manager): its own regtest chain state on RocksDB, a mempool, a {@link BlockSync}, a
 * {@link TxRelay} and a ban list. It plays the connection manager's part for its peers: it is their
 * {@link PeerNetwork}, discourages misbehaving addresses and forgets closed connections.
 *
 * <p>Tests can bend its behaviour: {@link #onReceive} sees (and may swallow) every message before its peer does,
 * e.g. a staller that never answers getdata; {@link #onSend} may rewrite or drop what it sends, e.g. a mutated
 * block. {@link SimNetwork#inject} lets it send anything.
 */
public final class SimNode implements PeerNetwork, PeerListener, AutoCloseable {
    /** Sees a message from {@code from} before the node does; true swallows it. */
    @FunctionalInterface
    public interface Interceptor {
        boolean intercept(SimNode from, Message message);
    }

    private final SimNetwork net;
    private final String name;
    private final InetAddress address;
    private final int index;
    /** The chain state on RocksDB, with the test key and block building. */
    public final RegtestChain rt;
    public final Mempool mempool;
    public final BlockSync sync;
    public final TxRelay relay;
    public final BanList bans;
    private final PeerListener upper;
    private final LocalNonces nonces = new LocalNonces();
    private final LocalVersion local;
    /** Open peers by id, oldest first. */
    private final Map<Long, Peer> peers = new TreeMap<>();
    private final List<Misbehavior> misbehaviors = new ArrayList<>();
    /** Messages received, by sending node and then by command. */
    private final Map<String, Map<String, Integer>> receivedFrom = new HashMap<>();
    private Interceptor interceptor = (from, m) -> false;
    private BiFunction<SimNode, Message, Message> rewriter = (to, m) -> m;
    private long nextId;

    SimNode(SimNetwork net, String name, InetAddress address, Path dir, int window, int index) {
        this.net = net;
        this.name = name;
        this.address = address;
        this.index = index;
        this.rt = new RegtestChain(dir);
        this.mempool = new Mempool(rt.chain, Verifiers.standard(), Mempool.Options.defaults(), new FeeEstimator(),
                new Random(100 + index));
        this.sync = new BlockSync(rt.chain, net::now, window);
        this.relay = new TxRelay(mempool);
        this.bans = BanList.open(rt.store, rt.clock::get);
        this.upper = PeerListener.all(sync, relay);
        sync.setNetwork(this);
        relay.setNetwork(this);
        this.local = new LocalVersion(ServiceFlags.DESIRABLE, "/minicoin-sim:" + name + "/", true, rt.chain::height);
    }

    public String name() {
        return name;
    }

    public InetAddress address() {
        return address;
    }

    public ChainState chain() {
        return rt.chain;
    }

    Peer newPeer(ConnectionType type, InetSocketAddress remote, PeerOutput output) {
        long id = nextId++;
        Peer p = new Peer(id, type, remote, local, nonces, output, this, net::now, SimNetwork.random(index, id));
        peers.put(id, p);
        return p;
    }

    /** Whether this node has an open connection, either direction, to {@code other}. */
    public boolean isConnectedTo(SimNode other) {
        return !net.between(this, other).isEmpty();
    }

    /** Every Misbehaving call on this node's peers, in order. */
    public List<Misbehavior> misbehaviors() {
        return List.copyOf(misbehaviors);
    }

    /** How many messages of {@code type} this node's peers have received from {@code other}. */
    public int received(SimNode other, Class<? extends Message> type) {
        return receivedFrom.getOrDefault(other.name, Map.of()).getOrDefault(type.getSimpleName(), 0);
    }

    /** How many block messages this node has received from {@code other}. */
    public int blocksReceivedFrom(SimNode other) {
        return received(other, BlockMessage.class);
    }

    /** The number of distinct nodes that sent this node at least one block. */
    public int blockSources() {
        String block = BlockMessage.class.getSimpleName();
        return (int) receivedFrom.values().stream().filter(m -> m.containsKey(block)).count();
    }

    /** Replaces the incoming interceptor. */
    public void onReceive(Interceptor interceptor) {
        this.interceptor = interceptor;
    }

    /** Replaces the outgoing rewriter: given the receiver and a message, the message to send, or null to drop it. */
    public void onSend(BiFunction<SimNode, Message, Message> rewriter) {
        this.rewriter = rewriter;
    }

    boolean interceptIncoming(SimNode from, Message m) {
        return interceptor.intercept(from, m);
    }

    Message rewriteOutgoing(SimNode to, Message m) {
        return rewriter.apply(to, m);
    }

    void countReceived(SimNode from, Message m) {
        receivedFrom.computeIfAbsent(from.name, k -> new HashMap<>()).merge(m.getClass().getSimpleName(), 1,
                Integer::sum);
    }

    /** Processes {@code blocks} directly (setting up a node's chain without the network). */
    public void load(List<Block> blocks) {
        for (Block b : blocks) {
            rt.chain.processBlock(b);
        }
    }

    /** The active chain's blocks 1..height, read back from the store. */
    public List<Block> activeBlocks() {
        List<Block> out = new ArrayList<>();
        for (int h = 1; h <= rt.chain.height(); h++) {
            out.add(rt.chain.readBlock(rt.chain.activeAt(h).hash()));
        }
        return out;
    }

    // ------------------------------------------------------------------------------ PeerNetwork

    @Override
    public List<Peer> peers() {
        return List.copyOf(peers.values());
    }

    /** Queues {@code task} on the global queue; dropped if the peer is gone by then, as ConnectionManager does. */
    @Override
    public void execute(Peer peer, Runnable task) {
        net.enqueue(() -> {
            if (peers.get(peer.id()) == peer) {
                task.run();
            }
        });
    }

    // ------------------------------------------------------------------------------ PeerListener (manager)

    @Override
    public void handshakeComplete(Peer p, PeerInfo info) {
        upper.handshakeComplete(p, info);
    }

    @Override
    public void message(Peer p, Message m) {
        upper.message(p, m);
    }

    /** As ConnectionManager: a DISCOURAGE penalty discourages the peer's address (Core's BanMan::Discourage). */
    @Override
    public void misbehaved(Peer p, Misbehavior m) {
        misbehaviors.add(m);
        if (m.penalty() == Penalty.DISCOURAGE) {
            bans.discourage(p.remote().getAddress());
        }
        upper.misbehaved(p, m);
    }

    @Override
    public void sendBufferDrained(Peer p) {
        upper.sendBufferDrained(p); // never called here: the simulated send buffer is never full
    }

    @Override
    public void tick(Peer p, long nowMillis) {
        upper.tick(p, nowMillis);
    }

    @Override
    public void disconnected(Peer p) {
        peers.remove(p.id());
        upper.disconnected(p);
    }

    @Override
    public void close() {
        rt.close();
    }

    @Override
    public String toString() {
        return name;
    }
}
