package org.minicoin.node.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.minicoin.node.policy.PolicyFixtures.*;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.minicoin.consensus.script.Opcodes;
import org.minicoin.consensus.script.Scripts;
import org.minicoin.consensus.script.VerifyFlags;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxOut;
import org.minicoin.consensus.types.Witness;
import org.minicoin.consensus.validation.TxValidationResult;
import org.minicoin.consensus.validation.ValidationException;

/**
 * Core's IsStandardTx and the policy checks of PreChecks: a standard transaction of every allowed output type
 * passes, and each reject code is produced by a transaction that differs from a standard one in that respect only.
 */
class StandardTxTest {
    private static final FeeRate DUST = StandardPolicy.DUST_RELAY_TX_FEE;

    private static void assertStandard(Transaction tx) {
        assertThatCode(() -> {
            StandardPolicy.checkStandardTx(tx, DUST, true);
            StandardPolicy.checkNonWitnessSize(tx);
        }).doesNotThrowAnyException();
    }

    private static ValidationException rejectsStandard(Transaction tx, boolean permitBareMultisig, String code) {
        return rejects(() -> StandardPolicy.checkStandardTx(tx, DUST, permitBareMultisig),
                TxValidationResult.NOT_STANDARD, code);
    }

    static Stream<Arguments> standardOutputs() {
        return Stream.of(
                Arguments.of("pubkeyhash", p2pkh()),
                Arguments.of("scripthash", p2sh(p2pkh())),
                Arguments.of("witness_v0_keyhash", p2wpkh()),
                Arguments.of("witness_v0_scripthash", p2wsh(new byte[] {0x51})),
                Arguments.of("witness_v1_taproot", p2tr()),
                Arguments.of("anchor", anchor()),
                Arguments.of("witness_unknown", witnessProgram(2, filled(32, 7))),
                Arguments.of("pubkey (compressed)", p2pk(COMPRESSED_KEY)),
                Arguments.of("pubkey (uncompressed)", p2pk(UNCOMPRESSED_KEY)),
                Arguments.of("multisig 1-of-1", multisig(1, compressedKeys(1))),
                Arguments.of("multisig 2-of-3", multisig(2, COMPRESSED_KEY, UNCOMPRESSED_KEY, key(33, 3))),
                Arguments.of("multisig 3-of-3", multisig(3, compressedKeys(3))),
                Arguments.of("nulldata, empty", ops(Opcodes.OP_RETURN)),
                Arguments.of("nulldata, 83 bytes", opReturn(80)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("standardOutputs")
    void everyStandardOutputTypePasses(String name, byte[] script) {
        long value = script[0] == Opcodes.OP_RETURN ? 0 : 10_000;
        Transaction tx = paying(out(value, script), out(50_000, p2wpkh()));
        assertStandard(tx);
        if (name.startsWith("nulldata, 83")) {
            assertThat(script).hasSize(StandardPolicy.MAX_OP_RETURN_RELAY);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void versionsOneAndTwoAreStandard(int version) {
        assertStandard(tx(version, paying(out(10_000, p2pkh())).inputs(), List.of(out(10_000, p2pkh()))));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 4, -1, Integer.MIN_VALUE})
    void otherVersionsAreNot(int version) {
        Transaction tx = tx(version, paying().inputs(), List.of(out(10_000, p2pkh())));
        ValidationException e = rejectsStandard(tx, true, "version");
        assertThat(e.reason().message()).contains(Integer.toUnsignedString(version));
    }

    @Test
    void weightUpToTheLimitIsStandardAndAboveItIsNot() {
        // Many P2PKH outputs, then the scriptSig padded with OP_1s (push-only) to land exactly on the limit.
        List<TxOut> outputs = new ArrayList<>();
        for (int i = 0; i < 2900; i++) {
            outputs.add(out(10_000, p2pkh()));
        }
        Transaction atLimit = null;
        for (int pad = 0; atLimit == null; pad++) {
            Transaction t = tx(2, List.of(input(0, filled(pad, Opcodes.OP_1), Witness.EMPTY)), outputs);
            if (t.weight() == StandardPolicy.MAX_STANDARD_TX_WEIGHT) {
                atLimit = t;
            }
            assertThat(t.weight()).isLessThanOrEqualTo(StandardPolicy.MAX_STANDARD_TX_WEIGHT);
        }
        assertStandard(atLimit);
        byte[] oneMore = filled(atLimit.inputs().get(0).scriptSigLength() + 1, Opcodes.OP_1);
        Transaction over = tx(2, List.of(input(0, oneMore, Witness.EMPTY)), outputs);
        assertThat(over.weight()).isGreaterThan(StandardPolicy.MAX_STANDARD_TX_WEIGHT);
        rejectsStandard(over, true, "tx-size");
    }

    @Test
    void scriptSigUpTo1650BytesIsStandard() {
        Transaction max = tx(2, List.of(input(0, filled(1650, Opcodes.OP_1), Witness.EMPTY)),
                List.of(out(10_000, p2pkh())));
        assertStandard(max);
        Transaction over = tx(2, List.of(input(0, filled(1651, Opcodes.OP_1), Witness.EMPTY)),
                List.of(out(10_000, p2pkh())));
        ValidationException e = rejectsStandard(over, true, "scriptsig-size");
        assertThat(e.reason().message()).contains("input 0").contains("1651");
    }

    @Test
    void scriptSigMustBePushOnly() {
        byte[] withDup = concat(p2pkhScriptSig(), ops(Opcodes.OP_DUP));
        Transaction tx = tx(2, List.of(input(0, p2pkhScriptSig(), Witness.EMPTY), input(1, withDup, Witness.EMPTY)),
                List.of(out(10_000, p2pkh())));
        ValidationException e = rejectsStandard(tx, true, "scriptsig-not-pushonly");
        assertThat(e.reason().message()).contains("input 1");
        // A truncated push is not push-only either.
        Transaction truncated = tx(2, List.of(input(0, new byte[] {0x05, 0x01}, Witness.EMPTY)),
                List.of(out(10_000, p2pkh())));
        rejectsStandard(truncated, true, "scriptsig-not-pushonly");
    }

    static Stream<Arguments> nonstandardOutputs() {
        return Stream.of(
                Arguments.of("OP_TRUE", ops(Opcodes.OP_1)),
                Arguments.of("empty script", new byte[0]),
                Arguments.of("4-of-4 multisig", multisig(1, compressedKeys(4))),
                Arguments.of("1-of-16 multisig", multisig(1, compressedKeys(16))),
                Arguments.of("OP_RETURN of 84 bytes", opReturn(81)),
                Arguments.of("OP_RETURN with a non-push", concat(opReturn(4), ops(Opcodes.OP_NOP))),
                Arguments.of("version 0 program of 21 bytes", witnessProgram(0, filled(21, 1))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nonstandardOutputs")
    void nonstandardOutputScripts(String name, byte[] script) {
        Transaction tx = paying(out(10_000, p2pkh()), out(10_000, script));
        ValidationException e = rejectsStandard(tx, true, "scriptpubkey");
        assertThat(e.reason().message()).startsWith("output 1");
    }

    @Test
    void opReturnSizeCountsTheWholeScript() {
        assertThat(opReturn(80)).hasSize(83);
        assertThat(opReturn(81)).hasSize(84);
        // The limit is on the script, not the data: two pushes of 40 and 41 bytes make 84 bytes in all.
        byte[] eightyFour = concat(ops(Opcodes.OP_RETURN), Scripts.push(filled(40, 1)), Scripts.push(filled(41, 2)));
        assertThat(eightyFour).hasSize(84);
        rejectsStandard(paying(out(0, eightyFour)), true, "scriptpubkey");
        byte[] eightyThree = concat(ops(Opcodes.OP_RETURN), Scripts.push(filled(40, 1)), Scripts.push(filled(40, 2)));
        assertStandard(paying(out(0, eightyThree), out(10_000, p2pkh())));
    }

    @Test
    void bareMultisigOnlyWhenPermitted() {
        Transaction tx = paying(out(10_000, multisig(1, compressedKeys(2))));
        assertStandard(tx);
        ValidationException e = rejectsStandard(tx, false, "bare-multisig");
        assertThat(e.reason().message()).isEqualTo("output 0");
        // P2SH-wrapped multisig is not bare.
        assertThatCode(() -> StandardPolicy.checkStandardTx(paying(out(10_000, p2sh(multisig(1, compressedKeys(2))))),
                DUST, false)).doesNotThrowAnyException();
    }

    @Test
    void oneDustOutputPassesTwoDoNot() {
        // Core v29 allows a single (ephemeral) dust output; the fee rule for it is checkEphemeralDust.
        assertStandard(paying(out(545, p2pkh()), out(10_000, p2pkh())));
        Transaction twoDust = paying(out(545, p2pkh()), out(10_000, p2pkh()), out(293, p2wpkh()));
        ValidationException e = rejectsStandard(twoDust, true, "dust");
        assertThat(e.reason().message()).contains("[0, 2]");
        // At the threshold nothing is dust.
        assertStandard(paying(out(546, p2pkh()), out(294, p2wpkh())));
    }

    @Test
    void dustIsMeasuredAtTheGivenRate() {
        Transaction tx = paying(out(200, p2pkh()), out(200, p2pkh()));
        rejectsStandard(tx, true, "dust");
        assertThatCode(() -> StandardPolicy.checkStandardTx(tx, FeeRate.ofSatPerKvB(1000), true))
                .doesNotThrowAnyException();
    }

    @Test
    void dustOutputRequiresZeroFee() {
        Transaction tx = paying(out(0, anchor()), out(10_000, p2pkh()));
        assertStandard(tx);
        assertThatCode(() -> StandardPolicy.checkEphemeralDust(tx, 0, 0, DUST)).doesNotThrowAnyException();
        ValidationException e = rejects(() -> StandardPolicy.checkEphemeralDust(tx, 1, 1, DUST),
                TxValidationResult.NOT_STANDARD, "dust");
        assertThat(e.reason().message()).isEqualTo("tx with dust output must be 0-fee");
        // A prioritised (modified) fee counts too.
        rejects(() -> StandardPolicy.checkEphemeralDust(tx, 0, 500, DUST), TxValidationResult.NOT_STANDARD, "dust");
        // Without dust any fee is fine.
        Transaction clean = paying(out(10_000, p2pkh()));
        assertThatCode(() -> StandardPolicy.checkEphemeralDust(clean, 1000, 1000, DUST)).doesNotThrowAnyException();
    }

    @Test
    void onlyOneOpReturnOutput() {
        Transaction two = paying(out(0, opReturn(4)), out(10_000, p2pkh()), out(0, ops(Opcodes.OP_RETURN)));
        ValidationException e = rejectsStandard(two, true, "multi-op-return");
        assertThat(e.reason().message()).startsWith("2 ");
    }

    @Test
    void nonWitnessSizeOfAtLeast65Bytes() {
        // One input with an empty scriptSig and one OP_RETURN output: 60 bytes plus the output script.
        Witness w = witness(SIG, COMPRESSED_KEY);
        Transaction small = tx(2, List.of(input(0, new byte[0], w)), List.of(out(0, opReturn(2))));
        assertThat(small.baseSize()).isEqualTo(64);
        assertThatCode(() -> StandardPolicy.checkStandardTx(small, DUST, true)).doesNotThrowAnyException();
        ValidationException e = rejects(() -> StandardPolicy.checkNonWitnessSize(small),
                TxValidationResult.NOT_STANDARD, "tx-size-small");
        assertThat(e.reason().message()).contains("64");
        Transaction enough = tx(2, List.of(input(0, new byte[0], w)), List.of(out(0, opReturn(3))));
        assertThat(enough.baseSize()).isEqualTo(65);
        assertStandard(enough);
    }

    @Test
    void sigOpCostLimitIsAFifthOfTheBlocks() {
        assertThat(StandardPolicy.MAX_STANDARD_TX_SIGOPS_COST).isEqualTo(16_000);
        assertThatCode(() -> StandardPolicy.checkSigOpsCost(16_000)).doesNotThrowAnyException();
        ValidationException e = rejects(() -> StandardPolicy.checkSigOpsCost(16_001), TxValidationResult.NOT_STANDARD,
                "bad-txns-too-many-sigops");
        assertThat(e.reason().message()).isEqualTo("16001");
    }

    @Test
    void virtualSizeIsWeightOrPricedSigopsOverFourRoundedUp() {
        Transaction tx = paying(out(10_000, p2pkh()), out(20_000, p2wpkh()));
        assertThat(StandardPolicy.virtualSize(tx, 0, StandardPolicy.DEFAULT_BYTES_PER_SIGOP)).isEqualTo(tx.vsize());
        assertThat(StandardPolicy.virtualSize(1001, 0, 20)).isEqualTo(251);
        assertThat(StandardPolicy.virtualSize(1000, 50, 20)).isEqualTo(250);
        assertThat(StandardPolicy.virtualSize(1000, 51, 20)).isEqualTo(255);
        assertThat(StandardPolicy.virtualSize(1000, 100, 0)).isEqualTo(250);
        // Sigops priced above the weight decide the size.
        long sigops = tx.weight();
        assertThat(StandardPolicy.virtualSize(tx, sigops, 20)).isEqualTo((sigops * 20 + 3) / 4);
    }

    @Test
    void scriptFlagsAreCoresMinusTaproot() {
        int flags = StandardPolicy.STANDARD_SCRIPT_VERIFY_FLAGS;
        assertThat(VerifyFlags.format(flags)).isEqualTo("P2SH,STRICTENC,DERSIG,LOW_S,NULLDUMMY,MINIMALDATA,"
                + "DISCOURAGE_UPGRADABLE_NOPS,CLEANSTACK,CHECKLOCKTIMEVERIFY,CHECKSEQUENCEVERIFY,WITNESS,"
                + "DISCOURAGE_UPGRADABLE_WITNESS_PROGRAM,MINIMALIF,NULLFAIL,WITNESS_PUBKEYTYPE,CONST_SCRIPTCODE");
        assertThat(flags & StandardPolicy.MANDATORY_SCRIPT_VERIFY_FLAGS)
                .isEqualTo(StandardPolicy.MANDATORY_SCRIPT_VERIFY_FLAGS);
        assertThat(flags & VerifyFlags.TAPROOT).isZero();
        // SIGPUSHONLY is not a policy flag: IsStandardTx checks push-only scriptSigs itself.
        assertThat(flags & VerifyFlags.SIGPUSHONLY).isZero();
        assertThat(StandardPolicy.STANDARD_LOCKTIME_VERIFY_FLAGS).isEqualTo(StandardPolicy.LOCKTIME_VERIFY_SEQUENCE);
    }

    @Test
    void checksAreMadeInCoresOrder() {
        // Version comes before size, push-only before output types, dust before the OP_RETURN count.
        Transaction badVersionAndScriptSig = tx(3, List.of(input(0, ops(Opcodes.OP_DUP), Witness.EMPTY)),
                List.of(out(10_000, p2pkh())));
        rejectsStandard(badVersionAndScriptSig, true, "version");
        Transaction badScriptSigAndOutput = tx(2, List.of(input(0, ops(Opcodes.OP_DUP), Witness.EMPTY)),
                List.of(out(10_000, ops(Opcodes.OP_1))));
        rejectsStandard(badScriptSigAndOutput, true, "scriptsig-not-pushonly");
        Transaction dustAndTwoOpReturns = paying(out(1, p2pkh()), out(1, p2pkh()), out(0, opReturn(1)),
                out(0, opReturn(1)));
        rejectsStandard(dustAndTwoOpReturns, true, "dust");
    }
}
