package org.minicoin.consensus.script;

import java.util.HashMap;
import java.util.Map;

/** Script opcodes and their names as Core prints them (script.cpp GetOpName). */
public final class Opcodes {
    public static final int OP_0 = 0x00;
    public static final int OP_PUSHDATA1 = 0x4c;
    public static final int OP_PUSHDATA2 = 0x4d;
    public static final int OP_PUSHDATA4 = 0x4e;
    public static final int OP_1NEGATE = 0x4f;
    public static final int OP_RESERVED = 0x50;
    public static final int OP_1 = 0x51;
    public static final int OP_16 = 0x60;
    public static final int OP_NOP = 0x61;
    public static final int OP_VER = 0x62;
    public static final int OP_IF = 0x63;
    public static final int OP_NOTIF = 0x64;
    public static final int OP_VERIF = 0x65;
    public static final int OP_VERNOTIF = 0x66;
    public static final int OP_ELSE = 0x67;
    public static final int OP_ENDIF = 0x68;
    public static final int OP_VERIFY = 0x69;
    public static final int OP_RETURN = 0x6a;
    public static final int OP_TOALTSTACK = 0x6b;
    public static final int OP_FROMALTSTACK = 0x6c;
    public static final int OP_2DROP = 0x6d;
    public static final int OP_2DUP = 0x6e;
    public static final int OP_3DUP = 0x6f;
    public static final int OP_2OVER = 0x70;
    public static final int OP_2ROT = 0x71;
    public static final int OP_2SWAP = 0x72;
    public static final int OP_IFDUP = 0x73;
    public static final int OP_DEPTH = 0x74;
    public static final int OP_DROP = 0x75;
    public static final int OP_DUP = 0x76;
    public static final int OP_NIP = 0x77;
    public static final int OP_OVER = 0x78;
    public static final int OP_PICK = 0x79;
    public static final int OP_ROLL = 0x7a;
    public static final int OP_ROT = 0x7b;
    public static final int OP_SWAP = 0x7c;
    public static final int OP_TUCK = 0x7d;
    public static final int OP_CAT = 0x7e;
    public static final int OP_SUBSTR = 0x7f;
    public static final int OP_LEFT = 0x80;
    public static final int OP_RIGHT = 0x81;
    public static final int OP_SIZE = 0x82;
    public static final int OP_INVERT = 0x83;
    public static final int OP_AND = 0x84;
    public static final int OP_OR = 0x85;
    public static final int OP_XOR = 0x86;
    public static final int OP_EQUAL = 0x87;
    public static final int OP_EQUALVERIFY = 0x88;
    public static final int OP_RESERVED1 = 0x89;
    public static final int OP_RESERVED2 = 0x8a;
    public static final int OP_1ADD = 0x8b;
    public static final int OP_1SUB = 0x8c;
    public static final int OP_2MUL = 0x8d;
    public static final int OP_2DIV = 0x8e;
    public static final int OP_NEGATE = 0x8f;
    public static final int OP_ABS = 0x90;
    public static final int OP_NOT = 0x91;
    public static final int OP_0NOTEQUAL = 0x92;
    public static final int OP_ADD = 0x93;
    public static final int OP_SUB = 0x94;
    public static final int OP_MUL = 0x95;
    public static final int OP_DIV = 0x96;
    public static final int OP_MOD = 0x97;
    public static final int OP_LSHIFT = 0x98;
    public static final int OP_RSHIFT = 0x99;
    public static final int OP_BOOLAND = 0x9a;
    public static final int OP_BOOLOR = 0x9b;
    public static final int OP_NUMEQUAL = 0x9c;
    public static final int OP_NUMEQUALVERIFY = 0x9d;
    public static final int OP_NUMNOTEQUAL = 0x9e;
    public static final int OP_LESSTHAN = 0x9f;
    public static final int OP_GREATERTHAN = 0xa0;
    public static final int OP_LESSTHANOREQUAL = 0xa1;
    public static final int OP_GREATERTHANOREQUAL = 0xa2;
    public static final int OP_MIN = 0xa3;
    public static final int OP_MAX = 0xa4;
    public static final int OP_WITHIN = 0xa5;
    public static final int OP_RIPEMD160 = 0xa6;
    public static final int OP_SHA1 = 0xa7;
    public static final int OP_SHA256 = 0xa8;
    public static final int OP_HASH160 = 0xa9;
    public static final int OP_HASH256 = 0xaa;
    public static final int OP_CODESEPARATOR = 0xab;
    public static final int OP_CHECKSIG = 0xac;
    public static final int OP_CHECKSIGVERIFY = 0xad;
    public static final int OP_CHECKMULTISIG = 0xae;
    public static final int OP_CHECKMULTISIGVERIFY = 0xaf;
    public static final int OP_NOP1 = 0xb0;
    public static final int OP_CHECKLOCKTIMEVERIFY = 0xb1;
    public static final int OP_CHECKSEQUENCEVERIFY = 0xb2;
    public static final int OP_NOP4 = 0xb3;
    public static final int OP_NOP10 = 0xb9;
    public static final int OP_CHECKSIGADD = 0xba;
    public static final int OP_INVALIDOPCODE = 0xff;

    private static final String[] NAMES = new String[256];
    private static final Map<String, Integer> BY_NAME = new HashMap<>();

    static {
        name(OP_0, "0");
        name(OP_PUSHDATA1, "OP_PUSHDATA1");
        name(OP_PUSHDATA2, "OP_PUSHDATA2");
        name(OP_PUSHDATA4, "OP_PUSHDATA4");
        name(OP_1NEGATE, "-1");
        name(OP_RESERVED, "OP_RESERVED");
        for (int i = 1; i <= 16; i++) {
            name(OP_1 + i - 1, Integer.toString(i));
        }
        String[] rest = {"OP_NOP", "OP_VER", "OP_IF", "OP_NOTIF", "OP_VERIF", "OP_VERNOTIF", "OP_ELSE", "OP_ENDIF",
            "OP_VERIFY", "OP_RETURN", "OP_TOALTSTACK", "OP_FROMALTSTACK", "OP_2DROP", "OP_2DUP", "OP_3DUP",
            "OP_2OVER", "OP_2ROT", "OP_2SWAP", "OP_IFDUP", "OP_DEPTH", "OP_DROP", "OP_DUP", "OP_NIP", "OP_OVER",
            "OP_PICK", "OP_ROLL", "OP_ROT", "OP_SWAP", "OP_TUCK", "OP_CAT", "OP_SUBSTR", "OP_LEFT", "OP_RIGHT",
            "OP_SIZE", "OP_INVERT", "OP_AND", "OP_OR", "OP_XOR", "OP_EQUAL", "OP_EQUALVERIFY", "OP_RESERVED1",
            "OP_RESERVED2", "OP_1ADD", "OP_1SUB", "OP_2MUL", "OP_2DIV", "OP_NEGATE", "OP_ABS", "OP_NOT",
            "OP_0NOTEQUAL", "OP_ADD", "OP_SUB", "OP_MUL", "OP_DIV", "OP_MOD", "OP_LSHIFT", "OP_RSHIFT", "OP_BOOLAND",
            "OP_BOOLOR", "OP_NUMEQUAL", "OP_NUMEQUALVERIFY", "OP_NUMNOTEQUAL", "OP_LESSTHAN", "OP_GREATERTHAN",
            "OP_LESSTHANOREQUAL", "OP_GREATERTHANOREQUAL", "OP_MIN", "OP_MAX", "OP_WITHIN", "OP_RIPEMD160",
            "OP_SHA1", "OP_SHA256", "OP_HASH160", "OP_HASH256", "OP_CODESEPARATOR", "OP_CHECKSIG",
            "OP_CHECKSIGVERIFY", "OP_CHECKMULTISIG", "OP_CHECKMULTISIGVERIFY", "OP_NOP1", "OP_CHECKLOCKTIMEVERIFY",
            "OP_CHECKSEQUENCEVERIFY", "OP_NOP4", "OP_NOP5", "OP_NOP6", "OP_NOP7", "OP_NOP8", "OP_NOP9", "OP_NOP10",
            "OP_CHECKSIGADD"};
        for (int i = 0; i < rest.length; i++) {
            name(OP_NOP + i, rest[i]);
        }
        name(OP_INVALIDOPCODE, "OP_INVALIDOPCODE");
        // Aliases Core's script parser accepts.
        BY_NAME.put("OP_FALSE", OP_0);
        BY_NAME.put("OP_TRUE", OP_1);
        BY_NAME.put("OP_NOP2", OP_CHECKLOCKTIMEVERIFY);
        BY_NAME.put("OP_NOP3", OP_CHECKSEQUENCEVERIFY);
        BY_NAME.put("OP_1NEGATE", OP_1NEGATE);
        for (int i = 0; i <= 16; i++) {
            BY_NAME.put("OP_" + i, i == 0 ? OP_0 : OP_1 + i - 1);
        }
    }

    private static void name(int op, String name) {
        NAMES[op] = name;
        BY_NAME.put(name, op);
    }

    private Opcodes() {
    }

    /** Core's name for an opcode: "OP_DUP", "0", "-1", "1".."16", or "OP_UNKNOWN". */
    public static String name(int opcode) {
        String n = NAMES[opcode & 0xff];
        return n != null ? n : "OP_UNKNOWN";
    }

    /** The opcode named {@code name} (with or without "OP_"), or -1. */
    public static int byName(String name) {
        Integer op = BY_NAME.get(name);
        if (op == null && !name.startsWith("OP_")) {
            op = BY_NAME.get("OP_" + name);
        }
        return op == null ? -1 : op;
    }

    /** OP_1..OP_16 to 1..16, OP_0 to 0 (Core's DecodeOP_N). */
    public static int decodeSmallInt(int opcode) {
        return opcode == OP_0 ? 0 : opcode - (OP_1 - 1);
    }

    /** 0..16 to OP_0, OP_1..OP_16 (Core's EncodeOP_N). */
    public static int encodeSmallInt(int n) {
        if (n < 0 || n > 16) {
            throw new IllegalArgumentException("small integer out of range: " + n);
        }
        return n == 0 ? OP_0 : OP_1 + n - 1;
    }
}
