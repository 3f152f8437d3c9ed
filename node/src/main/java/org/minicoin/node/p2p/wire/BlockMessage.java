package org.minicoin.node.p2p.wire;

import java.util.Objects;
import org.minicoin.consensus.encoding.ByteReader;
import org.minicoin.consensus.encoding.ByteWriter;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.Transaction;

/**
 * {@code block}: a full block. Sent with witnesses to a peer that asked with {@code MSG_WITNESS_BLOCK}, and
 * without (the pre-SegWit form) for {@code MSG_BLOCK}. Read as Core reads it: each transaction in whichever
 * form it arrives (BIP-0144).
 *
 * @param block   the block
 * @param witness whether {@link #encode} writes the witness form; a decoded message has it set when any
 *                transaction carried a witness
 */
public record BlockMessage(Block block, boolean witness) implements Message {
    public static final String COMMAND = "block";

    /** Rejects a null block. */
    public BlockMessage {
        Objects.requireNonNull(block, "block");
    }

    @Override
    public String command() {
        return COMMAND;
    }

    @Override
    public void encode(ByteWriter w) {
        block.header().write(w);
        w.writeCompactSize(block.transactions().size());
        for (Transaction tx : block.transactions()) {
            tx.write(w, witness && tx.hasWitness());
        }
    }

    /** Reads a block through the consensus decoder, with its bounded counts. */
    public static BlockMessage decode(ByteReader r) {
        Block block = Block.read(r);
        return new BlockMessage(block, block.transactions().stream().anyMatch(Transaction::hasWitness));
    }
}
