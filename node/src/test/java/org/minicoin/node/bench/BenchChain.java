package org.minicoin.node.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.minicoin.consensus.crypto.Hashes;
import org.minicoin.consensus.crypto.PrivateKey;
import org.minicoin.consensus.encoding.LittleEndian;
import org.minicoin.consensus.merkle.MerkleTree;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.pow.ProofOfWork;
import org.minicoin.consensus.script.Scripts;
import org.minicoin.consensus.script.SigHash;
import org.minicoin.consensus.script.SigVersion;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.BlockHeader;
import org.minicoin.consensus.types.OutPoint;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxIn;
import org.minicoin.consensus.types.TxOut;
import org.minicoin.consensus.types.Witness;
import org.minicoin.consensus.validation.BlockChecks;
import org.minicoin.consensus.validation.Subsidy;

/**
 * Generates the regtest chain the connect benchmark imports, and saves it as a blk*.dat-style file so that the
 * (slow, signing) generation is done once and never timed.
 *
 * <p>Shape: block 1's coinbase pays a P2WPKH key; blocks 2-100 are empty, so that coinbase matures; block 101
 * fans it out into {@code lanes} outputs, alternately P2WPKH and P2PKH. Each of the {@code spendBlocks} blocks
 * after that spends every lane's output once and pays it on to a new output of the other kind and the next key:
 * one pair of lanes in four as a two-input, two-output transaction, the others as two one-input, one-output
 * transactions. So every spend block holds {@code lanes} signed inputs, half of each kind, in about
 * {@code 7/8 * lanes} transactions. Fees are zero (consensus allows it); the coinbases pay OP_TRUE.
 */
final class BenchChain {
    /** Bump when the shape changes, so that an old saved file is not reused. */
    private static final int FORMAT = 1;
    private static final int KEYS = 16;
    private static final byte[] OP_TRUE = {0x51};
    /** The coinbase's BIP-0141 witness reserved value. */
    private static final byte[] RESERVED = new byte[32];

    private final ChainParams params;
    private final int lanes;
    private final int spendBlocks;
    private final long firstTime;
    private final PrivateKey[] keys = new PrivateKey[KEYS];
    private final byte[][] pubkeys = new byte[KEYS][];
    private final byte[][] hash160s = new byte[KEYS][];

    /** One unspent output the next spend block will spend. */
    private record Lane(OutPoint outpoint, long value, int key, boolean witness) {
    }

    /**
     * @param lanes       signed inputs per spend block (even)
     * @param spendBlocks blocks of spends after the fan-out
     */
    BenchChain(ChainParams params, int lanes, int spendBlocks) {
        this(params, lanes, spendBlocks, 0);
    }

    /**
     * A chain whose first block is timed {@code firstTime} (seconds), 0 for ten minutes after genesis. A chain
     * timed to end near now keeps nodes out of initial block download, where they announce no blocks (as Core).
     */
    BenchChain(ChainParams params, int lanes, int spendBlocks, long firstTime) {
        this.firstTime = firstTime;
        if (lanes < 2 || lanes % 2 != 0 || spendBlocks < 1) {
            throw new IllegalArgumentException("lanes must be even and at least 2, spendBlocks at least 1");
        }
        this.params = params;
        this.lanes = lanes;
        this.spendBlocks = spendBlocks;
        for (int k = 0; k < KEYS; k++) {
            keys[k] = PrivateKey.fromBytes(Hashes.sha256(("minicoin bench key " + k)
                    .getBytes(StandardCharsets.US_ASCII)));
            pubkeys[k] = keys[k].publicKey().encoded();
            hash160s[k] = keys[k].publicKey().hash160();
        }
    }

    /** A first-block time that makes the chain's tip about an hour old now (whole hours, so saved chains are reused). */
    static long recentFirstTime(int tipHeight) {
        long start = System.currentTimeMillis() / 1000 - 3600 - (long) tipHeight * 600;
        return start - start % 3600;
    }

    /** Height of the last block: 100 maturing blocks, the fan-out, the spend blocks. */
    int tipHeight() {
        return 101 + spendBlocks;
    }

    /** Signed inputs in the whole chain: the fan-out's one and {@code lanes} per spend block. */
    long signedInputs() {
        return 1 + (long) lanes * spendBlocks;
    }

    /** The saved chain in {@code dir}, generated and written first if it is not there yet. */
    Path ensureSaved(Path dir) throws IOException {
        Path file = dir.resolve("bench-chain-v" + FORMAT + "-" + params.name() + "-" + lanes + "x" + spendBlocks
                + (firstTime == 0 ? "" : "-t" + firstTime) + ".dat");
        if (Files.exists(file)) {
            return file;
        }
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "bench-chain", ".tmp");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
            generate(block -> write(out, block));
        }
        // A run killed while writing leaves a temp file, never a truncated chain under the final name.
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    private void write(OutputStream out, Block block) throws IOException {
        byte[] body = block.serialize();
        byte[] head = new byte[8];
        System.arraycopy(params.magicBytes(), 0, head, 0, 4);
        LittleEndian.putInt32(head, 4, body.length);
        out.write(head);
        out.write(body);
    }

    /** Receives each generated block in order. */
    interface BlockSink {
        void accept(Block block) throws IOException;
    }

    /** Generates the chain, handing each block to {@code sink} as soon as it is mined. */
    void generate(BlockSink sink) throws IOException {
        Block parent = params.genesis();
        Transaction funding = null;
        for (int h = 1; h <= 100; h++) {
            byte[] payTo = h == 1 ? p2wpkh(0) : OP_TRUE;
            parent = mine(parent, h, List.of(), payTo);
            if (h == 1) {
                funding = parent.transactions().get(0);
            }
            sink.accept(parent);
        }
        List<Lane> current = new ArrayList<>(lanes);
        Transaction fanOut = fanOut(funding, current);
        parent = mine(parent, 101, List.of(fanOut), OP_TRUE);
        sink.accept(parent);
        for (int h = 102; h <= tipHeight(); h++) {
            List<Lane> next = new ArrayList<>(lanes);
            parent = mine(parent, h, spendAll(current, next), OP_TRUE);
            sink.accept(parent);
            current = next;
        }
    }

    /** Spends block 1's coinbase into one output per lane; adds the lanes to {@code created}. */
    private Transaction fanOut(Transaction coinbase, List<Lane> created) {
        long total = coinbase.outputs().get(0).value();
        long each = total / lanes;
        List<TxOut> outs = new ArrayList<>(lanes);
        for (int i = 0; i < lanes; i++) {
            outs.add(new TxOut(each, script(i % KEYS, i % 2 == 0)));
        }
        Lane funding = new Lane(new OutPoint(coinbase.txid(), 0), total, 0, true);
        Transaction tx = sign(List.of(funding), outs);
        for (int i = 0; i < lanes; i++) {
            created.add(new Lane(new OutPoint(tx.txid(), i), each, i % KEYS, i % 2 == 0));
        }
        return tx;
    }

    /**
     * One block's transactions spending every lane in {@code current} once; the lanes they create are added to
     * {@code next} in the same order. Signing dominates generation, so pairs of lanes are signed in parallel.
     */
    private List<Transaction> spendAll(List<Lane> current, List<Lane> next) {
        List<List<Transaction>> perPair = IntStream.range(0, lanes / 2).parallel()
                .mapToObj(p -> spendPair(p, current.get(2 * p), current.get(2 * p + 1)))
                .toList();
        List<Transaction> txs = new ArrayList<>();
        for (List<Transaction> pair : perPair) {
            for (Transaction tx : pair) {
                txs.add(tx);
                for (int o = 0; o < tx.outputs().size(); o++) {
                    Lane spent = current.get(next.size());
                    next.add(new Lane(new OutPoint(tx.txid(), o), spent.value(), (spent.key() + 1) % KEYS,
                            !spent.witness()));
                }
            }
        }
        return txs;
    }

    private List<Transaction> spendPair(int pair, Lane a, Lane b) {
        TxOut outA = new TxOut(a.value(), script((a.key() + 1) % KEYS, !a.witness()));
        TxOut outB = new TxOut(b.value(), script((b.key() + 1) % KEYS, !b.witness()));
        if (pair % 4 == 0) {
            return List.of(sign(List.of(a, b), List.of(outA, outB)));
        }
        return List.of(sign(List.of(a), List.of(outA)), sign(List.of(b), List.of(outB)));
    }

    /** A version-2 transaction spending {@code spent}, each input signed SIGHASH_ALL by its lane's key. */
    private Transaction sign(List<Lane> spent, List<TxOut> outs) {
        List<TxIn> unsignedIns = new ArrayList<>();
        for (Lane l : spent) {
            unsignedIns.add(new TxIn(l.outpoint(), new byte[0], TxIn.SEQUENCE_FINAL));
        }
        Transaction unsigned = new Transaction(2, unsignedIns, outs, 0);
        SigHash.Precomputed pre = new SigHash.Precomputed(unsigned);
        List<TxIn> ins = new ArrayList<>();
        for (int i = 0; i < spent.size(); i++) {
            Lane l = spent.get(i);
            // For P2WPKH the script code is the P2PKH script of the key hash (BIP-0143).
            byte[] scriptCode = p2pkh(l.key());
            SigVersion version = l.witness() ? SigVersion.WITNESS_V0 : SigVersion.BASE;
            byte[] hash = SigHash.hash(scriptCode, unsigned, i, SigHash.ALL, l.value(), version, pre).toBytes();
            byte[] der = keys[l.key()].sign(hash);
            byte[] sig = java.util.Arrays.copyOf(der, der.length + 1);
            sig[der.length] = SigHash.ALL;
            byte[] pub = pubkeys[l.key()];
            ins.add(l.witness()
                    ? new TxIn(l.outpoint(), new byte[0], TxIn.SEQUENCE_FINAL, Witness.of(sig, pub))
                    : new TxIn(l.outpoint(), concat(Scripts.push(sig), Scripts.push(pub)), TxIn.SEQUENCE_FINAL));
        }
        return new Transaction(2, ins, outs, 0);
    }

    /**
     * A block on {@code parent} at {@code height} holding a coinbase (subsidy to {@code payTo}, BIP-0034 height,
     * and a BIP-0141 witness commitment when any transaction has a witness) and {@code txs}. Regtest's target is
     * met by about every second nonce.
     */
    private Block mine(Block parent, int height, List<Transaction> txs, byte[] payTo) {
        boolean witness = txs.stream().anyMatch(Transaction::hasWitness);
        byte[] scriptSig = concat(BlockChecks.heightScript(height), Scripts.push("minicoin bench".getBytes(
                StandardCharsets.US_ASCII)));
        TxIn cbIn = witness
                ? new TxIn(OutPoint.NULL, scriptSig, TxIn.SEQUENCE_FINAL, Witness.of(RESERVED))
                : new TxIn(OutPoint.NULL, scriptSig, TxIn.SEQUENCE_FINAL);
        List<TxOut> cbOuts = new ArrayList<>();
        cbOuts.add(new TxOut(Subsidy.blockSubsidy(height, params), payTo));
        List<Transaction> all = new ArrayList<>();
        all.add(null); // the coinbase, once its commitment is known
        all.addAll(txs);
        if (witness) {
            all.set(0, new Transaction(1, List.of(cbIn), cbOuts, 0));
            byte[] root = MerkleTree.witnessRoot(all).root().toBytes();
            cbOuts.add(new TxOut(0, concat(new byte[] {0x6a, 0x24, (byte) 0xaa, 0x21, (byte) 0xa9, (byte) 0xed},
                    Hashes.sha256d(root, RESERVED))));
        }
        all.set(0, new Transaction(1, List.of(cbIn), cbOuts, 0));
        BlockHeader h = new BlockHeader(0x20000000, parent.hash(), MerkleTree.blockRoot(all).root(),
                height == 1 && firstTime != 0 ? firstTime : parent.header().time() + 600,
                params.genesis().header().bits(), 0);
        while (!ProofOfWork.checkProofOfWork(h.hash(), h.bits(), params)) {
            h = h.withNonce(h.nonce() + 1);
        }
        return new Block(h, all);
    }

    private byte[] script(int key, boolean witness) {
        return witness ? p2wpkh(key) : p2pkh(key);
    }

    private byte[] p2wpkh(int key) {
        return concat(new byte[] {0x00, 0x14}, hash160s[key]);
    }

    /** OP_DUP OP_HASH160 <20> OP_EQUALVERIFY OP_CHECKSIG. */
    private byte[] p2pkh(int key) {
        return concat(new byte[] {0x76, (byte) 0xa9, 0x14}, hash160s[key], new byte[] {(byte) 0x88, (byte) 0xac});
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int pos = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, pos, p.length);
            pos += p.length;
        }
        return out;
    }
}
