package org.minicoin.node.testing;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A hand-made Bitcoin P2P peer on a plain {@link Socket}, for tests that must send what no well-behaved node
 * would: frames are built here byte by byte (its own header and sha256d checksum, not the node's codec), and any
 * raw bytes can be written. A reader thread splits the node's stream into frames, answers its pings, records the
 * commands and pong nonces it sees, and notices when the node closes the connection (end of stream or reset).
 *
 * <p>Writes are serialised, so the reader's pong never lands inside a frame the test is writing.
 */
public final class RawPeer implements AutoCloseable {
    /** Protocol version we announce: 70016, so the node answers pings and negotiates wtxidrelay/sendaddrv2. */
    public static final int PROTOCOL_VERSION = 70016;
    private static final long POLL_MILLIS = 10;

    private final Socket socket;
    private final byte[] magic;
    private final OutputStream out;
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final List<Long> pongs = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile String closeReason;

    private RawPeer(Socket socket, byte[] magic) throws IOException {
        this.socket = socket;
        this.magic = magic.clone();
        this.out = socket.getOutputStream();
        Thread reader = new Thread(this::readLoop, "rawpeer-reader-" + socket.getLocalPort());
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Opens a TCP connection to {@code 127.0.0.1:port}; nothing is sent yet.
     *
     * @param magic the four message-start bytes as they appear on the wire (regtest: {@code fa bf b5 da})
     */
    public static RawPeer connect(int port, byte[] magic) throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        return new RawPeer(s, magic);
    }

    /**
     * Opens a TCP connection from the local address {@code from} to {@code from:port}, so the node sees the peer at
     * {@code from} (e.g. the machine's own non-loopback address, which Core's IsLocal does not exempt).
     */
    public static RawPeer connectFrom(java.net.InetAddress from, int port, byte[] magic) throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.bind(new InetSocketAddress(from, 0));
        s.connect(new InetSocketAddress(from, port), 5000);
        return new RawPeer(s, magic);
    }

    /** Connects and completes the version handshake (see {@link #handshake}). */
    public static RawPeer connectAndHandshake(int port, byte[] magic, Duration timeout) throws IOException {
        RawPeer p = connect(port, magic);
        try {
            p.handshake(timeout);
        } catch (IOException | RuntimeException | Error e) {
            p.close();
            throw e;
        }
        return p;
    }

    /** The local port of our socket: the node lists us in getpeerinfo as {@code 127.0.0.1:<localPort>}. */
    public int localPort() {
        return socket.getLocalPort();
    }

    /**
     * The inbound side of Core's handshake: we send version, wtxidrelay, sendaddrv2 and verack (BIP-0339 and
     * BIP-0155 want the last two before verack), then wait until the node's own version and verack have arrived.
     *
     * @throws AssertionError if the node does not answer in time
     */
    public void handshake(Duration timeout) throws IOException {
        send("version", versionPayload("/rawpeer:0.1/", ThreadLocalRandom.current().nextLong()));
        send("wtxidrelay", new byte[0]);
        send("sendaddrv2", new byte[0]);
        send("verack", new byte[0]);
        if (!await(() -> commands.contains("version") && commands.contains("verack"), timeout)) {
            throw new AssertionError("no version/verack from the node within " + timeout + "; got " + commands
                    + (isClosed() ? ", connection closed: " + closeReason : ""));
        }
    }

    /** A full 70016 version payload (Core's PushNodeVersion layout) announcing NODE_NETWORK | NODE_WITNESS. */
    public static byte[] versionPayload(String userAgent, long nonce) {
        byte[] ua = userAgent.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(4 + 8 + 8 + 26 + 26 + 8 + 1 + ua.length + 4 + 1)
                .order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(PROTOCOL_VERSION).putLong(9L).putLong(System.currentTimeMillis() / 1000);
        b.put(new byte[26]).put(new byte[26]); // receiver and sender: services, ::, port 0
        b.putLong(nonce).put((byte) ua.length).put(ua).putInt(0).put((byte) 1);
        return b.array();
    }

    /** The 8-byte little-endian payload of a ping or pong. */
    public static byte[] nonce(long nonce) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(nonce).array();
    }

    /** A correct frame of {@code payload} as {@code command}. */
    public byte[] frame(String command, byte[] payload) {
        return frame(magic, command, payload, checksum(payload), payload.length);
    }

    /**
     * A frame with every header field chosen by the caller, for breaking one of them: the command's bytes are
     * NUL-padded to 12, {@code declaredLength} is written as uint32 whatever {@code payload}'s real length.
     */
    public static byte[] frame(byte[] magic, String command, byte[] payload, byte[] checksum, long declaredLength) {
        byte[] name = command.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(24 + payload.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(magic).put(name).put(new byte[12 - name.length]).putInt((int) declaredLength).put(checksum, 0, 4);
        b.put(payload);
        return b.array();
    }

    /** The first four bytes of sha256d(payload). */
    public static byte[] checksum(byte[] payload) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] h = sha.digest(sha.digest(payload));
            return new byte[] {h[0], h[1], h[2], h[3]};
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends a correct frame. */
    public void send(String command, byte[] payload) throws IOException {
        sendRaw(frame(command, payload));
    }

    /** Writes {@code bytes} as they are. */
    public void sendRaw(byte[] bytes) throws IOException {
        synchronized (out) {
            out.write(bytes);
            out.flush();
        }
    }

    /** Sends a ping with a fresh random nonce, which it returns. */
    public long sendPing() throws IOException {
        long n = ThreadLocalRandom.current().nextLong();
        send("ping", nonce(n));
        return n;
    }

    /** True when the pong for {@code nonce} arrives within {@code timeout}. */
    public boolean awaitPong(long nonce, Duration timeout) {
        return await(() -> pongs.contains(nonce), timeout);
    }

    /**
     * Proof the connection still works end to end: a ping goes out and its pong comes back within {@code timeout}.
     * Since a peer's messages are processed in order, it also proves everything sent before was processed.
     */
    public boolean pingAnswered(Duration timeout) throws IOException {
        if (isClosed()) {
            return false;
        }
        return awaitPong(sendPing(), timeout);
    }

    /** The nonces of all pongs received so far, in order. */
    public List<Long> pongs() {
        return new ArrayList<>(pongs);
    }

    /** The commands of all frames received so far, in order. */
    public List<String> commands() {
        return new ArrayList<>(commands);
    }

    /** True when the node closed the connection (or it was reset) within {@code timeout}. */
    public boolean awaitClosed(Duration timeout) throws InterruptedException {
        return closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** True once the connection has ended. */
    public boolean isClosed() {
        return closed.getCount() == 0;
    }

    /** Why the reader stopped (end of stream, reset, a bad frame from the node), or null while open. */
    public String closeReason() {
        return closeReason;
    }

    private boolean await(java.util.function.BooleanSupplier done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private void readLoop() {
        try {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] header = new byte[24];
            while (true) {
                in.readFully(header);
                ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < 4; i++) {
                    if (header[i] != magic[i]) {
                        throw new IOException("node sent wrong magic");
                    }
                }
                int end = 4;
                while (end < 16 && header[end] != 0) {
                    end++;
                }
                String command = new String(header, 4, end - 4, StandardCharsets.ISO_8859_1);
                long length = Integer.toUnsignedLong(h.getInt(16));
                if (length > 4_000_000) {
                    throw new IOException("node announced " + length + " bytes");
                }
                byte[] payload = new byte[(int) length];
                in.readFully(payload);
                switch (command) {
                    case "ping" -> send("pong", payload);
                    case "pong" -> pongs.add(ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN).getLong());
                    default -> {
                    }
                }
                commands.add(command);
            }
        } catch (EOFException e) {
            closeReason = "end of stream";
        } catch (SocketException e) {
            closeReason = "socket: " + e.getMessage();
        } catch (IOException e) {
            closeReason = e.toString();
        } finally {
            closed.countDown();
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a test socket
        }
    }
}
