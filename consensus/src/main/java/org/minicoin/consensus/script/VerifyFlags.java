package org.minicoin.consensus.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Core's script verification flags (script/verify_flags.h) as bits of an int, with the same bit positions, so a
 * flag set reads like Core's: {@code P2SH | WITNESS}. Each flag switches on one rule; consensus enables a set by
 * height and policy adds more for the mempool.
 */
public final class VerifyFlags {
    public static final int NONE = 0;
    public static final int P2SH = 1;
    public static final int STRICTENC = 1 << 1;
    public static final int DERSIG = 1 << 2;
    public static final int LOW_S = 1 << 3;
    public static final int NULLDUMMY = 1 << 4;
    public static final int SIGPUSHONLY = 1 << 5;
    public static final int MINIMALDATA = 1 << 6;
    public static final int DISCOURAGE_UPGRADABLE_NOPS = 1 << 7;
    public static final int CLEANSTACK = 1 << 8;
    public static final int CHECKLOCKTIMEVERIFY = 1 << 9;
    public static final int CHECKSEQUENCEVERIFY = 1 << 10;
    public static final int WITNESS = 1 << 11;
    public static final int DISCOURAGE_UPGRADABLE_WITNESS_PROGRAM = 1 << 12;
    public static final int MINIMALIF = 1 << 13;
    public static final int NULLFAIL = 1 << 14;
    public static final int WITNESS_PUBKEYTYPE = 1 << 15;
    public static final int CONST_SCRIPTCODE = 1 << 16;
    /** Taproot (BIP-0341/342): recognised by name, not yet enforced. */
    public static final int TAPROOT = 1 << 17;

    private static final String[] NAMES = {"P2SH", "STRICTENC", "DERSIG", "LOW_S", "NULLDUMMY", "SIGPUSHONLY",
        "MINIMALDATA", "DISCOURAGE_UPGRADABLE_NOPS", "CLEANSTACK", "CHECKLOCKTIMEVERIFY", "CHECKSEQUENCEVERIFY",
        "WITNESS", "DISCOURAGE_UPGRADABLE_WITNESS_PROGRAM", "MINIMALIF", "NULLFAIL", "WITNESS_PUBKEYTYPE",
        "CONST_SCRIPTCODE", "TAPROOT"};

    /** Every flag this interpreter knows. */
    public static final int ALL = (1 << NAMES.length) - 1;

    private VerifyFlags() {
    }

    /** Parses Core's comma-separated flag names ("P2SH,STRICTENC"); "" and "NONE" are no flags. */
    public static int parse(String names) {
        int flags = 0;
        for (String raw : names.split(",")) {
            String name = raw.trim().toUpperCase(Locale.ROOT);
            if (name.isEmpty() || name.equals("NONE")) {
                continue;
            }
            int bit = -1;
            for (int i = 0; i < NAMES.length; i++) {
                if (NAMES[i].equals(name)) {
                    bit = i;
                }
            }
            if (bit < 0) {
                throw new IllegalArgumentException("unknown script verify flag '" + raw.trim() + "'");
            }
            flags |= 1 << bit;
        }
        return flags;
    }

    public static String format(int flags) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < NAMES.length; i++) {
            if ((flags & (1 << i)) != 0) {
                out.add(NAMES[i]);
            }
        }
        return String.join(",", out);
    }
}
