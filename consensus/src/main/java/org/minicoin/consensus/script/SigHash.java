package org.minicoin.consensus.script;

import org.minicoin.consensus.crypto.Hashes;
import org.minicoin.consensus.encoding.ByteWriter;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxIn;
import org.minicoin.consensus.types.TxOut;

/**
 * The message a signature commits to: the legacy algorithm (with all of Satoshi's quirks, since old signatures
 * depend on them) and BIP-0143's for witness v0, as Core's SignatureHash.
 */
public final class SigHash {
    public static final int ALL = 1;
    public static final int NONE = 2;
    public static final int SINGLE = 3;
    public static final int ANYONECANPAY = 0x80;

    /**
     * Legacy SIGHASH_SINGLE with no matching output "signs" the number one instead of failing: a historical bug
     * that consensus keeps, so anyone can spend such an input with a signature over this constant.
     */
    private static final byte[] ONE = new byte[32];

    static {
        ONE[0] = 1;
    }

    private SigHash() {
    }

    /** The signature hash of input {@code inIndex} of {@code tx} (Core's SignatureHash). */
    public static Hash hash(byte[] scriptCode, Transaction tx, int inIndex, int hashType, long amount,
                            SigVersion sigVersion, Precomputed pre) {
        if (sigVersion == SigVersion.WITNESS_V0) {
            return Hash.wrap(witnessV0(scriptCode, tx, inIndex, hashType, amount,
                    pre != null ? pre : new Precomputed(tx)));
        }
        return Hash.wrap(legacy(scriptCode, tx, inIndex, hashType));
    }

    static byte[] legacy(byte[] scriptCode, Transaction tx, int inIndex, int hashType) {
        boolean anyoneCanPay = (hashType & ANYONECANPAY) != 0;
        boolean single = (hashType & 0x1f) == SINGLE;
        boolean none = (hashType & 0x1f) == NONE;
        if (single && inIndex >= tx.outputs().size()) {
            return ONE.clone();
        }
        ByteWriter w = new ByteWriter(256 + scriptCode.length);
        w.writeInt32LE(tx.version());
        int inputs = anyoneCanPay ? 1 : tx.inputs().size();
        w.writeCompactSize(inputs);
        for (int i = 0; i < inputs; i++) {
            int input = anyoneCanPay ? inIndex : i;
            TxIn in = tx.inputs().get(input);
            in.prevout().write(w);
            if (input != inIndex) {
                w.writeCompactSize(0); // other inputs' scripts are blanked
            } else {
                writeScriptCodeWithoutSeparators(w, scriptCode);
            }
            // With NONE or SINGLE, other inputs' sequences are not signed: their owners may update them.
            w.writeUInt32LE(input != inIndex && (single || none) ? 0 : in.sequence());
        }
        int outputs = none ? 0 : single ? inIndex + 1 : tx.outputs().size();
        w.writeCompactSize(outputs);
        for (int o = 0; o < outputs; o++) {
            if (single && o != inIndex) {
                // Core's CTxOut(): value -1 and an empty script.
                w.writeInt64LE(-1).writeCompactSize(0);
            } else {
                tx.outputs().get(o).write(w);
            }
        }
        w.writeUInt32LE(tx.lockTime());
        w.writeInt32LE(hashType);
        return Hashes.sha256d(w.toByteArray());
    }

    /**
     * Core's SerializeScriptCode: the scriptCode with every OP_CODESEPARATOR removed. The length prefix is the
     * script's length less the separators found; if a truncated push ends the script, Core writes only up to where
     * its parser stopped, so the prefix then overstates the bytes that follow. Old signatures hash exactly that.
     */
    private static void writeScriptCodeWithoutSeparators(ByteWriter w, byte[] script) {
        int separators = 0;
        ScriptParser p = new ScriptParser(script);
        while (p.next()) {
            if (p.opcode() == Opcodes.OP_CODESEPARATOR) {
                separators++;
            }
        }
        w.writeCompactSize(script.length - separators);
        int begin = 0;
        p = new ScriptParser(script);
        while (p.next()) {
            if (p.opcode() == Opcodes.OP_CODESEPARATOR) {
                w.writeBytes(script, begin, p.position() - begin - 1);
                begin = p.position();
            }
        }
        if (begin != script.length) {
            w.writeBytes(script, begin, p.position() - begin);
        }
    }

    static byte[] witnessV0(byte[] scriptCode, Transaction tx, int inIndex, int hashType, long amount,
                            Precomputed pre) {
        int base = hashType & 0x1f;
        boolean anyoneCanPay = (hashType & ANYONECANPAY) != 0;
        byte[] zero = new byte[32];
        byte[] hashPrevouts = anyoneCanPay ? zero : pre.hashPrevouts();
        byte[] hashSequence = anyoneCanPay || base == SINGLE || base == NONE ? zero : pre.hashSequence();
        byte[] hashOutputs;
        if (base != SINGLE && base != NONE) {
            hashOutputs = pre.hashOutputs();
        } else if (base == SINGLE && inIndex < tx.outputs().size()) {
            ByteWriter one = new ByteWriter(64);
            tx.outputs().get(inIndex).write(one);
            hashOutputs = Hashes.sha256d(one.toByteArray());
        } else {
            hashOutputs = zero;
        }
        TxIn in = tx.inputs().get(inIndex);
        ByteWriter w = new ByteWriter(160 + scriptCode.length);
        w.writeInt32LE(tx.version());
        w.writeBytes(hashPrevouts);
        w.writeBytes(hashSequence);
        in.prevout().write(w);
        w.writeVarBytes(scriptCode);
        w.writeInt64LE(amount);
        w.writeUInt32LE(in.sequence());
        w.writeBytes(hashOutputs);
        w.writeUInt32LE(tx.lockTime());
        w.writeInt32LE(hashType);
        return Hashes.sha256d(w.toByteArray());
    }

    /**
     * BIP-0143's per-transaction hashes, computed once and shared by all inputs: without them, signing hashes
     * grow quadratically with the number of inputs. Thread-safe (idempotent lazy fields).
     */
    public static final class Precomputed {
        private final Transaction tx;
        private volatile byte[] hashPrevouts;
        private volatile byte[] hashSequence;
        private volatile byte[] hashOutputs;

        public Precomputed(Transaction tx) {
            this.tx = tx;
        }

        byte[] hashPrevouts() {
            byte[] h = hashPrevouts;
            if (h == null) {
                ByteWriter w = new ByteWriter(36 * tx.inputs().size());
                for (TxIn in : tx.inputs()) {
                    in.prevout().write(w);
                }
                h = Hashes.sha256d(w.toByteArray());
                hashPrevouts = h;
            }
            return h;
        }

        byte[] hashSequence() {
            byte[] h = hashSequence;
            if (h == null) {
                ByteWriter w = new ByteWriter(4 * tx.inputs().size());
                for (TxIn in : tx.inputs()) {
                    w.writeUInt32LE(in.sequence());
                }
                h = Hashes.sha256d(w.toByteArray());
                hashSequence = h;
            }
            return h;
        }

        byte[] hashOutputs() {
            byte[] h = hashOutputs;
            if (h == null) {
                ByteWriter w = new ByteWriter(40 * tx.outputs().size());
                for (TxOut out : tx.outputs()) {
                    out.write(w);
                }
                h = Hashes.sha256d(w.toByteArray());
                hashOutputs = h;
            }
            return h;
        }
    }
}
