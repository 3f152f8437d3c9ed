package org.minicoin.consensus.script;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.minicoin.consensus.encoding.Hex;

/**
 * Parses the script notation of Bitcoin Core's test vectors (Core's ParseScript): decimal numbers are pushed as
 * script numbers (OP_0, OP_1NEGATE and OP_1..OP_16 where they fit), {@code 0x..} is raw bytes inserted as is,
 * {@code '...'} pushes the text, and anything else is an opcode name with or without "OP_".
 */
public final class ScriptAsm {
    private ScriptAsm() {
    }

    public static byte[] parse(String asm) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String w : asm.split("[ \t\n]+")) {
            if (w.isEmpty()) {
                continue;
            }
            if (w.matches("-?\\d+") && !w.equals("-")) {
                long n = Long.parseLong(w);
                if (n > 0xffffffffL || n < -0xffffffffL) {
                    throw new IllegalArgumentException("decimal out of range in script: " + w);
                }
                pushInt(out, n);
            } else if (w.startsWith("0x") && w.length() > 2 && w.substring(2).matches("[0-9a-fA-F]+")) {
                byte[] raw = Hex.decode(w.substring(2));
                out.write(raw, 0, raw.length);
            } else if (w.length() >= 2 && w.startsWith("'") && w.endsWith("'")) {
                Scripts.writePush(out, w.substring(1, w.length() - 1).getBytes(StandardCharsets.ISO_8859_1));
            } else {
                int op = Opcodes.byName(w);
                if (op < 0) {
                    throw new IllegalArgumentException("unknown opcode in script: " + w);
                }
                out.write(op);
            }
        }
        return out.toByteArray();
    }

    /** Core's CScript::push_int64. */
    private static void pushInt(ByteArrayOutputStream out, long n) {
        if (n == -1 || (n >= 1 && n <= 16)) {
            out.write((int) (n + (Opcodes.OP_1 - 1)));
        } else if (n == 0) {
            out.write(Opcodes.OP_0);
        } else {
            Scripts.writePush(out, ScriptNum.encode(n));
        }
    }
}
