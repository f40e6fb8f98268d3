package dev.soba.streams.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads ethereum-etl log items by hand, for the generator tests: decoded here rather than by the
 * code under test, with the padding and word length checked on the way.
 */
final class EtlLogs {

    static final String TRANSFER_TOPIC = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";
    static final String SWAP_TOPIC = "0xd78ad95fa46c994b6551d0da85fc275fe613ce37657fb8d5e3d130840159d822";
    static final String SYNC_TOPIC = "0x1c411e9a96e071241c2f21f7726b17ae89e3cab4c78be50e062b03a9fffbbad1";

    private EtlLogs() {
    }

    static String topic0(final JsonNode log) {
        return log.get("topics").get(0).asText();
    }

    /** The address in an indexed address topic (left-padded with zeros to 32 bytes). */
    static String topicAddress(final JsonNode topic) {
        final String word = topic.asText();
        assertThat(word.substring(2, 26)).as("address topic padding").isEqualTo("0".repeat(24));
        return "0x" + word.substring(26);
    }

    /** The log's data cut into 32-byte big-endian words. */
    static List<BigInteger> words(final JsonNode log) {
        final String data = log.get("data").asText().substring(2);
        assertThat(data.length() % 64).isZero();
        final List<BigInteger> words = new ArrayList<>();
        for (int i = 0; i < data.length(); i += 64) {
            words.add(new BigInteger(data.substring(i, i + 64), 16));
        }
        return words;
    }

    static List<String> fieldNames(final JsonNode node) {
        final List<String> names = new ArrayList<>();
        final Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }
}
