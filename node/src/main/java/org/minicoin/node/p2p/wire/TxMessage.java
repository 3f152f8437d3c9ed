package org.minicoin.node.p2p.wire;

import java.util.Objects;
import org.minicoin.consensus.encoding.ByteReader;
import org.minicoin.consensus.encoding.ByteWriter;
import org.minicoin.consensus.types.Transaction;

/**
 * {@code tx}: one transaction, with its witness for peers that asked by wtxid or {@code MSG_WITNESS_TX}, without
 * for {@code MSG_TX}.
 *
 * @param tx      the transaction
 * @param witness whether {@link #encode} writes the witness form; a decoded message has it set when the
 *                transaction carried a witness
 */
public record TxMessage(Transaction tx, boolean witness) implements Message {
    public static final String COMMAND = "tx";

    /** Rejects a null transaction. */
    public TxMessage {
        Objects.requireNonNull(tx, "tx");
    }

    @Override
    public String command() {
        return COMMAND;
    }

    @Override
    public void encode(ByteWriter w) {
        tx.write(w, witness && tx.hasWitness());
    }

    /** Reads a transaction through the consensus decoder (either form, as BIP-0144 allows). */
    public static TxMessage decode(ByteReader r) {
        Transaction tx = Transaction.read(r);
        return new TxMessage(tx, tx.hasWitness());
    }
}
