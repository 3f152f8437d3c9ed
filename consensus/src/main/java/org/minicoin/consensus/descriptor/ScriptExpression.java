package org.minicoin.consensus.descriptor;

import static org.minicoin.consensus.script.Opcodes.OP_0;
import static org.minicoin.consensus.script.Opcodes.OP_CHECKMULTISIG;
import static org.minicoin.consensus.script.Opcodes.OP_CHECKSIG;
import static org.minicoin.consensus.script.Opcodes.OP_DUP;
import static org.minicoin.consensus.script.Opcodes.OP_EQUAL;
import static org.minicoin.consensus.script.Opcodes.OP_EQUALVERIFY;
import static org.minicoin.consensus.script.Opcodes.OP_HASH160;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.minicoin.consensus.crypto.Hashes;
import org.minicoin.consensus.crypto.PublicKey;
import org.minicoin.consensus.encoding.Hex;
import org.minicoin.consensus.script.Opcodes;
import org.minicoin.consensus.script.Scripts;

/**
 * A SCRIPT expression of a descriptor: a function name, its KEY arguments and sub-scripts, and how they make output
 * scripts. As Core's DescriptorImpl and its subclasses; the string form follows Core's {@code ToStringHelper}.
 */
abstract class ScriptExpression {
    private final String name;
    private final List<KeyExpression> keys;
    private final List<ScriptExpression> subs;

    ScriptExpression(String name, List<KeyExpression> keys, List<ScriptExpression> subs) {
        this.name = name;
        this.keys = List.copyOf(keys);
        this.subs = List.copyOf(subs);
    }

    /** The output scripts made from the keys and sub-scripts at one position. */
    abstract List<byte[]> makeScripts(List<PublicKey> pubkeys, List<byte[]> subScripts);

    /** What comes before the key arguments inside the parentheses (a threshold, an address, hex). */
    String extra() {
        return "";
    }

    /** Core's IsSolvable: false for addr() and raw(), and for whatever wraps them. */
    boolean isSolvable() {
        return subs.stream().allMatch(ScriptExpression::isSolvable);
    }

    boolean isRange() {
        return keys.stream().anyMatch(KeyExpression::isRange) || subs.stream().anyMatch(ScriptExpression::isRange);
    }

    boolean hasPrivateKeys() {
        return keys.stream().anyMatch(KeyExpression::hasPrivateKey)
                || subs.stream().anyMatch(ScriptExpression::hasPrivateKeys);
    }

    List<byte[]> expand(int index) {
        List<PublicKey> pubkeys = new ArrayList<>(keys.size());
        for (KeyExpression key : keys) {
            pubkeys.add(key.publicKey(index));
        }
        List<byte[]> subScripts = new ArrayList<>(subs.size());
        for (ScriptExpression sub : subs) {
            subScripts.add(sub.expand(index).get(0)); // a sub-script gives exactly one script
        }
        return makeScripts(pubkeys, subScripts);
    }

    String toString(boolean withPrivate) {
        StringBuilder sb = new StringBuilder(name).append('(').append(extra());
        boolean first = extra().isEmpty();
        for (KeyExpression key : keys) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            sb.append(key.toString(withPrivate));
        }
        for (ScriptExpression sub : subs) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            sb.append(sub.toString(withPrivate));
        }
        return sb.append(')').toString();
    }

    /** {@code addr(ADDR)}: the script an address stands for; not solvable. */
    static final class Addr extends ScriptExpression {
        private final byte[] script;
        private final String address;

        /** @param address the address as Core's EncodeDestination writes it (bech32 in lower case) */
        Addr(byte[] script, String address) {
            super("addr", List.of(), List.of());
            this.script = script;
            this.address = address;
        }

        @Override
        List<byte[]> makeScripts(List<PublicKey> pubkeys, List<byte[]> subScripts) {
            return List.of(script.clone());
        }

        @Override
        String extra() {
            return address;
        }

        @Override
        boolean isSolvable() {
            return false;
        }
    }

    /** {@code raw(HEX)}: any script; not solvable. */
    static final class Raw extends ScriptExpression {
        private final byte[] script;

        Raw(byte[] script) {
            super("raw", List.of(), List.of());
            this.script = script;
        }

        @Override
        List<byte[]> makeScripts(List<PublicKey> pubkeys, List<byte[]> subScripts) {
            return List.of(script.clone());
        }

        @Override
        String extra() {
            return Hex.encode(script);
        }

        @Override
        boolean isSolvable() {
            return false;
        }
    }

    /** {@code pk(KEY)}: P2PK. */
    static final class Pk extends ScriptExpression {
        Pk(KeyExpression key) {
            super("pk", List.of(key), List.of());
        }

        @Override
        List<byte[]> makeScripts(List<PublicKey> pubkeys, List<byte[]> subScripts) {
            return List.of(payToPubkey(pubkeys.get(0)));
        }
    }

    /** {@code pkh(KEY)}: P2PKH. */
    static final class Pkh extends ScriptExpression {
        Pkh(KeyExpression key) {
            super("pkh", List.of(key), List.of());
        }

        @Override
        List<byte[]> makeScripts(List<PublicKey> pubkeys, List<byte[]> subScripts) {
            return List.of(payToPubkeyHash(pubkeys.get(0).hash160()));
        }
    }

    /** {@code wpkh(KEY)}: P2WPKH (compressed keys only, checked by the parser). */
    static final class Wpkh extends ScriptExpression {
        Wpkh(KeyExpression key) {
            super("wpkh", List.of(key), List.of());
        }

        @Override
        List<byte[]> makeScripts(List<PublicKey> pubkeys, List<byte[]> subScripts) {
            return List.of(witnessV0(pubkeys.get(0).hash160()));
        }
    }

    /**
     * {@code combo(KEY)}: P2PK and P2PKH, and for a compressed key also P2WPKH and P2SH-P2WPKH, in that order
     * (Core's ComboDescriptor).
     */
    static final class Combo extends ScriptExpression {
        Combo(KeyExpression key) {
            super("combo", List.of(key), List.of());
        }

        @Override
        List<byte[]> makeScripts(List<PublicKey> pubkeys, List<byte[]> subScripts) {
            PublicKey key = pubkeys.get(0);
            byte[] hash = key.hash160();
            if (!key.isCompressed()) {
                return List.of(payToPubkey(key), payToPubkeyHash(hash));
            }
            byte[] p2wpkh = witnessV0(hash);
            return List.of(payToPubkey(key), payToPubkeyHash(hash), p2wpkh, payToScriptHash(p2wpkh));
        }
    }

    /** {@code multi(k,KEY,...)} and {@code sortedmulti(k,KEY,...)} (BIP-0383): bare k-of-n CHECKMULTISIG. */
    static final class Multi extends ScriptExpression {
        private final int threshold;
        private final boolean sorted;

        Multi(int threshold, List<KeyExpression> keys, boolean sorted) {
            super(sorted ? "sortedmulti" : "multi", keys, List.of());
            this.threshold = threshold;
            this.sorted = sorted;
        }

        @Override
        List<byte[]> makeScripts(List<PublicKey> pubkeys, List<byte[]> subScripts) {
            List<byte[]> encoded = new ArrayList<>();
            for (PublicKey key : pubkeys) {
                encoded.add(key.encoded());
            }
            if (sorted) {
                // BIP-0067 order, as Core's sort of CPubKey: lexicographic on the encoded bytes.
                encoded.sort(Comparator.comparing(b -> b, Arrays::compareUnsigned));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(pushNumber(threshold));
            for (byte[] key : encoded) {
                out.writeBytes(Scripts.push(key));
            }
            out.writeBytes(pushNumber(encoded.size()));
            out.write(OP_CHECKMULTISIG);
            return List.of(out.toByteArray());
        }

        @Override
        String extra() {
            return Integer.toString(threshold);
        }
    }

    /** {@code sh(SCRIPT)}: P2SH of the sub-script. */
    static final class Sh extends ScriptExpression {
        Sh(ScriptExpression sub) {
            super("sh", List.of(), List.of(sub));
        }

        @Override
        List<byte[]> makeScripts(List<PublicKey> pubkeys, List<byte[]> subScripts) {
            return List.of(payToScriptHash(subScripts.get(0)));
        }
    }

    /** {@code wsh(SCRIPT)}: P2WSH of the sub-script. */
    static final class Wsh extends ScriptExpression {
        Wsh(ScriptExpression sub) {
            super("wsh", List.of(), List.of(sub));
        }

        @Override
        List<byte[]> makeScripts(List<PublicKey> pubkeys, List<byte[]> subScripts) {
            return List.of(witnessV0(Hashes.sha256(subScripts.get(0))));
        }
    }

    static byte[] payToPubkey(PublicKey key) {
        byte[] push = Scripts.push(key.encoded());
        byte[] s = Arrays.copyOf(push, push.length + 1);
        s[push.length] = (byte) OP_CHECKSIG;
        return s;
    }

    /** Whether a script is P2PK as {@link #payToPubkey} makes it (a 33- or 65-byte push, then OP_CHECKSIG). */
    static boolean isPayToPubkey(byte[] s) {
        return (s.length == 35 || s.length == 67) && (s[0] & 0xff) == s.length - 2
                && (s[s.length - 1] & 0xff) == OP_CHECKSIG;
    }

    private static byte[] payToPubkeyHash(byte[] hash) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(25);
        out.write(OP_DUP);
        out.write(OP_HASH160);
        out.writeBytes(Scripts.push(hash));
        out.write(OP_EQUALVERIFY);
        out.write(OP_CHECKSIG);
        return out.toByteArray();
    }

    private static byte[] payToScriptHash(byte[] script) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(23);
        out.write(OP_HASH160);
        out.writeBytes(Scripts.push(Hashes.hash160(script)));
        out.write(OP_EQUAL);
        return out.toByteArray();
    }

    private static byte[] witnessV0(byte[] program) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2 + program.length);
        out.write(OP_0);
        out.writeBytes(Scripts.push(program));
        return out.toByteArray();
    }

    /** Core's {@code CScript << int64}: OP_1..OP_16 for 1 to 16, otherwise a minimal number push (17..20 here). */
    private static byte[] pushNumber(int n) {
        if (n >= 1 && n <= 16) {
            return new byte[] {(byte) Opcodes.encodeSmallInt(n)};
        }
        return Scripts.push(new byte[] {(byte) n});
    }
}
