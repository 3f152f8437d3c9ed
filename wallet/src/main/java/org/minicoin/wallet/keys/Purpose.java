package org.minicoin.wallet.keys;

import org.minicoin.consensus.crypto.Hashes;
import org.minicoin.consensus.crypto.PublicKey;

/**
 * The BIP-0043 purpose of an account, which fixes both the first step of its path and the kind of output its keys
 * pay to: BIP-0044 for P2PKH, BIP-0084 for P2WPKH (the default for new wallets, as in Core and most wallets).
 */
public enum Purpose {
    /** {@code m/44'/coin'/account'}: pay-to-pubkey-hash, {@code 1...} / {@code m...} addresses. */
    BIP44(44, ScriptType.P2PKH),
    /** {@code m/84'/coin'/account'}: pay-to-witness-pubkey-hash, {@code bc1q...} addresses. */
    BIP84(84, ScriptType.P2WPKH);

    /** The purpose new accounts get. */
    public static final Purpose DEFAULT = BIP84;

    private final int number;
    private final ScriptType scriptType;

    Purpose(int number, ScriptType scriptType) {
        this.number = number;
        this.scriptType = scriptType;
    }

    /** 44 or 84: the (hardened) first step of the account path. */
    public int number() {
        return number;
    }

    public ScriptType scriptType() {
        return scriptType;
    }

    /** The output scripts an account's keys are used in. */
    public enum ScriptType {
        /** {@code OP_DUP OP_HASH160 <20> OP_EQUALVERIFY OP_CHECKSIG}; descriptor {@code pkh()}. */
        P2PKH("pkh"),
        /** {@code OP_0 <20>} (BIP-0141); descriptor {@code wpkh()}. */
        P2WPKH("wpkh");

        private final String descriptorFunction;

        ScriptType(String descriptorFunction) {
            this.descriptorFunction = descriptorFunction;
        }

        /** The descriptor function that gives this script for a key: {@code pkh} or {@code wpkh}. */
        public String descriptorFunction() {
            return descriptorFunction;
        }

        /** The output script paying to this public key, in its compressed form as BIP-0032 keys are used. */
        public byte[] scriptPubKey(PublicKey key) {
            byte[] hash = Hashes.hash160(key.serializeCompressed());
            return switch (this) {
                case P2PKH -> concat(new byte[] {0x76, (byte) 0xa9, 0x14}, hash, new byte[] {(byte) 0x88, (byte) 0xac});
                case P2WPKH -> concat(new byte[] {0x00, 0x14}, hash, new byte[0]);
            };
        }

        private static byte[] concat(byte[] head, byte[] hash, byte[] tail) {
            byte[] out = new byte[head.length + hash.length + tail.length];
            System.arraycopy(head, 0, out, 0, head.length);
            System.arraycopy(hash, 0, out, head.length, hash.length);
            System.arraycopy(tail, 0, out, head.length + hash.length, tail.length);
            return out;
        }
    }
}
