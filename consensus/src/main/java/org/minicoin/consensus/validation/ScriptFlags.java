package org.minicoin.consensus.validation;

import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.params.SoftForks;
import org.minicoin.consensus.script.VerifyFlags;
import org.minicoin.consensus.types.Hash;

/** Which script rules a block's inputs are verified under (Core's GetBlockScriptFlags). */
public final class ScriptFlags {
    private ScriptFlags() {
    }

    /**
     * P2SH and WITNESS from genesis, since only one historical block broke them (mainnet's BIP-0016 exception,
     * which gets no flags at all); DERSIG, CHECKLOCKTIMEVERIFY, CHECKSEQUENCEVERIFY and NULLDUMMY from the
     * BIP-0066, BIP-0065, CSV and segwit heights.
     *
     * <p>Core also sets TAPROOT from genesis. minicoin does not implement Taproot, so it never sets the flag and
     * the interpreter treats witness v1 outputs as Core does without it: anyone can spend them. That is why Core's
     * Taproot exception block needs no entry here: its flags, P2SH and WITNESS, are everyone's.
     */
    public static int forBlock(Hash blockHash, int height, ChainParams params) {
        SoftForks forks = params.softForks();
        int flags = VerifyFlags.P2SH | VerifyFlags.WITNESS;
        if (!forks.bip16Exception().isZero() && forks.bip16Exception().equals(blockHash)) {
            flags = VerifyFlags.NONE;
        }
        if (height >= forks.bip66Height()) {
            flags |= VerifyFlags.DERSIG;
        }
        if (height >= forks.bip65Height()) {
            flags |= VerifyFlags.CHECKLOCKTIMEVERIFY;
        }
        if (height >= forks.csvHeight()) {
            flags |= VerifyFlags.CHECKSEQUENCEVERIFY;
        }
        if (height >= forks.segwitHeight()) {
            flags |= VerifyFlags.NULLDUMMY;
        }
        return flags;
    }
}
