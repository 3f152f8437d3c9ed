package org.minicoin.node.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.minicoin.consensus.crypto.Hashes;
import org.minicoin.consensus.crypto.PrivateKey;
import org.minicoin.consensus.merkle.MerkleTree;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.pow.ProofOfWork;
import org.minicoin.consensus.script.SigHash;
import org.minicoin.consensus.script.SigVersion;
import org.minicoin.consensus.script.Scripts;
import org.minicoin.consensus.testing.ChainParamsFixtures;
import org.minicoin.consensus.testing.Verifiers;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.BlockHeader;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.types.OutPoint;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxIn;
import org.minicoin.consensus.types.TxOut;
import org.minicoin.consensus.types.Witness;
import org.minicoin.consensus.validation.BlockChecks;
import org.minicoin.consensus.validation.BlockContext;
import org.minicoin.consensus.validation.Subsidy;
import org.minicoin.node.ledger.ChainState;
import org.minicoin.node.store.RocksStore;

/**
 * A regtest chain on real RocksDB for node tests, with a clock the test controls, a key whose P2WPKH and P2PKH
 * outputs it can sign for, and a way to mine blocks with chosen transactions (coinbase, merkle root, witness
 * commitment, proof of work) the way a miner would. Blocks go through {@link ChainState#processBlock}.
 */
public final class RegtestChain implements AutoCloseable {
    public static final PrivateKey KEY = PrivateKey.fromBytes(Hashes.sha256("minicoin test key".getBytes(
            StandardCharsets.US_ASCII)));

    /** An unspent output the test can spend. */
    public record Utxo(OutPoint outpoint, TxOut output) {
    }

    public final ChainParams params = ChainParamsFixtures.regtest();
    public final RocksStore store;
    public final ChainState chain;
    /** Seconds; starts an hour after the regtest genesis block. Blocks are timed from it. */
    public final AtomicLong clock;
    private int tag;

    public RegtestChain(Path dir) {
        this.clock = new AtomicLong(params.genesis().header().time() + 3600);
        this.store = RocksStore.open(dir, 16 << 20);
        this.chain = ChainState.open(store, params, Verifiers.standard(), Runnable::run, clock::get, 64 << 20);
    }

    public static byte[] p2wpkh() {
        byte[] s = new byte[22];
        s[1] = 20;
        System.arraycopy(KEY.publicKey().hash160(), 0, s, 2, 20);
        return s;
    }

    public static byte[] p2pkh() {
        byte[] s = new byte[25];
        s[0] = 0x76;
        s[1] = (byte) 0xa9;
        s[2] = 20;
        System.arraycopy(KEY.publicKey().hash160(), 0, s, 3, 20);
        s[23] = (byte) 0x88;
        s[24] = (byte) 0xac;
        return s;
    }

    /**
     * Mines a block on the tip with {@code txs} after the coinbase, paying subsidy plus fees to P2WPKH of
     * {@link #KEY}, and processes it. {@code fees} is the sum the coinbase may add.
     */
    public Block mine(List<Transaction> txs, long fees) {
        Block block = build(chain.tip().hash(), chain.height() + 1, chain.tip().header().time(), txs, fees);
        chain.processBlock(block);
        return block;
    }

    /** Mines {@code n} empty blocks; returns their coinbase outputs. */
    public List<Utxo> mineEmpty(int n) {
        List<Utxo> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Block b = mine(List.of(), 0);
            Transaction cb = b.transactions().get(0);
            out.add(new Utxo(new OutPoint(cb.txid(), 0), cb.outputs().get(0)));
        }
        return out;
    }

    /** A block (not processed) on {@code parent}, for building side branches. */
    public Block build(Hash parent, int height, long parentTime, List<Transaction> txs, long fees) {
        long time = Math.max(parentTime + 1, clock.get());
        clock.set(Math.max(clock.get(), time));
        byte[] scriptSig = concat(BlockChecks.heightScript(height), Scripts.push(new byte[] {(byte) tag++,
                (byte) (tag >> 8)}));
        boolean witness = txs.stream().anyMatch(Transaction::hasWitness);
        List<TxOut> outs = new ArrayList<>();
        outs.add(new TxOut(Subsidy.blockSubsidy(height, params) + fees, p2wpkh()));
        TxIn cbIn = new TxIn(OutPoint.NULL, scriptSig, TxIn.SEQUENCE_FINAL);
        if (witness) {
            cbIn = cbIn.withWitness(Witness.of(new byte[32]));
        }
        List<Transaction> all = new ArrayList<>();
        all.add(null);
        all.addAll(txs);
        if (witness) {
            all.set(0, new Transaction(2, List.of(cbIn), outs, 0));
            byte[] root = MerkleTree.witnessRoot(all).root().toBytes();
            byte[] commitment = Hashes.sha256d(concat(root, new byte[32]));
            byte[] spk = concat(new byte[] {0x6a, 0x24, (byte) 0xaa, 0x21, (byte) 0xa9, (byte) 0xed}, commitment);
            outs.add(new TxOut(0, spk));
        }
        all.set(0, new Transaction(2, List.of(cbIn), outs, 0));
        BlockHeader h = new BlockHeader(0x20000000, parent, MerkleTree.blockRoot(all).root(), time,
                params.genesis().header().bits(), 0);
        while (!ProofOfWork.checkProofOfWork(h.hash(), h.bits(), params)) {
            h = h.withNonce(h.nonce() + 1);
        }
        return new Block(h, all);
    }

    /** A transaction spending {@code inputs} (P2WPKH or P2PKH of {@link #KEY}) to {@code outputs}, signed. */
    public static Transaction spend(List<Utxo> inputs, List<TxOut> outputs) {
        return spend(inputs, outputs, 2, 0, TxIn.SEQUENCE_FINAL - 1);
    }

    public static Transaction spend(List<Utxo> inputs, List<TxOut> outputs, int version, long lockTime,
                                    long sequence) {
        List<TxIn> ins = new ArrayList<>();
        for (Utxo u : inputs) {
            ins.add(new TxIn(u.outpoint(), new byte[0], sequence));
        }
        Transaction unsigned = new Transaction(version, ins, outputs, lockTime);
        SigHash.Precomputed pre = new SigHash.Precomputed(unsigned);
        byte[] pub = KEY.publicKey().encoded();
        List<TxIn> signed = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            TxOut prev = inputs.get(i).output();
            boolean segwit = prev.scriptPubKey()[0] == 0;
            byte[] scriptCode = p2pkh();
            Hash h = SigHash.hash(scriptCode, unsigned, i, SigHash.ALL, prev.value(),
                    segwit ? SigVersion.WITNESS_V0 : SigVersion.BASE, pre);
            byte[] sig = concat(KEY.sign(h.toBytes()), new byte[] {SigHash.ALL});
            signed.add(segwit ? ins.get(i).withWitness(Witness.of(sig, pub))
                    : ins.get(i).withScriptSig(concat(Scripts.push(sig), Scripts.push(pub))));
        }
        return new Transaction(version, signed, outputs, lockTime);
    }

    /** The output {@code index} of {@code tx} as something to spend. */
    public static Utxo utxo(Transaction tx, int index) {
        return new Utxo(new OutPoint(tx.txid(), index), tx.outputs().get(index));
    }

    /** The context of the next block. */
    public BlockContext next() {
        return chain.nextBlockContext();
    }

    public static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Override
    public void close() {
        chain.flush();
        store.close();
    }
}
