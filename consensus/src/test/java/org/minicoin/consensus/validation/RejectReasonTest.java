package org.minicoin.consensus.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What each result kind tells the node, as Core's net_processing and InvalidBlockFound decide. */
class RejectReasonTest {

    @ParameterizedTest(name = "{0}: penalise {1}, mark invalid {2}")
    @CsvSource(textBlock = """
            CONSENSUS,       true,  true
            CACHED_INVALID,  false, true
            INVALID_HEADER,  true,  true
            MUTATED,         true,  false
            MISSING_PREV,    true,  false
            INVALID_PREV,    true,  true
            TIME_FUTURE,     false, false
            HEADER_LOW_WORK, false, false
            """)
    void blockResultKinds(BlockValidationResult kind, boolean penalise, boolean markInvalid) {
        RejectReason r = RejectReason.block(kind, "x", "y");
        assertThat(r.penalizesSender()).isEqualTo(penalise);
        assertThat(r.marksBlockInvalid()).isEqualTo(markInvalid);
    }

    @ParameterizedTest
    @CsvSource({"CONSENSUS", "MISSING_INPUTS", "PREMATURE_SPEND", "NOT_STANDARD"})
    void transactionFailuresNeitherPenaliseNorMarkBlocks(TxValidationResult kind) {
        RejectReason r = RejectReason.tx(kind, "x", "y");
        assertThat(r.penalizesSender()).isFalse();
        assertThat(r.marksBlockInvalid()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"bad-txnmrklroot, hashMerkleRoot mismatch, 'bad-txnmrklroot, hashMerkleRoot mismatch'",
        "bad-txns-vin-empty, '', bad-txns-vin-empty"})
    void readsAsCoresValidationStateToString(String code, String message, String expected) {
        ValidationException e = ValidationException.block(BlockValidationResult.CONSENSUS, code, message);
        assertThat(e).hasMessage(expected);
        assertThat(e.reason()).hasToString(expected);
    }
}
