package org.minicoin.consensus.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ByteReaderTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "00, 0",
            "fc, 252",
            "fdfd00, 253",
            "fdffff, 65535",
            "fe00000100, 65536",
            "fe00000002, 33554432",
    })
    void readsCanonicalCompactSizes(String hex, long expected) {
        ByteReader r = new ByteReader(Hex.decode(hex));
        assertThat(r.readCompactSize("n")).isEqualTo(expected);
        assertThat(r.remaining()).isZero();
        assertThat(Hex.encode(new ByteWriter().writeCompactSize(expected).toByteArray())).isEqualTo(hex);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "fdfc00, non-canonical, 0",
            "feffff0000, non-canonical, 0",                // 65535 fits in the 0xfd form
            "ffffffffff00000000, non-canonical, 0",        // 2^32-1 fits in the 0xfe form
            "fe01000002, exceeds the maximum 33554432, 0",  // MAX_SIZE + 1
            "ffffffffffffffffff, exceeds the maximum, 0",   // 2^64-1 must not wrap negative
            "fd00, truncated, 1",
    })
    void rejectsBadCompactSizes(String hex, String message, int offset) {
        assertThatThrownBy(() -> new ByteReader(Hex.decode(hex)).readCompactSize("count"))
                .isInstanceOf(DecodeException.class)
                .hasMessageContaining(message)
                .extracting(e -> ((DecodeException) e).offset()).isEqualTo(offset);
    }

    @Test
    void truncationNamesTheFieldAndOffset() {
        ByteReader r = new ByteReader(Hex.decode("0100000002"));
        r.readInt32LE("version");
        assertThatThrownBy(() -> r.readInt32LE("lock time"))
                .isInstanceOf(DecodeException.class)
                .hasMessage("truncated lock time: needs 4 bytes, 1 remain (at byte offset 4)")
                .extracting(e -> ((DecodeException) e).offset()).isEqualTo(4);
    }

    @Test
    void countThatCannotFitFailsBeforeAllocating() {
        // Claims 33,554,432 items of at least 41 bytes with 3 bytes left.
        ByteReader r = new ByteReader(Hex.decode("fe00000002aabbcc"));
        assertThatThrownBy(() -> r.readCount(41, "input"))
                .isInstanceOf(DecodeException.class)
                .hasMessageContaining("input count 33554432 cannot fit in the 3 bytes that remain");
    }

    @Test
    void varBytesLengthBeyondInputIsRejected() {
        assertThatThrownBy(() -> new ByteReader(Hex.decode("fdff00aabb")).readVarBytes("script"))
                .isInstanceOf(DecodeException.class)
                .hasMessageContaining("truncated script: length 255 but 2 bytes remain");
    }

    @Test
    void littleEndianIntegersRoundTrip() {
        byte[] b = new ByteWriter().writeInt32LE(0x01020304).writeUInt32LE(0xfffffffeL).writeInt64LE(-2L)
                .writeUInt16LE(0xbeef).toByteArray();
        assertThat(Hex.encode(b)).isEqualTo("04030201" + "feffffff" + "feffffffffffffff" + "efbe");
        ByteReader r = new ByteReader(b);
        assertThat(r.readInt32LE("a")).isEqualTo(0x01020304);
        assertThat(r.readUInt32LE("b")).isEqualTo(0xfffffffeL);
        assertThat(r.readInt64LE("c")).isEqualTo(-2L);
        assertThat(r.readUInt16LE("d")).isEqualTo(0xbeef);
        r.expectEnd("test");
    }

    @Test
    void trailingBytesAreAnError() {
        ByteReader r = new ByteReader(Hex.decode("0000"));
        r.readUInt8("x");
        assertThatThrownBy(() -> r.expectEnd("thing"))
                .isInstanceOf(DecodeException.class)
                .hasMessage("1 bytes of trailing data after thing (at byte offset 1)");
    }

    @Test
    void hexRejectsOddLengthAndNonHex() {
        assertThatThrownBy(() -> Hex.decode("abc")).hasMessageContaining("odd length");
        assertThatThrownBy(() -> Hex.decode("zz")).hasMessageContaining("position 0");
        assertThat(Hex.decode("ABcd")).containsExactly(0xab, 0xcd);
    }
}
