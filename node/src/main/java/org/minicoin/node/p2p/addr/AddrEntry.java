package org.minicoin.node.p2p.addr;

import org.minicoin.consensus.encoding.ByteReader;
import org.minicoin.consensus.encoding.ByteWriter;
import org.minicoin.consensus.encoding.DecodeException;
import org.minicoin.node.p2p.wire.NetAddress;
import org.minicoin.node.p2p.wire.Network;

/**
 * One address the {@link AddressManager} knows, with what it learned about it (Core's AddrInfo). Mutable; guarded by
 * the manager's lock.
 */
final class AddrEntry {
    /** Core's ADDRMAN_HORIZON: an address not seen for 30 days is terrible. */
    static final long HORIZON = 30 * 24 * 3600L;
    /** Core's ADDRMAN_RETRIES: after this many attempts without any success, terrible. */
    static final int RETRIES = 3;
    /** Core's ADDRMAN_MAX_FAILURES: this many failures in a row ... */
    static final int MAX_FAILURES = 10;
    /** ... and no success for Core's ADDRMAN_MIN_FAIL (7 days): terrible. */
    static final long MIN_FAIL = 7 * 24 * 3600L;

    private static final int FORMAT = 1;

    /** The address; its time (last seen) and services change as gossip and connections teach us more. */
    NetAddress address;
    /** Who told us first; only its network and bytes matter (its group picks the new bucket). */
    final NetAddress source;
    long lastTry;
    long lastCountAttempt;
    long lastSuccess;
    int attempts;
    /** How many new-table slots hold this entry (0 while in tried). */
    int refCount;
    boolean inTried;

    AddrEntry(NetAddress address, NetAddress source) {
        this.address = address;
        this.source = new NetAddress(0, 0, source.network(), source.address(), 0);
    }

    /**
     * Whether the address is not worth keeping or handing out, as Core's AddrInfo::IsTerrible: from the future,
     * too old, never reached in {@link #RETRIES} tries, or failing for a week. One tried in the last minute is kept,
     * so that an address being connected to right now does not vanish.
     */
    boolean isTerrible(long now) {
        if (now - lastTry <= 60) {
            return false;
        }
        long time = address.time();
        return time > now + 10 * 60
                || now - time > HORIZON
                || lastSuccess == 0 && attempts >= RETRIES
                || now - lastSuccess > MIN_FAIL && attempts >= MAX_FAILURES;
    }

    /** The relative chance of being selected, as Core's AddrInfo::GetChance. */
    double chance(long now) {
        double chance = now - lastTry < 10 * 60 ? 0.01 : 1.0; // just tried: let others go first
        // 66% less per failed attempt, at most 1/28: an outage should not bury an address forever.
        return chance * Math.pow(0.66, Math.min(attempts, 8));
    }

    /** The stored form: format, address (BIP-0155), source network and bytes, last success, last try, attempts, table. */
    byte[] encode() {
        ByteWriter w = new ByteWriter(80);
        w.writeUInt8(FORMAT);
        address.writeV2(w);
        w.writeUInt8(source.network().bip155Id()).writeVarBytes(source.address());
        w.writeInt64LE(lastSuccess).writeInt64LE(lastTry).writeInt32LE(attempts);
        w.writeUInt8(inTried ? 1 : 0);
        return w.toByteArray();
    }

    /**
     * Reads the stored form; the table flag is returned in {@link #inTried} for the manager to place the entry.
     *
     * @throws DecodeException or IllegalArgumentException for a damaged entry
     */
    static AddrEntry decode(byte[] value) {
        ByteReader r = new ByteReader(value);
        int format = r.readUInt8("format");
        if (format != FORMAT) {
            throw new DecodeException("unknown address entry format " + format, 0);
        }
        NetAddress address = NetAddress.readV2(r)
                .orElseThrow(() -> new DecodeException("address of an unknown network", 1));
        int sourceNetworkId = r.readUInt8("source network");
        Network sourceNetwork = Network.byBip155Id(sourceNetworkId);
        if (sourceNetwork == null) {
            throw new DecodeException("unknown source network " + sourceNetworkId, r.position() - 1);
        }
        byte[] sourceBytes = r.readVarBytes("source address");
        AddrEntry e = new AddrEntry(address, new NetAddress(0, 0, sourceNetwork, sourceBytes, 0));
        e.lastSuccess = r.readInt64LE("last success");
        e.lastTry = r.readInt64LE("last try");
        e.attempts = r.readInt32LE("attempts");
        e.inTried = r.readUInt8("table") == 1;
        r.expectEnd("address entry");
        return e;
    }
}
