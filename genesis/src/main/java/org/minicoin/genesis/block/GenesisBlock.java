package org.minicoin.genesis.block;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.minicoin.consensus.encoding.ByteWriter;
import org.minicoin.consensus.merkle.MerkleTree;
import org.minicoin.consensus.script.Scripts;
import org.minicoin.consensus.types.Amount;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.BlockHeader;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.types.OutPoint;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxIn;
import org.minicoin.consensus.types.TxOut;

/**
 * The genesis block as Core's CreateGenesisBlock (kernel/chainparams.cpp) builds it: a version-1 coinbase whose
 * scriptSig is {@code CScript() << 486604799 << CScriptNum(4) << message}, one output, lock time 0, and a header
 * with a zero previous hash. Every byte matters: the genesis hash of a network is fixed by it.
 */
public final class GenesisBlock {
    /**
     * Core's coinbase always starts with the number 486604799 (0x1d00ffff, Bitcoin's genesis bits) and the
     * number 4, pushed as script numbers; kept for every network so Bitcoin's own genesis comes out identical.
     */
    private static final byte[] SCRIPT_SIG_PREFIX = {0x04, (byte) 0xff, (byte) 0xff, 0x00, 0x1d, 0x01, 0x04};
    /** Core's CheckTransaction rejects a coinbase scriptSig longer than this ({@code bad-cb-length}). */
    public static final int MAX_COINBASE_SCRIPT_SIG = 100;


    private GenesisBlock() {
    }

    /** The genesis block for these values, nonce included; its hash is whatever they give. */
    public static Block build(int version, long time, long bits, long nonce, String message, byte[] outputScript,
                              Amount reward) {
        Transaction coinbase = coinbase(message, outputScript, reward);
        Hash merkleRoot = MerkleTree.blockRoot(List.of(coinbase)).root();
        BlockHeader header = new BlockHeader(version, Hash.ZERO, merkleRoot, time, bits, nonce);
        return new Block(header, List.of(coinbase));
    }

    /** The genesis coinbase: spends the null outpoint, pays {@code reward} to {@code outputScript}. */
    public static Transaction coinbase(String message, byte[] outputScript, Amount reward) {
        TxIn in = new TxIn(OutPoint.NULL, coinbaseScriptSig(message), TxIn.SEQUENCE_FINAL);
        return new Transaction(1, List.of(in), List.of(new TxOut(reward, outputScript)), 0);
    }

    /** The coinbase scriptSig for {@code message}, its text pushed as UTF-8 bytes. */
    public static byte[] coinbaseScriptSig(String message) {
        ByteWriter w = new ByteWriter();
        w.writeBytes(SCRIPT_SIG_PREFIX);
        // As Core's CScript << vector: the shortest push opcode for the length, never OP_1..OP_16.
        w.writeBytes(Scripts.push(message.getBytes(StandardCharsets.UTF_8)));
        return w.toByteArray();
    }

    /** The longest message (in UTF-8 bytes) whose coinbase scriptSig stays within {@link #MAX_COINBASE_SCRIPT_SIG}. */
    public static int maxMessageBytes() {
        // 7 prefix bytes + OP_PUSHDATA1 + length byte + message <= 100.
        return MAX_COINBASE_SCRIPT_SIG - SCRIPT_SIG_PREFIX.length - 2;
    }
}
