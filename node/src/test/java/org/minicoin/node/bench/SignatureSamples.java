package org.minicoin.node.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.minicoin.consensus.crypto.SignatureVerifier;
import org.minicoin.consensus.script.SigHash;
import org.minicoin.consensus.script.SigVersion;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.OutPoint;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxIn;
import org.minicoin.consensus.types.TxOut;

/**
 * The raw ECDSA checks inside a block's P2PKH and P2WPKH inputs: public key, DER signature and signature hash,
 * taken apart once so that the bound of the connect benchmark times the signature library and nothing else.
 */
final class SignatureSamples {
    /** One signature check: what {@link SignatureVerifier#verify} is given for one input. */
    record Sample(byte[] pubkey, byte[] der, byte[] hash) {
    }

    private SignatureSamples() {
    }

    /**
     * The checks of every input of {@code block}, each of which must spend a P2PKH or P2WPKH output of
     * {@code parent} with a SIGHASH_ALL signature, as the generated chain's spend blocks do.
     */
    static List<Sample> of(Block parent, Block block) {
        Map<OutPoint, TxOut> created = new HashMap<>();
        for (Transaction tx : parent.transactions()) {
            for (int o = 0; o < tx.outputs().size(); o++) {
                created.put(new OutPoint(tx.txid(), o), tx.outputs().get(o));
            }
        }
        List<Sample> samples = new ArrayList<>();
        for (Transaction tx : block.transactions().subList(1, block.transactions().size())) {
            SigHash.Precomputed pre = new SigHash.Precomputed(tx);
            for (int i = 0; i < tx.inputs().size(); i++) {
                TxIn in = tx.inputs().get(i);
                TxOut spent = created.get(in.prevout());
                if (spent == null) {
                    throw new IllegalArgumentException("input " + i + " of " + tx.txid() + " does not spend the "
                            + "parent block");
                }
                samples.add(sample(tx, i, in, spent, pre));
            }
        }
        return samples;
    }

    private static Sample sample(Transaction tx, int i, TxIn in, TxOut spent, SigHash.Precomputed pre) {
        byte[] spk = spent.scriptPubKey();
        byte[] sig;
        byte[] pub;
        byte[] hash;
        if (spk.length == 22 && spk[0] == 0x00 && spk[1] == 0x14) {
            sig = in.witness().get(0);
            pub = in.witness().get(1);
            byte[] scriptCode = BenchChain.concat(new byte[] {0x76, (byte) 0xa9, 0x14}, Arrays.copyOfRange(spk, 2,
                    22), new byte[] {(byte) 0x88, (byte) 0xac});
            hash = SigHash.hash(scriptCode, tx, i, SigHash.ALL, spent.value(), SigVersion.WITNESS_V0, pre).toBytes();
        } else {
            // <sig> <pubkey>, both direct pushes (a signature is at most 73 bytes, a key 33 or 65).
            byte[] s = in.scriptSig();
            int sigLen = s[0];
            sig = Arrays.copyOfRange(s, 1, 1 + sigLen);
            pub = Arrays.copyOfRange(s, 2 + sigLen, 2 + sigLen + s[1 + sigLen]);
            hash = SigHash.hash(spk, tx, i, SigHash.ALL, spent.value(), SigVersion.BASE, null).toBytes();
        }
        return new Sample(pub, Arrays.copyOf(sig, sig.length - 1), hash);
    }

    /** Verifies every sample once; false if any fails, which would make the bound meaningless. */
    static boolean allVerify(List<Sample> samples, SignatureVerifier verifier) {
        for (Sample s : samples) {
            if (!verifier.verify(s.pubkey(), s.der(), s.hash())) {
                return false;
            }
        }
        return true;
    }

    /** Raw verifies per second on the calling thread, cycling through {@code samples} for at least {@code nanos}. */
    static double verifiesPerSecond(List<Sample> samples, SignatureVerifier verifier, long nanos) {
        long count = 0;
        int failed = 0;
        long start = System.nanoTime();
        long end = start + nanos;
        long now;
        do {
            for (Sample s : samples) {
                if (!verifier.verify(s.pubkey(), s.der(), s.hash())) {
                    failed++; // counted, so the JIT cannot drop the call
                }
            }
            count += samples.size();
            now = System.nanoTime();
        } while (now < end);
        if (failed > 0) {
            throw new IllegalStateException(failed + " sample signatures failed to verify");
        }
        return count / ((now - start) / 1e9);
    }
}
