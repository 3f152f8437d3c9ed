package org.minicoin.node.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.minicoin.node.policy.PolicyFixtures.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.minicoin.consensus.script.Opcodes;
import org.minicoin.consensus.script.Scripts;
import org.minicoin.consensus.types.Witness;
import org.minicoin.consensus.validation.TxValidationResult;
import org.minicoin.consensus.validation.ValidationException;

/** Core's IsWitnessStandard: witness sizes of P2WSH and Taproot spends, and no witness where none belongs. */
class WitnessStandardTest {
    private static final byte[] SMALL_SCRIPT = ops(Opcodes.OP_1);

    private static void check(byte[] prevScript, byte[] scriptSig, Witness witness) {
        StandardPolicy.checkWitnessStandard(spending(scriptSig, witness), List.of(coin(prevScript)));
    }

    private static void passes(byte[] prevScript, byte[] scriptSig, Witness witness) {
        assertThatCode(() -> check(prevScript, scriptSig, witness)).doesNotThrowAnyException();
    }

    private static ValidationException fails(byte[] prevScript, byte[] scriptSig, Witness witness) {
        return rejects(() -> check(prevScript, scriptSig, witness), TxValidationResult.WITNESS_MUTATED,
                "bad-witness-nonstandard");
    }

    /** A P2WSH witness: {@code items}, then the script. */
    private static Witness p2wshWitness(List<byte[]> items, byte[] script) {
        List<byte[]> all = new ArrayList<>(items);
        all.add(script);
        return Witness.of(all);
    }

    @Test
    void p2wpkhSpendPasses() {
        passes(p2wpkh(), new byte[0], witness(SIG, COMPRESSED_KEY));
        // IsWitnessStandard sets no limit on version 0 key-hash witnesses; consensus rejects a wrong shape.
        passes(p2wpkh(), new byte[0], witness(filled(500, 1), filled(500, 2), filled(500, 3)));
    }

    @Test
    void p2wshScriptUpTo3600Bytes() {
        byte[] max = filled(3600, Opcodes.OP_NOP);
        passes(p2wsh(max), new byte[0], p2wshWitness(List.of(), max));
        byte[] over = filled(3601, Opcodes.OP_NOP);
        ValidationException e = fails(p2wsh(over), new byte[0], p2wshWitness(List.of(), over));
        assertThat(e.reason().message()).isEqualTo("input 0: P2WSH script of 3601 bytes > 3600");
    }

    @Test
    void p2wshUpTo100StackItems() {
        passes(p2wsh(SMALL_SCRIPT), new byte[0], p2wshWitness(items(100, 80), SMALL_SCRIPT));
        ValidationException e = fails(p2wsh(SMALL_SCRIPT), new byte[0], p2wshWitness(items(101, 1), SMALL_SCRIPT));
        assertThat(e.reason().message()).contains("101 items");
    }

    @Test
    void p2wshStackItemsUpTo80Bytes() {
        passes(p2wsh(SMALL_SCRIPT), new byte[0], p2wshWitness(List.of(filled(80, 1), new byte[0]), SMALL_SCRIPT));
        ValidationException e = fails(p2wsh(SMALL_SCRIPT), new byte[0],
                p2wshWitness(List.of(new byte[0], filled(81, 1)), SMALL_SCRIPT));
        assertThat(e.reason().message()).isEqualTo("input 0: P2WSH stack item 1 of 81 bytes > 80");
    }

    @Test
    void p2shWrappedP2wshHasTheSameLimits() {
        byte[] redeem = p2wsh(SMALL_SCRIPT);
        byte[] scriptSig = Scripts.push(redeem);
        passes(p2sh(redeem), scriptSig, p2wshWitness(List.of(filled(80, 1)), SMALL_SCRIPT));
        fails(p2sh(redeem), scriptSig, p2wshWitness(List.of(filled(81, 1)), SMALL_SCRIPT));
        passes(p2sh(p2wpkh()), Scripts.push(p2wpkh()), witness(SIG, COMPRESSED_KEY));
    }

    @Test
    void witnessOnANonWitnessScriptIsRejected() {
        ValidationException e = fails(p2pkh(), p2pkhScriptSig(), witness(new byte[] {1}));
        assertThat(e.reason().message()).isEqualTo("input 0: witness on a non-witness script");
        // P2SH whose redeem script is not a witness program.
        fails(p2sh(p2pkh()), concat(p2pkhScriptSig(), Scripts.push(p2pkh())), witness(new byte[] {1}));
    }

    @Test
    void witnessOnP2shWithoutAUsableRedeemScriptIsRejected() {
        ValidationException empty = fails(p2sh(p2wpkh()), new byte[0], witness(SIG, COMPRESSED_KEY));
        assertThat(empty.reason().message()).contains("no redeem script");
        fails(p2sh(p2wpkh()), ops(Opcodes.OP_VERIFY), witness(SIG, COMPRESSED_KEY));
    }

    @Test
    void witnessOnAnAnchorIsStuffing() {
        passes(anchor(), new byte[0], Witness.EMPTY);
        ValidationException e = fails(anchor(), new byte[0], witness(new byte[] {1}));
        assertThat(e.reason().message()).contains("pay-to-anchor");
    }

    @Test
    void emptyWitnessesAreNotChecked() {
        // Even on a P2WSH prevout: with nothing to bloat, script validation will decide.
        passes(p2wsh(SMALL_SCRIPT), new byte[0], Witness.EMPTY);
        passes(ops(Opcodes.OP_1), new byte[0], Witness.EMPTY);
    }

    @Test
    void taprootKeyPathHasNoLimit() {
        passes(p2tr(), new byte[0], witness(filled(1000, 1)));
    }

    @Test
    void taprootAnnexIsNonstandard() {
        ValidationException e = fails(p2tr(), new byte[0], witness(filled(64, 1), new byte[] {0x50, 1}));
        assertThat(e.reason().message()).contains("annex");
        // A single item starting with 0x50 is a key path signature, not an annex.
        passes(p2tr(), new byte[0], witness(new byte[] {0x50, 1}));
    }

    @Test
    void tapscriptStackItemsUpTo80Bytes() {
        byte[] controlBlock = concat(new byte[] {(byte) 0xc0}, filled(32, 2));
        passes(p2tr(), new byte[0], witness(filled(80, 1), SMALL_SCRIPT, controlBlock));
        ValidationException e = fails(p2tr(), new byte[0], witness(filled(81, 1), SMALL_SCRIPT, controlBlock));
        assertThat(e.reason().message()).contains("tapscript stack item 0 of 81 bytes");
        // The parity bit of the control block does not change the leaf version.
        byte[] oddParity = concat(new byte[] {(byte) 0xc1}, filled(32, 2));
        fails(p2tr(), new byte[0], witness(filled(81, 1), SMALL_SCRIPT, oddParity));
        // The script itself is not an item of the stack: it may be larger.
        passes(p2tr(), new byte[0], witness(filled(80, 1), filled(500, Opcodes.OP_NOP), controlBlock));
    }

    @Test
    void otherLeafVersionsHaveNoItemLimit() {
        byte[] controlBlock = concat(new byte[] {(byte) 0xc2}, filled(32, 2));
        passes(p2tr(), new byte[0], witness(filled(81, 1), SMALL_SCRIPT, controlBlock));
    }

    @Test
    void emptyControlBlockIsNonstandard() {
        ValidationException e = fails(p2tr(), new byte[0], witness(SMALL_SCRIPT, new byte[0]));
        assertThat(e.reason().message()).contains("control block");
    }

    @Test
    void p2shWrappedVersionOneIsNotTaproot() {
        byte[] redeem = p2tr();
        passes(p2sh(redeem), Scripts.push(redeem), witness(filled(81, 1), new byte[] {0x50}));
    }

    @Test
    void failureNamesTheInput() {
        var tx = tx(2, List.of(input(0, new byte[0], witness(SIG, COMPRESSED_KEY)),
                input(1, p2pkhScriptSig(), witness(new byte[] {1}))), List.of(out(1000, p2wpkh())));
        ValidationException e = rejects(() -> StandardPolicy.checkWitnessStandard(tx,
                List.of(coin(p2wpkh()), coin(p2pkh()))), TxValidationResult.WITNESS_MUTATED, "bad-witness-nonstandard");
        assertThat(e.reason().message()).startsWith("input 1:");
    }
}
