package org.minicoin.node.mining;

import java.util.ArrayList;
import java.util.List;
import org.minicoin.consensus.crypto.PrivateKey;
import org.minicoin.consensus.script.Opcodes;
import org.minicoin.consensus.script.SigHash;
import org.minicoin.consensus.script.SigVersion;
import org.minicoin.consensus.script.VerifyFlags;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.types.OutPoint;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxIn;
import org.minicoin.consensus.types.TxOut;
import org.minicoin.consensus.types.Witness;
import org.minicoin.consensus.validation.Coin;
import org.minicoin.consensus.validation.TransactionChecks;

/** A test key that receives to P2WPKH and signs BIP-0143 spends with consensus PrivateKey and SigHash. */
final class P2wpkhKey {
    private final PrivateKey key;

    P2wpkhKey(int seed) {
        byte[] secret = new byte[32];
        secret[31] = (byte) seed;
        secret[0] = 0x42;
        this.key = PrivateKey.fromBytes(secret);
    }

    /** OP_0 &lt;20-byte key hash&gt;. */
    byte[] scriptPubKey() {
        byte[] h = key.publicKey().hash160();
        byte[] spk = new byte[22];
        spk[0] = 0x00;
        spk[1] = 0x14;
        System.arraycopy(h, 0, spk, 2, 20);
        return spk;
    }

    /**
     * A transaction spending {@code prevout} (worth {@code amount}, locked to this key) into {@code outputs}
     * outputs of {@code each} satoshis to this key, signed SIGHASH_ALL.
     */
    Transaction spend(OutPoint prevout, long amount, int outputs, long each, long lockTime, long sequence) {
        List<TxOut> outs = new ArrayList<>();
        for (int i = 0; i < outputs; i++) {
            outs.add(new TxOut(each, scriptPubKey()));
        }
        TxIn in = new TxIn(prevout, new byte[0], sequence);
        Transaction unsigned = new Transaction(2, List.of(in), outs, lockTime);
        Hash sighash = SigHash.hash(scriptCode(), unsigned, 0, SigHash.ALL, amount, SigVersion.WITNESS_V0, null);
        byte[] der = key.sign(sighash.toBytes());
        byte[] sig = java.util.Arrays.copyOf(der, der.length + 1);
        sig[der.length] = SigHash.ALL;
        Witness w = Witness.of(sig, key.publicKey().serializeCompressed());
        return new Transaction(2, List.of(in.withWitness(w)), outs, lockTime);
    }

    /** The candidate for a spend of one coin of this key, its sigop cost counted as consensus counts it. */
    CandidateTx candidate(Transaction tx, long amountIn, int coinHeight, boolean coinbase, List<Hash> parents) {
        long out = 0;
        for (TxOut o : tx.outputs()) {
            out += o.value();
        }
        Coin spent = new Coin(new TxOut(amountIn, scriptPubKey()), coinHeight, coinbase);
        long sigOps = TransactionChecks.sigOpCost(tx, List.of(spent), VerifyFlags.P2SH | VerifyFlags.WITNESS);
        return new CandidateTx(tx, amountIn - out, sigOps, parents);
    }

    /** BIP-0143's script code for P2WPKH: the P2PKH script of the key hash. */
    private byte[] scriptCode() {
        byte[] h = key.publicKey().hash160();
        byte[] s = new byte[25];
        s[0] = (byte) Opcodes.OP_DUP;
        s[1] = (byte) Opcodes.OP_HASH160;
        s[2] = 0x14;
        System.arraycopy(h, 0, s, 3, 20);
        s[23] = (byte) Opcodes.OP_EQUALVERIFY;
        s[24] = (byte) Opcodes.OP_CHECKSIG;
        return s;
    }
}
