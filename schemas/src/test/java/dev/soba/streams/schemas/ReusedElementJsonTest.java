package dev.soba.streams.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reusing elements' JSON must never change a byte of what the plain serde writes. */
class ReusedElementJsonTest {

    /** Shaped like a block assembly: a single item, typed lists, a polymorphic list, scalars. */
    record Bundle(long number, Block block, List<Transaction> transactions, List<LogItem> logs, List<Item> mixed,
                  String note) {
    }

    private static final JsonSerde<Bundle> PLAIN = new JsonSerde<>(Bundle.class);

    @Test
    void growingValueIsWrittenExactlyAsThePlainSerdeWritesIt() {
        final JsonSerde<Bundle> reusing = JsonSerde.reusingElements(Bundle.class, 1_000, Block.class, Transaction.class,
                LogItem.class);
        assertSameBytesWhileGrowing(reusing);
    }

    @Test
    void aTableTooSmallToHoldTheElementsStillWritesTheSameBytes() {
        final JsonSerde<Bundle> reusing = JsonSerde.reusingElements(Bundle.class, 1, Block.class, Transaction.class,
                LogItem.class);
        assertSameBytesWhileGrowing(reusing);
    }

    @Test
    void readsWhatItWrites() {
        final JsonSerde<Bundle> reusing = JsonSerde.reusingElements(Bundle.class, 10, Transaction.class);
        final Bundle bundle = new Bundle(1, block(), List.of(transaction(0), transaction(1)), List.of(log(0)),
                List.of(transaction(2), log(1)), null);
        final byte[] written = reusing.serializer().serialize("t", bundle);
        final Bundle read = reusing.deserializer().deserialize("t", written);
        assertThat(read).isEqualTo(PLAIN.deserializer().deserialize("t", written));
        assertThat(utf8(reusing.serializer().serialize("t", read))).isEqualTo(utf8(PLAIN.serializer().serialize("t", read)));
    }

    private static void assertSameBytesWhileGrowing(final JsonSerde<Bundle> reusing) {
        final Block block = block();
        final List<Transaction> transactions = new ArrayList<>();
        final List<LogItem> logs = new ArrayList<>();
        final List<Item> mixed = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            final Transaction transaction = transaction(i);
            final LogItem log = log(i);
            transactions.add(transaction);
            logs.add(log);
            mixed.add(i % 2 == 0 ? transaction : log);
            final Bundle bundle = new Bundle(i, i % 3 == 0 ? null : block, List.copyOf(transactions), List.copyOf(logs),
                    List.copyOf(mixed), i % 2 == 0 ? "naïve ☃ \u2028 \"quoted\"" : null);
            assertThat(utf8(reusing.serializer().serialize("t", bundle))).isEqualTo(utf8(PLAIN.serializer().serialize("t", bundle)));
        }
    }

    private static String utf8(final byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Block block() {
        return Json.read(Json.write(Samples.block()), Block.class);
    }

    private static Transaction transaction(final int index) {
        final ObjectNode node = Samples.transaction();
        node.put("transaction_index", index);
        node.put("hash", Samples.hash("tx" + index));
        node.put("unknown_note", "ünïcode ✓ " + index);
        node.putNull("unknown_null");
        return Json.read(Json.write(node), Transaction.class);
    }

    private static LogItem log(final int index) {
        final ObjectNode node = Samples.log();
        node.put("log_index", index);
        return Json.read(Json.write(node), LogItem.class);
    }
}
