package org.minicoin.node.p2p.addr;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.minicoin.consensus.encoding.ByteReader;
import org.minicoin.consensus.encoding.ByteWriter;
import org.minicoin.consensus.encoding.DecodeException;
import org.minicoin.node.store.Column;
import org.minicoin.node.store.KeyValueStore;
import org.minicoin.node.store.WriteBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whom not to talk to, as Core's BanMan. Two mechanisms:
 * <ul>
 *   <li><b>bans</b> ({@code setban}): subnets refused until an expiry time, kept in {@link Column#BANS} and written
 *       on every change (as Core dumps banlist.json at once);</li>
 *   <li><b>discouragement</b>: an address that misbehaved is remembered for 24 hours, in memory only and at most
 *       {@value #MAX_DISCOURAGED} addresses (Core keeps a rolling filter of 50,000). A discouraged address may still
 *       connect while there is room, and is the first evicted when there is not; it is never refused outright,
 *       since many honest users can share one address behind a NAT.</li>
 * </ul>
 * Thread-safe: every method holds the list's lock.
 */
public final class BanList {
    /** Core's DEFAULT_MISBEHAVING_BANTIME: a ban without a time lasts 24 hours. */
    public static final long DEFAULT_BAN_TIME = 24 * 3600L;
    /** How long an address stays discouraged. */
    public static final long DISCOURAGEMENT_TIME = 24 * 3600L;
    /** At most this many discouraged addresses; the oldest is forgotten first. */
    public static final int MAX_DISCOURAGED = 50_000;

    private static final int FORMAT = 1;
    private static final Logger LOG = LoggerFactory.getLogger(BanList.class);

    /**
     * One ban, as {@code listbanned} shows it.
     *
     * @param subnet      the banned network
     * @param created     when the ban was set, seconds since the epoch
     * @param bannedUntil when it ends, seconds since the epoch
     */
    public record Ban(Subnet subnet, long created, long bannedUntil) {
    }

    private final KeyValueStore store;
    private final LongSupplier clock;
    private final Map<Subnet, Ban> bans = new HashMap<>();
    /** Discouraged address to the time it was discouraged; in that order, so the oldest is first. */
    private final LinkedHashMap<InetAddress, Long> discouraged = new LinkedHashMap<>();

    private BanList(KeyValueStore store, LongSupplier clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Opens the list on {@code store}, reading the stored bans; expired ones are dropped, and a damaged entry is
     * logged and deleted so that one bad record cannot keep the node from starting.
     *
     * @param clock the current time in seconds since the epoch
     */
    public static BanList open(KeyValueStore store, LongSupplier clock) {
        BanList list = new BanList(store, clock);
        List<byte[]> damaged = new ArrayList<>();
        store.scan(Column.BANS, new byte[0], (key, value) -> {
            try {
                Ban ban = decode(key, value);
                list.bans.put(ban.subnet(), ban);
            } catch (DecodeException | IllegalArgumentException e) {
                LOG.warn("Skipping damaged ban entry: {}", e.getMessage());
                damaged.add(key);
            }
            return true;
        });
        try (WriteBatch batch = store.newBatch()) {
            damaged.forEach(k -> batch.delete(Column.BANS, k));
            store.write(batch, true);
        }
        list.sweep();
        return list;
    }

    /**
     * Bans {@code subnet}, as Core's BanMan::Ban: for {@code banTime} seconds from now, or until {@code banTime}
     * (seconds since the epoch) if {@code absolute}; a time of 0 or less means {@link #DEFAULT_BAN_TIME} from now.
     * An existing ban of the same subnet that lasts longer is kept.
     */
    public synchronized void ban(Subnet subnet, long banTime, boolean absolute) {
        long now = clock.getAsLong();
        long until = banTime <= 0 ? now + DEFAULT_BAN_TIME : absolute ? banTime : now + banTime;
        Ban existing = bans.get(subnet);
        if (existing != null && existing.bannedUntil() >= until) {
            return;
        }
        Ban ban = new Ban(subnet, now, until);
        bans.put(subnet, ban);
        try (WriteBatch batch = store.newBatch()) {
            batch.put(Column.BANS, key(subnet), encode(ban));
            store.write(batch, true);
        }
    }

    /**
     * Lifts the ban of exactly {@code subnet} (not of a larger or smaller one).
     *
     * @return false if that subnet was not banned (Core's RPC then says "Error: Unban failed. Requested
     *         address/subnet was not previously manually banned.")
     */
    public synchronized boolean unban(Subnet subnet) {
        if (bans.remove(subnet) == null) {
            return false;
        }
        try (WriteBatch batch = store.newBatch()) {
            batch.delete(Column.BANS, key(subnet));
            store.write(batch, true);
        }
        return true;
    }

    /** Lifts every ban ({@code clearbanned}). */
    public synchronized void clearBanned() {
        try (WriteBatch batch = store.newBatch()) {
            bans.keySet().forEach(s -> batch.delete(Column.BANS, key(s)));
            store.write(batch, true);
        }
        bans.clear();
    }

    /** The bans in force ({@code listbanned}), oldest first; expired ones are dropped first, as Core sweeps. */
    public synchronized List<Ban> listBanned() {
        sweep();
        List<Ban> list = new ArrayList<>(bans.values());
        list.sort(Comparator.comparingLong(Ban::created).thenComparing(b -> b.subnet().toString()));
        return list;
    }

    /** Whether {@code address} lies in a subnet banned now. */
    public synchronized boolean isBanned(InetAddress address) {
        long now = clock.getAsLong();
        return bans.values().stream().anyMatch(b -> now < b.bannedUntil() && b.subnet().contains(address));
    }

    /** Whether exactly {@code subnet} is banned now (Core's setban refuses "Error: IP/Subnet already banned"). */
    public synchronized boolean isBanned(Subnet subnet) {
        Ban ban = bans.get(subnet);
        return ban != null && clock.getAsLong() < ban.bannedUntil();
    }

    /** Discourages {@code address} for {@link #DISCOURAGEMENT_TIME} from now (Core's BanMan::Discourage). */
    public synchronized void discourage(InetAddress address) {
        discouraged.remove(address); // re-inserted at the end: a repeat offence restarts the 24 hours
        discouraged.put(address, clock.getAsLong());
        if (discouraged.size() > MAX_DISCOURAGED) {
            Iterator<InetAddress> oldest = discouraged.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /** Whether {@code address} was discouraged in the last {@link #DISCOURAGEMENT_TIME}. */
    public synchronized boolean isDiscouraged(InetAddress address) {
        long now = clock.getAsLong();
        // Entries are in time order: drop the expired ones at the front.
        Iterator<Map.Entry<InetAddress, Long>> it = discouraged.entrySet().iterator();
        while (it.hasNext() && now - it.next().getValue() >= DISCOURAGEMENT_TIME) {
            it.remove();
        }
        return discouraged.containsKey(address);
    }

    /** Drops expired bans, from memory and the database; Core's SweepBanned (a ban ends after its last second). */
    private void sweep() {
        long now = clock.getAsLong();
        List<Subnet> expired = bans.values().stream().filter(b -> now > b.bannedUntil()).map(Ban::subnet).toList();
        if (expired.isEmpty()) {
            return;
        }
        try (WriteBatch batch = store.newBatch()) {
            for (Subnet s : expired) {
                bans.remove(s);
                batch.delete(Column.BANS, key(s));
                LOG.debug("Removed expired ban of {}", s);
            }
            store.write(batch, true);
        }
    }

    /** The stored key: prefix length, then the base address bytes (4 or 16). */
    private static byte[] key(Subnet s) {
        return new ByteWriter(17).writeUInt8(s.prefixBits()).writeBytes(s.base()).toByteArray();
    }

    private static byte[] encode(Ban ban) {
        return new ByteWriter(17).writeUInt8(FORMAT).writeInt64LE(ban.created()).writeInt64LE(ban.bannedUntil())
                .toByteArray();
    }

    private static Ban decode(byte[] key, byte[] value) {
        if (key.length != 5 && key.length != 17) {
            throw new DecodeException("ban key of " + key.length + " bytes", 0);
        }
        Subnet subnet = Subnet.of(Arrays.copyOfRange(key, 1, key.length), key[0] & 0xff);
        ByteReader r = new ByteReader(value);
        int format = r.readUInt8("format");
        if (format != FORMAT) {
            throw new DecodeException("unknown ban entry format " + format, 0);
        }
        Ban ban = new Ban(subnet, r.readInt64LE("ban created"), r.readInt64LE("banned until"));
        r.expectEnd("ban entry");
        return ban;
    }
}
