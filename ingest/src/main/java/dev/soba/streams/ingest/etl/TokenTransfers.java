package dev.soba.streams.ingest.etl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * ethereum-etl's {@code token_transfer_extractor.py}: a log whose first topic is the ERC-20/721
 * {@code Transfer(address,address,uint256)} signature becomes a token transfer when its topics plus its
 * data split in 32-byte words make exactly four values: from, to and value (the amount of an ERC-20,
 * the token id of an ERC-721). Anything else (the ERC-1155-like or malformed events some contracts emit
 * under the same signature) is no transfer.
 */
public final class TokenTransfers {

    public static final String TRANSFER_TOPIC = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";
    private static final int WORD_HEX = 64;
    private static final int ADDRESS_HEX = 40;

    private TokenTransfers() {
    }

    /**
     * The {@code token_transfer} item of a {@code log} item (as {@link EtlReceipts#log} built it, block
     * timestamp and hash already joined), without {@code item_id}/{@code item_timestamp}.
     */
    public static Optional<ObjectNode> fromLog(final JsonNode log) {
        final List<String> topics = new ArrayList<>();
        final JsonNode topicNodes = log.get("topics");
        if (topicNodes == null || !topicNodes.isArray() || topicNodes.isEmpty()) {
            return Optional.empty();
        }
        topicNodes.forEach(topic -> topics.add(topic.asText()));
        if (!TRANSFER_TOPIC.equals(topics.get(0).toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        final List<String> values = new ArrayList<>(topics);
        values.addAll(words(NodeJson.text(log, "data")));
        if (values.size() != 4) {
            return Optional.empty();
        }
        final ObjectNode item = NodeJson.object();
        item.put("type", "token_transfer");
        NodeJson.put(item, "token_address", NodeJson.address(log, "address"));
        NodeJson.put(item, "from_address", wordToAddress(values.get(1)));
        NodeJson.put(item, "to_address", wordToAddress(values.get(2)));
        NodeJson.put(item, "value", hexToDecimal(values.get(3)));
        NodeJson.copy(item, "transaction_hash", log, "transaction_hash");
        NodeJson.copy(item, "log_index", log, "log_index");
        NodeJson.copy(item, "block_number", log, "block_number");
        NodeJson.copy(item, "block_timestamp", log, "block_timestamp");
        NodeJson.copy(item, "block_hash", log, "block_hash");
        return Optional.of(item);
    }

    /** {@code split_to_words}: the data after {@code 0x} in chunks of 64 hex digits (the last may be shorter). */
    static List<String> words(final String data) {
        final List<String> words = new ArrayList<>();
        if (data == null || data.length() <= 2) {
            return words;
        }
        final String hex = data.substring(2);
        for (int start = 0; start < hex.length(); start += WORD_HEX) {
            words.add("0x" + hex.substring(start, Math.min(hex.length(), start + WORD_HEX)));
        }
        return words;
    }

    /** {@code word_to_address}: the last 20 bytes of a word, lower case. */
    static String wordToAddress(final String word) {
        final String address = word.length() >= ADDRESS_HEX ? "0x" + word.substring(word.length() - ADDRESS_HEX) : word;
        return address.toLowerCase(Locale.ROOT);
    }

    private static BigInteger hexToDecimal(final String word) {
        final String digits = word.startsWith("0x") ? word.substring(2) : word;
        try {
            return new BigInteger(digits, 16);
        } catch (final NumberFormatException notHex) {
            throw new NodeResponseException("Transfer log value is not hex: " + word);
        }
    }
}
