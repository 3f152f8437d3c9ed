package org.minicoin.consensus.types;

import java.util.Arrays;
import org.minicoin.consensus.encoding.ByteReader;
import org.minicoin.consensus.encoding.ByteWriter;
import org.minicoin.consensus.encoding.Hex;

/** A transaction input: the outpoint it spends, its scriptSig, sequence number and witness. Immutable. */
public final class TxIn {
    /** Sequence of an input that opts out of lock time and relative lock time (0xffffffff). */
    public static final long SEQUENCE_FINAL = 0xffffffffL;
    /** Smallest serialized input: outpoint, empty script length, sequence. */
    static final int MIN_SIZE = OutPoint.SIZE + 1 + 4;

    private final OutPoint prevout;
    private final byte[] scriptSig;
    private final long sequence;
    private final Witness witness;

    public TxIn(OutPoint prevout, byte[] scriptSig, long sequence, Witness witness) {
        if (sequence < 0 || sequence > 0xffffffffL) {
            throw new IllegalArgumentException("sequence must be a uint32, got " + sequence);
        }
        this.prevout = prevout;
        this.scriptSig = scriptSig.clone();
        this.sequence = sequence;
        this.witness = witness;
    }

    public TxIn(OutPoint prevout, byte[] scriptSig, long sequence) {
        this(prevout, scriptSig, sequence, Witness.EMPTY);
    }

    public OutPoint prevout() {
        return prevout;
    }

    public byte[] scriptSig() {
        return scriptSig.clone();
    }

    public int scriptSigLength() {
        return scriptSig.length;
    }

    public long sequence() {
        return sequence;
    }

    public Witness witness() {
        return witness;
    }

    public TxIn withWitness(Witness w) {
        return new TxIn(prevout, scriptSig, sequence, w);
    }

    public TxIn withScriptSig(byte[] script) {
        return new TxIn(prevout, script, sequence, witness);
    }

    static TxIn read(ByteReader r) {
        OutPoint prevout = OutPoint.read(r);
        byte[] script = r.readVarBytes("scriptSig");
        long seq = r.readUInt32LE("input sequence");
        return new TxIn(prevout, script, seq, Witness.EMPTY, true);
    }

    private TxIn(OutPoint prevout, byte[] scriptSig, long sequence, Witness witness, boolean owned) {
        this.prevout = prevout;
        this.scriptSig = scriptSig;
        this.sequence = sequence;
        this.witness = witness;
    }

    TxIn withWitnessOwned(Witness w) {
        return new TxIn(prevout, scriptSig, sequence, w, true);
    }

    void write(ByteWriter w) {
        prevout.write(w);
        w.writeVarBytes(scriptSig);
        w.writeUInt32LE(sequence);
    }

    int serializedSize() {
        return OutPoint.SIZE + ByteWriter.compactSizeLength(scriptSig.length) + scriptSig.length + 4;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TxIn t && prevout.equals(t.prevout) && Arrays.equals(scriptSig, t.scriptSig)
                && sequence == t.sequence && witness.equals(t.witness);
    }

    @Override
    public int hashCode() {
        return prevout.hashCode() * 31 + Arrays.hashCode(scriptSig);
    }

    @Override
    public String toString() {
        return "TxIn(" + prevout + ", scriptSig=" + Hex.encode(scriptSig) + ", sequence=" + sequence + ")";
    }
}
