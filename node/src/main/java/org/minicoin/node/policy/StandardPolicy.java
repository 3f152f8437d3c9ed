package org.minicoin.node.policy;

import java.util.ArrayList;
import java.util.List;
import org.minicoin.consensus.encoding.ByteWriter;
import org.minicoin.consensus.script.Interpreter;
import org.minicoin.consensus.script.Opcodes;
import org.minicoin.consensus.script.ScriptError;
import org.minicoin.consensus.script.Scripts;
import org.minicoin.consensus.script.SigVersion;
import org.minicoin.consensus.script.SignatureChecker;
import org.minicoin.consensus.script.VerifyFlags;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxIn;
import org.minicoin.consensus.types.TxOut;
import org.minicoin.consensus.types.Witness;
import org.minicoin.consensus.validation.Coin;
import org.minicoin.consensus.validation.ConsensusLimits;
import org.minicoin.consensus.validation.TxValidationResult;
import org.minicoin.consensus.validation.ValidationException;

/**
 * Core v29's standardness rules (policy/policy.{h,cpp}, policy/ephemeral_policy.cpp and the policy checks of
 * validation.cpp's PreChecks): limits on what this node relays and mines beyond what consensus allows. They keep
 * the mempool cheap to validate (size, sigop and script limits), keep the UTXO set from filling with outputs
 * worth less than spending them (dust), and leave unused script forms free for future soft forks (nonstandard
 * scripts, unknown witness versions). Each check throws a {@link ValidationException} with Core's reject code.
 *
 * <p>Where Core v29 and master differ, this follows v29: one OP_RETURN output of at most 83 bytes, no BIP-0054
 * sigop limit on inputs, fee rates of 1000 sat/kvB.
 */
public final class StandardPolicy {
    /** Lowest standard transaction version. */
    public static final int TX_MIN_STANDARD_VERSION = 1;
    /**
     * Highest standard transaction version. Core v29 also accepts version 3 (TRUC, BIP-0431), but only together
     * with the TRUC package rules, which this node does not implement yet; so version 3 stays nonstandard here.
     */
    public static final int TX_MAX_STANDARD_VERSION = 2;
    /** Largest standard transaction weight: signature hashing is O(inputs x size), so big transactions are costly. */
    public static final int MAX_STANDARD_TX_WEIGHT = 400_000;
    /** Smallest standard non-witness size: 64 bytes could pass for an inner merkle node (CVE-2017-12842). */
    public static final int MIN_STANDARD_TX_NONWITNESS_SIZE = 65;
    /** Most signature operations a standard P2SH redeem script may contain. */
    public static final int MAX_P2SH_SIGOPS = 15;
    /** Most sigop cost a standard transaction may have: a fifth of a block's. */
    public static final int MAX_STANDARD_TX_SIGOPS_COST = ConsensusLimits.MAX_BLOCK_SIGOPS_COST / 5;
    /** Default for {@code -bytespersigop}: each sigop counts as at least this many virtual bytes. */
    public static final int DEFAULT_BYTES_PER_SIGOP = 20;
    /** Default for {@code -permitbaremultisig}. */
    public static final boolean DEFAULT_PERMIT_BAREMULTISIG = true;
    /** Most witness stack items (script excluded) of a standard P2WSH spend. */
    public static final int MAX_STANDARD_P2WSH_STACK_ITEMS = 100;
    /** Largest witness stack item (script excluded) of a standard P2WSH spend. */
    public static final int MAX_STANDARD_P2WSH_STACK_ITEM_SIZE = 80;
    /** Largest stack item of a standard tapscript (leaf version 0xc0) spend. */
    public static final int MAX_STANDARD_TAPSCRIPT_STACK_ITEM_SIZE = 80;
    /** Largest standard P2WSH witness script. */
    public static final int MAX_STANDARD_P2WSH_SCRIPT_SIZE = 3600;
    /**
     * Largest standard scriptSig: a 15-of-15 P2SH multisig with compressed keys needs 1627 bytes, rounded up.
     */
    public static final int MAX_STANDARD_SCRIPTSIG_SIZE = 1650;
    /** Core v29's default {@code -datacarriersize}: the largest standard OP_RETURN script, in bytes. */
    public static final int MAX_OP_RETURN_RELAY = 83;
    /** Dust outputs a standard transaction may have (ephemeral dust, which must then be 0-fee). */
    public static final int MAX_DUST_OUTPUTS_PER_TX = 1;

    /** The rate that defines dust: an output is dust if spending it costs more than it is worth at this rate. */
    public static final FeeRate DUST_RELAY_TX_FEE = FeeRate.ofSatPerKvB(3000);
    /** Default for {@code -minrelaytxfee} (Core v29). */
    public static final FeeRate DEFAULT_MIN_RELAY_TX_FEE = FeeRate.ofSatPerKvB(1000);
    /** Default for {@code -incrementalrelayfee}: the least fee rate increase for replacement and eviction (v29). */
    public static final FeeRate DEFAULT_INCREMENTAL_RELAY_FEE = FeeRate.ofSatPerKvB(1000);
    /** Default for {@code -blockmintxfee}: the least fee rate the miner puts in a block (v29). */
    public static final FeeRate DEFAULT_BLOCK_MIN_TX_FEE = FeeRate.ofSatPerKvB(1000);

    /**
     * Script flags every new transaction must satisfy: the consensus rules of a current block. Failing only the
     * other {@link #STANDARD_SCRIPT_VERIFY_FLAGS} means "nonstandard", failing these means invalid. Core adds
     * TAPROOT; it is left out because our interpreter does not implement it and throws when asked to.
     */
    public static final int MANDATORY_SCRIPT_VERIFY_FLAGS = VerifyFlags.P2SH | VerifyFlags.DERSIG
            | VerifyFlags.NULLDUMMY | VerifyFlags.CHECKLOCKTIMEVERIFY | VerifyFlags.CHECKSEQUENCEVERIFY
            | VerifyFlags.WITNESS;

    /**
     * Script flags for mempool acceptance, as Core's STANDARD_SCRIPT_VERIFY_FLAGS minus what our interpreter lacks:
     * TAPROOT (it throws on a Taproot spend when that flag is set) and the Taproot-only
     * DISCOURAGE_UPGRADABLE_TAPROOT_VERSION, DISCOURAGE_OP_SUCCESS and DISCOURAGE_UPGRADABLE_PUBKEYTYPE, which
     * do not exist in {@link VerifyFlags}. Without TAPROOT, a witness v1 spend passes script checks unexamined,
     * as it does in Core without the flag.
     */
    public static final int STANDARD_SCRIPT_VERIFY_FLAGS = MANDATORY_SCRIPT_VERIFY_FLAGS | VerifyFlags.STRICTENC
            | VerifyFlags.MINIMALDATA | VerifyFlags.DISCOURAGE_UPGRADABLE_NOPS | VerifyFlags.CLEANSTACK
            | VerifyFlags.MINIMALIF | VerifyFlags.NULLFAIL | VerifyFlags.LOW_S
            | VerifyFlags.DISCOURAGE_UPGRADABLE_WITNESS_PROGRAM | VerifyFlags.WITNESS_PUBKEYTYPE
            | VerifyFlags.CONST_SCRIPTCODE;

    /** Core's LOCKTIME_VERIFY_SEQUENCE (consensus/consensus.h): enforce BIP-0068 relative lock times. */
    public static final int LOCKTIME_VERIFY_SEQUENCE = 1;
    /** Lock time flags for mempool checks (Core's STANDARD_LOCKTIME_VERIFY_FLAGS). */
    public static final int STANDARD_LOCKTIME_VERIFY_FLAGS = LOCKTIME_VERIFY_SEQUENCE;

    /** BIP-0341: a last witness item starting with this byte is an annex. */
    private static final int ANNEX_TAG = 0x50;
    /** BIP-0341: the control block's first byte holds the leaf version in these bits. */
    private static final int TAPROOT_LEAF_MASK = 0xfe;
    /** BIP-0342: the leaf version of tapscript. */
    private static final int TAPROOT_LEAF_TAPSCRIPT = 0xc0;

    private StandardPolicy() {
    }

    /**
     * Core's IsStandardTx: version, weight, scriptSigs (size, push-only) and outputs (standard types, bare
     * multisig if not permitted, OP_RETURN size, at most one dust and one OP_RETURN output). Reasons, in Core's
     * order: {@code version}, {@code tx-size}, {@code scriptsig-size}, {@code scriptsig-not-pushonly},
     * {@code scriptpubkey}, {@code bare-multisig}, {@code dust}, {@code multi-op-return}.
     */
    public static void checkStandardTx(Transaction tx, FeeRate dustRelayFee, boolean permitBareMultisig) {
        if (tx.version() < TX_MIN_STANDARD_VERSION || tx.version() > TX_MAX_STANDARD_VERSION) {
            throw nonStandard("version", "version " + Integer.toUnsignedString(tx.version()) + " is not "
                    + TX_MIN_STANDARD_VERSION + " or " + TX_MAX_STANDARD_VERSION);
        }
        if (tx.weight() > MAX_STANDARD_TX_WEIGHT) {
            throw nonStandard("tx-size", "weight " + tx.weight() + " > " + MAX_STANDARD_TX_WEIGHT);
        }
        List<TxIn> inputs = tx.inputs();
        for (int i = 0; i < inputs.size(); i++) {
            TxIn in = inputs.get(i);
            if (in.scriptSigLength() > MAX_STANDARD_SCRIPTSIG_SIZE) {
                throw nonStandard("scriptsig-size", "input " + i + ": scriptSig of " + in.scriptSigLength()
                        + " bytes > " + MAX_STANDARD_SCRIPTSIG_SIZE);
            }
            // Anything but pushes could be changed by a third party without invalidating the signatures.
            if (!Scripts.isPushOnly(in.scriptSig())) {
                throw nonStandard("scriptsig-not-pushonly", "input " + i);
            }
        }
        int dataOutputs = 0;
        List<TxOut> outputs = tx.outputs();
        for (int i = 0; i < outputs.size(); i++) {
            byte[] spk = outputs.get(i).scriptPubKey();
            ScriptSolver.Solution solution = ScriptSolver.solve(spk);
            String problem = standardOutputProblem(spk, solution);
            if (problem != null) {
                throw nonStandard("scriptpubkey", "output " + i + ": " + problem);
            }
            if (solution.type() == ScriptType.NULL_DATA) {
                dataOutputs++;
            } else if (solution.type() == ScriptType.MULTISIG && !permitBareMultisig) {
                throw nonStandard("bare-multisig", "output " + i);
            }
        }
        List<Integer> dust = dustOutputs(tx, dustRelayFee);
        if (dust.size() > MAX_DUST_OUTPUTS_PER_TX) {
            throw nonStandard("dust", "outputs " + dust + " are dust");
        }
        if (dataOutputs > 1) {
            throw nonStandard("multi-op-return", dataOutputs + " OP_RETURN outputs");
        }
    }

    /** Why Core v29's IsStandard(scriptPubKey) refuses an output script, or null if it is standard. */
    private static String standardOutputProblem(byte[] spk, ScriptSolver.Solution solution) {
        switch (solution.type()) {
            case NONSTANDARD:
                return "script matches no standard type";
            case MULTISIG:
                // Bare multisig up to x-of-3 only: larger ones bloat the UTXO set with keys.
                int m = solution.requiredSigs();
                int n = solution.keyCount();
                return n >= 1 && n <= 3 && m >= 1 && m <= n ? null
                        : "bare " + m + "-of-" + n + " multisig, standard only up to 3 keys";
            case NULL_DATA:
                return spk.length > MAX_OP_RETURN_RELAY
                        ? "OP_RETURN script of " + spk.length + " bytes > " + MAX_OP_RETURN_RELAY : null;
            default:
                return null;
        }
    }

    /**
     * The non-witness size check of Core's PreChecks: {@code tx-size-small} below 65 bytes, because a 64-byte
     * transaction could be mistaken for an inner merkle tree node (CVE-2017-12842).
     */
    public static void checkNonWitnessSize(Transaction tx) {
        if (tx.baseSize() < MIN_STANDARD_TX_NONWITNESS_SIZE) {
            throw nonStandard("tx-size-small", "non-witness size " + tx.baseSize() + " < "
                    + MIN_STANDARD_TX_NONWITNESS_SIZE);
        }
    }

    /**
     * The sigop limit of Core's PreChecks: {@code bad-txns-too-many-sigops} when the transaction's sigop cost
     * (legacy and P2SH sigops weigh 4, witness sigops 1) exceeds {@link #MAX_STANDARD_TX_SIGOPS_COST}.
     */
    public static void checkSigOpsCost(long sigOpCost) {
        if (sigOpCost > MAX_STANDARD_TX_SIGOPS_COST) {
            throw nonStandard("bad-txns-too-many-sigops", Long.toString(sigOpCost));
        }
    }

    /**
     * Core's PreCheckEphemeralTx: a transaction with a dust output must pay no fee, so no miner is paid to confirm
     * it without the child that sweeps the dust ({@code dust}, "tx with dust output must be 0-fee").
     */
    public static void checkEphemeralDust(Transaction tx, long baseFee, long modifiedFee, FeeRate dustRelayFee) {
        if ((baseFee != 0 || modifiedFee != 0) && !dustOutputs(tx, dustRelayFee).isEmpty()) {
            throw nonStandard("dust", "tx with dust output must be 0-fee");
        }
    }

    /**
     * Core's AreInputsStandard: every spent output is of a known type (not NONSTANDARD, not WITNESS_UNKNOWN, whose
     * spending rules a future soft fork may define), and a P2SH redeem script has at most {@link #MAX_P2SH_SIGOPS}
     * signature operations. Reject code {@code bad-txns-nonstandard-inputs}, of kind INPUTS_NOT_STANDARD as in Core
     * (the verdict depends only on data the txid commits to). Messages follow Core master.
     *
     * @param spent the coin each input spends, in input order
     */
    public static void checkInputsStandard(Transaction tx, List<Coin> spent) {
        // A coinbase spends nothing; Core skips it before looking at coins.
        if (tx.isCoinbase()) {
            return;
        }
        requireCoinPerInput(tx, spent);
        List<TxIn> inputs = tx.inputs();
        for (int i = 0; i < inputs.size(); i++) {
            ScriptType type = ScriptSolver.solve(spent.get(i).output().scriptPubKey()).type();
            if (type == ScriptType.NONSTANDARD) {
                throw inputsNonStandard("input " + i + " script unknown");
            } else if (type == ScriptType.WITNESS_UNKNOWN) {
                throw inputsNonStandard("input " + i + " witness program is undefined");
            } else if (type == ScriptType.SCRIPTHASH) {
                List<byte[]> stack = new ArrayList<>();
                ScriptError error = evalScriptSig(inputs.get(i).scriptSig(), stack);
                if (error != ScriptError.OK) {
                    throw inputsNonStandard("p2sh scriptsig malformed (input " + i + ": " + error.description() + ")");
                }
                if (stack.isEmpty()) {
                    throw inputsNonStandard("input " + i + " P2SH redeemscript missing");
                }
                int sigOps = Scripts.sigOpCount(stack.get(stack.size() - 1), true);
                if (sigOps > MAX_P2SH_SIGOPS) {
                    throw inputsNonStandard("p2sh redeemscript sigops exceed limit (input " + i + ": " + sigOps
                            + " > " + MAX_P2SH_SIGOPS + ")");
                }
            }
        }
    }

    /**
     * Core's IsWitnessStandard: no witness on an input whose (redeem) script is not a witness program, nor on a
     * pay-to-anchor spend; P2WSH spends within 3600 bytes of script and 100 items of at most 80 bytes; Taproot
     * spends without an annex, with a control block, and tapscript items of at most 80 bytes. Taproot is judged
     * on these sizes alone, as Core does here, although our interpreter does not execute it. Reject code
     * {@code bad-witness-nonstandard}, of kind WITNESS_MUTATED as in Core (a relayer could have altered the
     * witness, so the txid itself is not to blame). Core gives no message; ours says which rule failed.
     *
     * @param spent the coin each input spends, in input order
     */
    public static void checkWitnessStandard(Transaction tx, List<Coin> spent) {
        // A coinbase spends nothing; Core skips it before looking at coins.
        if (tx.isCoinbase()) {
            return;
        }
        requireCoinPerInput(tx, spent);
        List<TxIn> inputs = tx.inputs();
        for (int i = 0; i < inputs.size(); i++) {
            Witness witness = inputs.get(i).witness();
            // An empty witness cannot be bloated; if the script needs one, script validation fails later.
            if (witness.isEmpty()) {
                continue;
            }
            String problem = witnessProblem(inputs.get(i), spent.get(i).output().scriptPubKey());
            if (problem != null) {
                throw ValidationException.tx(TxValidationResult.WITNESS_MUTATED, "bad-witness-nonstandard",
                        "input " + i + ": " + problem);
            }
        }
    }

    /** Why one input's non-empty witness is nonstandard, or null. */
    private static String witnessProblem(TxIn in, byte[] prevScript) {
        Witness witness = in.witness();
        if (isPayToAnchor(prevScript)) {
            return "witness on a pay-to-anchor spend";
        }
        boolean p2sh = false;
        if (Scripts.isPayToScriptHash(prevScript)) {
            // The redeem script is taken casually from the scriptSig; push-only and its hash are checked later.
            List<byte[]> stack = new ArrayList<>();
            if (evalScriptSig(in.scriptSig(), stack) != ScriptError.OK || stack.isEmpty()) {
                return "P2SH scriptSig yields no redeem script";
            }
            prevScript = stack.get(stack.size() - 1);
            p2sh = true;
        }
        Scripts.WitnessProgram wp = Scripts.witnessProgram(prevScript);
        if (wp == null) {
            return "witness on a non-witness script";
        }
        int version = wp.version();
        int programSize = wp.program().length;
        if (version == 0 && programSize == ScriptSolver.WITNESS_V0_SCRIPTHASH_SIZE) {
            return p2wshProblem(witness);
        }
        if (version == 1 && programSize == ScriptSolver.WITNESS_V1_TAPROOT_SIZE && !p2sh) {
            return taprootProblem(witness);
        }
        return null;
    }

    private static String p2wshProblem(Witness witness) {
        int scriptSize = witness.get(witness.size() - 1).length;
        if (scriptSize > MAX_STANDARD_P2WSH_SCRIPT_SIZE) {
            return "P2WSH script of " + scriptSize + " bytes > " + MAX_STANDARD_P2WSH_SCRIPT_SIZE;
        }
        int items = witness.size() - 1;
        if (items > MAX_STANDARD_P2WSH_STACK_ITEMS) {
            return "P2WSH stack of " + items + " items > " + MAX_STANDARD_P2WSH_STACK_ITEMS;
        }
        for (int j = 0; j < items; j++) {
            int size = witness.get(j).length;
            if (size > MAX_STANDARD_P2WSH_STACK_ITEM_SIZE) {
                return "P2WSH stack item " + j + " of " + size + " bytes > " + MAX_STANDARD_P2WSH_STACK_ITEM_SIZE;
            }
        }
        return null;
    }

    private static String taprootProblem(Witness witness) {
        List<byte[]> stack = witness.items();
        int n = stack.size();
        byte[] last = stack.get(n - 1);
        if (n >= 2 && last.length > 0 && (last[0] & 0xff) == ANNEX_TAG) {
            // Annexes stay nonstandard as long as no meaning is defined for them.
            return "Taproot annex";
        }
        if (n >= 2) {
            // Script path: the last item is the control block, the one before it the script.
            byte[] controlBlock = last;
            if (controlBlock.length == 0) {
                return "empty Taproot control block";
            }
            if ((controlBlock[0] & TAPROOT_LEAF_MASK) == TAPROOT_LEAF_TAPSCRIPT) {
                for (int j = 0; j < n - 2; j++) {
                    if (stack.get(j).length > MAX_STANDARD_TAPSCRIPT_STACK_ITEM_SIZE) {
                        return "tapscript stack item " + j + " of " + stack.get(j).length + " bytes > "
                                + MAX_STANDARD_TAPSCRIPT_STACK_ITEM_SIZE;
                    }
                }
            }
        }
        // One item is a key path spend, to which no policy limit applies.
        return null;
    }

    /** Core's IsPayToAnchor on a whole script: OP_1 and the 2-byte push 0x4e73. */
    private static boolean isPayToAnchor(byte[] s) {
        Scripts.WitnessProgram wp = Scripts.witnessProgram(s);
        return wp != null && Scripts.isPayToAnchor(wp.version(), wp.program());
    }

    /** Runs a scriptSig on an empty stack with no flags and no signature checker, as Core's policy code does. */
    private static ScriptError evalScriptSig(byte[] scriptSig, List<byte[]> stack) {
        return Interpreter.eval(stack, scriptSig, VerifyFlags.NONE, SignatureChecker.NONE, SigVersion.BASE);
    }

    /**
     * Core's GetDustThreshold: the value below which an output costs more to spend than it is worth at
     * {@code dustRelayFee}, counting the output itself and the smallest input that spends it: 148 bytes for
     * legacy scripts (outpoint, a 107-byte signature and key scriptSig, sequence), and for witness programs
     * the same input with its 107 witness bytes discounted 4 times. Unspendable outputs are never dust.
     */
    public static long dustThreshold(TxOut out, FeeRate dustRelayFee) {
        byte[] spk = out.scriptPubKey();
        if (isUnspendable(spk)) {
            return 0;
        }
        long size = 8 + ByteWriter.compactSizeLength(spk.length) + spk.length;
        if (Scripts.witnessProgram(spk) != null) {
            // Sized for a P2WPKH spend; Taproot's is smaller, but Core keeps this to not lower the dust limit.
            size += 32 + 4 + 1 + (107 / ConsensusLimits.WITNESS_SCALE_FACTOR) + 4;
        } else {
            size += 32 + 4 + 1 + 107 + 4;
        }
        return dustRelayFee.fee(size);
    }

    /** Core's IsDust: the output's value is below its {@link #dustThreshold}. */
    public static boolean isDust(TxOut out, FeeRate dustRelayFee) {
        return out.value() < dustThreshold(out, dustRelayFee);
    }

    /** Core's GetDust: the indexes of the transaction's dust outputs, in order. */
    public static List<Integer> dustOutputs(Transaction tx, FeeRate dustRelayFee) {
        List<Integer> dust = new ArrayList<>();
        List<TxOut> outputs = tx.outputs();
        for (int i = 0; i < outputs.size(); i++) {
            if (isDust(outputs.get(i), dustRelayFee)) {
                dust.add(i);
            }
        }
        return dust;
    }

    /** Core's CScript::IsUnspendable: starts with OP_RETURN, or is too large to ever execute. */
    private static boolean isUnspendable(byte[] spk) {
        return (spk.length > 0 && (spk[0] & 0xff) == Opcodes.OP_RETURN) || spk.length > Scripts.MAX_SCRIPT_SIZE;
    }

    /**
     * Core's GetVirtualTransactionSize: weight, or sigop cost times {@code bytesPerSigOp} if larger, divided by 4
     * and rounded up. Pricing sigops as bytes stops a transaction from filling blocks' sigop budget cheaply.
     */
    public static long virtualSize(long weight, long sigOpCost, int bytesPerSigOp) {
        long adjusted = Math.max(weight, Math.multiplyExact(sigOpCost, (long) bytesPerSigOp));
        return (adjusted + ConsensusLimits.WITNESS_SCALE_FACTOR - 1) / ConsensusLimits.WITNESS_SCALE_FACTOR;
    }

    /** {@link #virtualSize(long, long, int)} of a transaction's weight. */
    public static long virtualSize(Transaction tx, long sigOpCost, int bytesPerSigOp) {
        return virtualSize(tx.weight(), sigOpCost, bytesPerSigOp);
    }

    private static void requireCoinPerInput(Transaction tx, List<Coin> spent) {
        if (spent.size() != tx.inputs().size()) {
            throw new IllegalArgumentException(tx.inputs().size() + " inputs but " + spent.size() + " coins");
        }
    }

    private static ValidationException nonStandard(String code, String message) {
        return ValidationException.tx(TxValidationResult.NOT_STANDARD, code, message);
    }

    private static ValidationException inputsNonStandard(String message) {
        return ValidationException.tx(TxValidationResult.INPUTS_NOT_STANDARD, "bad-txns-nonstandard-inputs",
                message);
    }
}
