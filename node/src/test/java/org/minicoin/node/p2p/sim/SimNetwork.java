package org.minicoin.node.p2p.sim;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.node.p2p.peer.ConnectionType;
import org.minicoin.node.p2p.peer.Peer;
import org.minicoin.node.p2p.peer.PeerChannelHandler;
import org.minicoin.node.p2p.peer.PeerOutput;
import org.minicoin.node.p2p.sync.BlockSync;
import org.minicoin.node.p2p.wire.Message;
import org.minicoin.node.p2p.wire.ProtocolViolation;
import org.minicoin.node.p2p.wire.WireCodec;

/**
 * A deterministic in-memory network of {@link SimNode}s: no sockets, no threads. Every message a peer sends is
 * framed with {@link WireCodec} and put on one global FIFO queue; when its turn comes it is unframed and handed to
 * the other end's {@link Peer}. Tasks that sync and relay hand to a peer's thread
 * ({@link org.minicoin.node.p2p.peer.PeerNetwork#execute}) go on the same queue, and so does every disconnect. Time
 * is a manual clock shared by all nodes and moves only in {@link #advance}, so timeouts fire at exact moments and a
 * run is the same every time (all randomness is seeded).
 *
 * <p>The Netty-side semantics it mirrors: a connection closed by either side delivers {@code disconnected()} to
 * both peers (the closer first); messages still queued on a closed connection are lost, as unsent writes are when
 * a channel closes.
 */
public final class SimNetwork implements AutoCloseable {
    /** Default bound on the events of one {@link #runUntilIdle}; more means the nodes never settle (livelock). */
    public static final int DEFAULT_STEP_LIMIT = 2_000_000;
    /** The P2P port every node listens on (regtest's). */
    static final int PORT = 18444;

    private final Path dir;
    private final Deque<Runnable> queue = new ArrayDeque<>();
    private final List<SimNode> nodes = new ArrayList<>();
    private final List<Connection> connections = new ArrayList<>();
    private long now;
    private long steps;
    private int nextEphemeralPort = 50_000;

    /** A network whose nodes keep their databases under {@code dir} (a JUnit temp dir). */
    public SimNetwork(Path dir) {
        this.dir = dir;
    }

    /**
     * Adds a node at a local address (127.0.0.n): misbehaviour by it is punished with a disconnect only, as Core
     * never discourages local addresses.
     */
    public SimNode node(String name) {
        return node(name, "127.0.0." + (nodes.size() + 1));
    }

    /** Adds a node seen by its peers at {@code ip} (a literal address, e.g. 203.0.113.9 for a punishable one). */
    public SimNode node(String name, String ip) {
        return node(name, ip, BlockSync.BLOCK_DOWNLOAD_WINDOW);
    }

    /** Adds a node whose block download window is {@code window} blocks (small windows provoke stalls). */
    public SimNode node(String name, String ip, int window) {
        InetAddress address;
        try {
            address = InetAddress.getByName(ip); // a literal: no name lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(ip, e);
        }
        SimNode n = new SimNode(this, name, address, dir.resolve(name), window, nodes.size());
        if (nodes.isEmpty()) {
            now = n.rt.clock.get() * 1000;
        }
        nodes.add(n);
        return n;
    }

    /** The nodes, in the order they were added. */
    public List<SimNode> nodes() {
        return List.copyOf(nodes);
    }

    /** The shared clock, in milliseconds since the epoch. */
    public long now() {
        return now;
    }

    /** Events processed since the network was made (for tests that bound the work done). */
    public long steps() {
        return steps;
    }

    /**
     * Opens a connection from {@code from} (outbound full-relay) to {@code to} (inbound) and starts both peers; the
     * handshake runs when the queue is drained.
     */
    public Connection connect(SimNode from, SimNode to) {
        return connect(from, to, ConnectionType.OUTBOUND_FULL_RELAY);
    }

    /** As {@link #connect(SimNode, SimNode)}, with the outbound side's connection type given. */
    public Connection connect(SimNode from, SimNode to, ConnectionType type) {
        if (type.isInbound()) {
            throw new IllegalArgumentException("the connecting side is outbound");
        }
        Connection c = new Connection(from, to);
        c.outbound = from.newPeer(type, new InetSocketAddress(to.address(), PORT), c.output(true));
        c.inbound = to.newPeer(ConnectionType.INBOUND, new InetSocketAddress(from.address(), nextEphemeralPort++),
                c.output(false));
        connections.add(c);
        c.outbound.connected();
        c.inbound.connected();
        return c;
    }

    /** The open connections between {@code a} and {@code b}, either direction. */
    public List<Connection> between(SimNode a, SimNode b) {
        return ever(a, b).stream().filter(c -> c.open).toList();
    }

    /** Every connection ever made between {@code a} and {@code b}, open or closed, either direction, oldest first. */
    public List<Connection> ever(SimNode a, SimNode b) {
        return connections.stream().filter(c -> c.from == a && c.to == b || c.from == b && c.to == a).toList();
    }

    /**
     * Sends {@code message} from {@code from} to {@code to} over their open connection as if {@code from}'s peer had
     * sent it: the adversary's way to say anything. Goes through the codec and the queue like any message.
     */
    public void inject(SimNode from, SimNode to, Message message) {
        List<Connection> open = between(from, to);
        if (open.isEmpty()) {
            throw new IllegalStateException(from + " has no open connection to " + to);
        }
        Connection c = open.get(0);
        c.transmit(c.from == from, message);
    }

    /** Puts {@code task} at the end of the global queue. */
    public void enqueue(Runnable task) {
        queue.addLast(task);
    }

    /** Drains the queue, failing if it takes more than {@link #DEFAULT_STEP_LIMIT} events. */
    public void runUntilIdle() {
        runUntilIdle(DEFAULT_STEP_LIMIT);
    }

    /** Drains the queue in FIFO order; throws AssertionError after {@code limit} events (a livelock). */
    public void runUntilIdle(int limit) {
        int n = 0;
        while (!queue.isEmpty()) {
            if (++n > limit) {
                throw new AssertionError("no quiescence after " + limit + " events: livelock? next queue size "
                        + queue.size());
            }
            steps++;
            queue.pollFirst().run();
        }
    }

    /**
     * Moves the clock forward by {@code millis} in steps of one second (Netty's tick period): at each step every
     * open peer is ticked, nodes in the order they were added and each node's peers oldest first, and the queue is
     * drained before the next step. The chain clocks (seconds) follow, so block time rules see the same time.
     */
    public void advance(long millis) {
        long end = now + millis;
        while (now < end) {
            now = Math.min(end, now + PeerChannelHandler.TICK_MILLIS);
            for (SimNode n : nodes) {
                n.rt.clock.set(Math.max(n.rt.clock.get(), now / 1000));
            }
            for (SimNode n : nodes) {
                for (Peer p : n.peers()) {
                    p.tick(now);
                }
            }
            runUntilIdle();
        }
    }

    /** Runs {@link #advance} in one-second steps until {@code condition} holds; fails after {@code maxMillis}. */
    public void advanceUntil(BooleanSupplier condition, long maxMillis) {
        long deadline = now + maxMillis;
        runUntilIdle();
        while (!condition.getAsBoolean()) {
            if (now >= deadline) {
                throw new AssertionError("condition not reached within " + maxMillis + " ms of simulated time");
            }
            advance(PeerChannelHandler.TICK_MILLIS);
        }
    }

    ChainParams params() {
        return nodes.get(0).rt.params;
    }

    /** A fixed seed per node and peer, so that nonces are the same in every run. */
    static Random random(int nodeIndex, long peerId) {
        return new Random(1_000_003L * (nodeIndex + 1) + peerId);
    }

    @Override
    public void close() {
        for (SimNode n : nodes) {
            n.close();
        }
    }

    /** One connection: the outbound peer at {@code from}, the inbound peer at {@code to}. */
    public final class Connection {
        final SimNode from;
        final SimNode to;
        Peer outbound;
        Peer inbound;
        boolean open = true;
        /** Which side closed it and why; null while open. */
        String closedBy;
        String reason;

        Connection(SimNode from, SimNode to) {
            this.from = from;
            this.to = to;
        }

        /** The peer at {@code node}'s end. */
        public Peer peerAt(SimNode node) {
            return node == from ? outbound : inbound;
        }

        public boolean isOpen() {
            return open;
        }

        /** The node that closed the connection, or null while open. */
        public String closedBy() {
            return closedBy;
        }

        /** The closer's reason (Core's log text), or null while open. */
        public String reason() {
            return reason;
        }

        PeerOutput output(boolean outboundSide) {
            return new PeerOutput() {
                @Override
                public void send(Message message) {
                    transmit(outboundSide, message);
                }

                @Override
                public void disconnect(String why) {
                    close(outboundSide ? from : to, why);
                }
            };
        }

        /** Frames {@code message} now (as the encoder would) and queues its delivery to the other side. */
        void transmit(boolean fromOutboundSide, Message message) {
            if (!open) {
                return;
            }
            SimNode sender = fromOutboundSide ? from : to;
            SimNode receiver = fromOutboundSide ? to : from;
            Message rewritten = sender.rewriteOutgoing(receiver, message);
            if (rewritten == null) {
                return;
            }
            byte[] frame = WireCodec.frame(params(), rewritten);
            enqueue(() -> deliver(sender, receiver, frame));
        }

        private void deliver(SimNode sender, SimNode receiver, byte[] frame) {
            if (!open) {
                return;
            }
            Peer target = receiver == from ? outbound : inbound;
            Message m;
            try {
                m = WireCodec.unframe(params(), frame);
            } catch (ProtocolViolation v) {
                target.violation(v);
                return;
            }
            if (receiver.interceptIncoming(sender, m)) {
                return;
            }
            receiver.countReceived(sender, m);
            target.received(m);
        }

        void close(SimNode closer, String why) {
            if (!open) {
                return;
            }
            open = false;
            closedBy = closer.name();
            reason = why;
            Peer first = closer == from ? outbound : inbound;
            Peer second = closer == from ? inbound : outbound;
            enqueue(first::disconnected);
            enqueue(second::disconnected);
        }

        @Override
        public String toString() {
            return from + "->" + to + (open ? "" : " closed by " + closedBy + ": " + reason);
        }
    }
}
