package dev.soba.streams.topology;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * One RocksDB memory budget for every store of the instance ({@code rocksdb.config.setter}). By
 * default each store partition opens its own 50 MiB block cache and up to three 16 MiB memtables;
 * the pipeline has about twenty stores per partition, so an instance with a few partitions would
 * reserve gigabytes off-heap. Here all of them share one LRU block cache (index and filter blocks
 * included, at high priority) and count their memtables against it, after Kafka Streams' documented
 * bounded-memory recipe.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

    /** Block cache and memtables of all stores together. */
    public static final long TOTAL_BYTES = 256L * 1024 * 1024;
    /** The part of {@link #TOTAL_BYTES} memtables may take. */
    public static final long MEMTABLE_BYTES = 64L * 1024 * 1024;
    private static final double INDEX_FILTER_BLOCK_RATIO = 0.1;
    private static final long MEMTABLE_SIZE = 8L * 1024 * 1024;
    private static final int MEMTABLES = 2;

    @Override
    public void setConfig(final String storeName, final Options options, final Map<String, Object> configs) {
        final BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(Shared.CACHE);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(Shared.WRITE_BUFFERS);
        options.setMaxWriteBufferNumber(MEMTABLES);
        options.setWriteBufferSize(MEMTABLE_SIZE);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(final String storeName, final Options options) {
        // the cache and the write buffer manager are shared: nothing of this store's own to free
    }

    /**
     * Created with the first store, once RocksDB's native library is loaded (Kafka Streams loads this class
     * while reading its configuration, before any store exists); shared by every store of the JVM and never
     * closed, as a closing store must not free them.
     */
    private static final class Shared {
        static {
            RocksDB.loadLibrary();
        }

        static final Cache CACHE = new LRUCache(TOTAL_BYTES, -1, false, INDEX_FILTER_BLOCK_RATIO);
        static final WriteBufferManager WRITE_BUFFERS = new WriteBufferManager(MEMTABLE_BYTES, CACHE);
    }
}
