package org.minicoin.consensus.types;

import java.util.Arrays;
import org.minicoin.consensus.encoding.ByteReader;
import org.minicoin.consensus.encoding.ByteWriter;
import org.minicoin.consensus.encoding.Hex;

/**
 * A transaction output: a value in satoshis and the scriptPubKey that locks it. The value is kept as serialized
 * (a signed 64-bit integer) even when out of range: rejecting it is validation's job ({@code bad-txns-vout-negative},
 * {@code bad-txns-vout-toolarge}), and an invalid transaction must still round-trip byte for byte.
 */
public final class TxOut {
    /** Smallest serialized output: value and an empty script length. */
    static final int MIN_SIZE = 8 + 1;

    private final long value;
    private final byte[] scriptPubKey;

    public TxOut(long value, byte[] scriptPubKey) {
        this(value, scriptPubKey.clone(), true);
    }

    public TxOut(Amount value, byte[] scriptPubKey) {
        this(value.sats(), scriptPubKey);
    }

    private TxOut(long value, byte[] scriptPubKey, boolean owned) {
        this.value = value;
        this.scriptPubKey = scriptPubKey;
    }

    public long value() {
        return value;
    }

    public byte[] scriptPubKey() {
        return scriptPubKey.clone();
    }

    public int scriptPubKeyLength() {
        return scriptPubKey.length;
    }

    static TxOut read(ByteReader r) {
        long value = r.readInt64LE("output value");
        return new TxOut(value, r.readVarBytes("scriptPubKey"), true);
    }

    public void write(ByteWriter w) {
        w.writeInt64LE(value);
        w.writeVarBytes(scriptPubKey);
    }

    int serializedSize() {
        return 8 + ByteWriter.compactSizeLength(scriptPubKey.length) + scriptPubKey.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TxOut t && value == t.value && Arrays.equals(scriptPubKey, t.scriptPubKey);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value) * 31 + Arrays.hashCode(scriptPubKey);
    }

    @Override
    public String toString() {
        return "TxOut(" + value + " sat, " + Hex.encode(scriptPubKey) + ")";
    }
}
