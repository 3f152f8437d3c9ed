package org.minicoin.consensus.script;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.minicoin.consensus.crypto.SignatureVerifier;
import org.minicoin.consensus.encoding.Hex;
import org.minicoin.consensus.testing.TestData;
import org.minicoin.consensus.testing.Verifiers;
import org.minicoin.consensus.types.OutPoint;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxIn;
import org.minicoin.consensus.types.TxOut;
import org.minicoin.consensus.types.Witness;

/**
 * Bitcoin Core's script_tests.json: every row not needing Taproot must give exactly Core's verdict, the specific
 * error included. Rows are run as Core's DoTest runs them: a crediting transaction with the scriptPubKey, and a
 * spending transaction with the scriptSig and witness.
 */
class ScriptVectorsTest {
    private static final SignatureVerifier VERIFIER = Verifiers.standard();
    private static int passed;
    private static int skippedTaproot;

    /** A row of the file: witness and amount (if any), scripts, flags, expected error, and the row as text. */
    record Row(List<byte[]> witness, long amount, String scriptSig, String scriptPubKey, String flags,
               String expected, String text) {
        @Override
        public String toString() {
            return text.length() > 160 ? text.substring(0, 160) + "..." : text;
        }
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (JsonNode node : TestData.vectorRows("bitcoin-core/script_tests.json")) {
            int pos = 0;
            List<byte[]> witness = new ArrayList<>();
            long amount = 0;
            if (node.get(0).isArray()) {
                JsonNode w = node.get(0);
                for (int i = 0; i < w.size() - 1; i++) {
                    witness.add(w.get(i).asText().startsWith("#") ? null : Hex.decode(w.get(i).asText()));
                }
                amount = new BigDecimal(w.get(w.size() - 1).asText()).movePointRight(8).longValueExact();
                pos = 1;
            }
            if (node.size() < 4 + pos) {
                continue;
            }
            rows.add(new Row(witness, amount, node.get(pos).asText(), node.get(pos + 1).asText(),
                    node.get(pos + 2).asText(), node.get(pos + 3).asText(), node.toString()));
        }
        return rows;
    }

    static Stream<Row> nonTaprootRows() {
        return rows().stream().filter(r -> !needsTaproot(r));
    }

    private static boolean needsTaproot(Row r) {
        return r.flags().contains("TAPROOT") || r.scriptPubKey().contains("#TAPROOTOUTPUT#")
                || r.witness().contains(null);
    }

    @ParameterizedTest
    @MethodSource("nonTaprootRows")
    void givesCoresVerdict(Row row) {
        int flags = VerifyFlags.parse(row.flags());
        // As Core's DoTest: CLEANSTACK is only defined together with P2SH and WITNESS.
        if ((flags & VerifyFlags.CLEANSTACK) != 0) {
            flags |= VerifyFlags.P2SH | VerifyFlags.WITNESS;
        }
        byte[] scriptSig = ScriptAsm.parse(row.scriptSig());
        byte[] scriptPubKey = ScriptAsm.parse(row.scriptPubKey());
        Witness witness = Witness.of(row.witness());
        ScriptError expected = ScriptError.valueOf(row.expected());

        assertThat(run(scriptSig, scriptPubKey, witness, row.amount(), flags)).isEqualTo(expected);

        // Removing flags from a passing row, or adding flags to a failing row, must not change pass/fail.
        Random rnd = new Random(row.text().hashCode());
        boolean expectOk = expected == ScriptError.OK;
        for (int i = 0; i < 16; i++) {
            int extra = rnd.nextInt() & VerifyFlags.ALL & ~VerifyFlags.TAPROOT;
            int combined = expectOk ? flags & ~extra : flags | extra;
            if ((combined & VerifyFlags.CLEANSTACK) != 0
                    && (combined & (VerifyFlags.P2SH | VerifyFlags.WITNESS)) != (VerifyFlags.P2SH | VerifyFlags.WITNESS)) {
                continue;
            }
            if ((combined & VerifyFlags.WITNESS) != 0 && (combined & VerifyFlags.P2SH) == 0) {
                continue;
            }
            assertThat(run(scriptSig, scriptPubKey, witness, row.amount(), combined) == ScriptError.OK)
                    .as("with flags %s", VerifyFlags.format(combined)).isEqualTo(expectOk);
        }
        passed++;
    }

    private static ScriptError run(byte[] scriptSig, byte[] scriptPubKey, Witness witness, long amount, int flags) {
        // Core's BuildCreditingTransaction / BuildSpendingTransaction.
        Transaction credit = new Transaction(1,
                List.of(new TxIn(OutPoint.NULL, new byte[] {0, 0}, TxIn.SEQUENCE_FINAL)),
                List.of(new TxOut(amount, scriptPubKey)), 0);
        Transaction spend = new Transaction(1,
                List.of(new TxIn(new OutPoint(credit.txid(), 0), scriptSig, TxIn.SEQUENCE_FINAL, witness)),
                List.of(new TxOut(amount, new byte[0])), 0);
        SignatureChecker checker = new TransactionSignatureChecker(spend, 0, amount, new SigHash.Precomputed(spend),
                VERIFIER);
        return Interpreter.verify(scriptSig, scriptPubKey, witness, flags, checker);
    }

    @Test
    void everyNonTaprootRowIsRun() {
        long total = rows().size();
        long taproot = rows().stream().filter(ScriptVectorsTest::needsTaproot).count();
        assertThat(total).isGreaterThan(1200);
        assertThat(taproot).isLessThan(20);
        skippedTaproot = (int) taproot;
    }

    @AfterAll
    static void report() {
        System.out.printf("script_tests.json: %d passed, %d skipped as Taproot%n", passed, skippedTaproot);
    }
}
