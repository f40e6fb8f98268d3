package dev.soba.streams.processors.mev;

import dev.soba.streams.processors.TestItems;
import dev.soba.streams.processors.mev.calls.CallClassifier;
import dev.soba.streams.processors.mev.calls.Calls;
import dev.soba.streams.processors.mev.calls.ClassifiedCall;
import dev.soba.streams.schemas.Trace;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A block of ethereum-etl trace items built by the tests: transactions in order, each a tree of calls
 * given by trace address ({@code ""} for the transaction's own call, {@code "1,0"} …). Subtraces,
 * status (0 under a failed call, as ethereum-etl computes it), ids and indexes are filled in, and every
 * item is parsed by the production {@code ItemParser}.
 */
public final class TestBlock {

    public static final long NUMBER = 15_000_000L;
    public static final String HASH = TestItems.hash("mev-test-block");

    private final List<TestTransaction> transactions = new ArrayList<>();

    public TestTransaction transaction(final String name) {
        final TestTransaction transaction = new TestTransaction(TestItems.hash("tx-" + name), transactions.size());
        transactions.add(transaction);
        return transaction;
    }

    public List<Trace> traces() {
        return traceJson().stream().map(json -> TestItems.parse(json, Trace.class)).toList();
    }

    /** The trace items as ethereum-etl JSON, as a stream test sends them. */
    public List<String> traceJson() {
        final List<String> traces = new ArrayList<>();
        for (final TestTransaction transaction : transactions) {
            traces.addAll(transaction.traceJson(traces.size()));
        }
        return traces;
    }

    /** The block's transactions in order, as {@link TestItems#transaction} JSON (from and to of each top call). */
    public List<String> transactionJson() {
        final List<String> json = new ArrayList<>();
        for (final TestTransaction transaction : transactions) {
            json.add(transaction.json());
        }
        return json;
    }

    public int transactionCount() {
        return transactions.size();
    }

    /** The first two rungs: calls in block order, classified by the standard registry. */
    public List<ClassifiedCall> classified() {
        return CallClassifier.standard().classify(Calls.fromTraces(traces(), Map.of()));
    }

    public BlockInput.TracedBlock input() {
        return new BlockInput.TracedBlock(NUMBER, traces(), Map.of());
    }

    /** One transaction's calls. */
    public static final class TestTransaction {
        private final String hash;
        private final int position;
        private final List<Spec> calls = new ArrayList<>();

        TestTransaction(final String hash, final int position) {
            this.hash = hash;
            this.position = position;
        }

        public String hash() {
            return hash;
        }

        public TestTransaction call(final String path, final String from, final String to, final String input) {
            return add(path, "call", from, to, input, BigInteger.ZERO, null);
        }

        public TestTransaction call(final String path, final String from, final String to, final String input,
                final BigInteger value) {
            return add(path, "call", from, to, input, value, null);
        }

        public TestTransaction delegateCall(final String path, final String from, final String to, final String input) {
            return add(path, "delegatecall", from, to, input, BigInteger.ZERO, null);
        }

        public TestTransaction failedCall(final String path, final String from, final String to, final String input,
                final String error) {
            return add(path, "call", from, to, input, BigInteger.ZERO, error);
        }

        private TestTransaction add(final String path, final String callType, final String from, final String to,
                final String input, final BigInteger value, final String error) {
            final List<Long> address = path.isEmpty() ? List.of()
                    : Arrays.stream(path.split(",")).map(String::strip).map(Long::valueOf).toList();
            calls.add(new Spec(address, callType, from, to, input, value, error));
            return this;
        }

        String json() {
            final Spec top = calls.get(0);
            return TestItems.transaction(hash, NUMBER, HASH, position, top.from(), top.to(), top.value());
        }

        List<String> traceJson(final int firstIndex) {
            final Map<List<Long>, Integer> children = new HashMap<>();
            calls.forEach(c -> {
                if (!c.address().isEmpty()) {
                    children.merge(c.address().subList(0, c.address().size() - 1), 1, Integer::sum);
                }
            });
            final Map<List<Long>, Boolean> failed = new HashMap<>();
            final List<String> traces = new ArrayList<>();
            for (final Spec c : calls) {
                final boolean parentFailed = !c.address().isEmpty()
                        && failed.getOrDefault(c.address().subList(0, c.address().size() - 1), false);
                failed.put(c.address(), c.error() != null || parentFailed);
                final String joined = c.address().stream().map(String::valueOf).collect(Collectors.joining("_"));
                final String json = """
                        {"type": "trace", "transaction_index": %d, "from_address": "%s", "to_address": "%s",
                         "value": %s, "input": "%s", "output": "0x", "trace_type": "call", "call_type": "%s",
                         "gas": 100000, "gas_used": 50000, "subtraces": %d, "trace_address": [%s], "error": %s,
                         "status": %d, "transaction_hash": "%s", "block_number": %d, "trace_id": "call_%s_%s",
                         "trace_index": %d, "block_timestamp": 1700000000, "block_hash": "%s"}
                        """.formatted(position, c.from(), c.to(), c.value(), c.input(), c.callType(),
                        children.getOrDefault(c.address(), 0),
                        c.address().stream().map(String::valueOf).collect(Collectors.joining(", ")),
                        c.error() == null ? "null" : "\"" + c.error() + "\"", failed.get(c.address()) ? 0 : 1, hash,
                        NUMBER, hash, joined, firstIndex + traces.size(), HASH);
                traces.add(json);
            }
            return traces;
        }

        private record Spec(List<Long> address, String callType, String from, String to, String input,
                            BigInteger value, String error) {
        }
    }
}
