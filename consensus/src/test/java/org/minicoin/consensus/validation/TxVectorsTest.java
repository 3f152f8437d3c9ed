package org.minicoin.consensus.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.minicoin.consensus.script.Interpreter;
import org.minicoin.consensus.script.ScriptAsm;
import org.minicoin.consensus.script.ScriptError;
import org.minicoin.consensus.script.Scripts;
import org.minicoin.consensus.script.SigHash;
import org.minicoin.consensus.script.TransactionSignatureChecker;
import org.minicoin.consensus.script.VerifyFlags;
import org.minicoin.consensus.testing.TestData;
import org.minicoin.consensus.testing.Verifiers;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.types.OutPoint;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxIn;

/**
 * Bitcoin Core's tx_valid.json and tx_invalid.json, run as Core's transaction_tests run them: a valid row is
 * valid with every flag except those listed (and invalid if any listed flag is added back); an invalid row is
 * invalid with the listed flags (and valid if any one is removed), or fails the context-free check when marked
 * BADTX. Rows that need Taproot are counted and skipped.
 */
class TxVectorsTest {
    /** Every flag the interpreter enforces; TAPROOT is recognised but not implemented. */
    private static final int ALL = VerifyFlags.ALL & ~VerifyFlags.TAPROOT;
    private static final int[] EACH_FLAG = eachFlag();
    private static final Map<String, int[]> COUNTS = new HashMap<>();

    record Row(String file, Map<OutPoint, byte[]> scripts, Map<OutPoint, Long> amounts, String txHex, String flags,
               String text) {
        @Override
        public String toString() {
            return text.length() > 150 ? text.substring(0, 150) + "..." : text;
        }
    }

    static List<Row> rows(String file) {
        List<Row> rows = new ArrayList<>();
        for (JsonNode node : TestData.vectorRows("bitcoin-core/" + file)) {
            Map<OutPoint, byte[]> scripts = new HashMap<>();
            Map<OutPoint, Long> amounts = new HashMap<>();
            for (JsonNode in : node.get(0)) {
                OutPoint op = new OutPoint(Hash.fromHex(in.get(0).asText()), in.get(1).asLong() & 0xffffffffL);
                scripts.put(op, ScriptAsm.parse(in.get(2).asText()));
                if (in.size() >= 4) {
                    amounts.put(op, in.get(3).asLong());
                }
            }
            rows.add(new Row(file, scripts, amounts, node.get(1).asText(), node.get(2).asText(), node.toString()));
        }
        return rows;
    }

    static Stream<Row> validRows() {
        return rows("tx_valid.json").stream();
    }

    static Stream<Row> invalidRows() {
        return rows("tx_invalid.json").stream();
    }

    @ParameterizedTest
    @MethodSource("validRows")
    void validRowsAreValid(Row row) {
        Transaction tx = Transaction.fromHex(row.txHex());
        int excluded = VerifyFlags.parse(row.flags());
        if (needsTaproot(row, excluded)) {
            count("tx_valid.json", 1);
            return;
        }
        TransactionChecks.checkTransaction(tx); // throws with the reject reason if the context-free check fails
        int flags = ALL & ~excluded;
        assertThat(firstFailure(row, tx, flags)).isEqualTo(ScriptError.OK);
        // Removing any one flag must not invalidate a valid transaction.
        for (int f : EACH_FLAG) {
            assertThat(firstFailure(row, tx, trim(flags & ~f))).as("without %s", VerifyFlags.format(f))
                    .isEqualTo(ScriptError.OK);
        }
        // The exclusions are needed: adding back any excluded flag makes it fail.
        for (int f : EACH_FLAG) {
            if ((excluded & f) != 0) {
                int withIt = trim(flags | f);
                if (withIt != flags) {
                    assertThat(firstFailure(row, tx, withIt)).as("with %s", VerifyFlags.format(f))
                            .isNotEqualTo(ScriptError.OK);
                }
            }
        }
        count("tx_valid.json", 0);
    }

    @ParameterizedTest
    @MethodSource("invalidRows")
    void invalidRowsAreInvalid(Row row) {
        Transaction tx = Transaction.fromHex(row.txHex());
        if (row.flags().equals("BADTX")) {
            ValidationException e = org.assertj.core.api.Assertions.catchThrowableOfType(ValidationException.class,
                    () -> TransactionChecks.checkTransaction(tx));
            assertThat(e).as("BADTX must fail the context-free check").isNotNull();
            count("tx_invalid.json", 0);
            return;
        }
        int flags = VerifyFlags.parse(row.flags());
        if ((flags & VerifyFlags.TAPROOT) != 0) {
            count("tx_invalid.json", 1);
            return;
        }
        TransactionChecks.checkTransaction(tx);
        assertThat(firstFailure(row, tx, flags)).isNotEqualTo(ScriptError.OK);
        // Adding flags never makes an invalid transaction valid.
        for (int f : EACH_FLAG) {
            assertThat(firstFailure(row, tx, fill(flags | f))).as("with %s", VerifyFlags.format(f))
                    .isNotEqualTo(ScriptError.OK);
        }
        // The listed flags are minimal: removing any one of them makes it valid.
        for (int f : EACH_FLAG) {
            if ((flags & f) != 0) {
                int without = trim(flags & ~f);
                if (without != flags) {
                    assertThat(firstFailure(row, tx, without)).as("without %s", VerifyFlags.format(f))
                            .isEqualTo(ScriptError.OK);
                }
            }
        }
        count("tx_invalid.json", 0);
    }

    /** A row spending a Taproot output whose validity under TAPROOT cannot be checked here. */
    private static boolean needsTaproot(Row row, int excluded) {
        if ((excluded & VerifyFlags.TAPROOT) != 0) {
            return false; // valid without Taproot rules: checkable
        }
        for (byte[] spk : row.scripts().values()) {
            Scripts.WitnessProgram wp = Scripts.witnessProgram(spk);
            if (wp != null && wp.version() == 1 && wp.program().length == 32) {
                return true;
            }
        }
        return false;
    }

    /** Core's CheckTxScripts: the first input that fails, or OK. */
    private static ScriptError firstFailure(Row row, Transaction tx, int flags) {
        SigHash.Precomputed pre = new SigHash.Precomputed(tx);
        for (int i = 0; i < tx.inputs().size(); i++) {
            TxIn in = tx.inputs().get(i);
            long amount = row.amounts().getOrDefault(in.prevout(), 0L);
            byte[] spk = row.scripts().get(in.prevout());
            ScriptError e = Interpreter.verify(in.scriptSig(), spk, in.witness(), flags,
                    new TransactionSignatureChecker(tx, i, amount, pre, Verifiers.standard()));
            if (e != ScriptError.OK) {
                return e;
            }
        }
        return ScriptError.OK;
    }

    /** Core's TrimFlags: WITNESS needs P2SH, CLEANSTACK needs WITNESS. */
    private static int trim(int flags) {
        if ((flags & VerifyFlags.P2SH) == 0) {
            flags &= ~VerifyFlags.WITNESS;
        }
        if ((flags & VerifyFlags.WITNESS) == 0) {
            flags &= ~VerifyFlags.CLEANSTACK;
        }
        return flags;
    }

    /** Core's FillFlags: CLEANSTACK implies WITNESS implies P2SH. */
    private static int fill(int flags) {
        if ((flags & VerifyFlags.CLEANSTACK) != 0) {
            flags |= VerifyFlags.WITNESS;
        }
        if ((flags & VerifyFlags.WITNESS) != 0) {
            flags |= VerifyFlags.P2SH;
        }
        return flags;
    }

    private static int[] eachFlag() {
        List<Integer> flags = new ArrayList<>();
        for (int bit = 1; bit != 0 && (bit & ALL) != 0; bit <<= 1) {
            flags.add(bit);
        }
        return flags.stream().mapToInt(Integer::intValue).toArray();
    }

    private static synchronized void count(String file, int index) {
        COUNTS.computeIfAbsent(file, f -> new int[2])[index]++;
    }

    @Test
    void vectorFilesAreRead() {
        assertThat(rows("tx_valid.json")).hasSizeGreaterThan(100);
        assertThat(rows("tx_invalid.json")).hasSizeGreaterThan(80);
    }

    @AfterAll
    static void report() {
        COUNTS.forEach((file, c) -> System.out.printf("%s: %d passed, %d skipped as Taproot%n", file, c[0], c[1]));
    }
}
