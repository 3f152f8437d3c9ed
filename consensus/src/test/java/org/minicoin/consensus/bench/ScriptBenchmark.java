package org.minicoin.consensus.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.minicoin.consensus.crypto.BouncyCastleSignatureVerifier;
import org.minicoin.consensus.crypto.Hashes;
import org.minicoin.consensus.crypto.PrivateKey;
import org.minicoin.consensus.script.Interpreter;
import org.minicoin.consensus.script.ScriptError;
import org.minicoin.consensus.script.Scripts;
import org.minicoin.consensus.script.SigHash;
import org.minicoin.consensus.script.SigVersion;
import org.minicoin.consensus.script.TransactionSignatureChecker;
import org.minicoin.consensus.script.VerifyFlags;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.types.OutPoint;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxIn;
import org.minicoin.consensus.types.TxOut;
import org.minicoin.consensus.types.Witness;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Full script verification of one signed input (P2PKH and P2WPKH, with block-level flags) against the bound of a
 * raw ECDSA verify of the same signature by the same library: the ratio is the interpreter's overhead.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ScriptBenchmark {
    private static final int FLAGS = VerifyFlags.P2SH | VerifyFlags.WITNESS | VerifyFlags.DERSIG
            | VerifyFlags.CHECKLOCKTIMEVERIFY | VerifyFlags.CHECKSEQUENCEVERIFY | VerifyFlags.NULLDUMMY;
    private static final long AMOUNT = 50_000L;

    private Spend p2pkh;
    private Spend p2wpkh;
    private byte[] rawPubKey;
    private byte[] rawSig;
    private byte[] rawHash;

    /** A signed one-input transaction and the output it spends. */
    record Spend(Transaction tx, byte[] scriptPubKey) {
        boolean verify() {
            TxIn in = tx.inputs().get(0);
            TransactionSignatureChecker checker = new TransactionSignatureChecker(tx, 0, AMOUNT,
                    new SigHash.Precomputed(tx), BouncyCastleSignatureVerifier.INSTANCE);
            return Interpreter.verify(in.scriptSig(), scriptPubKey, in.witness(), FLAGS, checker) == ScriptError.OK;
        }
    }

    @Setup
    public void setup() {
        PrivateKey key = PrivateKey.fromBytes(Hashes.sha256(new byte[] {42}));
        byte[] pub = key.publicKey().encoded();
        byte[] hash160 = key.publicKey().hash160();
        OutPoint prev = new OutPoint(Hash.sha256d(new byte[] {1}), 0);
        List<TxOut> outs = List.of(new TxOut(AMOUNT - 1000, new byte[] {0x00, 0x14, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
                11, 12, 13, 14, 15, 16, 17, 18, 19, 20}));

        byte[] p2pkhScript = concat(new byte[] {0x76, (byte) 0xa9, 0x14}, hash160, new byte[] {(byte) 0x88,
                (byte) 0xac});
        Transaction unsigned = new Transaction(2, List.of(new TxIn(prev, new byte[0], 0xfffffffeL)), outs, 0);
        byte[] sig = signature(key, SigHash.hash(p2pkhScript, unsigned, 0, SigHash.ALL, AMOUNT, SigVersion.BASE,
                null).toBytes());
        byte[] scriptSig = concat(Scripts.push(sig), Scripts.push(pub));
        p2pkh = new Spend(new Transaction(2, List.of(new TxIn(prev, scriptSig, 0xfffffffeL)), outs, 0),
                p2pkhScript);

        byte[] p2wpkhScript = concat(new byte[] {0x00, 0x14}, hash160);
        byte[] wsig = signature(key, SigHash.hash(p2pkhScript, unsigned, 0, SigHash.ALL, AMOUNT,
                SigVersion.WITNESS_V0, null).toBytes());
        p2wpkh = new Spend(new Transaction(2, List.of(new TxIn(prev, new byte[0], 0xfffffffeL, Witness.of(wsig,
                pub))), outs, 0), p2wpkhScript);

        if (!p2pkh.verify() || !p2wpkh.verify()) {
            throw new IllegalStateException("benchmark spends do not verify");
        }
        rawPubKey = pub;
        rawHash = SigHash.hash(p2pkhScript, unsigned, 0, SigHash.ALL, AMOUNT, SigVersion.BASE, null).toBytes();
        rawSig = java.util.Arrays.copyOf(sig, sig.length - 1);
    }

    private static byte[] signature(PrivateKey key, byte[] sighash) {
        byte[] der = key.sign(sighash);
        byte[] out = java.util.Arrays.copyOf(der, der.length + 1);
        out[der.length] = SigHash.ALL;
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Benchmark
    public boolean p2pkhInput() {
        return p2pkh.verify();
    }

    @Benchmark
    public boolean p2wpkhInput() {
        return p2wpkh.verify();
    }

    /** The bound: Bouncy Castle verifying the same signature, with nothing around it. */
    @Benchmark
    public boolean rawEcdsaVerify() {
        return BouncyCastleSignatureVerifier.INSTANCE.verify(rawPubKey, rawSig, rawHash);
    }
}
