package org.minicoin.node.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;

class RocksStoreTest {
    @TempDir
    Path dir;

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void batchSpansColumnsAndSurvivesReopen() {
        try (RocksStore store = RocksStore.open(dir, 8 << 20); WriteBatch batch = store.newBatch()) {
            batch.put(Column.COINS, b("coin"), b("value"));
            batch.put(Column.UNDO, b("block"), b("undo"));
            batch.put(Column.CHAIN_STATE, b("tip"), b("hash"));
            assertThat(batch.count()).isEqualTo(3);
            // Nothing is visible before the batch is written.
            assertThat(store.get(Column.COINS, b("coin"))).isNull();
            store.write(batch, true);
        }
        try (RocksStore store = RocksStore.open(dir, 8 << 20)) {
            assertThat(store.get(Column.COINS, b("coin"))).isEqualTo(b("value"));
            assertThat(store.get(Column.UNDO, b("block"))).isEqualTo(b("undo"));
            assertThat(store.get(Column.CHAIN_STATE, b("tip"))).isEqualTo(b("hash"));
            // Families are separate key spaces.
            assertThat(store.get(Column.BLOCK_DATA, b("coin"))).isNull();
        }
    }

    @Test
    void deleteAndOverwriteInOneBatch() {
        try (RocksStore store = RocksStore.open(dir, 1 << 20)) {
            try (WriteBatch w = store.newBatch()) {
                w.put(Column.COINS, b("a"), b("1"));
                w.put(Column.COINS, b("b"), b("2"));
                store.write(w, false);
            }
            try (WriteBatch w = store.newBatch()) {
                w.delete(Column.COINS, b("a"));
                w.put(Column.COINS, b("b"), b("3"));
                store.write(w, false);
            }
            assertThat(store.get(Column.COINS, b("a"))).isNull();
            assertThat(store.get(Column.COINS, b("b"))).isEqualTo(b("3"));
        }
    }

    @Test
    void scanVisitsAPrefixInUnsignedKeyOrderAndStopsOnRequest() {
        try (RocksStore store = RocksStore.open(dir, 1 << 20)) {
            try (WriteBatch w = store.newBatch()) {
                // Big-endian heights 1, 2, 255, 256 under prefix 'h'; 0x80.. must sort after 0x7f.. (unsigned).
                for (int h : new int[] {256, 1, 255, 2, 0x80000000}) {
                    w.put(Column.BLOCK_INDEX, new byte[] {'h', (byte) (h >>> 24), (byte) (h >>> 16), (byte) (h >>> 8),
                            (byte) h}, b(Integer.toUnsignedString(h)));
                }
                w.put(Column.BLOCK_INDEX, b("i-other"), b("x"));
                store.write(w, false);
            }
            List<String> seen = new ArrayList<>();
            store.scan(Column.BLOCK_INDEX, b("h"), (k, v) -> seen.add(new String(v, StandardCharsets.UTF_8)));
            assertThat(seen).containsExactly("1", "2", "255", "256", "2147483648");
            List<String> firstTwo = new ArrayList<>();
            store.scan(Column.BLOCK_INDEX, b("h"), (k, v) -> {
                firstTwo.add(new String(v, StandardCharsets.UTF_8));
                return firstTwo.size() < 2;
            });
            assertThat(firstTwo).containsExactly("1", "2");
        }
    }

    @Test
    void aSecondOpenOfTheSameDatabaseIsRefused() {
        try (RocksStore first = RocksStore.open(dir, 1 << 20)) {
            assertThatThrownBy(() -> RocksStore.open(dir, 1 << 20))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("in use by another process");
            assertThat(first.get(Column.COINS, b("x"))).isNull();
        }
    }

    @Test
    void anUnknownColumnFamilyIsRefusedByName() throws Exception {
        // A database with a family this version does not know, as a newer minicoin might leave.
        List<ColumnFamilyDescriptor> descs = List.of(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY),
                new ColumnFamilyDescriptor(b("from_the_future")));
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try (DBOptions o = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
             RocksDB db = RocksDB.open(o, dir.toString(), descs, handles)) {
            handles.forEach(ColumnFamilyHandle::close);
        }
        assertThatThrownBy(() -> RocksStore.open(dir, 1 << 20))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("unknown column family 'from_the_future'");
    }

    @Test
    void useAfterCloseIsAClearError() {
        RocksStore store = RocksStore.open(dir, 1 << 20);
        store.close();
        store.close(); // idempotent
        assertThatThrownBy(() -> store.get(Column.COINS, b("k"))).isInstanceOf(StorageException.class)
                .hasMessageContaining("is closed");
    }

    @Test
    void columnFamilyNamesArePermanent() {
        // Renaming a family would orphan every existing data directory: pin the names.
        assertThat(java.util.Arrays.stream(Column.values()).map(Column::familyName)).containsExactly(
                "block_index", "block_data", "undo", "coins", "chain_state", "tx_index", "peers", "bans");
    }
}
