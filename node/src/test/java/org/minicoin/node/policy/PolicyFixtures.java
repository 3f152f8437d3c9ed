package org.minicoin.node.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.minicoin.consensus.crypto.Hashes;
import org.minicoin.consensus.script.Opcodes;
import org.minicoin.consensus.script.Scripts;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.types.OutPoint;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxIn;
import org.minicoin.consensus.types.TxOut;
import org.minicoin.consensus.types.Witness;
import org.minicoin.consensus.validation.Coin;
import org.minicoin.consensus.validation.TxValidationResult;
import org.minicoin.consensus.validation.ValidationException;

/** Scripts, inputs and transactions for the policy tests, built from bytes (no keys or signatures are needed). */
final class PolicyFixtures {
    /** A DER signature with its sighash byte is at most 72 bytes; Core's dust sizes assume that length. */
    static final byte[] SIG = filled(72, 0x30);
    static final byte[] COMPRESSED_KEY = key(33, 0x02);
    static final byte[] UNCOMPRESSED_KEY = key(65, 0x04);

    private PolicyFixtures() {
    }

    static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }

    /** Bytes that pass Core's CPubKey::ValidSize: the prefix, then the rest (the point is never checked). */
    static byte[] key(int length, int prefix) {
        byte[] k = filled(length, 0x11);
        k[0] = (byte) prefix;
        return k;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p, 0, p.length);
        }
        return out.toByteArray();
    }

    static byte[] ops(int... opcodes) {
        byte[] b = new byte[opcodes.length];
        for (int i = 0; i < opcodes.length; i++) {
            b[i] = (byte) opcodes[i];
        }
        return b;
    }

    static byte[] p2pkh(byte[] hash20) {
        return concat(ops(Opcodes.OP_DUP, Opcodes.OP_HASH160), Scripts.push(hash20),
                ops(Opcodes.OP_EQUALVERIFY, Opcodes.OP_CHECKSIG));
    }

    static byte[] p2pkh() {
        return p2pkh(Hashes.hash160(COMPRESSED_KEY));
    }

    static byte[] p2sh(byte[] redeemScript) {
        return concat(ops(Opcodes.OP_HASH160), Scripts.push(Hashes.hash160(redeemScript)), ops(Opcodes.OP_EQUAL));
    }

    static byte[] p2pk(byte[] key) {
        return concat(Scripts.push(key), ops(Opcodes.OP_CHECKSIG));
    }

    static byte[] witnessProgram(int version, byte[] program) {
        return concat(ops(Opcodes.encodeSmallInt(version)), Scripts.push(program));
    }

    static byte[] p2wpkh() {
        return witnessProgram(0, Hashes.hash160(COMPRESSED_KEY));
    }

    static byte[] p2wsh(byte[] witnessScript) {
        return witnessProgram(0, Hashes.sha256(witnessScript));
    }

    static byte[] p2tr() {
        return witnessProgram(1, filled(32, 0x79));
    }

    static byte[] anchor() {
        return witnessProgram(1, new byte[] {0x4e, 0x73});
    }

    /** {@code m <keys> n OP_CHECKMULTISIG} with m and n as OP_m / OP_n. */
    static byte[] multisig(int m, byte[]... keys) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Opcodes.encodeSmallInt(m));
        for (byte[] k : keys) {
            byte[] push = Scripts.push(k);
            out.write(push, 0, push.length);
        }
        out.write(Opcodes.encodeSmallInt(keys.length));
        out.write(Opcodes.OP_CHECKMULTISIG);
        return out.toByteArray();
    }

    static byte[][] compressedKeys(int n) {
        byte[][] keys = new byte[n][];
        for (int i = 0; i < n; i++) {
            keys[i] = key(33, 0x02 + (i & 1));
            keys[i][1] = (byte) i;
        }
        return keys;
    }

    /** OP_RETURN followed by one push of {@code dataLength} bytes. */
    static byte[] opReturn(int dataLength) {
        return concat(ops(Opcodes.OP_RETURN), Scripts.push(filled(dataLength, 0x42)));
    }

    /** A scriptSig as a P2PKH spend has it: signature and compressed key, 107 bytes. */
    static byte[] p2pkhScriptSig() {
        return concat(Scripts.push(SIG), Scripts.push(COMPRESSED_KEY));
    }

    static OutPoint outpoint(int n) {
        byte[] h = new byte[32];
        h[0] = (byte) n;
        h[1] = (byte) (n >>> 8);
        h[31] = 1;
        return new OutPoint(Hash.wrap(h), n);
    }

    static TxIn input(int n, byte[] scriptSig, Witness witness) {
        return new TxIn(outpoint(n), scriptSig, TxIn.SEQUENCE_FINAL, witness);
    }

    static Transaction tx(int version, List<TxIn> inputs, List<TxOut> outputs) {
        return new Transaction(version, inputs, outputs, 0);
    }

    /** A standard version 2 transaction: one P2PKH input paying the given outputs. */
    static Transaction paying(TxOut... outputs) {
        return tx(2, List.of(input(0, p2pkhScriptSig(), Witness.EMPTY)), List.of(outputs));
    }

    static TxOut out(long value, byte[] script) {
        return new TxOut(value, script);
    }

    static Coin coin(byte[] scriptPubKey) {
        return new Coin(new TxOut(100_000, scriptPubKey), 1, false);
    }

    /** A transaction with one input carrying this scriptSig and witness, paying one P2WPKH output. */
    static Transaction spending(byte[] scriptSig, Witness witness) {
        return tx(2, List.of(input(0, scriptSig, witness)), List.of(out(90_000, p2wpkh())));
    }

    static Witness witness(byte[]... items) {
        return Witness.of(items);
    }

    static List<byte[]> items(int count, int size) {
        List<byte[]> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(filled(size, 0x01));
        }
        return list;
    }

    /** Asserts that {@code call} throws a ValidationException with this code and result kind; returns it. */
    static ValidationException rejects(ThrowingCallable call, TxValidationResult kind, String code) {
        ValidationException[] caught = new ValidationException[1];
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class, e -> caught[0] = e);
        assertThat(caught[0].code()).isEqualTo(code);
        assertThat(caught[0].result()).isEqualTo(kind);
        return caught[0];
    }
}
