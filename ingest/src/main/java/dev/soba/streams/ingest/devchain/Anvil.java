package dev.soba.streams.ingest.devchain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.soba.streams.ingest.rpc.Backoff;
import dev.soba.streams.ingest.rpc.JsonRpcClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A local development node (anvil, from the npm package {@code @foundry-rs/anvil}) for tests, benchmarks
 * and demos: a process on a free local port, started with
 * {@code --order fifo} (a block keeps the order transactions were sent in) and {@code --steps-tracing},
 * its ten funded accounts unlocked; stopped on {@link #close()}.
 */
public final class Anvil implements AutoCloseable {

    private final Process process;
    private final String url;
    private final JsonRpcClient rpc;
    private final List<String> accounts;

    private Anvil(final Process process, final String url, final JsonRpcClient rpc, final List<String> accounts) {
        this.process = process;
        this.url = url;
        this.rpc = rpc;
        this.accounts = accounts;
    }

    /** The anvil binary that {@code npm install @foundry-rs/anvil} put under {@code folder} for this platform. */
    public static Optional<Path> binaryUnder(final Path folder) {
        final Path foundry = folder.resolve("node_modules/@foundry-rs");
        if (!Files.isDirectory(foundry)) {
            return Optional.empty();
        }
        try (Stream<Path> packages = Files.list(foundry)) {
            return packages.filter(p -> p.getFileName().toString().startsWith("anvil-"))
                    .map(p -> p.resolve("bin/anvil")).filter(Files::isExecutable).findFirst();
        } catch (final IOException e) {
            return Optional.empty();
        }
    }

    public static Anvil start(final Path binary) {
        final int port = freePort();
        final Process process;
        try {
            process = new ProcessBuilder(binary.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port),
                    "--order", "fifo", "--steps-tracing", "--silent")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot start anvil " + binary, e);
        }
        // a JVM that exits without close() (System.exit, Ctrl-C) must not leave the node running
        final Thread reaper = new Thread(process::destroyForcibly, "anvil-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
        final String url = "http://127.0.0.1:" + port;
        final JsonRpcClient rpc = new JsonRpcClient(url, 0, new Backoff(Duration.ofMillis(50), Duration.ofMillis(200)), 100,
                Duration.ofSeconds(30));
        try {
            final List<String> accounts = new ArrayList<>();
            rpc.call("eth_accounts", List.of()).forEach(a -> accounts.add(a.asText()));
            return new Anvil(process, url, rpc, accounts);
        } catch (final RuntimeException e) {
            rpc.close();
            process.destroyForcibly();
            throw e;
        }
    }

    public String url() {
        return url;
    }

    public String account(final int index) {
        return accounts.get(index);
    }

    public JsonNode call(final String method, final List<?> params) {
        return rpc.call(method, params);
    }

    public long blockNumber() {
        return new BigInteger(call("eth_blockNumber", List.of()).asText().substring(2), 16).longValueExact();
    }

    public JsonNode block(final long number) {
        return call("eth_getBlockByNumber", List.of("0x" + Long.toHexString(number), true));
    }

    /** Sends a transaction from an unlocked account; returns its hash (mined at once unless automine is off). */
    public String send(final String from, final String to, final String data, final BigInteger value) {
        final Map<String, Object> tx = new LinkedHashMap<>();
        tx.put("from", from);
        if (to != null) {
            tx.put("to", to);
        }
        tx.put("data", data);
        tx.put("value", "0x" + value.toString(16));
        tx.put("gas", "0x" + Long.toHexString(6_000_000));
        return call("eth_sendTransaction", List.of(tx)).asText();
    }

    public JsonNode receipt(final String transactionHash) {
        return call("eth_getTransactionReceipt", List.of(transactionHash));
    }

    /** Sends and requires success (mined at once). */
    public JsonNode sendAndMine(final String from, final String to, final String data, final BigInteger value) {
        final JsonNode receipt = awaitReceipt(send(from, to, data, value));
        if (!"0x1".equals(receipt.path("status").asText())) {
            throw new IllegalStateException("transaction failed: " + receipt);
        }
        return receipt;
    }

    /** The receipt once the transaction is mined (anvil mines right after answering eth_sendTransaction). */
    public JsonNode awaitReceipt(final String transactionHash) {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            final JsonNode receipt = receipt(transactionHash);
            if (!receipt.isNull()) {
                return receipt;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("transaction " + transactionHash + " not mined within 30 s");
            }
            try {
                Thread.sleep(20);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public void automine(final boolean on) {
        call("evm_setAutomine", List.of(on));
    }

    public void mine() {
        call("evm_mine", List.of());
    }

    public String snapshot() {
        return call("evm_snapshot", List.of()).asText();
    }

    public void revert(final String snapshot) {
        if (!call("evm_revert", List.of(snapshot)).asBoolean()) {
            throw new IllegalStateException("evm_revert(" + snapshot + ") refused");
        }
    }

    @Override
    public void close() {
        rpc.close();
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
