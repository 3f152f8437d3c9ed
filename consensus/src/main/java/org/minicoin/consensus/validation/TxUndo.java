package org.minicoin.consensus.validation;

import java.util.List;

/** The coins one transaction spent, in input order (Core's CTxUndo): what disconnecting it must restore. */
public record TxUndo(List<Coin> spent) {
    public TxUndo {
        spent = List.copyOf(spent);
    }
}
