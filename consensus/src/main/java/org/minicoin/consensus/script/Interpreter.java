package org.minicoin.consensus.script;

import static org.minicoin.consensus.script.Opcodes.*;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.minicoin.consensus.crypto.Hashes;
import org.minicoin.consensus.crypto.EcdsaSignature;
import org.minicoin.consensus.crypto.PublicKey;
import org.minicoin.consensus.types.Witness;

/**
 * The script interpreter, following Core's interpreter.cpp check for check, so that every failure has the same
 * {@link ScriptError} Core reports. Stateless; safe to share between threads.
 */
public final class Interpreter {
    private static final byte[] FALSE = new byte[0];
    private static final byte[] TRUE = {1};
    /** BIP-0068 disable flag on a sequence number: relative lock time does not apply. */
    private static final long SEQUENCE_LOCKTIME_DISABLE_FLAG = 1L << 31;

    private Interpreter() {
    }

    /**
     * Core's VerifyScript: runs scriptSig, then scriptPubKey on the resulting stack, then P2SH redeem scripts and
     * witness programs as the flags enable. Returns {@link ScriptError#OK} when the spend is valid.
     */
    public static ScriptError verify(byte[] scriptSig, byte[] scriptPubKey, Witness witness, int flags,
                                     SignatureChecker checker) {
        try {
            verifyOrThrow(scriptSig, scriptPubKey, witness == null ? Witness.EMPTY : witness, flags, checker);
            return ScriptError.OK;
        } catch (ScriptFailure f) {
            return f.error;
        }
    }

    /** Core's EvalScript on a caller-supplied stack; returns OK or the failure. */
    public static ScriptError eval(List<byte[]> stack, byte[] script, int flags, SignatureChecker checker,
                                   SigVersion sigVersion) {
        try {
            evalScript(stack, script, flags, checker, sigVersion);
            return ScriptError.OK;
        } catch (ScriptFailure f) {
            return f.error;
        }
    }

    private static void verifyOrThrow(byte[] scriptSig, byte[] scriptPubKey, Witness witness, int flags,
                                      SignatureChecker checker) {
        boolean hadWitness = false;
        if ((flags & VerifyFlags.SIGPUSHONLY) != 0 && !Scripts.isPushOnly(scriptSig)) {
            throw fail(ScriptError.SIG_PUSHONLY);
        }
        List<byte[]> stack = new ArrayList<>();
        evalScript(stack, scriptSig, flags, checker, SigVersion.BASE);
        List<byte[]> stackCopy = (flags & VerifyFlags.P2SH) != 0 ? new ArrayList<>(stack) : null;
        evalScript(stack, scriptPubKey, flags, checker, SigVersion.BASE);
        if (stack.isEmpty() || !Scripts.castToBool(top(stack))) {
            throw fail(ScriptError.EVAL_FALSE);
        }

        if ((flags & VerifyFlags.WITNESS) != 0) {
            Scripts.WitnessProgram wp = Scripts.witnessProgram(scriptPubKey);
            if (wp != null) {
                hadWitness = true;
                if (scriptSig.length != 0) {
                    // A native witness spend must have an empty scriptSig, or it could be malleated.
                    throw fail(ScriptError.WITNESS_MALLEATED);
                }
                verifyWitnessProgram(witness, wp, flags, checker, false);
                // Bypass the cleanstack check: the witness program left exactly one true value.
                resizeToOne(stack);
            }
        }

        if ((flags & VerifyFlags.P2SH) != 0 && Scripts.isPayToScriptHash(scriptPubKey)) {
            // The scriptSig must be push-only, or it could compute a redeem script the hash didn't commit to.
            if (!Scripts.isPushOnly(scriptSig)) {
                throw fail(ScriptError.SIG_PUSHONLY);
            }
            stack = stackCopy;
            // The scriptPubKey evaluated true on this stack, so it is not empty (it held the hashed script).
            byte[] redeemScript = stack.remove(stack.size() - 1);
            evalScript(stack, redeemScript, flags, checker, SigVersion.BASE);
            if (stack.isEmpty() || !Scripts.castToBool(top(stack))) {
                throw fail(ScriptError.EVAL_FALSE);
            }
            if ((flags & VerifyFlags.WITNESS) != 0) {
                Scripts.WitnessProgram wp = Scripts.witnessProgram(redeemScript);
                if (wp != null) {
                    hadWitness = true;
                    // The scriptSig must be exactly one push of the redeem script (BIP-0141 P2SH-wrapped).
                    if (!Arrays.equals(scriptSig, Scripts.push(redeemScript))) {
                        throw fail(ScriptError.WITNESS_MALLEATED_P2SH);
                    }
                    verifyWitnessProgram(witness, wp, flags, checker, true);
                    resizeToOne(stack);
                }
            }
        }

        // CLEANSTACK is only defined together with P2SH and WITNESS (Core asserts that); policy sets all three.
        if ((flags & VerifyFlags.CLEANSTACK) != 0 && stack.size() != 1) {
            throw fail(ScriptError.CLEANSTACK);
        }
        if ((flags & VerifyFlags.WITNESS) != 0 && !hadWitness && !witness.isEmpty()) {
            throw fail(ScriptError.WITNESS_UNEXPECTED);
        }
    }

    private static void resizeToOne(List<byte[]> stack) {
        // Core's stack.resize(1): keeps the bottom element (or adds an empty one).
        if (stack.isEmpty()) {
            stack.add(FALSE);
        }
        while (stack.size() > 1) {
            stack.remove(stack.size() - 1);
        }
    }

    private static void verifyWitnessProgram(Witness witness, Scripts.WitnessProgram wp, int flags,
                                             SignatureChecker checker, boolean isP2sh) {
        List<byte[]> stack = new ArrayList<>(witness.items());
        byte[] program = wp.program();
        if (wp.version() == 0) {
            if (program.length == 32) {
                // P2WSH: the last witness item is the script, committed to by its SHA-256.
                if (stack.isEmpty()) {
                    throw fail(ScriptError.WITNESS_PROGRAM_WITNESS_EMPTY);
                }
                byte[] execScript = stack.remove(stack.size() - 1);
                if (!Arrays.equals(Hashes.sha256(execScript), program)) {
                    throw fail(ScriptError.WITNESS_PROGRAM_MISMATCH);
                }
                executeWitnessScript(stack, execScript, flags, checker);
            } else if (program.length == 20) {
                // P2WPKH: exactly signature and key, run through the implied P2PKH script.
                if (stack.size() != 2) {
                    throw fail(ScriptError.WITNESS_PROGRAM_MISMATCH);
                }
                ByteArrayOutputStream s = new ByteArrayOutputStream(25);
                s.write(OP_DUP);
                s.write(OP_HASH160);
                Scripts.writePush(s, program);
                s.write(OP_EQUALVERIFY);
                s.write(OP_CHECKSIG);
                executeWitnessScript(stack, s.toByteArray(), flags, checker);
            } else {
                throw fail(ScriptError.WITNESS_PROGRAM_WRONG_LENGTH);
            }
        } else if (wp.version() == 1 && program.length == 32 && !isP2sh) {
            // Taproot (BIP-0341) is not implemented: as Core without the TAPROOT flag, such outputs are
            // anyone-can-spend here. Blocks that need Taproot enforcement are out of this interpreter's reach.
            if ((flags & VerifyFlags.TAPROOT) != 0) {
                throw new UnsupportedOperationException("Taproot verification is not implemented");
            }
        } else if (!isP2sh && Scripts.isPayToAnchor(wp.version(), program)) {
            // Pay-to-anchor: spendable by anyone, and not discouraged (Core's P2A).
            return;
        } else if ((flags & VerifyFlags.DISCOURAGE_UPGRADABLE_WITNESS_PROGRAM) != 0) {
            throw fail(ScriptError.DISCOURAGE_UPGRADABLE_WITNESS_PROGRAM);
        }
        // Other versions and lengths are reserved for future soft forks: anyone-can-spend.
    }

    private static void executeWitnessScript(List<byte[]> stack, byte[] script, int flags,
                                             SignatureChecker checker) {
        for (byte[] elem : stack) {
            if (elem.length > Scripts.MAX_ELEMENT_SIZE) {
                throw fail(ScriptError.PUSH_SIZE);
            }
        }
        evalScript(stack, script, flags, checker, SigVersion.WITNESS_V0);
        // Witness scripts must leave exactly one true element (BIP-0141's implicit cleanstack).
        if (stack.size() != 1) {
            throw fail(ScriptError.CLEANSTACK);
        }
        if (!Scripts.castToBool(top(stack))) {
            throw fail(ScriptError.EVAL_FALSE);
        }
    }

    private static ScriptFailure fail(ScriptError e) {
        return new ScriptFailure(e);
    }

    private static byte[] top(List<byte[]> stack) {
        return stack.get(stack.size() - 1);
    }

    /** stacktop(-i), with Core's INVALID_STACK_OPERATION when the stack is too short. */
    private static byte[] peek(List<byte[]> stack, int i) {
        return stack.get(stack.size() - i);
    }

    private static byte[] pop(List<byte[]> stack) {
        return stack.remove(stack.size() - 1);
    }

    private static void need(List<byte[]> stack, int n) {
        if (stack.size() < n) {
            throw fail(ScriptError.INVALID_STACK_OPERATION);
        }
    }

    private static boolean isDisabled(int op) {
        return op == OP_CAT || op == OP_SUBSTR || op == OP_LEFT || op == OP_RIGHT || op == OP_INVERT || op == OP_AND
                || op == OP_OR || op == OP_XOR || op == OP_2MUL || op == OP_2DIV || op == OP_MUL || op == OP_DIV
                || op == OP_MOD || op == OP_LSHIFT || op == OP_RSHIFT;
    }

    /** The state of one EvalScript run. */
    private static final class Eval {
        final List<byte[]> stack;
        final List<byte[]> altstack = new ArrayList<>();
        final ConditionStack exec = new ConditionStack();
        final byte[] script;
        final int flags;
        final SignatureChecker checker;
        final SigVersion sigVersion;
        final boolean requireMinimal;
        /** Where the scriptCode for signatures starts: after the last executed OP_CODESEPARATOR. */
        int beginCodeHash;
        int opCount;

        Eval(List<byte[]> stack, byte[] script, int flags, SignatureChecker checker, SigVersion sigVersion) {
            this.stack = stack;
            this.script = script;
            this.flags = flags;
            this.checker = checker;
            this.sigVersion = sigVersion;
            this.requireMinimal = (flags & VerifyFlags.MINIMALDATA) != 0;
        }

        long num(byte[] v) {
            return ScriptNum.decode(v, requireMinimal);
        }
    }

    /** Core's EvalScript for BASE and WITNESS_V0. */
    static void evalScript(List<byte[]> stack, byte[] script, int flags, SignatureChecker checker,
                           SigVersion sigVersion) {
        if (script.length > Scripts.MAX_SCRIPT_SIZE) {
            throw fail(ScriptError.SCRIPT_SIZE);
        }
        Eval e = new Eval(stack, script, flags, checker, sigVersion);
        ScriptParser p = new ScriptParser(script);
        while (p.position() < script.length) {
            boolean fExec = e.exec.allTrue();
            if (!p.next()) {
                throw fail(ScriptError.BAD_OPCODE);
            }
            int op = p.opcode();
            if (p.dataLength() > Scripts.MAX_ELEMENT_SIZE) {
                throw fail(ScriptError.PUSH_SIZE);
            }
            // OP_RESERVED and pushes do not count towards the limit.
            if (op > OP_16 && ++e.opCount > Scripts.MAX_OPS) {
                throw fail(ScriptError.OP_COUNT);
            }
            // Disabled opcodes fail even in an unexecuted branch (CVE-2010-5137).
            if (isDisabled(op)) {
                throw fail(ScriptError.DISABLED_OPCODE);
            }
            if (op == OP_CODESEPARATOR && sigVersion == SigVersion.BASE
                    && (flags & VerifyFlags.CONST_SCRIPTCODE) != 0) {
                throw fail(ScriptError.OP_CODESEPARATOR);
            }
            if (fExec && op <= OP_PUSHDATA4) {
                byte[] data = p.data();
                if (e.requireMinimal && !Scripts.isMinimalPush(data, op)) {
                    throw fail(ScriptError.MINIMALDATA);
                }
                stack.add(data);
            } else if (fExec || (OP_IF <= op && op <= OP_ENDIF)) {
                execute(e, op, p, fExec);
            }
            if (stack.size() + e.altstack.size() > Scripts.MAX_STACK_SIZE) {
                throw fail(ScriptError.STACK_SIZE);
            }
        }
        if (!e.exec.isEmpty()) {
            throw fail(ScriptError.UNBALANCED_CONDITIONAL);
        }
    }

    /** Executes one non-push opcode, or a conditional in an unexecuted branch. */
    private static void execute(Eval e, int op, ScriptParser p, boolean fExec) {
        List<byte[]> stack = e.stack;
        List<byte[]> altstack = e.altstack;
        ConditionStack exec = e.exec;
        int flags = e.flags;
        boolean requireMinimal = e.requireMinimal;
        switch (op) {
            case OP_1NEGATE, OP_1, OP_1 + 1, OP_1 + 2, OP_1 + 3, OP_1 + 4, OP_1 + 5, OP_1 + 6, OP_1 + 7, OP_1 + 8,
                    OP_1 + 9, OP_1 + 10, OP_1 + 11, OP_1 + 12, OP_1 + 13, OP_1 + 14, OP_16 ->
                    stack.add(ScriptNum.encode(op - (OP_1 - 1)));
            case OP_NOP -> {
            }
            case OP_CHECKLOCKTIMEVERIFY -> {
                if ((flags & VerifyFlags.CHECKLOCKTIMEVERIFY) == 0) {
                    break; // not enabled: NOP2
                }
                need(stack, 1);
                // 5-byte operands: lock times run to 2^32-1, beyond 4-byte script numbers.
                long lockTime = ScriptNum.decode(top(stack), requireMinimal, 5);
                if (lockTime < 0) {
                    throw fail(ScriptError.NEGATIVE_LOCKTIME);
                }
                if (!e.checker.checkLockTime(lockTime)) {
                    throw fail(ScriptError.UNSATISFIED_LOCKTIME);
                }
            }
            case OP_CHECKSEQUENCEVERIFY -> {
                if ((flags & VerifyFlags.CHECKSEQUENCEVERIFY) == 0) {
                    break; // not enabled: NOP3
                }
                need(stack, 1);
                long sequence = ScriptNum.decode(top(stack), requireMinimal, 5);
                if (sequence < 0) {
                    throw fail(ScriptError.NEGATIVE_LOCKTIME);
                }
                // With the disable flag set in the operand, CSV is a NOP, reserved for future soft forks.
                if ((sequence & SEQUENCE_LOCKTIME_DISABLE_FLAG) != 0) {
                    break;
                }
                if (!e.checker.checkSequence(sequence)) {
                    throw fail(ScriptError.UNSATISFIED_LOCKTIME);
                }
            }
            case OP_NOP1, OP_NOP4, OP_NOP4 + 1, OP_NOP4 + 2, OP_NOP4 + 3, OP_NOP4 + 4, OP_NOP4 + 5, OP_NOP10 -> {
                if ((flags & VerifyFlags.DISCOURAGE_UPGRADABLE_NOPS) != 0) {
                    throw fail(ScriptError.DISCOURAGE_UPGRADABLE_NOPS);
                }
            }
            case OP_IF, OP_NOTIF -> {
                boolean value = false;
                if (fExec) {
                    need(stack, 1);
                    byte[] v = top(stack);
                    // Under witness v0, MINIMALIF is policy: the argument must be exactly empty or 0x01.
                    if (e.sigVersion == SigVersion.WITNESS_V0 && (flags & VerifyFlags.MINIMALIF) != 0) {
                        if (v.length > 1 || (v.length == 1 && v[0] != 1)) {
                            throw fail(ScriptError.MINIMALIF);
                        }
                    }
                    value = Scripts.castToBool(v);
                    if (op == OP_NOTIF) {
                        value = !value;
                    }
                    pop(stack);
                }
                exec.push(value);
            }
            case OP_ELSE -> {
                if (exec.isEmpty()) {
                    throw fail(ScriptError.UNBALANCED_CONDITIONAL);
                }
                exec.toggleTop();
            }
            case OP_ENDIF -> {
                if (exec.isEmpty()) {
                    throw fail(ScriptError.UNBALANCED_CONDITIONAL);
                }
                exec.pop();
            }
            case OP_VERIFY -> {
                need(stack, 1);
                if (!Scripts.castToBool(top(stack))) {
                    throw fail(ScriptError.VERIFY);
                }
                pop(stack);
            }
            case OP_RETURN -> throw fail(ScriptError.OP_RETURN);
            case OP_TOALTSTACK -> {
                need(stack, 1);
                altstack.add(pop(stack));
            }
            case OP_FROMALTSTACK -> {
                if (altstack.isEmpty()) {
                    throw fail(ScriptError.INVALID_ALTSTACK_OPERATION);
                }
                stack.add(altstack.remove(altstack.size() - 1));
            }
            case OP_2DROP -> {
                need(stack, 2);
                pop(stack);
                pop(stack);
            }
            case OP_2DUP -> {
                need(stack, 2);
                byte[] a = peek(stack, 2);
                byte[] b = peek(stack, 1);
                stack.add(a);
                stack.add(b);
            }
            case OP_3DUP -> {
                need(stack, 3);
                byte[] a = peek(stack, 3);
                byte[] b = peek(stack, 2);
                byte[] c = peek(stack, 1);
                stack.add(a);
                stack.add(b);
                stack.add(c);
            }
            case OP_2OVER -> {
                need(stack, 4);
                byte[] a = peek(stack, 4);
                byte[] b = peek(stack, 3);
                stack.add(a);
                stack.add(b);
            }
            case OP_2ROT -> {
                need(stack, 6);
                byte[] a = stack.remove(stack.size() - 6);
                byte[] b = stack.remove(stack.size() - 5);
                stack.add(a);
                stack.add(b);
            }
            case OP_2SWAP -> {
                need(stack, 4);
                swap(stack, 4, 2);
                swap(stack, 3, 1);
            }
            case OP_IFDUP -> {
                need(stack, 1);
                if (Scripts.castToBool(top(stack))) {
                    stack.add(top(stack));
                }
            }
            case OP_DEPTH -> stack.add(ScriptNum.encode(stack.size()));
            case OP_DROP -> {
                need(stack, 1);
                pop(stack);
            }
            case OP_DUP -> {
                need(stack, 1);
                stack.add(top(stack));
            }
            case OP_NIP -> {
                need(stack, 2);
                stack.remove(stack.size() - 2);
            }
            case OP_OVER -> {
                need(stack, 2);
                stack.add(peek(stack, 2));
            }
            case OP_PICK, OP_ROLL -> {
                need(stack, 2);
                int n = ScriptNum.toInt(ScriptNum.decode(top(stack), requireMinimal));
                pop(stack);
                if (n < 0 || n >= stack.size()) {
                    throw fail(ScriptError.INVALID_STACK_OPERATION);
                }
                byte[] v = peek(stack, n + 1);
                if (op == OP_ROLL) {
                    stack.remove(stack.size() - n - 1);
                }
                stack.add(v);
            }
            case OP_ROT -> {
                need(stack, 3);
                swap(stack, 3, 2);
                swap(stack, 2, 1);
            }
            case OP_SWAP -> {
                need(stack, 2);
                swap(stack, 2, 1);
            }
            case OP_TUCK -> {
                need(stack, 2);
                stack.add(stack.size() - 2, top(stack));
            }
            case OP_SIZE -> {
                need(stack, 1);
                stack.add(ScriptNum.encode(top(stack).length));
            }
            case OP_EQUAL, OP_EQUALVERIFY -> {
                need(stack, 2);
                boolean equal = Arrays.equals(pop(stack), pop(stack));
                stack.add(equal ? TRUE : FALSE);
                if (op == OP_EQUALVERIFY) {
                    if (!equal) {
                        throw fail(ScriptError.EQUALVERIFY);
                    }
                    pop(stack);
                }
            }
            case OP_1ADD, OP_1SUB, OP_NEGATE, OP_ABS, OP_NOT, OP_0NOTEQUAL -> {
                need(stack, 1);
                long bn = ScriptNum.decode(top(stack), requireMinimal);
                bn = switch (op) {
                    case OP_1ADD -> bn + 1;
                    case OP_1SUB -> bn - 1;
                    case OP_NEGATE -> -bn;
                    case OP_ABS -> Math.abs(bn);
                    case OP_NOT -> bn == 0 ? 1 : 0;
                    default -> bn != 0 ? 1 : 0;
                };
                pop(stack);
                stack.add(ScriptNum.encode(bn));
            }
            case OP_ADD, OP_SUB, OP_BOOLAND, OP_BOOLOR, OP_NUMEQUAL, OP_NUMEQUALVERIFY, OP_NUMNOTEQUAL, OP_LESSTHAN,
                    OP_GREATERTHAN, OP_LESSTHANOREQUAL, OP_GREATERTHANOREQUAL, OP_MIN, OP_MAX -> {
                need(stack, 2);
                long a = ScriptNum.decode(peek(stack, 2), requireMinimal);
                long b = ScriptNum.decode(peek(stack, 1), requireMinimal);
                long r = switch (op) {
                    case OP_ADD -> a + b;
                    case OP_SUB -> a - b;
                    case OP_BOOLAND -> (a != 0 && b != 0) ? 1 : 0;
                    case OP_BOOLOR -> (a != 0 || b != 0) ? 1 : 0;
                    case OP_NUMEQUAL, OP_NUMEQUALVERIFY -> a == b ? 1 : 0;
                    case OP_NUMNOTEQUAL -> a != b ? 1 : 0;
                    case OP_LESSTHAN -> a < b ? 1 : 0;
                    case OP_GREATERTHAN -> a > b ? 1 : 0;
                    case OP_LESSTHANOREQUAL -> a <= b ? 1 : 0;
                    case OP_GREATERTHANOREQUAL -> a >= b ? 1 : 0;
                    case OP_MIN -> Math.min(a, b);
                    default -> Math.max(a, b);
                };
                pop(stack);
                pop(stack);
                stack.add(ScriptNum.encode(r));
                if (op == OP_NUMEQUALVERIFY) {
                    if (!Scripts.castToBool(top(stack))) {
                        throw fail(ScriptError.NUMEQUALVERIFY);
                    }
                    pop(stack);
                }
            }
            case OP_WITHIN -> {
                need(stack, 3);
                long x = ScriptNum.decode(peek(stack, 3), requireMinimal);
                long min = ScriptNum.decode(peek(stack, 2), requireMinimal);
                long max = ScriptNum.decode(peek(stack, 1), requireMinimal);
                pop(stack);
                pop(stack);
                pop(stack);
                stack.add(min <= x && x < max ? TRUE : FALSE);
            }
            case OP_RIPEMD160, OP_SHA1, OP_SHA256, OP_HASH160, OP_HASH256 -> {
                need(stack, 1);
                byte[] v = pop(stack);
                stack.add(switch (op) {
                    case OP_RIPEMD160 -> Hashes.ripemd160(v);
                    case OP_SHA1 -> Hashes.sha1(v);
                    case OP_SHA256 -> Hashes.sha256(v);
                    case OP_HASH160 -> Hashes.hash160(v);
                    default -> Hashes.sha256d(v);
                });
            }
            // Signatures after this point hash the script from here on.
            case OP_CODESEPARATOR -> e.beginCodeHash = p.position();
            case OP_CHECKSIG, OP_CHECKSIGVERIFY -> {
                need(stack, 2);
                byte[] sig = peek(stack, 2);
                byte[] pubKey = peek(stack, 1);
                boolean ok = checkSig(e, sig, pubKey);
                pop(stack);
                pop(stack);
                stack.add(ok ? TRUE : FALSE);
                if (op == OP_CHECKSIGVERIFY) {
                    if (!ok) {
                        throw fail(ScriptError.CHECKSIGVERIFY);
                    }
                    pop(stack);
                }
            }
            case OP_CHECKMULTISIG, OP_CHECKMULTISIGVERIFY -> checkMultisig(e, op);
            default -> throw fail(ScriptError.BAD_OPCODE);
        }
    }

    private static void swap(List<byte[]> stack, int i, int j) {
        int a = stack.size() - i;
        int b = stack.size() - j;
        byte[] t = stack.get(a);
        stack.set(a, stack.get(b));
        stack.set(b, t);
    }

    private static byte[] scriptCode(byte[] script, int beginCodeHash) {
        return beginCodeHash == 0 ? script : Arrays.copyOfRange(script, beginCodeHash, script.length);
    }

    /** Core's EvalChecksigPreTapscript: false means the check failed; a rule violation throws. */
    private static boolean checkSig(Eval e, byte[] sig, byte[] pubKey) {
        int flags = e.flags;
        SigVersion sigVersion = e.sigVersion;
        byte[] scriptCode = scriptCode(e.script, e.beginCodeHash);
        // Legacy scripts drop the signature from the scriptCode (it cannot sign itself); segwit does not.
        if (sigVersion == SigVersion.BASE) {
            byte[] cleaned = Scripts.findAndDelete(scriptCode, Scripts.push(sig));
            if (cleaned != scriptCode && (flags & VerifyFlags.CONST_SCRIPTCODE) != 0) {
                throw fail(ScriptError.SIG_FINDANDDELETE);
            }
            scriptCode = cleaned;
        }
        checkSignatureEncoding(sig, flags);
        checkPubKeyEncoding(pubKey, flags, sigVersion);
        boolean ok = e.checker.checkEcdsaSignature(sig, pubKey, scriptCode, sigVersion);
        if (!ok && (flags & VerifyFlags.NULLFAIL) != 0 && sig.length != 0) {
            throw fail(ScriptError.NULLFAIL);
        }
        return ok;
    }

    private static void checkMultisig(Eval e, int op) {
        List<byte[]> stack = e.stack;
        int flags = e.flags;
        SigVersion sigVersion = e.sigVersion;
        int i = 1;
        need(stack, i);
        int keys = ScriptNum.toInt(e.num(peek(stack, i)));
        if (keys < 0 || keys > Scripts.MAX_PUBKEYS_PER_MULTISIG) {
            throw fail(ScriptError.PUBKEY_COUNT);
        }
        // Each key counts as an operation towards the 201 limit.
        e.opCount += keys;
        if (e.opCount > Scripts.MAX_OPS) {
            throw fail(ScriptError.OP_COUNT);
        }
        int ikey = ++i;
        // Position of the last non-signature item; with NULLFAIL, the cleanup below checks only signatures.
        int ikey2 = keys + 2;
        i += keys;
        need(stack, i);
        int sigs = ScriptNum.toInt(e.num(peek(stack, i)));
        if (sigs < 0 || sigs > keys) {
            throw fail(ScriptError.SIG_COUNT);
        }
        int isig = ++i;
        i += sigs;
        need(stack, i);

        byte[] scriptCode = scriptCode(e.script, e.beginCodeHash);
        if (sigVersion == SigVersion.BASE) {
            for (int k = 0; k < sigs; k++) {
                byte[] cleaned = Scripts.findAndDelete(scriptCode, Scripts.push(peek(stack, isig + k)));
                if (cleaned != scriptCode && (flags & VerifyFlags.CONST_SCRIPTCODE) != 0) {
                    throw fail(ScriptError.SIG_FINDANDDELETE);
                }
                scriptCode = cleaned;
            }
        }

        boolean success = true;
        while (success && sigs > 0) {
            byte[] sig = peek(stack, isig);
            byte[] pubKey = peek(stack, ikey);
            // The order of these checks makes the evaluation order observable with STRICTENC (as in Core).
            checkSignatureEncoding(sig, flags);
            checkPubKeyEncoding(pubKey, flags, sigVersion);
            if (e.checker.checkEcdsaSignature(sig, pubKey, scriptCode, sigVersion)) {
                isig++;
                sigs--;
            }
            ikey++;
            keys--;
            // More signatures left than keys: too many failed, stop early.
            if (sigs > keys) {
                success = false;
            }
        }

        while (i-- > 1) {
            if (!success && (flags & VerifyFlags.NULLFAIL) != 0 && ikey2 == 0 && top(stack).length != 0) {
                throw fail(ScriptError.NULLFAIL);
            }
            if (ikey2 > 0) {
                ikey2--;
            }
            pop(stack);
        }
        // Satoshi's off-by-one: CHECKMULTISIG pops one extra, unchecked item. NULLDUMMY requires it empty.
        need(stack, 1);
        if ((flags & VerifyFlags.NULLDUMMY) != 0 && top(stack).length != 0) {
            throw fail(ScriptError.SIG_NULLDUMMY);
        }
        pop(stack);
        stack.add(success ? TRUE : FALSE);
        if (op == OP_CHECKMULTISIGVERIFY) {
            if (!success) {
                throw fail(ScriptError.CHECKMULTISIGVERIFY);
            }
            pop(stack);
        }
    }

    /** Core's CheckSignatureEncoding; the empty signature is always allowed (a compact invalid signature). */
    private static void checkSignatureEncoding(byte[] sig, int flags) {
        if (sig.length == 0) {
            return;
        }
        if ((flags & (VerifyFlags.DERSIG | VerifyFlags.LOW_S | VerifyFlags.STRICTENC)) != 0
                && !EcdsaSignature.isValidSignatureEncoding(sig)) {
            throw fail(ScriptError.SIG_DER);
        }
        // Core's IsLowDERSignature: the DER part (without the sighash byte) must have S <= n/2.
        if ((flags & VerifyFlags.LOW_S) != 0 && !EcdsaSignature.isLowS(Arrays.copyOf(sig, sig.length - 1))) {
            throw fail(ScriptError.SIG_HIGH_S);
        }
        if ((flags & VerifyFlags.STRICTENC) != 0) {
            int hashType = sig[sig.length - 1] & ~SigHash.ANYONECANPAY & 0xff;
            if (hashType < SigHash.ALL || hashType > SigHash.SINGLE) {
                throw fail(ScriptError.SIG_HASHTYPE);
            }
        }
    }

    /** Core's CheckPubKeyEncoding. */
    private static void checkPubKeyEncoding(byte[] pubKey, int flags, SigVersion sigVersion) {
        if ((flags & VerifyFlags.STRICTENC) != 0 && !PublicKey.isCompressedOrUncompressedPubKey(pubKey)) {
            throw fail(ScriptError.PUBKEYTYPE);
        }
        // Segwit accepts only compressed keys (policy, via WITNESS_PUBKEYTYPE).
        if ((flags & VerifyFlags.WITNESS_PUBKEYTYPE) != 0 && sigVersion == SigVersion.WITNESS_V0
                && !PublicKey.isCompressedPubKey(pubKey)) {
            throw fail(ScriptError.WITNESS_PUBKEYTYPE);
        }
    }
}
