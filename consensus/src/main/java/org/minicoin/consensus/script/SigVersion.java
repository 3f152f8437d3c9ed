package org.minicoin.consensus.script;

/** Which signature-hash and script rules apply: legacy (including P2SH) or BIP-0143 witness v0. */
public enum SigVersion {
    BASE,
    WITNESS_V0
}
