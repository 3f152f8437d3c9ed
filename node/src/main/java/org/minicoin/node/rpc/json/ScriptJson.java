package org.minicoin.node.rpc.json;

import static org.minicoin.consensus.script.Opcodes.OP_CHECKSIGADD;
import static org.minicoin.consensus.script.Opcodes.OP_EQUAL;
import static org.minicoin.consensus.script.Opcodes.OP_HASH160;
import static org.minicoin.consensus.script.Opcodes.OP_NOP10;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.minicoin.consensus.address.Address;
import org.minicoin.consensus.crypto.Hashes;
import org.minicoin.consensus.crypto.PublicKey;
import org.minicoin.consensus.encoding.Hex;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.script.ScriptParser;
import org.minicoin.consensus.script.Scripts;
import org.minicoin.node.policy.ScriptSolver;
import org.minicoin.node.policy.ScriptType;

/**
 * Script objects as Core's RPCs print them: the {@code scriptPubKey} object of outputs and prevouts (Core's
 * ScriptToUniv, core_io.cpp) and the result of {@code decodescript} (rpc/rawtransaction.cpp).
 */
public final class ScriptJson {
    private static final int HASH160_SIZE = 20;

    private ScriptJson() {
    }

    /**
     * Core's ScriptToUniv with an output's options ({@code include_hex} and {@code include_address} true):
     * {@code asm}, {@code desc}, {@code hex}, {@code address} when the script has one, {@code type}.
     */
    public static ObjectNode scriptPubKey(byte[] script, ChainParams params) {
        return scriptToUniv(script, Descriptors.infer(script, params), params, true);
    }

    /**
     * The result of {@code decodescript}: the script's {@code asm}, {@code desc}, {@code address} and
     * {@code type} (no {@code hex}), then, for a script that may be wrapped, the {@code p2sh} address that pays
     * to it and a {@code segwit} object describing its P2WPKH or P2WSH form. The rules for which scripts may be
     * wrapped are Core's: not data, P2SH, Taproot, anchors or unknown witness versions; nothing with an invalid
     * opcode or OP_SUCCESS opcode; no segwit form for witness programs or scripts with uncompressed keys.
     */
    public static ObjectNode decodeScript(byte[] script, ChainParams params) {
        ObjectNode r = scriptToUniv(script, Descriptors.infer(script, params), params, false);
        ScriptSolver.Solution solution = ScriptSolver.solve(script);
        if (!canWrap(solution.type(), script)) {
            return r;
        }
        r.put("p2sh", p2shAddress(script, params));
        if (canWrapInWitness(solution)) {
            r.set("segwit", segwit(script, solution, params));
        }
        return r;
    }

    private static ObjectNode scriptToUniv(byte[] script, String desc, ChainParams params, boolean includeHex) {
        ObjectNode out = CoreJson.object();
        out.put("asm", ScriptAsm.toAsm(script, false));
        out.put("desc", desc);
        if (includeHex) {
            out.put("hex", Hex.encode(script));
        }
        // Address.fromScriptPubKey gives nothing for P2PK, just as Core leaves it out for PUBKEY.
        Address.fromScriptPubKey(script, params).ifPresent(a -> out.put("address", a));
        out.put("type", ScriptSolver.solve(script).type().rpcName());
        return out;
    }

    private static ObjectNode segwit(byte[] script, ScriptSolver.Solution solution, ChainParams params) {
        byte[] segwitScript;
        String desc;
        if (solution.type() == ScriptType.PUBKEY) {
            segwitScript = witnessV0(Hashes.hash160(solution.solutions().get(0)));
            desc = Descriptors.infer(segwitScript, params);
        } else if (solution.type() == ScriptType.PUBKEYHASH) {
            segwitScript = witnessV0(solution.solutions().get(0));
            desc = Descriptors.infer(segwitScript, params);
        } else {
            // Scripts not fit for P2WPKH become P2WSH; Core lets the descriptor see the witness script.
            segwitScript = witnessV0(Hashes.sha256(script));
            desc = Descriptors.inferP2wsh(segwitScript, script, params);
        }
        ObjectNode sr = scriptToUniv(segwitScript, desc, params, true);
        sr.put("p2sh-segwit", p2shAddress(segwitScript, params));
        return sr;
    }

    /** Core's can_wrap in decodescript: whether a P2SH address for this script is worth showing. */
    private static boolean canWrap(ScriptType type, byte[] script) {
        switch (type) {
            case MULTISIG, NONSTANDARD, PUBKEY, PUBKEYHASH, WITNESS_V0_KEYHASH, WITNESS_V0_SCRIPTHASH -> {
                // Wrappable if the opcodes allow it.
            }
            default -> {
                return false;
            }
        }
        if (!hasValidOps(script) || ScriptAsm.isUnspendable(script)) {
            return false;
        }
        ScriptParser p = new ScriptParser(script);
        while (p.next()) {
            if (p.opcode() == OP_CHECKSIGADD || isOpSuccess(p.opcode())) {
                return false;
            }
        }
        return true;
    }

    /** Core's can_wrap_P2WSH: no witness programs and no uncompressed keys in a witness. */
    private static boolean canWrapInWitness(ScriptSolver.Solution solution) {
        switch (solution.type()) {
            case MULTISIG, PUBKEY -> {
                // m and n are the one-byte solutions; every other solution is a key and must be compressed.
                List<byte[]> data = solution.solutions();
                return data.stream().allMatch(s -> s.length == 1 || s.length == PublicKey.COMPRESSED_SIZE);
            }
            case NONSTANDARD, PUBKEYHASH -> {
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** Core's CScript::HasValidOps: every operation parses, is a known opcode (up to OP_NOP10), pushes <= 520. */
    private static boolean hasValidOps(byte[] script) {
        ScriptParser p = new ScriptParser(script);
        while (p.position() < script.length) {
            if (!p.next() || p.opcode() > OP_NOP10 || p.dataLength() > Scripts.MAX_ELEMENT_SIZE) {
                return false;
            }
        }
        return true;
    }

    /** Core's IsOpSuccess (BIP-0342): the opcodes that make a tapscript succeed unconditionally. */
    private static boolean isOpSuccess(int op) {
        return op == 80 || op == 98 || (op >= 126 && op <= 129) || (op >= 131 && op <= 134)
                || (op >= 137 && op <= 138) || (op >= 141 && op <= 142) || (op >= 149 && op <= 153)
                || (op >= 187 && op <= 254);
    }

    private static String p2shAddress(byte[] script, ChainParams params) {
        byte[] spk = new byte[HASH160_SIZE + 3];
        spk[0] = (byte) OP_HASH160;
        spk[1] = HASH160_SIZE;
        System.arraycopy(Hashes.hash160(script), 0, spk, 2, HASH160_SIZE);
        spk[HASH160_SIZE + 2] = (byte) OP_EQUAL;
        return Address.fromScriptPubKey(spk, params).orElseThrow();
    }

    /** {@code OP_0 <program>}: a version 0 witness output (BIP-0141). */
    private static byte[] witnessV0(byte[] program) {
        byte[] spk = new byte[2 + program.length];
        spk[1] = (byte) program.length;
        System.arraycopy(program, 0, spk, 2, program.length);
        return spk;
    }
}
