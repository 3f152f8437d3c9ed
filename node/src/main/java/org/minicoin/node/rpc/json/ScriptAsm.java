package org.minicoin.node.rpc.json;

import java.util.Arrays;
import java.util.Map;
import org.minicoin.consensus.crypto.EcdsaSignature;
import org.minicoin.consensus.encoding.Hex;
import org.minicoin.consensus.script.Opcodes;
import org.minicoin.consensus.script.ScriptParser;
import org.minicoin.consensus.script.Scripts;

/**
 * Core's ScriptToAsmStr (core_io.cpp): the disassembly RPCs show in {@code asm}. Pushes of up to four bytes read
 * as numbers, longer pushes as hex; opcodes by Core's GetOpName ({@code OP_DUP}, but {@code 0}, {@code -1} and
 * {@code 1}..{@code 16} for the number opcodes); a push that runs past the end is {@code [error]} and ends the
 * text.
 */
public final class ScriptAsm {
    /** Core's mapSigHashTypes: the sighash bytes a decoded signature is labelled with. */
    private static final Map<Integer, String> SIGHASH_NAMES = Map.of(
            0x01, "ALL", 0x81, "ALL|ANYONECANPAY",
            0x02, "NONE", 0x82, "NONE|ANYONECANPAY",
            0x03, "SINGLE", 0x83, "SINGLE|ANYONECANPAY");
    private static final int MAX_NUMBER_PUSH = 4;

    private ScriptAsm() {
    }

    /**
     * The disassembly of {@code script}. With {@code attemptSighashDecode} (Core passes it for scriptSigs only),
     * a push that is a strictly encoded signature with a defined sighash type shows its last byte as a label:
     * {@code 3044...09[ALL]}. Unspendable scripts (OP_RETURN first, or over 10,000 bytes) are never decoded that
     * way, so data that merely looks like a signature keeps its hex.
     */
    public static String toAsm(byte[] script, boolean attemptSighashDecode) {
        boolean decodeSignatures = attemptSighashDecode && !isUnspendable(script);
        StringBuilder out = new StringBuilder();
        ScriptParser parser = new ScriptParser(script);
        while (parser.position() < script.length) {
            if (out.length() > 0) {
                out.append(' ');
            }
            if (!parser.next()) {
                return out.append("[error]").toString();
            }
            if (parser.isPush()) {
                appendPush(out, parser.data(), decodeSignatures);
            } else {
                out.append(Opcodes.name(parser.opcode()));
            }
        }
        return out.toString();
    }

    private static void appendPush(StringBuilder out, byte[] data, boolean decodeSignatures) {
        if (data.length <= MAX_NUMBER_PUSH) {
            out.append(scriptNumber(data));
            return;
        }
        String label = decodeSignatures && isStrictSignature(data) ? SIGHASH_NAMES.get(data[data.length - 1] & 0xff)
                : null;
        if (label == null) {
            out.append(Hex.encode(data));
        } else {
            out.append(Hex.encode(Arrays.copyOf(data, data.length - 1))).append('[').append(label)
                    .append(']');
        }
    }

    /**
     * Core's CheckSignatureEncoding with only SCRIPT_VERIFY_STRICTENC: strict DER and a defined sighash type
     * (ALL, NONE or SINGLE, with or without ANYONECANPAY). Empty pushes never get here (they read as 0).
     */
    private static boolean isStrictSignature(byte[] sig) {
        int type = sig[sig.length - 1] & ~0x80 & 0xff;
        return EcdsaSignature.isValidSignatureEncoding(sig) && type >= 0x01 && type <= 0x03;
    }

    /** Core's CScriptNum(vch, false).getint() for at most four bytes: little-endian sign and magnitude. */
    private static long scriptNumber(byte[] v) {
        if (v.length == 0) {
            return 0;
        }
        long magnitude = 0;
        for (int i = 0; i < v.length; i++) {
            magnitude |= (long) (v[i] & 0xff) << (8 * i);
        }
        long signBit = 0x80L << (8 * (v.length - 1));
        return (magnitude & signBit) != 0 ? -(magnitude & ~signBit) : magnitude;
    }

    /** Core's CScript::IsUnspendable. */
    static boolean isUnspendable(byte[] script) {
        return (script.length > 0 && (script[0] & 0xff) == Opcodes.OP_RETURN)
                || script.length > Scripts.MAX_SCRIPT_SIZE;
    }
}
