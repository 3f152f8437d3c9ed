package org.minicoin.node.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.minicoin.consensus.encoding.LittleEndian;
import org.minicoin.consensus.testing.ChainParamsFixtures;
import org.minicoin.consensus.testing.TestData;

class BlockFileReaderTest {
    private static final byte[] MAIN = ChainParamsFixtures.mainnet().magicBytes();

    private static List<BlockFileReader.Record> readAll(BlockFileReader r) throws Exception {
        List<BlockFileReader.Record> out = new ArrayList<>();
        for (BlockFileReader.Record rec = r.next(); rec != null; rec = r.next()) {
            out.add(rec);
        }
        return out;
    }

    @Test
    void readsEveryMainnetBlockOfARealFile() throws Exception {
        try (BlockFileReader r = BlockFileReader.open(TestData.path("mainnet/blocks-0-438.dat"), MAIN)) {
            List<BlockFileReader.Record> records = readAll(r);
            assertThat(records).hasSize(439);
            for (int i = 0; i < records.size(); i++) {
                assertThat(records.get(i).block().hash()).isEqualTo(TestData.mainnet().get(i).hash());
            }
            assertThat(records.get(0).offset()).isZero();
            assertThat(r.skippedBytes()).isZero();
            assertThat(r.badRecords()).isZero();
        }
    }

    @Test
    void skipsPaddingGarbageImpossibleLengthsAndNonBlocksAndStopsAtATornTail() throws Exception {
        byte[] b1 = TestData.mainnet().get(1).serialize();
        byte[] b2 = TestData.mainnet().get(2).serialize();
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.writeBytes(new byte[1000]);                       // zero padding, as preallocated files have
        record(f, b1);
        f.writeBytes(new byte[] {1, 2, 3, (byte) 0xf9, (byte) 0xbe, 7}); // junk, including a partial magic
        f.writeBytes(MAIN);
        f.writeBytes(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff}); // a 4 GiB "block"
        f.writeBytes(MAIN);
        f.writeBytes(new byte[] {100, 0, 0, 0});
        f.writeBytes(new byte[100]);                         // 100 bytes that are not a block
        record(f, b2);
        f.writeBytes(MAIN);
        f.writeBytes(new byte[] {(byte) 0x1d, 1, 0, 0});
        f.writeBytes(new byte[30]);                          // torn: the write stopped mid-block

        try (BlockFileReader r = new BlockFileReader(new ByteArrayInputStream(f.toByteArray()), MAIN)) {
            List<BlockFileReader.Record> records = readAll(r);
            assertThat(records).extracting(rec -> rec.block().hash())
                    .containsExactly(TestData.mainnet().get(1).hash(), TestData.mainnet().get(2).hash());
            assertThat(records.get(0).offset()).isEqualTo(1000);
            assertThat(r.badRecords()).isEqualTo(3);
            assertThat(r.skippedBytes()).isGreaterThanOrEqualTo(1000 + 6);
        }
    }

    @Test
    void anotherNetworksMagicIsNotARecord() throws Exception {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        byte[] regtestMagic = ChainParamsFixtures.regtest().magicBytes();
        f.writeBytes(regtestMagic);
        byte[] b = TestData.mainnet().get(3).serialize();
        f.writeBytes(le(b.length));
        f.writeBytes(b);
        try (BlockFileReader r = new BlockFileReader(new ByteArrayInputStream(f.toByteArray()), MAIN)) {
            assertThat(r.next()).isNull();
        }
    }

    private static void record(ByteArrayOutputStream f, byte[] block) {
        f.writeBytes(MAIN);
        f.writeBytes(le(block.length));
        f.writeBytes(block);
    }

    private static byte[] le(int n) {
        byte[] out = new byte[4];
        LittleEndian.putInt32(out, 0, n);
        return out;
    }
}
