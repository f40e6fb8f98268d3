package dev.soba.streams.ingest.etl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ethereum-etl's {@code extract_contracts_job.py} and {@code enrich_contracts}: every successful
 * {@code create} trace is a {@code contract} item with the created code. Without traces
 * ({@code --traces none}) the contracts created by transactions themselves (a receipt's
 * {@code contractAddress}) are the only ones that can be seen; their code is the node's
 * {@code eth_getCode} at that block. Contracts created by other contracts need traces.
 */
public final class EtlContracts {

    private EtlContracts() {
    }

    /** From the block's {@code trace} items. */
    public static List<ObjectNode> fromTraces(final List<ObjectNode> traces) {
        final List<ObjectNode> contracts = new ArrayList<>();
        for (final ObjectNode trace : traces) {
            final String address = NodeJson.text(trace, "to_address");
            if ("create".equals(NodeJson.text(trace, "trace_type")) && address != null && !address.isEmpty()
                    && trace.path("status").asLong(-1) == 1) {
                contracts.add(item(address, NodeJson.text(trace, "output"), trace.get("block_number"),
                        trace.get("block_timestamp"), trace.get("block_hash")));
            }
        }
        return contracts;
    }

    /**
     * From the block's transaction items (without traces).
     *
     * @param codes the created code by address, as {@code eth_getCode} gave it at the block
     */
    public static List<ObjectNode> fromTransactions(final List<ObjectNode> transactions, final Map<String, String> codes) {
        final List<ObjectNode> contracts = new ArrayList<>();
        for (final ObjectNode transaction : transactions) {
            final String address = NodeJson.text(transaction, "receipt_contract_address");
            final JsonNode status = transaction.get("receipt_status");
            final boolean succeeded = status == null || status.isNull() || status.asLong() == 1;
            if (address != null && succeeded) {
                contracts.add(item(address, codes.getOrDefault(address, "0x"), transaction.get("block_number"),
                        transaction.get("block_timestamp"), transaction.get("block_hash")));
            }
        }
        return contracts;
    }

    /** The addresses {@link #fromTransactions} needs the code of. */
    public static List<String> createdByTransactions(final List<ObjectNode> transactions) {
        return transactions.stream().map(t -> NodeJson.text(t, "receipt_contract_address"))
                .filter(java.util.Objects::nonNull).toList();
    }

    private static ObjectNode item(final String address, final String bytecode, final JsonNode blockNumber,
            final JsonNode blockTimestamp, final JsonNode blockHash) {
        final List<String> sighashes = ContractCode.functionSighashes(bytecode);
        final ObjectNode item = NodeJson.object();
        item.put("type", "contract");
        item.put("address", address);
        NodeJson.put(item, "bytecode", bytecode);
        NodeJson.putStrings(item, "function_sighashes", sighashes);
        item.put("is_erc20", ContractCode.isErc20(sighashes));
        item.put("is_erc721", ContractCode.isErc721(sighashes));
        item.set("block_number", blockNumber == null ? NodeJson.NODES.nullNode() : blockNumber.deepCopy());
        item.set("block_timestamp", blockTimestamp == null ? NodeJson.NODES.nullNode() : blockTimestamp.deepCopy());
        item.set("block_hash", blockHash == null ? NodeJson.NODES.nullNode() : blockHash.deepCopy());
        return item;
    }

    /** Whether ethereum-etl asks the contract for token metadata ({@code extract_tokens_job.py}). */
    public static boolean isToken(final JsonNode contract) {
        return contract.path("is_erc20").asBoolean(false) || contract.path("is_erc721").asBoolean(false);
    }
}
