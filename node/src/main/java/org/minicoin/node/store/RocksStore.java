package org.minicoin.node.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteOptions;

/** {@link KeyValueStore} on RocksDB, one column family per {@link Column}. */
public final class RocksStore implements KeyValueStore {
    static {
        RocksDB.loadLibrary();
    }

    private final Path dir;
    private final RocksDB db;
    private final DBOptions dbOptions;
    private final ColumnFamilyOptions cfOptions;
    private final LRUCache cache;
    private final List<ColumnFamilyHandle> handles;
    private final Map<Column, ColumnFamilyHandle> byColumn = new EnumMap<>(Column.class);
    private final WriteOptions syncWrite = new WriteOptions().setSync(true);
    private final WriteOptions asyncWrite = new WriteOptions().setSync(false);
    private volatile boolean closed;

    private RocksStore(Path dir, RocksDB db, DBOptions dbOptions, ColumnFamilyOptions cfOptions, LRUCache cache,
                       List<ColumnFamilyHandle> handles) {
        this.dir = dir;
        this.db = db;
        this.dbOptions = dbOptions;
        this.cfOptions = cfOptions;
        this.cache = cache;
        this.handles = handles;
        Column[] columns = Column.values();
        for (int i = 0; i < columns.length; i++) {
            byColumn.put(columns[i], handles.get(i + 1)); // handle 0 is RocksDB's default family
        }
    }

    /**
     * Opens (creating if needed) the database in {@code dir} with a block cache of {@code cacheBytes}. A family
     * this version does not know means the directory was written by a newer minicoin, or is not ours: refuse it
     * rather than silently ignore data.
     */
    public static RocksStore open(Path dir, long cacheBytes) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new StorageException("cannot create database directory " + dir + ": " + e.getMessage(), e);
        }
        List<String> known = new ArrayList<>();
        known.add(new String(RocksDB.DEFAULT_COLUMN_FAMILY, StandardCharsets.UTF_8));
        for (Column c : Column.values()) {
            known.add(c.familyName());
        }
        for (String existing : existingFamilies(dir)) {
            if (!known.contains(existing)) {
                throw new StorageException("database " + dir + " has an unknown column family '" + existing
                        + "': it was written by a newer minicoin or is not a minicoin database");
            }
        }
        LRUCache cache = new LRUCache(Math.max(1 << 20, cacheBytes));
        ColumnFamilyOptions cfOptions = new ColumnFamilyOptions()
                .setTableFormatConfig(new BlockBasedTableConfig().setBlockCache(cache));
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        for (String name : known) {
            descriptors.add(new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8), cfOptions));
        }
        DBOptions dbOptions = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try {
            RocksDB db = RocksDB.open(dbOptions, dir.toString(), descriptors, handles);
            return new RocksStore(dir, db, dbOptions, cfOptions, cache, handles);
        } catch (RocksDBException e) {
            dbOptions.close();
            cfOptions.close();
            cache.close();
            String msg = e.getMessage() == null ? e.toString() : e.getMessage();
            if (msg.contains("lock")) {
                throw new StorageException("database " + dir + " is in use by another process (" + msg + ")", e);
            }
            throw new StorageException("cannot open database " + dir + ": " + msg, e);
        }
    }

    private static List<String> existingFamilies(Path dir) {
        if (!Files.exists(dir.resolve("CURRENT"))) {
            return List.of();
        }
        try (Options o = new Options()) {
            List<String> names = new ArrayList<>();
            for (byte[] n : RocksDB.listColumnFamilies(o, dir.toString())) {
                names.add(new String(n, StandardCharsets.UTF_8));
            }
            return names;
        } catch (RocksDBException e) {
            throw new StorageException("cannot read database " + dir + ": " + e.getMessage(), e);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new StorageException("database " + dir + " is closed");
        }
    }

    @Override
    public byte[] get(Column column, byte[] key) {
        checkOpen();
        try {
            return db.get(byColumn.get(column), key);
        } catch (RocksDBException e) {
            throw new StorageException("read from " + column.familyName() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public WriteBatch newBatch() {
        checkOpen();
        return new Batch();
    }

    @Override
    public void write(WriteBatch batch, boolean sync) {
        checkOpen();
        try {
            db.write(sync ? syncWrite : asyncWrite, ((Batch) batch).inner);
        } catch (RocksDBException e) {
            throw new StorageException("write of " + batch.count() + " changes failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void scan(Column column, byte[] prefix, BiPredicate<byte[], byte[]> visitor) {
        checkOpen();
        try (RocksIterator it = db.newIterator(byColumn.get(column))) {
            for (it.seek(prefix); it.isValid(); it.next()) {
                byte[] key = it.key();
                if (key.length < prefix.length || !Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length)) {
                    break;
                }
                if (!visitor.test(key, it.value())) {
                    break;
                }
            }
            it.status();
        } catch (RocksDBException e) {
            throw new StorageException("scan of " + column.familyName() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (ColumnFamilyHandle h : handles) {
            h.close();
        }
        db.close();
        syncWrite.close();
        asyncWrite.close();
        dbOptions.close();
        cfOptions.close();
        cache.close();
    }

    private final class Batch implements WriteBatch {
        private final org.rocksdb.WriteBatch inner = new org.rocksdb.WriteBatch();

        @Override
        public void put(Column column, byte[] key, byte[] value) {
            try {
                inner.put(byColumn.get(column), key, value);
            } catch (RocksDBException e) {
                throw new StorageException("batch put failed: " + e.getMessage(), e);
            }
        }

        @Override
        public void delete(Column column, byte[] key) {
            try {
                inner.delete(byColumn.get(column), key);
            } catch (RocksDBException e) {
                throw new StorageException("batch delete failed: " + e.getMessage(), e);
            }
        }

        @Override
        public int count() {
            return inner.count();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
