package org.minicoin.node.mempool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.minicoin.consensus.encoding.ByteReader;
import org.minicoin.consensus.encoding.ByteWriter;
import org.minicoin.consensus.encoding.DecodeException;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.node.store.AtomicFile;

/**
 * The mempool.dat file in Bitcoin Core's version-1 layout (node/mempool_persist.cpp): a version, a count, each
 * transaction with its entry time and fee delta, then the fee-delta map and the unbroadcast set (both empty
 * here). Core reads this version and writes it with -persistmempoolv1, so the files are interchangeable.
 */
final class MempoolFile {
    static final long VERSION = 1;

    /** A saved transaction and when it entered the mempool. */
    record Saved(Transaction tx, long time) {
    }

    private MempoolFile() {
    }

    /** Writes atomically (see {@link AtomicFile}). */
    static void write(Path file, List<Saved> entries, java.util.Collection<Hash> unbroadcast) throws IOException {
        ByteWriter w = new ByteWriter();
        w.writeInt64LE(VERSION);
        w.writeInt64LE(entries.size());
        for (Saved s : entries) {
            s.tx().write(w, true);
            w.writeInt64LE(s.time());
            w.writeInt64LE(0); // fee delta: prioritisetransaction is not supported
        }
        w.writeCompactSize(0); // map of fee deltas for transactions not in the mempool
        w.writeCompactSize(unbroadcast.size());
        for (Hash txid : unbroadcast) {
            w.writeBytes(txid.toBytes());
        }
        AtomicFile.write(file, w.toByteArray());
    }

    /** A file's transactions, and the unbroadcast set saved with them. */
    record Contents(List<Saved> entries, List<Hash> unbroadcast) {
    }

    /** Reads a file written by {@link #write}; a file of another version or a damaged one is an IOException. */
    static Contents read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            ByteReader r = new ByteReader(bytes);
            long version = r.readInt64LE("version");
            if (version != VERSION) {
                throw new IOException(file + ": unsupported mempool file version " + version
                        + " (expected " + VERSION + ")");
            }
            long count = r.readInt64LE("count");
            // Each record is at least a minimal transaction (10 bytes) plus two 8-byte fields.
            if (count < 0 || count > r.remaining() / 26) {
                throw new IOException(file + ": bad transaction count " + count);
            }
            List<Saved> out = new ArrayList<>((int) count);
            for (long i = 0; i < count; i++) {
                Transaction tx = Transaction.read(r);
                long time = r.readInt64LE("time");
                r.readInt64LE("fee delta");
                out.add(new Saved(tx, time));
            }
            long deltas = r.readCompactSize("fee delta count");
            r.skip(Math.toIntExact(deltas * 40), "fee deltas");
            long unbroadcastCount = r.readCompactSize("unbroadcast count");
            if (unbroadcastCount > r.remaining() / 32) {
                throw new IOException(file + ": bad unbroadcast count " + unbroadcastCount);
            }
            List<Hash> unbroadcast = new ArrayList<>();
            for (long i = 0; i < unbroadcastCount; i++) {
                unbroadcast.add(Hash.read(r, "unbroadcast txid"));
            }
            r.expectEnd("mempool file");
            return new Contents(out, unbroadcast);
        } catch (DecodeException | ArithmeticException e) {
            throw new IOException(file + ": damaged mempool file: " + e.getMessage(), e);
        }
    }
}
