package org.minicoin.node.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.minicoin.node.policy.PolicyFixtures.*;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.minicoin.consensus.script.Opcodes;
import org.minicoin.consensus.script.Scripts;
import org.minicoin.consensus.types.OutPoint;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxIn;
import org.minicoin.consensus.types.Witness;
import org.minicoin.consensus.validation.Coin;
import org.minicoin.consensus.validation.TxValidationResult;
import org.minicoin.consensus.validation.ValidationException;

/** Core's AreInputsStandard: what a standard transaction may spend. */
class InputsStandardTest {

    private static void check(byte[] prevScript, byte[] scriptSig) {
        StandardPolicy.checkInputsStandard(spending(scriptSig, Witness.EMPTY), List.of(coin(prevScript)));
    }

    private static ValidationException rejectsInputs(byte[] prevScript, byte[] scriptSig) {
        return rejects(() -> check(prevScript, scriptSig), TxValidationResult.INPUTS_NOT_STANDARD,
                "bad-txns-nonstandard-inputs");
    }

    static Stream<Arguments> spendableTypes() {
        return Stream.of(
                Arguments.of("pubkeyhash", p2pkh()),
                Arguments.of("pubkey", p2pk(COMPRESSED_KEY)),
                Arguments.of("multisig", multisig(1, compressedKeys(3))),
                Arguments.of("witness_v0_keyhash", p2wpkh()),
                Arguments.of("witness_v0_scripthash", p2wsh(new byte[] {0x51})),
                Arguments.of("witness_v1_taproot", p2tr()),
                Arguments.of("anchor", anchor()),
                Arguments.of("bare multisig of 16 keys (spendable, though not standard to create)", multisig(1, compressedKeys(16))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spendableTypes")
    void knownTypesMayBeSpent(String name, byte[] prevScript) {
        assertThatCode(() -> check(prevScript, p2pkhScriptSig())).doesNotThrowAnyException();
    }

    @Test
    void nonstandardPrevoutIsRejectedWithItsIndex() {
        Transaction tx = tx(2, List.of(input(0, p2pkhScriptSig(), Witness.EMPTY), input(1, new byte[0], Witness.EMPTY)),
                List.of(out(1000, p2pkh())));
        ValidationException e = rejects(() -> StandardPolicy.checkInputsStandard(tx,
                List.of(coin(p2pkh()), coin(ops(Opcodes.OP_1)))), TxValidationResult.INPUTS_NOT_STANDARD,
                "bad-txns-nonstandard-inputs");
        assertThat(e.reason().message()).isEqualTo("input 1 script unknown");
    }

    @Test
    void unknownWitnessVersionsAreReservedForUpgrades() {
        ValidationException e = rejectsInputs(witnessProgram(2, filled(32, 1)), new byte[0]);
        assertThat(e.reason().message()).isEqualTo("input 0 witness program is undefined");
        rejectsInputs(witnessProgram(1, filled(20, 1)), new byte[0]);
    }

    @Test
    void p2shRedeemScriptWithFifteenSigopsIsStandardSixteenIsNot() {
        byte[] fifteen = concat(filled(15, Opcodes.OP_CHECKSIG), ops(Opcodes.OP_1));
        byte[] sixteen = concat(filled(16, Opcodes.OP_CHECKSIG), ops(Opcodes.OP_1));
        assertThat(Scripts.sigOpCount(sixteen, true)).isEqualTo(16);
        assertThatCode(() -> check(p2sh(fifteen), Scripts.push(fifteen))).doesNotThrowAnyException();
        ValidationException e = rejectsInputs(p2sh(sixteen), Scripts.push(sixteen));
        assertThat(e.reason().message()).isEqualTo("p2sh redeemscript sigops exceed limit (input 0: 16 > 15)");
    }

    @Test
    void p2shMultisigSigopsAreCountedAccurately() {
        // OP_15 ... OP_CHECKMULTISIG counts 15; OP_16 counts 16; a non-literal key count counts 20.
        byte[] fifteenKeys = multisig(1, compressedKeys(15));
        byte[] sixteenKeys = multisig(1, compressedKeys(16));
        assertThatCode(() -> check(p2sh(fifteenKeys), concat(ops(Opcodes.OP_0), Scripts.push(fifteenKeys))))
                .doesNotThrowAnyException();
        rejectsInputs(p2sh(sixteenKeys), Scripts.push(sixteenKeys));
        byte[] dynamic = ops(Opcodes.OP_DEPTH, Opcodes.OP_CHECKMULTISIG);
        ValidationException e = rejectsInputs(p2sh(dynamic), Scripts.push(dynamic));
        assertThat(e.reason().message()).contains("20 > 15");
    }

    @Test
    void onlyTheLastPushIsTheRedeemScript() {
        byte[] heavy = filled(16, Opcodes.OP_CHECKSIG);
        byte[] light = ops(Opcodes.OP_CHECKSIG);
        // The hash in the prevout is not checked here; only the scriptSig's last item is inspected.
        assertThatCode(() -> check(p2sh(light), concat(Scripts.push(heavy), Scripts.push(light))))
                .doesNotThrowAnyException();
        rejectsInputs(p2sh(light), concat(Scripts.push(light), Scripts.push(heavy)));
    }

    @Test
    void p2shWithoutARedeemScript() {
        ValidationException e = rejectsInputs(p2sh(p2pkh()), new byte[0]);
        assertThat(e.reason().message()).isEqualTo("input 0 P2SH redeemscript missing");
    }

    @Test
    void p2shScriptSigThatFailsToEvaluate() {
        ValidationException e = rejectsInputs(p2sh(p2pkh()), ops(Opcodes.OP_VERIFY));
        assertThat(e.reason().message())
                .isEqualTo("p2sh scriptsig malformed (input 0: Operation not valid with the current stack size)");
        ValidationException truncated = rejectsInputs(p2sh(p2pkh()), new byte[] {0x05, 0x01});
        assertThat(truncated.reason().message()).contains("Opcode missing or not understood");
    }

    @Test
    void coinbaseIsNotChecked() {
        Transaction coinbase = tx(2, List.of(new TxIn(OutPoint.NULL, new byte[] {1, 1}, TxIn.SEQUENCE_FINAL)),
                List.of(out(50, ops(Opcodes.OP_1))));
        assertThatCode(() -> StandardPolicy.checkInputsStandard(coinbase, List.of())).doesNotThrowAnyException();
        assertThatCode(() -> StandardPolicy.checkWitnessStandard(coinbase, List.of())).doesNotThrowAnyException();
    }

    @Test
    void oneCoinPerInputIsRequired() {
        Transaction tx = spending(new byte[0], Witness.EMPTY);
        List<Coin> two = List.of(coin(p2pkh()), coin(p2pkh()));
        assertThatThrownBy(() -> StandardPolicy.checkInputsStandard(tx, two))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("1 inputs but 2 coins");
        assertThatThrownBy(() -> StandardPolicy.checkWitnessStandard(tx, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
