package org.minicoin.node.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minicoin.consensus.encoding.ByteWriter;

class FeeEstimatorPersistenceTest {
    @TempDir
    Path dir;
    private Path file;

    @BeforeEach
    void setUp() {
        file = dir.resolve("fee_estimates.dat");
    }

    @Test
    void aSavedEstimatorGivesTheSameEstimatesWhenLoaded() throws IOException {
        FeeEstimator original = FeeEstimatorTest.twoTierMarket();
        original.flushUnconfirmed(); // as at shutdown: the mempool itself is not saved
        original.save(file);
        FeeEstimator loaded = FeeEstimator.load(file);

        // Targets above 149 (half the 298 blocks of data) are all answered as 149; a few of them suffice.
        int[] targets = IntStream.concat(IntStream.rangeClosed(1, 160), IntStream.of(500, 1008)).toArray();
        int answered = 0;
        for (int target : targets) {
            for (boolean conservative : new boolean[] {false, true}) {
                Optional<Estimate> expected = original.estimateSmartFee(target, conservative, 1000);
                assertThat(loaded.estimateSmartFee(target, conservative, 1000)).as("target %d", target)
                        .isEqualTo(expected);
                answered += expected.isPresent() ? 1 : 0;
            }
            assertThat(loaded.answerTarget(target)).isEqualTo(original.answerTarget(target));
        }
        assertThat(answered).isEqualTo(2 * targets.length); // every target had an answer

        // Saving what was loaded writes the same bytes: nothing was lost or changed on the way.
        Path again = dir.resolve("again.dat");
        loaded.save(again);
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void aLoadedEstimatorKeepsLearningAndKeepsTheSavedSpan() throws IOException {
        FeeEstimator original = FeeEstimatorTest.twoTierMarket();
        original.save(file);
        FeeEstimator loaded = FeeEstimator.load(file);
        assertThat((double) loaded.estimateSmartFee(2, false, 1000).orElseThrow().feeRateSatPerKvB())
                .isGreaterThanOrEqualTo(FeeEstimatorTest.bucketFloor(FeeEstimatorTest.HIGH));
        // The market changes: low-fee transactions now confirm in the next block.
        MempoolSimulation sim = new MempoolSimulation(loaded, 300);
        for (int block = 0; block < 100; block++) {
            for (int i = 0; i < 10; i++) {
                sim.confirmsAfter(FeeEstimatorTest.LOW, 1);
            }
            sim.mineBlock();
        }
        assertThat(loaded.estimateSmartFee(2, false, 1000).orElseThrow().feeRateSatPerKvB())
                .isLessThan(FeeEstimatorTest.HIGH * 1000 / 4);
        // 100 blocks of new data support targets up to 49; the 298 saved blocks still support 149.
        assertThat(loaded.answerTarget(1000)).isEqualTo(149);
    }

    @Test
    void saveReplacesTheFileAndLeavesNoTemporaryFiles() throws IOException {
        Files.writeString(file, "old contents");
        FeeEstimatorTest.twoTierMarket().save(file);
        assertThat(FeeEstimator.load(file).estimateSmartFee(2, false, 1000)).isPresent();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aFlippedBitIsRejected() throws IOException {
        FeeEstimatorTest.twoTierMarket().save(file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(file, bytes);
        assertThatThrownBy(() -> FeeEstimator.load(file)).isInstanceOf(IOException.class)
                .hasMessage("fee estimates file " + file + ": checksum mismatch: the file is corrupted or truncated");
    }

    @Test
    void aTruncatedFileIsRejected() throws IOException {
        FeeEstimatorTest.twoTierMarket().save(file);
        byte[] bytes = Files.readAllBytes(file);
        for (int length : new int[] {bytes.length - 1, bytes.length / 2, 50}) {
            Files.write(file, Arrays.copyOf(bytes, length));
            assertThatThrownBy(() -> FeeEstimator.load(file)).isInstanceOf(IOException.class)
                    .hasMessageEndingWith("checksum mismatch: the file is corrupted or truncated");
        }
    }

    @Test
    void aForeignFileIsRejected() throws IOException {
        Files.writeString(file, "{\"this\": \"is a chain spec, not fee estimates\", \"padding\": \"................\"}");
        assertThatThrownBy(() -> FeeEstimator.load(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("not a minicoin fee estimates file");
        Files.write(file, new byte[0]);
        assertThatThrownBy(() -> FeeEstimator.load(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("not a minicoin fee estimates file");
        assertThatThrownBy(() -> FeeEstimator.load(dir.resolve("missing.dat"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void aFileOfAnotherVersionIsRejected() throws IOException {
        FeeEstimatorTest.twoTierMarket().save(file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[8] = 2; // the version follows the 8-byte magic
        Files.write(file, bytes);
        assertThatThrownBy(() -> FeeEstimator.load(file)).isInstanceOf(IOException.class)
                .hasMessageEndingWith("format version 2 cannot be read (this node reads 1)");
    }

    /** Bodies with an intact envelope but wrong contents: what a bug or another build could write. */
    @Test
    void aWellFormedEnvelopeWithABadBodyIsRejected() throws IOException {
        FeeEstimatesFile.write(file, "garbage".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> FeeEstimator.load(file)).isInstanceOf(IOException.class)
                .hasMessageStartingWith("fee estimates file " + file + ": truncated");

        ByteWriter badRange = new ByteWriter().writeUInt32LE(100).writeUInt32LE(50).writeUInt32LE(40);
        FeeEstimatesFile.write(file, badRange.toByteArray());
        assertThatThrownBy(() -> FeeEstimator.load(file)).isInstanceOf(IOException.class)
                .hasMessageEndingWith("Corrupt estimates file. Historical block range for estimates is invalid");

        ByteWriter otherBuckets = new ByteWriter().writeUInt32LE(100).writeUInt32LE(0).writeUInt32LE(0);
        TxConfirmStats.writeDoubles(otherBuckets, new double[] {100, 105, 1e99});
        FeeEstimatesFile.write(file, otherBuckets.toByteArray());
        assertThatThrownBy(() -> FeeEstimator.load(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("written with other fee-rate buckets");

        ByteWriter trailing = new ByteWriter();
        FeeEstimatorTest.twoTierMarket().save(file);
        byte[] saved = Files.readAllBytes(file);
        trailing.writeBytes(Arrays.copyOfRange(saved, 12, saved.length - 32)).writeUInt8(0);
        FeeEstimatesFile.write(file, trailing.toByteArray());
        assertThatThrownBy(() -> FeeEstimator.load(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("trailing data");
    }
}
