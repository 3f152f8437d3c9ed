package org.minicoin.node.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minicoin.node.policy.PolicyFixtures.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.minicoin.consensus.encoding.ByteWriter;
import org.minicoin.consensus.script.Scripts;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxOut;
import org.minicoin.consensus.types.Witness;

/**
 * Core's GetDustThreshold at the default 3000 sat/kvB. The expected values are rebuilt from serialized sizes:
 * the output as it is written, plus the input that spends it (a real P2PKH input for legacy scripts; the same
 * input with its signature and key moved to the witness, discounted 4 times, for witness programs).
 */
class DustTest {
    private static final FeeRate RATE = StandardPolicy.DUST_RELAY_TX_FEE;

    private static long serializedSize(TxOut out) {
        ByteWriter w = new ByteWriter(64);
        out.write(w);
        return w.toByteArray().length;
    }

    /** Bytes a legacy P2PKH input adds to a transaction, measured. */
    private static long legacyInputSize() {
        Transaction none = tx(2, List.of(), List.of(out(1, p2pkh())));
        Transaction one = tx(2, List.of(input(0, p2pkhScriptSig(), Witness.EMPTY)), List.of(out(1, p2pkh())));
        return one.baseSize() - none.baseSize();
    }

    /** A witness input: its non-witness part (empty scriptSig) plus signature and key pushes at a quarter. */
    private static long witnessInputVsize() {
        Transaction none = tx(2, List.of(), List.of(out(1, p2pkh())));
        Transaction one = tx(2, List.of(input(0, new byte[0], Witness.EMPTY)), List.of(out(1, p2pkh())));
        long signatureAndKey = Scripts.push(SIG).length + Scripts.push(COMPRESSED_KEY).length;
        return one.baseSize() - none.baseSize() + signatureAndKey / 4;
    }

    private static long expectedThreshold(byte[] script, boolean witness) {
        long size = serializedSize(out(0, script)) + (witness ? witnessInputVsize() : legacyInputSize());
        return (size * 3000 + 999) / 1000;
    }

    @Test
    void spendingSizesAreCores148And67Bytes() {
        assertThat(legacyInputSize()).isEqualTo(148);
        assertThat(witnessInputVsize()).isEqualTo(67);
    }

    @Test
    void payToPubkeyHashDustIs546() {
        long threshold = StandardPolicy.dustThreshold(out(0, p2pkh()), RATE);
        assertThat(threshold).isEqualTo(expectedThreshold(p2pkh(), false)).isEqualTo(546);
    }

    @Test
    void payToWitnessPubkeyHashDustIs294() {
        long threshold = StandardPolicy.dustThreshold(out(0, p2wpkh()), RATE);
        assertThat(threshold).isEqualTo(expectedThreshold(p2wpkh(), true)).isEqualTo(294);
    }

    @Test
    void payToWitnessScriptHashDustIs330() {
        byte[] p2wsh = p2wsh(new byte[] {0x51});
        assertThat(StandardPolicy.dustThreshold(out(0, p2wsh), RATE)).isEqualTo(expectedThreshold(p2wsh, true))
                .isEqualTo(330);
        // Taproot has the same output size and, in Core, the same P2WPKH-sized input.
        assertThat(StandardPolicy.dustThreshold(out(0, p2tr()), RATE)).isEqualTo(330);
    }

    @Test
    void otherTypesFollowTheirSizes() {
        for (byte[] script : List.of(p2sh(p2pkh()), p2pk(COMPRESSED_KEY), p2pk(UNCOMPRESSED_KEY),
                multisig(1, compressedKeys(3)))) {
            assertThat(StandardPolicy.dustThreshold(out(0, script), RATE)).isEqualTo(expectedThreshold(script, false));
        }
        assertThat(StandardPolicy.dustThreshold(out(0, anchor()), RATE)).isEqualTo(expectedThreshold(anchor(), true));
    }

    @Test
    void thresholdScalesWithTheRate() {
        assertThat(StandardPolicy.dustThreshold(out(0, p2pkh()), FeeRate.ofSatPerKvB(1000))).isEqualTo(182);
        assertThat(StandardPolicy.dustThreshold(out(0, p2pkh()), FeeRate.ZERO)).isZero();
    }

    @Test
    void isDustIsStrictlyBelowTheThreshold() {
        assertThat(StandardPolicy.isDust(out(545, p2pkh()), RATE)).isTrue();
        assertThat(StandardPolicy.isDust(out(546, p2pkh()), RATE)).isFalse();
        assertThat(StandardPolicy.isDust(out(293, p2wpkh()), RATE)).isTrue();
        assertThat(StandardPolicy.isDust(out(294, p2wpkh()), RATE)).isFalse();
    }

    @Test
    void unspendableOutputsAreNeverDust() {
        assertThat(StandardPolicy.dustThreshold(out(0, opReturn(10)), RATE)).isZero();
        assertThat(StandardPolicy.isDust(out(0, opReturn(10)), RATE)).isFalse();
        byte[] huge = filled(Scripts.MAX_SCRIPT_SIZE + 1, 0x51);
        assertThat(StandardPolicy.dustThreshold(out(0, huge), RATE)).isZero();
        byte[] largest = filled(Scripts.MAX_SCRIPT_SIZE, 0x51);
        assertThat(StandardPolicy.dustThreshold(out(0, largest), RATE)).isEqualTo(expectedThreshold(largest, false));
    }

    @Test
    void dustOutputsListsIndexesInOrder() {
        Transaction tx = paying(out(10_000, p2pkh()), out(100, p2wpkh()), out(0, opReturn(4)), out(1, p2pkh()));
        assertThat(StandardPolicy.dustOutputs(tx, RATE)).containsExactly(1, 3);
    }
}
