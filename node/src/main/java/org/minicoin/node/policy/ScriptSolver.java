package org.minicoin.node.policy;

import static org.minicoin.consensus.script.Opcodes.OP_1;
import static org.minicoin.consensus.script.Opcodes.OP_16;
import static org.minicoin.consensus.script.Opcodes.OP_CHECKMULTISIG;
import static org.minicoin.consensus.script.Opcodes.OP_CHECKSIG;
import static org.minicoin.consensus.script.Opcodes.OP_DUP;
import static org.minicoin.consensus.script.Opcodes.OP_EQUALVERIFY;
import static org.minicoin.consensus.script.Opcodes.OP_HASH160;
import static org.minicoin.consensus.script.Opcodes.OP_PUSHDATA4;
import static org.minicoin.consensus.script.Opcodes.OP_RETURN;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.minicoin.consensus.script.Opcodes;
import org.minicoin.consensus.script.ScriptParser;
import org.minicoin.consensus.script.Scripts;

/**
 * Classifies an output script and extracts what a spender must supply, exactly as Core's Solver
 * (script/solver.cpp): the hash for P2PKH, P2SH and witness programs, the key for P2PK, and for bare multisig
 * {@code m}, the keys and {@code n}. Used by policy to decide what is standard, and by RPC to name output types.
 */
public final class ScriptSolver {
    /** Core's WITNESS_V0_KEYHASH_SIZE. */
    static final int WITNESS_V0_KEYHASH_SIZE = 20;
    /** Core's WITNESS_V0_SCRIPTHASH_SIZE. */
    static final int WITNESS_V0_SCRIPTHASH_SIZE = 32;
    /** Core's WITNESS_V1_TAPROOT_SIZE. */
    static final int WITNESS_V1_TAPROOT_SIZE = 32;

    private ScriptSolver() {
    }

    /**
     * The type of an output script and its solutions, in Core's order: SCRIPTHASH, PUBKEYHASH, WITNESS_V0_* and
     * WITNESS_V1_TAPROOT give one hash or program; PUBKEY gives the key; MULTISIG gives {@code [m], key1..keyN,
     * [n]} (m and n as one byte each); WITNESS_UNKNOWN gives {@code [version], program}; NULL_DATA, ANCHOR and
     * NONSTANDARD give nothing.
     */
    public record Solution(ScriptType type, List<byte[]> solutions) {
        public Solution {
            List<byte[]> copy = new ArrayList<>(solutions.size());
            for (byte[] s : solutions) {
                copy.add(s.clone());
            }
            solutions = List.copyOf(copy);
        }

        /** The solutions, each a copy. */
        @Override
        public List<byte[]> solutions() {
            List<byte[]> copy = new ArrayList<>(solutions.size());
            for (byte[] s : solutions) {
                copy.add(s.clone());
            }
            return List.copyOf(copy);
        }

        /** Signatures a MULTISIG output requires (m). */
        public int requiredSigs() {
            requireMultisig();
            return solutions.get(0)[0] & 0xff;
        }

        /** Keys a MULTISIG output lists (n). */
        public int keyCount() {
            requireMultisig();
            return solutions.get(solutions.size() - 1)[0] & 0xff;
        }

        private void requireMultisig() {
            if (type != ScriptType.MULTISIG) {
                throw new IllegalStateException("not a multisig script: " + type.rpcName());
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Solution s && type == s.type && solutions.size() == s.solutions.size()
                    && Arrays.deepEquals(solutions.toArray(), s.solutions.toArray());
        }

        @Override
        public int hashCode() {
            return type.hashCode() * 31 + Arrays.deepHashCode(solutions.toArray());
        }
    }

    /** Core's Solver: classifies {@code scriptPubKey}; an unrecognised script is NONSTANDARD, never an error. */
    public static Solution solve(byte[] scriptPubKey) {
        // P2SH first: it is the most constrained template.
        if (Scripts.isPayToScriptHash(scriptPubKey)) {
            return of(ScriptType.SCRIPTHASH, Arrays.copyOfRange(scriptPubKey, 2, 22));
        }
        Scripts.WitnessProgram wp = Scripts.witnessProgram(scriptPubKey);
        if (wp != null) {
            return solveWitness(wp);
        }
        // Provably unspendable data carrier: Core does not look at what is pushed, only that all of it is pushes.
        if (scriptPubKey.length >= 1 && (scriptPubKey[0] & 0xff) == OP_RETURN && isPushOnlyFrom(scriptPubKey, 1)) {
            return of(ScriptType.NULL_DATA);
        }
        byte[] key = matchPayToPubkey(scriptPubKey);
        if (key != null) {
            return of(ScriptType.PUBKEY, key);
        }
        if (isPayToPubkeyHash(scriptPubKey)) {
            return of(ScriptType.PUBKEYHASH, Arrays.copyOfRange(scriptPubKey, 3, 23));
        }
        List<byte[]> multisig = matchMultisig(scriptPubKey);
        if (multisig != null) {
            return new Solution(ScriptType.MULTISIG, multisig);
        }
        return of(ScriptType.NONSTANDARD);
    }

    private static Solution solveWitness(Scripts.WitnessProgram wp) {
        int version = wp.version();
        byte[] program = wp.program();
        if (version == 0 && program.length == WITNESS_V0_KEYHASH_SIZE) {
            return of(ScriptType.WITNESS_V0_KEYHASH, program);
        }
        if (version == 0 && program.length == WITNESS_V0_SCRIPTHASH_SIZE) {
            return of(ScriptType.WITNESS_V0_SCRIPTHASH, program);
        }
        if (version == 1 && program.length == WITNESS_V1_TAPROOT_SIZE) {
            return of(ScriptType.WITNESS_V1_TAPROOT, program);
        }
        if (Scripts.isPayToAnchor(version, program)) {
            return of(ScriptType.ANCHOR);
        }
        if (version != 0) {
            return of(ScriptType.WITNESS_UNKNOWN, new byte[] {(byte) version}, program);
        }
        // Version 0 with any other length can never be spent (BIP-0141), so it is not "unknown" but nonstandard.
        return of(ScriptType.NONSTANDARD);
    }

    private static Solution of(ScriptType type, byte[]... solutions) {
        return new Solution(type, List.of(solutions));
    }

    /** Core's CScript::IsPushOnly(pc): OP_RESERVED counts as a push there too. */
    private static boolean isPushOnlyFrom(byte[] script, int start) {
        ScriptParser p = new ScriptParser(script, start);
        while (p.position() < script.length) {
            if (!p.next() || p.opcode() > OP_16) {
                return false;
            }
        }
        return true;
    }

    /** Core's MatchPayToPubkey: a direct push of a 65- or 33-byte key of a valid size for its prefix. */
    private static byte[] matchPayToPubkey(byte[] s) {
        int n = s.length - 2;
        if ((n == 65 || n == 33) && (s[0] & 0xff) == n && (s[s.length - 1] & 0xff) == OP_CHECKSIG) {
            byte[] key = Arrays.copyOfRange(s, 1, 1 + n);
            return isValidKeySize(key) ? key : null;
        }
        return null;
    }

    private static boolean isPayToPubkeyHash(byte[] s) {
        return s.length == 25 && (s[0] & 0xff) == OP_DUP && (s[1] & 0xff) == OP_HASH160 && s[2] == 20
                && (s[23] & 0xff) == OP_EQUALVERIFY && (s[24] & 0xff) == OP_CHECKSIG;
    }

    /**
     * Core's CPubKey::ValidSize: the prefix byte fixes the length (02/03 compressed, 33 bytes; 04/06/07
     * uncompressed or hybrid, 65 bytes). The point itself is not checked, as in Core.
     */
    static boolean isValidKeySize(byte[] key) {
        if (key.length == 0) {
            return false;
        }
        int expected = switch (key[0]) {
            case 2, 3 -> 33;
            case 4, 6, 7 -> 65;
            default -> 0;
        };
        return expected == key.length;
    }

    /** Core's MatchMultisig: {@code m <keys> n OP_CHECKMULTISIG}, 1 <= m <= n <= 20, n equal to the key count. */
    private static List<byte[]> matchMultisig(byte[] s) {
        if (s.length < 1 || (s[s.length - 1] & 0xff) != OP_CHECKMULTISIG) {
            return null;
        }
        ScriptParser p = new ScriptParser(s);
        if (!p.next()) {
            return null;
        }
        int m = scriptNumber(p, 1, Scripts.MAX_PUBKEYS_PER_MULTISIG);
        if (m < 0) {
            return null;
        }
        List<byte[]> result = new ArrayList<>();
        result.add(new byte[] {(byte) m});
        // Keys are taken while pushes have a valid key size; the first operation that is not one must be n.
        boolean more;
        while ((more = p.next()) && isValidKeySize(p.data())) {
            result.add(p.data());
        }
        if (!more) {
            return null;
        }
        int n = scriptNumber(p, m, Scripts.MAX_PUBKEYS_PER_MULTISIG);
        if (n < 0 || n != result.size() - 1 || p.position() + 1 != s.length) {
            return null;
        }
        result.add(new byte[] {(byte) n});
        return result;
    }

    /**
     * Core's GetScriptNumber: the number in {@code [min, max]} the current operation stands for, as OP_1..OP_16 or
     * as a minimal push of a minimally encoded number; -1 if it is neither or out of range. OP_0 is not accepted,
     * just as Core's IsPushdataOp excludes it (no range here includes zero anyway).
     */
    private static int scriptNumber(ScriptParser p, int min, int max) {
        int op = p.opcode();
        long value;
        if (op >= OP_1 && op <= OP_16) {
            value = Opcodes.decodeSmallInt(op);
        } else if (op > Opcodes.OP_0 && op <= OP_PUSHDATA4) {
            byte[] data = p.data();
            if (!Scripts.isMinimalPush(data, op) || !isMinimalNumber(data)) {
                return -1;
            }
            value = decodeNumber(data);
        } else {
            return -1;
        }
        return value >= min && value <= max ? (int) value : -1;
    }

    /** CScriptNum with fRequireMinimal and the default 4-byte limit. */
    private static boolean isMinimalNumber(byte[] v) {
        if (v.length > 4) {
            return false;
        }
        // The top byte, sign bit aside, may be zero only when the byte below needs its high bit for magnitude.
        return v.length == 0 || (v[v.length - 1] & 0x7f) != 0 || (v.length > 1 && (v[v.length - 2] & 0x80) != 0);
    }

    private static long decodeNumber(byte[] v) {
        if (v.length == 0) {
            return 0;
        }
        long result = 0;
        for (int i = 0; i < v.length; i++) {
            result |= (long) (v[i] & 0xff) << (8 * i);
        }
        if ((v[v.length - 1] & 0x80) != 0) {
            return -(result & ~(0x80L << (8 * (v.length - 1))));
        }
        return result;
    }
}
