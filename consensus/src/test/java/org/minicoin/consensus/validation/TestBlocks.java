package org.minicoin.consensus.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.minicoin.consensus.crypto.Hashes;
import org.minicoin.consensus.crypto.SignatureVerifier;
import org.minicoin.consensus.merkle.MerkleTree;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.pow.ChainLink;
import org.minicoin.consensus.pow.ProofOfWork;
import org.minicoin.consensus.script.Opcodes;
import org.minicoin.consensus.script.Scripts;
import org.minicoin.consensus.testing.ChainParamsFixtures;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.BlockHeader;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.types.OutPoint;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxIn;
import org.minicoin.consensus.types.TxOut;
import org.minicoin.consensus.types.Witness;

/**
 * Builds and mines small blocks for validation tests against regtest's easy target (0x207fffff: about every
 * second nonce works), and scripts that need no signatures, so rule tests do not depend on ECDSA.
 */
final class TestBlocks {
    static final ChainParams REGTEST = ChainParamsFixtures.regtest();
    /** A clock far beyond every test block's time. */
    static final long NOW = 2_000_000_000L;
    static final byte[] OP_TRUE = {(byte) Opcodes.OP_1};
    /** Block version with BIP-0009 top bits, as Core's miner sets it; passes every buried version rule. */
    static final int VERSION = 0x20000000;

    /** Fails any test that reaches a signature check: these scripts have none. */
    static final SignatureVerifier NO_SIGNATURES = (pubKey, sig, hash) -> {
        throw new AssertionError("no test script here checks a signature");
    };
    /**
     * Accepts every signature: for real-chain tests about UTXO accounting, not signatures. Signature
     * verification of real chains is tested with the real verifier.
     */
    static final SignatureVerifier ACCEPT_ALL_SIGNATURES = (pubKey, sig, hash) -> true;

    private TestBlocks() {
    }

    /** Ways to lock an output that anyone can unlock without a signature. */
    enum Lock {
        /** Bare OP_TRUE, empty scriptSig. */
        BARE(OP_TRUE),
        /** P2SH of OP_TRUE; scriptSig pushes the redeem script (BIP-0016). */
        P2SH(p2sh(OP_TRUE)),
        /** P2WSH of OP_TRUE; the witness holds the script (BIP-0141). */
        P2WSH(p2wsh(OP_TRUE)),
        /** P2SH-wrapped P2WSH of OP_TRUE. */
        P2SH_P2WSH(p2sh(p2wsh(OP_TRUE)));

        private final byte[] scriptPubKey;

        Lock(byte[] scriptPubKey) {
            this.scriptPubKey = scriptPubKey;
        }

        byte[] scriptPubKey() {
            return scriptPubKey.clone();
        }

        TxIn unlock(OutPoint prevout, long sequence) {
            return switch (this) {
                case BARE -> new TxIn(prevout, new byte[0], sequence);
                case P2SH -> new TxIn(prevout, Scripts.push(OP_TRUE), sequence);
                case P2WSH -> new TxIn(prevout, new byte[0], sequence, Witness.of(OP_TRUE));
                case P2SH_P2WSH -> new TxIn(prevout, Scripts.push(p2wsh(OP_TRUE)), sequence, Witness.of(OP_TRUE));
            };
        }
    }

    static byte[] p2sh(byte[] redeemScript) {
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        s.write(Opcodes.OP_HASH160);
        s.writeBytes(Scripts.push(Hashes.hash160(redeemScript)));
        s.write(Opcodes.OP_EQUAL);
        return s.toByteArray();
    }

    static byte[] p2wsh(byte[] witnessScript) {
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        s.write(Opcodes.OP_0);
        s.writeBytes(Scripts.push(Hashes.sha256(witnessScript)));
        return s.toByteArray();
    }

    static byte[] repeat(int opcode, int times) {
        byte[] b = new byte[times];
        java.util.Arrays.fill(b, (byte) opcode);
        return b;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            s.writeBytes(p);
        }
        return s.toByteArray();
    }

    /** A BIP-0034 coinbase paying {@code value} to OP_TRUE; {@code tag} keeps coinbases of equal height apart. */
    static Transaction coinbase(int height, long value, int tag) {
        byte[] scriptSig = concat(BlockChecks.heightScript(height), Scripts.push(new byte[] {(byte) tag, 0x4d}));
        return new Transaction(1, List.of(new TxIn(OutPoint.NULL, scriptSig, TxIn.SEQUENCE_FINAL)),
                List.of(new TxOut(value, OP_TRUE)), 0);
    }

    static Transaction tx(List<TxIn> inputs, List<TxOut> outputs) {
        return new Transaction(1, inputs, outputs, 0);
    }

    /** Spends each outpoint (locked BARE) into one OP_TRUE output of {@code value}. */
    static Transaction spendBare(long value, OutPoint... prevouts) {
        List<TxIn> ins = new ArrayList<>();
        for (OutPoint p : prevouts) {
            ins.add(Lock.BARE.unlock(p, TxIn.SEQUENCE_FINAL));
        }
        return tx(ins, List.of(new TxOut(value, OP_TRUE)));
    }

    static OutPoint outpoint(Transaction tx, int index) {
        return new OutPoint(tx.txid(), index);
    }

    /** An outpoint of a transaction that does not exist, distinct per {@code n}. */
    static OutPoint fakeOutPoint(int n) {
        return new OutPoint(Hash.sha256d(new byte[] {(byte) n, (byte) (n >> 8), 0x7a}), 0);
    }

    /**
     * Adds a BIP-0141 commitment (and the coinbase's 32-byte reserved value) to {@code txs}' coinbase, for a
     * block whose transactions carry witnesses.
     */
    static List<Transaction> withWitnessCommitment(List<Transaction> txs) {
        byte[] reserved = new byte[32];
        Transaction cb = txs.get(0);
        Transaction cbWithWitness = new Transaction(cb.version(),
                List.of(cb.inputs().get(0).withWitness(Witness.of(reserved))), cb.outputs(), cb.lockTime());
        List<Transaction> with = new ArrayList<>(txs);
        with.set(0, cbWithWitness);
        byte[] root = MerkleTree.witnessRoot(with).root().toBytes();
        byte[] commitment = concat(new byte[] {(byte) 0x6a, 0x24, (byte) 0xaa, 0x21, (byte) 0xa9, (byte) 0xed},
                Hashes.sha256d(root, reserved));
        List<TxOut> outs = new ArrayList<>(cb.outputs());
        outs.add(new TxOut(0, commitment));
        with.set(0, new Transaction(cb.version(), cbWithWitness.inputs(), outs, cb.lockTime()));
        return with;
    }

    /** A header over {@code txs} (merkle root as computed), mined to meet {@code bits}. */
    static Block mine(int version, Hash prev, long time, long bits, List<Transaction> txs, ChainParams params) {
        Hash root = MerkleTree.blockRoot(txs).root();
        return mine(new BlockHeader(version, prev, root, time, bits, 0), txs, params);
    }

    /** Searches nonces until {@code header} meets its bits; keeps every other field. */
    static Block mine(BlockHeader header, List<Transaction> txs, ChainParams params) {
        BlockHeader h = header;
        for (long nonce = 0; !ProofOfWork.checkProofOfWork(h.hash(), h.bits(), params); nonce++) {
            h = header.withNonce(nonce);
        }
        return new Block(h, txs);
    }

    /** Re-mines {@code block} with its transactions replaced, the merkle root recomputed. */
    static Block remine(Block block, List<Transaction> txs, ChainParams params) {
        return mine(block.header().withMerkleRoot(MerkleTree.blockRoot(txs).root()), txs, params);
    }

    /** Asserts that {@code call} fails validation with exactly {@code code}, and returns the failure. */
    static ValidationException rejects(ThrowingCallable call, String code) {
        ValidationException e = catchThrowableOfType(ValidationException.class, call);
        assertThat(e).as("expected a rejection with %s", code).isNotNull();
        assertThat(e.code()).isEqualTo(code);
        return e;
    }

    /** A regtest chain of mined blocks, with its history for contextual checks. */
    static final class TestChain {
        final ChainParams params;
        final List<Block> blocks = new ArrayList<>();
        private final List<ChainLink> links = new ArrayList<>();
        private int tag;

        TestChain(ChainParams params) {
            this.params = params;
            Block genesis = params.genesis();
            blocks.add(genesis);
            links.add(ChainLink.genesis(genesis.header().bits(), genesis.header().time()));
        }

        TestChain() {
            this(REGTEST);
        }

        ChainLink tip() {
            return links.get(links.size() - 1);
        }

        int height() {
            return tip().height();
        }

        Block tipBlock() {
            return blocks.get(blocks.size() - 1);
        }

        BlockContext nextContext() {
            return BlockContext.after(tip(), NOW);
        }

        /** The next block: a coinbase paying the subsidy to OP_TRUE, then {@code txs}; committed if witnesses. */
        Block next(List<Transaction> txs) {
            int height = height() + 1;
            List<Transaction> all = new ArrayList<>();
            all.add(coinbase(height, Subsidy.blockSubsidy(height, params), tag++));
            all.addAll(txs);
            if (all.stream().anyMatch(Transaction::hasWitness)) {
                all = withWitnessCommitment(all);
            }
            return nextWith(all);
        }

        /** The next block with exactly these transactions. */
        Block nextWith(List<Transaction> txs) {
            return mine(VERSION, tipBlock().hash(), tip().time() + 600, tip().bits(), txs, params);
        }

        void append(Block block) {
            blocks.add(block);
            links.add(tip().then(block.header().bits(), block.header().time() - tip().time()));
        }
    }
}
