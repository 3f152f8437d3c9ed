package org.minicoin.node.p2p.addr;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import org.minicoin.consensus.crypto.Hashes;
import org.minicoin.consensus.encoding.ByteWriter;
import org.minicoin.consensus.encoding.DecodeException;
import org.minicoin.node.p2p.wire.NetAddress;
import org.minicoin.node.p2p.wire.ProtocolViolation;
import org.minicoin.node.store.Column;
import org.minicoin.node.store.KeyValueStore;
import org.minicoin.node.store.WriteBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The addresses of possible peers, as Core's addrman keeps them. Gossiped addresses go into the "new" table,
 * addresses we have connected to move to the "tried" table. Both are fixed arrays of buckets of 64 slots; which
 * bucket and slot an address takes is a keyed hash (a secret key per node) of its group (/16 for IPv4, /32 for
 * IPv6) and, in the new table, of the group of the peer that sent it. So one source can fill at most 64 of the 1024
 * new buckets and one address range at most 8 of the 256 tried buckets, and an attacker cannot predict which
 * entries its addresses push out: that is what keeps an eclipse attack expensive.
 *
 * <p>Simplifications against Core (v29): no asmap; an entry keeps at most its slots of this run (after a restart an
 * entry holds one new slot, recomputed from the key); a tried-table collision is settled at once in
 * {@link #good} rather than by a feeler connection (see there). Selection is Core's: new or tried with equal
 * probability, so each tried entry, being in the smaller table, is picked far more often.
 *
 * <p>Changes are kept in memory and written to {@link Column#PEERS} by {@link #flush()} (Core dumps peers.dat
 * every 15 minutes and at shutdown). Thread-safe: every method holds the manager's lock.
 */
public final class AddressManager {
    /** Core's MAX_ADDR_TO_SEND: a {@code getaddr} reply holds at most 1000 addresses ... */
    public static final int GETADDR_MAX_ADDRESSES = 1000;
    /** ... and at most 23% of those we know (Core's MAX_PCT_ADDR_TO_SEND), so one reply does not reveal all. */
    public static final int GETADDR_MAX_PCT = 23;

    static final int NEW_BUCKET_COUNT = 1024;
    static final int TRIED_BUCKET_COUNT = 256;
    static final int BUCKET_SIZE = 64;
    private static final int TRIED_BUCKETS_PER_GROUP = 8;
    private static final int NEW_BUCKETS_PER_SOURCE_GROUP = 64;
    private static final int NEW_BUCKETS_PER_ADDRESS = 8;
    /** Core's ADDRMAN_REPLACEMENT: a tried entry that worked this recently is not pushed out by a newer one. */
    static final long REPLACEMENT = 4 * 3600L;
    /** Operations per write batch, so that a flush of a full table does not build one huge batch. */
    private static final int BATCH_OPS = 10_000;

    private static final byte[] SECRET_KEY = {'k'};
    private static final byte ENTRY_PREFIX = 'a';
    private static final Logger LOG = LoggerFactory.getLogger(AddressManager.class);

    private final KeyValueStore store;
    private final LongSupplier clock;
    private final RandomGenerator random;
    private final byte[] secret;
    private final Map<ByteBuffer, AddrEntry> entries = new HashMap<>();
    private final AddrEntry[][] newTable = new AddrEntry[NEW_BUCKET_COUNT][BUCKET_SIZE];
    private final AddrEntry[][] triedTable = new AddrEntry[TRIED_BUCKET_COUNT][BUCKET_SIZE];
    /** Keys changed since the last flush: written if still known, deleted if not. */
    private final Set<ByteBuffer> dirty = new HashSet<>();
    private int newCount;
    private int triedCount;
    /** When {@link #good} was last called: failures while we had no working connection at all are not counted. */
    private long lastGood = 1;

    private AddressManager(KeyValueStore store, LongSupplier clock, RandomGenerator random, byte[] secret) {
        this.store = store;
        this.clock = clock;
        this.random = random;
        this.secret = secret;
    }

    /**
     * Opens the manager on {@code store}, reading the stored addresses. A damaged entry is logged and skipped (and
     * deleted at the next flush), so one bad record cannot keep the node from starting.
     *
     * @param clock the current time in seconds since the epoch
     */
    public static AddressManager open(KeyValueStore store, LongSupplier clock) {
        return open(store, clock, new SecureRandom());
    }

    /** As {@link #open(KeyValueStore, LongSupplier)}, with the generator for selection (seeded in tests). */
    public static AddressManager open(KeyValueStore store, LongSupplier clock, RandomGenerator random) {
        byte[] secret = store.get(Column.PEERS, SECRET_KEY);
        if (secret == null || secret.length != 32) {
            // Drawn from the given generator: SecureRandom for a node, a seeded one for repeatable tests.
            secret = new byte[32];
            random.nextBytes(secret);
            try (WriteBatch batch = store.newBatch()) {
                batch.put(Column.PEERS, SECRET_KEY, secret);
                store.write(batch, false);
            }
        }
        AddressManager m = new AddressManager(store, clock, random, secret);
        m.load();
        return m;
    }

    private synchronized void load() {
        List<AddrEntry> tried = new ArrayList<>();
        List<AddrEntry> fresh = new ArrayList<>();
        List<byte[]> damagedKeys = new ArrayList<>();
        store.scan(Column.PEERS, new byte[] {ENTRY_PREFIX}, (key, value) -> {
            try {
                AddrEntry e = AddrEntry.decode(value);
                (e.inTried ? tried : fresh).add(e);
            } catch (DecodeException | ProtocolViolation | IllegalArgumentException ex) {
                LOG.warn("Skipping damaged address entry {}: {}", Arrays.toString(key), ex.getMessage());
                damagedKeys.add(key);
            }
            return true;
        });
        damagedKeys.forEach(k -> dirty.add(ByteBuffer.wrap(Arrays.copyOfRange(k, 1, k.length))));
        int dropped = 0;
        for (AddrEntry e : tried) {
            e.inTried = false;
            int[] slot = triedSlot(e.address);
            if (triedTable[slot[0]][slot[1]] == null) {
                entries.put(key(e.address), e);
                putTried(e, slot);
            } else {
                fresh.add(e); // its slot is taken (another key, or a changed layout): keep it as new
            }
        }
        for (AddrEntry e : fresh) {
            e.inTried = false;
            int[] slot = newSlot(e.address, e.source);
            if (newTable[slot[0]][slot[1]] == null && !entries.containsKey(key(e.address))) {
                entries.put(key(e.address), e);
                newTable[slot[0]][slot[1]] = e;
                e.refCount = 1;
                newCount++;
            } else {
                dropped++;
                dirty.add(key(e.address));
            }
        }
        LOG.info("Loaded {} addresses ({} new, {} tried){}{}", entries.size(), newCount, triedCount,
                damagedKeys.isEmpty() ? "" : ", skipped " + damagedKeys.size() + " damaged",
                dropped == 0 ? "" : ", dropped " + dropped + " colliding");
    }

    /**
     * Adds gossiped addresses learned from {@code source}, as Core's AddrMan::Add. Unroutable addresses are ignored.
     * An address already known gets a fresher time and more service bits, and (rarely, harder each time) one more
     * new-table slot; one already tried stays in tried.
     *
     * @param timePenalty seconds to take off the gossiped time (Core's net code uses 2 hours for relayed
     *                    addresses); none for a peer announcing itself
     * @return whether any address took a new slot
     */
    public synchronized boolean add(List<NetAddress> addresses, NetAddress source, long timePenalty) {
        boolean added = false;
        for (NetAddress a : addresses) {
            added |= addOne(a, source, timePenalty);
        }
        return added;
    }

    /** As {@link #add(List, NetAddress, long)} without a time penalty. */
    public synchronized boolean add(List<NetAddress> addresses, NetAddress source) {
        return add(addresses, source, 0);
    }

    private boolean addOne(NetAddress a, NetAddress source, long timePenalty) {
        if (!NetGroups.isRoutable(a)) {
            return false;
        }
        long penalty = sameHost(a, source) ? 0 : timePenalty;
        ByteBuffer k = key(a);
        AddrEntry e = entries.get(k);
        if (e != null) {
            boolean online = clock.getAsLong() - a.time() < 24 * 3600L;
            long updateInterval = online ? 3600L : 24 * 3600L; // refresh often enough, not on every gossip
            if (e.address.time() < a.time() - updateInterval - penalty) {
                e.address = withTime(e.address, Math.max(0, a.time() - penalty));
            }
            e.address = new NetAddress(e.address.time(), e.address.services() | a.services(), a.network(),
                    a.address(), a.port());
            dirty.add(k);
            // Nothing new, already tried, or in enough buckets: done. Otherwise 2^refCount times harder each time.
            if (a.time() <= e.address.time() || e.inTried || e.refCount == NEW_BUCKETS_PER_ADDRESS
                    || e.refCount > 0 && random.nextInt(1 << e.refCount) != 0) {
                return false;
            }
        } else {
            e = new AddrEntry(withTime(a, Math.max(0, a.time() - penalty)), source);
        }
        int[] slot = newSlot(a, source);
        AddrEntry occupant = newTable[slot[0]][slot[1]];
        if (occupant == e) {
            return false;
        }
        // A terrible occupant, or one that is also elsewhere while we are nowhere, gives way.
        boolean insert = occupant == null || occupant.isTerrible(clock.getAsLong())
                || occupant.refCount > 1 && e.refCount == 0;
        if (!insert) {
            return false;
        }
        entries.putIfAbsent(k, e);
        clearNew(slot);
        newTable[slot[0]][slot[1]] = e;
        if (e.refCount++ == 0) {
            newCount++;
        }
        dirty.add(k);
        return true;
    }

    /**
     * Records a successful connection to {@code address} (after the handshake), as Core's AddrMan::Good: resets
     * the failure count and moves the entry to the tried table. If its tried slot is taken by an entry that worked
     * within the last 4 hours (Core's ADDRMAN_REPLACEMENT), the older one stays and this one remains new; otherwise
     * the older one goes back to the new table. (Core first tests the older one with a feeler connection; minicoin
     * decides at once, as Core does once its test window has passed.)
     *
     * @return whether the address moved to the tried table
     */
    public synchronized boolean good(NetAddress address) {
        long now = clock.getAsLong();
        lastGood = now;
        AddrEntry e = entries.get(key(address));
        if (e == null) {
            return false;
        }
        e.lastSuccess = now;
        e.lastTry = now;
        e.attempts = 0;
        dirty.add(key(address));
        // The time is not updated here, so that gossip does not reveal whom we are connected to.
        if (e.inTried) {
            return false;
        }
        int[] slot = triedSlot(e.address);
        AddrEntry occupant = triedTable[slot[0]][slot[1]];
        if (occupant != null && now - occupant.lastSuccess < REPLACEMENT) {
            LOG.debug("Collision with {} moving {} to tried; keeping the older", occupant.address, e.address);
            return false;
        }
        makeTried(e, slot);
        return true;
    }

    /**
     * Records a connection attempt to {@code address}, as Core's AddrMan::Attempt. With {@code countFailure} it
     * counts as a failure, but only once per successful connection anywhere: while we are offline, every address
     * would fail, and none should be punished for it.
     */
    public synchronized void attempt(NetAddress address, boolean countFailure) {
        AddrEntry e = entries.get(key(address));
        if (e == null) {
            return;
        }
        long now = clock.getAsLong();
        e.lastTry = now;
        if (countFailure && e.lastCountAttempt < lastGood) {
            e.lastCountAttempt = now;
            e.attempts++;
        }
        dirty.add(key(address));
    }

    /**
     * Records that a connection to {@code address} has ended, as Core's AddrMan::Connected: its last-seen time
     * becomes now, at most every 20 minutes, so that it is gossiped as alive without telling when we connected.
     */
    public synchronized void connected(NetAddress address) {
        AddrEntry e = entries.get(key(address));
        long now = clock.getAsLong();
        if (e != null && now - e.address.time() > 20 * 60) {
            e.address = withTime(e.address, now);
            dirty.add(key(address));
        }
    }

    /**
     * Picks an address to connect to, as Core's AddrMan::Select: the new or the tried table with equal chance
     * (only new with {@code newOnly}), then random slots until one is accepted with its entry's chance (recent
     * tries and failures lower it), each refusal raising the odds by 20%.
     *
     * @return the address, or empty if there is none to pick
     */
    public synchronized Optional<NetAddress> select(boolean newOnly) {
        if (newOnly && newCount == 0 || newCount + triedCount == 0) {
            return Optional.empty();
        }
        boolean tried = !newOnly && (newCount == 0 || triedCount > 0 && random.nextBoolean());
        AddrEntry[][] table = tried ? triedTable : newTable;
        long now = clock.getAsLong();
        double factor = 1.0;
        while (true) {
            AddrEntry[] bucket = table[random.nextInt(table.length)];
            int start = random.nextInt(BUCKET_SIZE);
            for (int i = 0; i < BUCKET_SIZE; i++) {
                AddrEntry e = bucket[(start + i) % BUCKET_SIZE];
                if (e != null) {
                    if (random.nextDouble() < factor * e.chance(now)) {
                        return Optional.of(e.address);
                    }
                    factor *= 1.2;
                    break;
                }
            }
        }
    }

    /**
     * Addresses for a {@code getaddr} reply, as Core's AddrMan::GetAddr: a random sample of at most
     * {@code maxPct} percent of all known addresses and at most {@code maxAddresses} (0 means no limit for
     * either), leaving out terrible ones.
     */
    public synchronized List<NetAddress> getAddr(int maxAddresses, int maxPct) {
        if (maxAddresses < 0 || maxPct < 0 || maxPct > 100) {
            throw new IllegalArgumentException("maxAddresses " + maxAddresses + ", maxPct " + maxPct);
        }
        List<AddrEntry> all = new ArrayList<>(entries.values());
        int limit = maxPct == 0 ? all.size() : maxPct * all.size() / 100;
        if (maxAddresses != 0) {
            limit = Math.min(limit, maxAddresses);
        }
        long now = clock.getAsLong();
        List<NetAddress> result = new ArrayList<>(limit);
        for (int n = 0; n < all.size() && result.size() < limit; n++) {
            int pick = n + random.nextInt(all.size() - n); // a partial Fisher-Yates shuffle
            AddrEntry e = all.get(pick);
            all.set(pick, all.get(n));
            if (!e.isTerrible(now)) {
                result.add(e.address);
            }
        }
        return result;
    }

    /** How many addresses are known. */
    public synchronized int size() {
        return entries.size();
    }

    /** How many addresses are in the new table. */
    public synchronized int newCount() {
        return newCount;
    }

    /** How many addresses are in the tried table. */
    public synchronized int triedCount() {
        return triedCount;
    }

    /**
     * Writes the changes since the last flush to {@link Column#PEERS}, in batches of at most 10,000 operations.
     * Each entry is written whole, so a crash between batches leaves every stored entry readable.
     */
    public synchronized void flush() {
        List<ByteBuffer> keys = new ArrayList<>(dirty);
        for (int from = 0; from < keys.size(); from += BATCH_OPS) {
            try (WriteBatch batch = store.newBatch()) {
                for (ByteBuffer k : keys.subList(from, Math.min(keys.size(), from + BATCH_OPS))) {
                    AddrEntry e = entries.get(k);
                    byte[] dbKey = dbKey(k);
                    if (e == null) {
                        batch.delete(Column.PEERS, dbKey);
                    } else {
                        batch.put(Column.PEERS, dbKey, e.encode());
                    }
                }
                store.write(batch, false);
            }
        }
        dirty.clear();
    }

    /** The new-table bucket and slot of {@code address} as sent by {@code source} (Core's GetNewBucket). */
    int[] newSlot(NetAddress address, NetAddress source) {
        byte[] sourceGroup = NetGroups.group(source);
        long h1 = cheapHash(w -> w.writeVarBytes(NetGroups.group(address)).writeVarBytes(sourceGroup));
        long h2 = cheapHash(w -> w.writeVarBytes(sourceGroup)
                .writeInt64LE(Long.remainderUnsigned(h1, NEW_BUCKETS_PER_SOURCE_GROUP)));
        int bucket = (int) Long.remainderUnsigned(h2, NEW_BUCKET_COUNT);
        return new int[] {bucket, position(address, true, bucket)};
    }

    /** The tried-table bucket and slot of {@code address} (Core's GetTriedBucket). */
    int[] triedSlot(NetAddress address) {
        long h1 = cheapHash(w -> w.writeBytes(serviceBytes(address)));
        long h2 = cheapHash(w -> w.writeVarBytes(NetGroups.group(address))
                .writeInt64LE(Long.remainderUnsigned(h1, TRIED_BUCKETS_PER_GROUP)));
        int bucket = (int) Long.remainderUnsigned(h2, TRIED_BUCKET_COUNT);
        return new int[] {bucket, position(address, false, bucket)};
    }

    private int position(NetAddress address, boolean inNew, int bucket) {
        long h = cheapHash(w -> w.writeUInt8(inNew ? 'N' : 'K').writeInt32LE(bucket)
                .writeBytes(serviceBytes(address)));
        return (int) Long.remainderUnsigned(h, BUCKET_SIZE);
    }

    /** Core's HashWriter{} << nKey << ... then GetCheapHash: the first 8 bytes of SHA-256d, little-endian. */
    private long cheapHash(Consumer<ByteWriter> fields) {
        ByteWriter w = new ByteWriter(64).writeBytes(secret);
        fields.accept(w);
        byte[] h = Hashes.sha256d(w.toByteArray());
        return ByteBuffer.wrap(h, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    /** Moves {@code e} from its new slots into tried slot {@code slot}, sending the occupant back to new. */
    private void makeTried(AddrEntry e, int[] slot) {
        for (AddrEntry[] bucket : newTable) {
            for (int i = 0; i < BUCKET_SIZE && e.refCount > 0; i++) {
                if (bucket[i] == e) {
                    bucket[i] = null;
                    e.refCount--;
                }
            }
        }
        newCount--;
        AddrEntry old = triedTable[slot[0]][slot[1]];
        if (old != null) {
            old.inTried = false;
            triedTable[slot[0]][slot[1]] = null;
            triedCount--;
            int[] newSlot = newSlot(old.address, old.source);
            clearNew(newSlot);
            newTable[newSlot[0]][newSlot[1]] = old;
            old.refCount = 1;
            newCount++;
            dirty.add(key(old.address));
            LOG.debug("Moved {} from tried to new to make space for {}", old.address, e.address);
        }
        putTried(e, slot);
        dirty.add(key(e.address));
    }

    private void putTried(AddrEntry e, int[] slot) {
        triedTable[slot[0]][slot[1]] = e;
        e.inTried = true;
        triedCount++;
    }

    /** Empties a new-table slot; an entry left in no slot at all is forgotten (Core's ClearNew). */
    private void clearNew(int[] slot) {
        AddrEntry e = newTable[slot[0]][slot[1]];
        if (e == null) {
            return;
        }
        newTable[slot[0]][slot[1]] = null;
        if (--e.refCount == 0) {
            newCount--;
            entries.remove(key(e.address));
            dirty.add(key(e.address));
        }
    }

    private static boolean sameHost(NetAddress a, NetAddress b) {
        return a.network() == b.network() && Arrays.equals(a.address(), b.address());
    }

    private static NetAddress withTime(NetAddress a, long time) {
        return new NetAddress(time, a.services(), a.network(), a.address(), a.port());
    }

    /** Core's CService::GetKey: network, address bytes, port; what identifies an address whatever its time. */
    private static byte[] serviceBytes(NetAddress a) {
        byte[] addr = a.address();
        byte[] b = new byte[addr.length + 3];
        b[0] = (byte) a.network().bip155Id();
        System.arraycopy(addr, 0, b, 1, addr.length);
        b[b.length - 2] = (byte) (a.port() >> 8);
        b[b.length - 1] = (byte) a.port();
        return b;
    }

    private static ByteBuffer key(NetAddress a) {
        return ByteBuffer.wrap(serviceBytes(a));
    }

    private static byte[] dbKey(ByteBuffer key) {
        byte[] k = new byte[key.remaining() + 1];
        k[0] = ENTRY_PREFIX;
        key.duplicate().get(k, 1, key.remaining());
        return k;
    }
}
