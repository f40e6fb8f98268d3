package dev.soba.streams.ingest.etl;

import static dev.soba.streams.ingest.etl.NodeJson.address;
import static dev.soba.streams.ingest.etl.NodeJson.hex;
import static dev.soba.streams.ingest.etl.NodeJson.put;
import static dev.soba.streams.ingest.etl.NodeJson.quantity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * ethereum-etl's receipt and receipt-log mappers ({@code receipt_mapper.py}, {@code receipt_log_mapper.py})
 * and {@code enrich_logs}: what a transaction item takes from its receipt, and the {@code log} items.
 */
public final class EtlReceipts {

    private EtlReceipts() {
    }

    /**
     * The fields of a receipt ethereum-etl reads; {@code l1FeeScalar} is what {@code to_float_or_none}
     * makes of it (a JSON float, the text when it is not a number, or null).
     */
    public record Receipt(String transactionHash, BigInteger transactionIndex, String blockHash,
                          BigInteger blockNumber, BigInteger cumulativeGasUsed, BigInteger gasUsed,
                          String contractAddress, String root, BigInteger status, BigInteger effectiveGasPrice,
                          BigInteger l1Fee, BigInteger l1GasUsed, BigInteger l1GasPrice, JsonNode l1FeeScalar,
                          List<JsonNode> logs) {

        public Receipt {
            logs = List.copyOf(logs);
        }
    }

    public static Receipt receipt(final JsonNode receipt) {
        return new Receipt(hex(receipt, "transactionHash"), quantity(receipt, "transactionIndex"),
                hex(receipt, "blockHash"), quantity(receipt, "blockNumber"), quantity(receipt, "cumulativeGasUsed"),
                quantity(receipt, "gasUsed"), address(receipt, "contractAddress"), hex(receipt, "root"),
                quantity(receipt, "status"), quantity(receipt, "effectiveGasPrice"), quantity(receipt, "l1Fee"),
                quantity(receipt, "l1GasUsed"), quantity(receipt, "l1GasPrice"), floatOrNull(receipt.get("l1FeeScalar")),
                NodeJson.elements(receipt, "logs"));
    }

    /**
     * A {@code log} item, without {@code item_id}/{@code item_timestamp}; the block's timestamp and
     * hash come from the block, as in ethereum-etl's join.
     */
    public static ObjectNode log(final JsonNode log, final BigInteger blockTimestamp, final String blockHash) {
        final ObjectNode item = NodeJson.object();
        item.put("type", "log");
        put(item, "log_index", quantity(log, "logIndex"));
        put(item, "transaction_hash", hex(log, "transactionHash"));
        put(item, "transaction_index", quantity(log, "transactionIndex"));
        put(item, "address", address(log, "address"));
        put(item, "data", hex(log, "data"));
        final JsonNode topics = log.get("topics");
        if (topics == null || topics.isNull()) {
            item.putNull("topics");
        } else {
            final ArrayNode list = item.putArray("topics");
            topics.forEach(topic -> list.add(topic.asText().toLowerCase(java.util.Locale.ROOT)));
        }
        put(item, "block_number", quantity(log, "blockNumber"));
        put(item, "block_timestamp", blockTimestamp);
        put(item, "block_hash", blockHash);
        return item;
    }

    /** Python's {@code to_float_or_none}: a float, the value itself when it is not one, null when absent or empty. */
    static JsonNode floatOrNull(final JsonNode value) {
        if (value == null || value.isNull() || value.isTextual() && value.asText().isEmpty()) {
            return NodeJson.NODES.nullNode();
        }
        if (value.isNumber()) {
            return NodeJson.NODES.numberNode(value.doubleValue());
        }
        try {
            return NodeJson.NODES.numberNode(new BigDecimal(value.asText().trim()).doubleValue());
        } catch (final NumberFormatException notANumber) {
            return value.deepCopy();
        }
    }
}
