package org.minicoin.consensus.script;

import static org.minicoin.consensus.script.Opcodes.OP_PUSHDATA1;
import static org.minicoin.consensus.script.Opcodes.OP_PUSHDATA2;
import static org.minicoin.consensus.script.Opcodes.OP_PUSHDATA4;

import java.util.Arrays;

/**
 * Walks a script one operation at a time, as Core's GetScriptOp. A push whose length runs past the end makes
 * {@link #next()} return false <em>after</em> consuming the opcode and length bytes, exactly as Core leaves its
 * iterator; legacy signature hashing depends on that position.
 */
public final class ScriptParser {
    private final byte[] script;
    private final int end;
    private int pc;
    private int opcode;
    private int dataStart;
    private int dataLength;

    public ScriptParser(byte[] script) {
        this(script, 0);
    }

    public ScriptParser(byte[] script, int start) {
        this.script = script;
        this.end = script.length;
        this.pc = start;
    }

    /** Reads the next operation; false at the end or on a truncated push. */
    public boolean next() {
        opcode = Opcodes.OP_INVALIDOPCODE;
        dataLength = 0;
        if (pc >= end) {
            return false;
        }
        int op = script[pc++] & 0xff;
        if (op <= OP_PUSHDATA4) {
            long size;
            if (op < OP_PUSHDATA1) {
                size = op;
            } else if (op == OP_PUSHDATA1) {
                if (end - pc < 1) {
                    return false;
                }
                size = script[pc++] & 0xff;
            } else if (op == OP_PUSHDATA2) {
                if (end - pc < 2) {
                    return false;
                }
                size = (script[pc] & 0xff) | (script[pc + 1] & 0xff) << 8;
                pc += 2;
            } else {
                if (end - pc < 4) {
                    return false;
                }
                size = org.minicoin.consensus.encoding.LittleEndian.getInt32(script, pc) & 0xffffffffL;
                pc += 4;
            }
            if (end - pc < size) {
                return false;
            }
            dataStart = pc;
            dataLength = (int) size;
            pc += dataLength;
        }
        opcode = op;
        return true;
    }

    /** Position after the last operation read (or where a failed read stopped). */
    public int position() {
        return pc;
    }

    public int opcode() {
        return opcode;
    }

    /** True when the last operation pushed data (OP_0 through OP_PUSHDATA4). */
    public boolean isPush() {
        return opcode <= OP_PUSHDATA4;
    }

    /** The data of the last push (a copy); empty for non-push operations. */
    public byte[] data() {
        return Arrays.copyOfRange(script, dataStart, dataStart + dataLength);
    }

    public int dataLength() {
        return dataLength;
    }
}
