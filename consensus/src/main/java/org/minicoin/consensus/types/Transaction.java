package org.minicoin.consensus.types;

import java.util.ArrayList;
import java.util.List;
import org.minicoin.consensus.encoding.ByteReader;
import org.minicoin.consensus.encoding.ByteWriter;
import org.minicoin.consensus.encoding.DecodeException;
import org.minicoin.consensus.encoding.Hex;

/**
 * A transaction, serialized in the legacy form or, when any input has a witness, the BIP-0144 form
 * (marker 0x00, flag 0x01, witnesses after the outputs). Immutable; txid and wtxid are computed once on demand.
 */
public final class Transaction {
    /** Core's WITNESS_SCALE_FACTOR: a non-witness byte weighs 4, a witness byte 1 (BIP-0141). */
    public static final int WITNESS_SCALE_FACTOR = 4;

    private final int version;
    private final List<TxIn> inputs;
    private final List<TxOut> outputs;
    private final long lockTime;
    private final boolean hasWitness;

    // Caches; Hash is immutable so a racy first computation is harmless.
    private Hash txid;
    private Hash wtxid;
    private int baseSize = -1;
    private int totalSize = -1;

    public Transaction(int version, List<TxIn> inputs, List<TxOut> outputs, long lockTime) {
        if (lockTime < 0 || lockTime > 0xffffffffL) {
            throw new IllegalArgumentException("lock time must be a uint32, got " + lockTime);
        }
        this.version = version;
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
        this.lockTime = lockTime;
        boolean w = false;
        for (TxIn in : this.inputs) {
            w |= !in.witness().isEmpty();
        }
        this.hasWitness = w;
    }

    public int version() {
        return version;
    }

    public List<TxIn> inputs() {
        return inputs;
    }

    public List<TxOut> outputs() {
        return outputs;
    }

    /** nLockTime as an unsigned 32-bit value. */
    public long lockTime() {
        return lockTime;
    }

    /** True when any input carries a witness; such a transaction serializes in the BIP-0144 form. */
    public boolean hasWitness() {
        return hasWitness;
    }

    /** One input spending the null outpoint. */
    public boolean isCoinbase() {
        return inputs.size() == 1 && inputs.get(0).prevout().isNull();
    }

    /** Hash of the serialization without witnesses: the transaction's identity in outpoints and the merkle tree. */
    public Hash txid() {
        Hash h = txid;
        if (h == null) {
            h = Hash.sha256d(serialize(false));
            txid = h;
        }
        return h;
    }

    /** Hash of the full serialization (BIP-0141); equals the txid when there is no witness. */
    public Hash wtxid() {
        Hash h = wtxid;
        if (h == null) {
            h = hasWitness ? Hash.sha256d(serialize(true)) : txid();
            wtxid = h;
        }
        return h;
    }

    /** Serialized size without witness data ("stripped size"). */
    public int baseSize() {
        if (baseSize < 0) {
            baseSize = computeSize(false);
        }
        return baseSize;
    }

    /** Serialized size with witness data: the {@code size} Core reports. */
    public int totalSize() {
        if (totalSize < 0) {
            totalSize = computeSize(hasWitness);
        }
        return totalSize;
    }

    /** BIP-0141 weight: base size times 3 plus total size. */
    public int weight() {
        return baseSize() * (WITNESS_SCALE_FACTOR - 1) + totalSize();
    }

    /** Virtual size: weight / 4 rounded up. */
    public int vsize() {
        return (weight() + WITNESS_SCALE_FACTOR - 1) / WITNESS_SCALE_FACTOR;
    }

    private int computeSize(boolean withWitness) {
        int n = 4 + ByteWriter.compactSizeLength(inputs.size()) + ByteWriter.compactSizeLength(outputs.size()) + 4;
        for (TxIn in : inputs) {
            n += in.serializedSize();
            if (withWitness) {
                n += in.witness().serializedSize();
            }
        }
        for (TxOut out : outputs) {
            n += out.serializedSize();
        }
        return withWitness ? n + 2 : n;
    }

    /** The full serialization: BIP-0144 form when the transaction has a witness, legacy otherwise. */
    public byte[] serialize() {
        return serialize(hasWitness);
    }

    /** The serialization without witnesses, as hashed for the txid. */
    public byte[] serializeWithoutWitness() {
        return serialize(false);
    }

    private byte[] serialize(boolean withWitness) {
        ByteWriter w = new ByteWriter(withWitness ? totalSize() : baseSize());
        write(w, withWitness);
        return w.toByteArray();
    }

    public void write(ByteWriter w) {
        write(w, hasWitness);
    }

    public void write(ByteWriter w, boolean withWitness) {
        w.writeInt32LE(version);
        if (withWitness) {
            w.writeUInt8(0x00).writeUInt8(0x01);
        }
        w.writeCompactSize(inputs.size());
        for (TxIn in : inputs) {
            in.write(w);
        }
        w.writeCompactSize(outputs.size());
        for (TxOut out : outputs) {
            out.write(w);
        }
        if (withWitness) {
            for (TxIn in : inputs) {
                in.witness().write(w);
            }
        }
        w.writeUInt32LE(lockTime);
    }

    /** Parses exactly one transaction; bytes left over are an error. */
    public static Transaction fromBytes(byte[] bytes) {
        ByteReader r = new ByteReader(bytes);
        Transaction tx = read(r);
        r.expectEnd("transaction");
        return tx;
    }

    public static Transaction fromHex(String hex) {
        return fromBytes(Hex.decode(hex));
    }

    /**
     * Reads a transaction as Core's UnserializeTransaction does: an empty input list followed by a non-zero byte
     * marks the BIP-0144 form; flag bit 1 means witnesses follow the outputs; any other flag bit is an error, and
     * so is a witness flag when every witness is empty ("superfluous witness record").
     */
    public static Transaction read(ByteReader r) {
        int version = r.readInt32LE("transaction version");
        List<TxIn> inputs = readInputs(r);
        List<TxOut> outputs = List.of();
        int flags = 0;
        int flagsAt = r.position();
        if (inputs.isEmpty()) {
            // Either a dummy empty vector (BIP-0144 marker) or a genuinely empty input list.
            flags = r.readUInt8("witness flag");
            if (flags != 0) {
                inputs = readInputs(r);
                outputs = readOutputs(r);
            }
        } else {
            outputs = readOutputs(r);
        }
        if ((flags & 1) != 0) {
            flags ^= 1;
            boolean any = false;
            for (int i = 0; i < inputs.size(); i++) {
                Witness w = Witness.read(r);
                any |= !w.isEmpty();
                inputs.set(i, inputs.get(i).withWitnessOwned(w));
            }
            if (!any) {
                throw new DecodeException("superfluous witness record", flagsAt);
            }
        }
        if (flags != 0) {
            throw new DecodeException("unknown transaction optional data (flags " + flags + ")", flagsAt);
        }
        long lockTime = r.readUInt32LE("lock time");
        return new Transaction(version, inputs, outputs, lockTime);
    }

    private static List<TxIn> readInputs(ByteReader r) {
        int n = r.readCount(TxIn.MIN_SIZE, "input");
        List<TxIn> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(TxIn.read(r));
        }
        return list;
    }

    private static List<TxOut> readOutputs(ByteReader r) {
        int n = r.readCount(TxOut.MIN_SIZE, "output");
        List<TxOut> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(TxOut.read(r));
        }
        return list;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Transaction t && version == t.version && lockTime == t.lockTime
                && inputs.equals(t.inputs) && outputs.equals(t.outputs);
    }

    @Override
    public int hashCode() {
        return wtxid().hashCode();
    }

    @Override
    public String toString() {
        return "Transaction(" + txid() + ")";
    }
}
