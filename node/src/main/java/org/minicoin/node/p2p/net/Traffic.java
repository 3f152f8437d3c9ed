package org.minicoin.node.p2p.net;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.minicoin.node.p2p.wire.FrameObserver;
import org.minicoin.node.p2p.wire.WireCodec;

/**
 * Bytes sent and received, for one connection or for the whole node (getpeerinfo's bytessent, bytesrecv,
 * lastsend, lastrecv and the per-message maps; getnettotals). A connection's counts also add to the node's.
 * Thread-safe.
 */
public final class Traffic {
    private final Traffic total;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private volatile long lastSend;
    private volatile long lastReceive;
    private final Map<String, LongAdder> sentPerMessage = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> receivedPerMessage = new ConcurrentHashMap<>();

    /** Counts for the node as a whole. */
    public Traffic() {
        this(null);
    }

    private Traffic(Traffic total) {
        this.total = total;
    }

    /** Counts for one connection that also add to these. */
    public Traffic connection() {
        return new Traffic(this);
    }

    /** Observes frames written: bytes by message, and the time of the last. */
    public FrameObserver sending() {
        return this::onSent;
    }

    private void onSent(String command, int bytes) {
        lastSend = System.currentTimeMillis() / 1000;
        sent.addAndGet(bytes);
        sentPerMessage.computeIfAbsent(key(command), k -> new LongAdder()).add(bytes);
        if (total != null) {
            total.onSent(command, bytes);
        }
    }

    /** Observes frames read. */
    public FrameObserver receiving() {
        return this::onReceived;
    }

    private void onReceived(String command, int bytes) {
        lastReceive = System.currentTimeMillis() / 1000;
        received.addAndGet(bytes);
        receivedPerMessage.computeIfAbsent(key(command), k -> new LongAdder()).add(bytes);
        if (total != null) {
            total.onReceived(command, bytes);
        }
    }

    /** Core counts messages it does not know under "*other*". */
    private static String key(String command) {
        return WireCodec.isKnown(command) ? command : "*other*";
    }

    public long bytesSent() {
        return sent.get();
    }

    public long bytesReceived() {
        return received.get();
    }

    /** Seconds since the epoch of the last frame written, 0 if none. */
    public long lastSend() {
        return lastSend;
    }

    /** Seconds since the epoch of the last frame read, 0 if none. */
    public long lastReceive() {
        return lastReceive;
    }

    /** Bytes written per message type, sorted by name (Core's bytessent_per_msg). */
    public Map<String, Long> sentPerMessage() {
        return snapshot(sentPerMessage);
    }

    /** Bytes read per message type, sorted by name (Core's bytesrecv_per_msg). */
    public Map<String, Long> receivedPerMessage() {
        return snapshot(receivedPerMessage);
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> m) {
        Map<String, Long> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
