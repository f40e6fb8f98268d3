package dev.soba.streams.schemas.mev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Either block file format, told apart by content; every unreadable file fails with its name and why. */
class BlockFilesTest {

    @TempDir
    Path dir;

    private static final String TX = "0x" + "e".repeat(64);
    private static final String HASH_1 = "0x" + "1".repeat(64);
    private static final String HASH_2 = "0x" + "2".repeat(64);

    private Path file(final String name, final String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    static String log(final long block, final String blockHash, final long index) {
        return """
                {"type": "log", "log_index": %d, "transaction_hash": "%s", "transaction_index": 0,
                 "address": "0x%s", "data": "0x", "topics": [], "block_number": %d, "block_hash": "%s"}"""
                .formatted(index, TX, "a".repeat(40), block, blockHash).replace("\n", "");
    }

    static String trace(final long block, final String blockHash) {
        return """
                {"type": "trace", "transaction_index": 0, "from_address": "0x%s", "to_address": "0x%s", "value": 0,
                 "input": "0x", "output": "0x", "trace_type": "call", "call_type": "call", "gas": 1, "gas_used": 1,
                 "subtraces": 0, "trace_address": [], "status": 1, "transaction_hash": "%s", "block_number": %d,
                 "block_hash": "%s"}""".formatted("a".repeat(40), "b".repeat(40), TX, block, blockHash).replace("\n", "");
    }

    @Test
    void anMevInspectBlockFileIsOneParityBlock() throws IOException {
        final List<BlockFile> blocks = BlockFiles.read(file("100.json", ParityBlockReaderTest.block()));
        assertThat(blocks).singleElement().isInstanceOf(ParityBlock.class);
        assertThat(blocks.get(0).blockNumber()).isEqualTo(100);
    }

    @Test
    void ethereumEtlLinesAreGroupedByBlockInAscendingOrder() throws IOException {
        final String lines = String.join("\n", log(2, HASH_2, 0), trace(1, HASH_1), "", log(1, HASH_1, 5),
                log(2, HASH_2, 1)) + "\n";
        final List<BlockFile> blocks = BlockFiles.read(file("items.json", lines));
        assertThat(blocks).extracting(BlockFile::blockNumber).containsExactly(1L, 2L);
        final EthereumEtlBlock first = (EthereumEtlBlock) blocks.get(0);
        assertThat(first.traces()).hasSize(1);
        assertThat(first.logs()).hasSize(1);
        assertThat(first.blockItem()).isEmpty();
        assertThat(((EthereumEtlBlock) blocks.get(1)).logs()).extracting(l -> l.logIndex()).containsExactly(0L, 1L);
    }

    @Test
    void aBlocksItemsFromSeveralFilesMergeIntoOne() throws IOException {
        final EthereumEtlBlock logs = (EthereumEtlBlock) BlockFiles.read(file("logs.json", log(1, HASH_1, 0))).get(0);
        final EthereumEtlBlock traces = (EthereumEtlBlock) BlockFiles.read(file("traces.json", trace(1, HASH_1))).get(0);
        final EthereumEtlBlock merged = logs.merge(traces);
        assertThat(merged.logs()).hasSize(1);
        assertThat(merged.traces()).hasSize(1);
        final EthereumEtlBlock other = (EthereumEtlBlock) BlockFiles.read(file("other.json", log(2, HASH_2, 0))).get(0);
        assertThatThrownBy(() -> logs.merge(other)).hasMessageContaining("cannot merge block 2 into block 1");
    }

    @Test
    void aSingleItemFileIsJsonLinesToo() throws IOException {
        assertThat(BlockFiles.read(file("one.json", log(5, HASH_1, 0)))).singleElement()
                .isInstanceOf(EthereumEtlBlock.class);
    }

    @Test
    void unreadableAndMalformedFilesSayWhichAndWhy() throws IOException {
        final Path missing = dir.resolve("missing.json");
        assertThatThrownBy(() -> BlockFiles.read(missing)).isInstanceOf(BlockFileException.class)
                .hasMessage(missing + ": cannot read: no such file");
        final Path bad = file("bad.json", log(1, HASH_1, 0) + "\n" + log(1, HASH_1, 1).replace("\"log_index\": 1", "\"log_index\": -1"));
        assertThatThrownBy(() -> BlockFiles.read(bad)).hasMessageStartingWith(bad + ": line 2: not a valid ethereum-etl item: log_index");
        final Path array = file("array.json", "[{\"block_number\": 1}]");
        assertThatThrownBy(() -> BlockFiles.read(array)).hasMessageContaining("line 1: neither an mev-inspect block file");
        final Path empty = file("empty.json", "\n\n");
        assertThatThrownBy(() -> BlockFiles.read(empty)).hasMessage(empty + ": empty: no block and no ethereum-etl item");
        final Path truncated = file("truncated.json", ParityBlockReaderTest.block().substring(0, 300));
        assertThatThrownBy(() -> BlockFiles.read(truncated)).hasMessageContaining("line 1: not a valid ethereum-etl item: not valid JSON");
        assertThatThrownBy(() -> BlockFiles.read(dir)).hasMessageStartingWith(dir + ": cannot read");
    }
}
