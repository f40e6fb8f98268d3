package dev.soba.streams.ingest.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.soba.streams.ingest.etl.NodeJson;
import dev.soba.streams.ingest.etl.NodeResponseException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The node methods the ingester uses, on top of {@link JsonRpcClient}. Receipts come from
 * {@code eth_getBlockReceipts} (one request per block) where the node serves it, else from one
 * {@code eth_getTransactionReceipt} per transaction in one batch; which works is found out once.
 * State reads (code, token calls) name the block by hash (EIP-1898), so they read the very block
 * being exported even if the node has moved to another branch meanwhile.
 */
public final class EthNode {

    /** How the node gives a block's receipts, as found out on first use. */
    private enum ReceiptsBy { UNKNOWN, BLOCK_HASH, BLOCK_NUMBER, TRANSACTIONS }

    private final JsonRpcClient rpc;
    private volatile ReceiptsBy receiptsBy = ReceiptsBy.UNKNOWN;
    private volatile boolean stateByHash = true;

    public EthNode(final JsonRpcClient rpc) {
        this.rpc = rpc;
    }

    public JsonRpcClient rpc() {
        return rpc;
    }

    public long chainId() {
        return NodeJson.requiredQuantity(wrap(rpc.call("eth_chainId", List.of())), "v").longValueExact();
    }

    public long blockNumber() {
        return NodeJson.requiredQuantity(wrap(rpc.call("eth_blockNumber", List.of())), "v").longValueExact();
    }

    /** The block with its full transactions; empty when the node has no block at that height (yet). */
    public Optional<JsonNode> block(final long number) {
        final JsonNode block = rpc.call("eth_getBlockByNumber", List.of(hex(number), true));
        return block.isNull() ? Optional.empty() : Optional.of(block);
    }

    /** A block's receipts, in any order. */
    public List<JsonNode> receipts(final JsonNode block) {
        final String hash = NodeJson.hex(block, "hash");
        final String number = NodeJson.text(block, "number");
        if (receiptsBy == ReceiptsBy.UNKNOWN || receiptsBy == ReceiptsBy.BLOCK_HASH) {
            final Optional<List<JsonNode>> byHash = blockReceipts(hash);
            if (byHash.isPresent()) {
                receiptsBy = ReceiptsBy.BLOCK_HASH;
                return byHash.get();
            }
        }
        if (receiptsBy == ReceiptsBy.UNKNOWN || receiptsBy == ReceiptsBy.BLOCK_NUMBER) {
            final Optional<List<JsonNode>> byNumber = blockReceipts(number);
            if (byNumber.isPresent()) {
                receiptsBy = ReceiptsBy.BLOCK_NUMBER;
                return byNumber.get();
            }
        }
        receiptsBy = ReceiptsBy.TRANSACTIONS;
        final List<List<String>> params = NodeJson.elements(block, "transactions").stream()
                .map(t -> List.of(NodeJson.hex(t, "hash"))).toList();
        final List<JsonNode> receipts = rpc.batch("eth_getTransactionReceipt", params);
        for (int i = 0; i < receipts.size(); i++) {
            if (receipts.get(i).isNull()) {
                throw new NodeResponseException("the node has no receipt for transaction " + params.get(i).get(0));
            }
        }
        return receipts;
    }

    /** Whether receipts come one request per block, once known ({@code --batch} costs in the README). */
    public String receiptsMethod() {
        return receiptsBy == ReceiptsBy.TRANSACTIONS ? "eth_getTransactionReceipt per transaction" : "eth_getBlockReceipts";
    }

    private Optional<List<JsonNode>> blockReceipts(final String block) {
        try {
            final JsonNode receipts = rpc.call("eth_getBlockReceipts", List.of(block));
            if (receipts.isNull()) {
                throw new NodeResponseException("the node has no receipts for block " + block);
            }
            final List<JsonNode> list = new ArrayList<>();
            receipts.forEach(list::add);
            return Optional.of(list);
        } catch (final RpcException e) {
            if (e.kind() == RpcException.Kind.UNSUPPORTED || e.kind() == RpcException.Kind.FATAL) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Parity-style {@code trace_block}. */
    public List<JsonNode> parityTraces(final long number) {
        final JsonNode traces = rpc.call("trace_block", List.of(hex(number)));
        if (traces.isNull()) {
            throw new NodeResponseException("trace_block(" + number + ") answered null: is the node synced, with tracing on?");
        }
        final List<JsonNode> list = new ArrayList<>();
        traces.forEach(list::add);
        return list;
    }

    /** geth's {@code debug_traceBlockByHash} with {@code callTracer}: one entry per transaction. */
    public List<JsonNode> gethCallTraces(final String blockHash) {
        final JsonNode traces = rpc.call("debug_traceBlockByHash", List.of(blockHash, Map.of("tracer", "callTracer")));
        if (traces.isNull()) {
            throw new NodeResponseException("debug_traceBlockByHash(" + blockHash + ") answered null");
        }
        final List<JsonNode> list = new ArrayList<>();
        traces.forEach(list::add);
        return list;
    }

    /** The code at an address as of the block. */
    public String code(final String address, final String blockHash, final long blockNumber) {
        return readState("eth_getCode", address, blockHash, blockNumber).asText();
    }

    /**
     * {@code eth_call} of a contract as of the block.
     *
     * @return the return data; empty when the call failed or returned nothing (web3's BadFunctionCallOutput)
     */
    public Optional<String> call(final String to, final String data, final String blockHash, final long blockNumber) {
        try {
            final JsonNode result = readState("eth_call", Map.of("to", to, "data", data), blockHash, blockNumber);
            final String returned = result.isNull() ? "0x" : result.asText();
            return returned.equals("0x") ? Optional.empty() : Optional.of(returned);
        } catch (final RpcException e) {
            if (e.kind() == RpcException.Kind.CALL_FAILED) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private JsonNode readState(final String method, final Object target, final String blockHash, final long blockNumber) {
        if (stateByHash) {
            try {
                return rpc.call(method, List.of(target, Map.of("blockHash", blockHash)));
            } catch (final RpcException e) {
                if (e.kind() != RpcException.Kind.UNSUPPORTED && e.kind() != RpcException.Kind.FATAL) {
                    throw e;
                }
                // a node without EIP-1898 block parameters: read by number from now on
                stateByHash = false;
            }
        }
        return rpc.call(method, List.of(target, hex(blockNumber)));
    }

    private static String hex(final long number) {
        return "0x" + BigInteger.valueOf(number).toString(16);
    }

    private static JsonNode wrap(final JsonNode value) {
        return NodeJson.objectWith("v", value);
    }
}
