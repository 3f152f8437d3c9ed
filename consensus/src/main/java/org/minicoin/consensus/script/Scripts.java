package org.minicoin.consensus.script;

import static org.minicoin.consensus.script.Opcodes.*;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.minicoin.consensus.types.Witness;

/** Facts about scripts as bytes: standard patterns, push-only, sigop counts, building pushes. As Core's CScript. */
public final class Scripts {
    /** Core's MAX_SCRIPT_ELEMENT_SIZE: the largest push. */
    public static final int MAX_ELEMENT_SIZE = 520;
    /** Core's MAX_OPS_PER_SCRIPT: non-push opcodes per script. */
    public static final int MAX_OPS = 201;
    /** Core's MAX_PUBKEYS_PER_MULTISIG. */
    public static final int MAX_PUBKEYS_PER_MULTISIG = 20;
    /** Core's MAX_SCRIPT_SIZE. */
    public static final int MAX_SCRIPT_SIZE = 10_000;
    /** Core's MAX_STACK_SIZE: stack plus altstack items. */
    public static final int MAX_STACK_SIZE = 1000;

    private Scripts() {
    }

    /** A witness program: version 0-16 and a 2-40 byte program (BIP-0141). */
    public record WitnessProgram(int version, byte[] program) {
    }

    /** Core's IsPayToScriptHash: exactly OP_HASH160 push20 OP_EQUAL. */
    public static boolean isPayToScriptHash(byte[] s) {
        return s.length == 23 && (s[0] & 0xff) == OP_HASH160 && s[1] == 0x14 && (s[22] & 0xff) == OP_EQUAL;
    }

    /** Core's IsWitnessProgram: a version opcode then one direct push of 2-40 bytes, nothing else. */
    public static WitnessProgram witnessProgram(byte[] s) {
        if (s.length < 4 || s.length > 42) {
            return null;
        }
        int op = s[0] & 0xff;
        if (op != OP_0 && (op < OP_1 || op > OP_16)) {
            return null;
        }
        if ((s[1] & 0xff) + 2 == s.length) {
            return new WitnessProgram(decodeSmallInt(op), Arrays.copyOfRange(s, 2, s.length));
        }
        return null;
    }

    /** Core's IsPayToAnchor for a witness program: version 1, program 4e73 (never "upgradable"). */
    public static boolean isPayToAnchor(int version, byte[] program) {
        return version == 1 && program.length == 2 && program[0] == 0x4e && program[1] == 0x73;
    }

    /** Core's IsPushOnly: every operation is a push or OP_1NEGATE..OP_16 (OP_RESERVED counts as a push). */
    public static boolean isPushOnly(byte[] s) {
        ScriptParser p = new ScriptParser(s);
        while (p.position() < s.length) {
            if (!p.next() || p.opcode() > OP_16) {
                return false;
            }
        }
        return true;
    }

    /** Core's CastToBool: any non-zero byte, except a lone sign bit in the last byte (negative zero). */
    public static boolean castToBool(byte[] v) {
        for (int i = 0; i < v.length; i++) {
            if (v[i] != 0) {
                return !(i == v.length - 1 && (v[i] & 0xff) == 0x80);
            }
        }
        return false;
    }

    /**
     * Core's GetSigOpCount: CHECKSIG counts 1, CHECKMULTISIG 20, or (accurate) the preceding OP_1..OP_16.
     * Counting stops silently at a malformed push.
     */
    public static int sigOpCount(byte[] s, boolean accurate) {
        int n = 0;
        int last = OP_INVALIDOPCODE;
        ScriptParser p = new ScriptParser(s);
        while (p.position() < s.length && p.next()) {
            int op = p.opcode();
            if (op == OP_CHECKSIG || op == OP_CHECKSIGVERIFY) {
                n++;
            } else if (op == OP_CHECKMULTISIG || op == OP_CHECKMULTISIGVERIFY) {
                n += accurate && last >= OP_1 && last <= OP_16 ? decodeSmallInt(last) : MAX_PUBKEYS_PER_MULTISIG;
            }
            last = op;
        }
        return n;
    }

    /** Core's GetSigOpCount(scriptSig) for a P2SH scriptPubKey: the accurate count of the redeem script. */
    public static int p2shSigOpCount(byte[] scriptPubKey, byte[] scriptSig) {
        if (!isPayToScriptHash(scriptPubKey)) {
            return sigOpCount(scriptPubKey, true);
        }
        byte[] last = new byte[0];
        ScriptParser p = new ScriptParser(scriptSig);
        while (p.position() < scriptSig.length) {
            if (!p.next() || p.opcode() > OP_16) {
                return 0;
            }
            last = p.data();
        }
        return sigOpCount(last, true);
    }

    /** Core's CountWitnessSigOps for one input. */
    public static int witnessSigOpCount(byte[] scriptSig, byte[] scriptPubKey, Witness witness, int flags) {
        if ((flags & VerifyFlags.WITNESS) == 0) {
            return 0;
        }
        WitnessProgram wp = witnessProgram(scriptPubKey);
        if (wp != null) {
            return witnessSigOps(wp, witness);
        }
        if (isPayToScriptHash(scriptPubKey) && isPushOnly(scriptSig)) {
            byte[] last = new byte[0];
            ScriptParser p = new ScriptParser(scriptSig);
            while (p.position() < scriptSig.length && p.next()) {
                last = p.data();
            }
            WitnessProgram inner = witnessProgram(last);
            if (inner != null) {
                return witnessSigOps(inner, witness);
            }
        }
        return 0;
    }

    private static int witnessSigOps(WitnessProgram wp, Witness witness) {
        if (wp.version() == 0) {
            if (wp.program().length == 20) {
                return 1;
            }
            if (wp.program().length == 32 && witness.size() > 0) {
                return sigOpCount(witness.get(witness.size() - 1), true);
            }
        }
        return 0;
    }

    /** Core's CheckMinimalPush: the push used the shortest way to push its data. */
    public static boolean isMinimalPush(byte[] data, int opcode) {
        if (data.length == 0) {
            return opcode == OP_0;
        } else if (data.length == 1 && data[0] >= 1 && data[0] <= 16) {
            return false;
        } else if (data.length == 1 && (data[0] & 0xff) == 0x81) {
            return false;
        } else if (data.length <= 75) {
            return opcode == data.length;
        } else if (data.length <= 255) {
            return opcode == OP_PUSHDATA1;
        } else if (data.length <= 65535) {
            return opcode == OP_PUSHDATA2;
        }
        return true;
    }

    /** The shortest data push of {@code data} (as Core's CScript &lt;&lt; vector; no OP_n substitution). */
    public static byte[] push(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 5);
        writePush(out, data);
        return out.toByteArray();
    }

    static void writePush(ByteArrayOutputStream out, byte[] data) {
        int n = data.length;
        if (n < OP_PUSHDATA1) {
            out.write(n);
        } else if (n <= 0xff) {
            out.write(OP_PUSHDATA1);
            out.write(n);
        } else if (n <= 0xffff) {
            out.write(OP_PUSHDATA2);
            out.write(n);
            out.write(n >>> 8);
        } else {
            out.write(OP_PUSHDATA4);
            out.write(n);
            out.write(n >>> 8);
            out.write(n >>> 16);
            out.write(n >>> 24);
        }
        out.write(data, 0, n);
    }

    /**
     * Core's FindAndDelete: removes every occurrence of {@code pattern} that starts at an operation boundary.
     * Used on legacy scriptCode to remove the signature being checked. Returns the script unchanged if none.
     */
    static byte[] findAndDelete(byte[] script, byte[] pattern) {
        if (pattern.length == 0) {
            return script;
        }
        ByteArrayOutputStream result = new ByteArrayOutputStream(script.length);
        int found = 0;
        int pc = 0;
        int pc2 = 0;
        ScriptParser p = new ScriptParser(script);
        boolean more;
        do {
            result.write(script, pc2, pc - pc2);
            while (script.length - pc >= pattern.length
                    && Arrays.equals(script, pc, pc + pattern.length, pattern, 0, pattern.length)) {
                pc += pattern.length;
                found++;
            }
            pc2 = pc;
            p = new ScriptParser(script, pc);
            more = p.next();
            pc = p.position();
        } while (more);
        if (found == 0) {
            return script;
        }
        result.write(script, pc2, script.length - pc2);
        return result.toByteArray();
    }
}
