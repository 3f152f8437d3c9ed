package org.minicoin.consensus.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.minicoin.consensus.encoding.DecodeException;
import org.minicoin.consensus.encoding.Hex;
import org.minicoin.consensus.testing.TestData;

/** Malformed bytes give a specific parse error, fast, and without allocating what the bytes claim. */
class HostileInputTest {
    /** Block 170's second transaction (Satoshi to Hal Finney): a real legacy transaction to damage. */
    private static final String TX_170 = "0100000001c997a5e56e104102fa209c6a852dd90660a20b2d9c352423edce25857fcd3704"
            + "000000004847304402204e45e16932b8af514961a1d3a1a25fdf3f4f7732e9d624c6c61548ab5fb8cd410220181522ec8eca07"
            + "de4860a4acdd12909d831cc56cbbac4622082221a8768d1d0901ffffffff0200ca9a3b00000000434104ae1a62fe09c5f51b1390"
            + "5f07f06b99a2f7159b2225f374cd378d71302fa28414e7aab37397f554a7df5f142c21c1b7303b8a0626f1baded5c72a704f7e6c"
            + "d84cac00286bee0000000043410411db93e1dcdb8a016b49840f8c53bc1eb68a382e97b1482ecad7b148a6909a5cb2e0eaddfb84"
            + "ccf9744464f82e160bfa9b8b64f9d4c03f999b8643f656b412a3ac00000000";

    @Test
    void theDamagedTransactionIsRealToBeginWith() {
        assertThat(Transaction.fromHex(TX_170).txid())
                .hasToString("f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16");
    }

    @Test
    void truncatedTransactionAtEveryLengthFailsWithOffset() {
        byte[] full = Hex.decode(TX_170);
        for (int len = 0; len < full.length; len++) {
            byte[] cut = Arrays.copyOf(full, len);
            assertThatThrownBy(() -> Transaction.fromBytes(cut)).as("cut at %d", len)
                    .isInstanceOf(DecodeException.class)
                    .hasMessageMatching("(truncated .*|.* cannot fit in the \\d+ bytes that remain) \\(at byte offset \\d+\\)");
        }
    }

    @Test
    void trailingGarbageIsRejected() {
        assertThatThrownBy(() -> Transaction.fromHex(TX_170 + "deadbeef"))
                .isInstanceOf(DecodeException.class)
                .hasMessage("4 bytes of trailing data after transaction (at byte offset 275)");
        byte[] genesis = TestData.mainnetRaw().get(0);
        byte[] padded = Arrays.copyOf(genesis, genesis.length + 1);
        assertThatThrownBy(() -> Block.fromBytes(padded))
                .hasMessageContaining("1 bytes of trailing data after block");
    }

    @Test
    @Timeout(5)
    void billionsOfClaimedInputsFailFastWithoutAllocation() {
        // version, then CompactSize 0xfe 0xffffffff: 4,294,967,295 inputs.
        byte[] evil = Hex.decode("01000000feffffffff" + "00".repeat(64));
        long before = allocatedBytes();
        assertThatThrownBy(() -> Transaction.fromBytes(evil))
                .isInstanceOf(DecodeException.class)
                .hasMessageContaining("input count of 4294967295 exceeds the maximum 33554432")
                .hasMessageContaining("offset 4");
        // Also a count within MAX_SIZE but far beyond the bytes present.
        byte[] evil2 = Hex.decode("01000000fe00000002" + "00".repeat(64));
        assertThatThrownBy(() -> Transaction.fromBytes(evil2))
                .hasMessageContaining("input count 33554432 cannot fit in the 64 bytes that remain");
        assertThat(allocatedBytes() - before).as("bytes allocated while rejecting").isLessThan(1 << 20);
    }

    @Test
    @Timeout(5)
    void hugeScriptLengthAndWitnessCountFailWithoutAllocation() {
        // One input whose scriptSig claims 33,554,432 bytes.
        byte[] evilScript = Hex.decode("01000000" + "01" + "00".repeat(36) + "fe00000002" + "00".repeat(10));
        long before = allocatedBytes();
        assertThatThrownBy(() -> Transaction.fromBytes(evilScript))
                .hasMessageContaining("truncated scriptSig: length 33554432 but 10 bytes remain");
        // Witness form whose first witness claims 33,554,432 items.
        byte[] evilWitness = Hex.decode("01000000" + "0001" + "01" + "00".repeat(36) + "00" + "ffffffff"
                + "01" + "0000000000000000" + "00" + "fe00000002" + "00".repeat(8));
        assertThatThrownBy(() -> Transaction.fromBytes(evilWitness))
                .hasMessageContaining("witness item count 33554432 cannot fit");
        assertThat(allocatedBytes() - before).isLessThan(1 << 20);
    }

    @Test
    void blockClaimingMoreTransactionsThanBytesIsRejected() {
        byte[] header = Arrays.copyOf(TestData.mainnetRaw().get(0), 80);
        byte[] evil = Hex.decode(Hex.encode(header) + "fe00000001" + "00".repeat(20));
        assertThatThrownBy(() -> Block.fromBytes(evil))
                .hasMessageContaining("transaction count 16777216 cannot fit in the 20 bytes that remain")
                .hasMessageContaining("offset 80");
    }

    @Test
    void witnessFlagRulesFollowCore() {
        // Marker + flag 1 but every witness empty: Core's "Superfluous witness record".
        String superfluous = "01000000" + "0001" + "01" + "00".repeat(36) + "00" + "ffffffff" + "01"
                + "0000000000000000" + "00" + "00" + "00000000";
        assertThatThrownBy(() -> Transaction.fromHex(superfluous)).hasMessageContaining("superfluous witness record");
        // Unknown flag bits: Core's "Unknown transaction optional data".
        String unknownFlag = "01000000" + "0002" + "01" + "00".repeat(36) + "00" + "ffffffff" + "01"
                + "0000000000000000" + "00" + "00000000";
        assertThatThrownBy(() -> Transaction.fromHex(unknownFlag))
                .hasMessageContaining("unknown transaction optional data (flags 2)");
    }

    @Test
    void nonCanonicalCountIsRejected() {
        // One input encoded as 0xfd 0x0100.
        String tx = "01000000" + "fd0100" + TX_170.substring(10);
        assertThatThrownBy(() -> Transaction.fromHex(tx)).hasMessageContaining("non-canonical CompactSize");
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
