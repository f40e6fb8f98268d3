package dev.soba.streams.cli;

import dev.soba.streams.processors.dex.PoolCsv;
import dev.soba.streams.schemas.Json;
import dev.soba.streams.topology.ProducerSettings;
import dev.soba.streams.topology.Topics;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code ./soba pools import FILE.csv}: writes pools (what they trade, with symbols and decimals)
 * to the compacted pools topic that every instance reads. Imported pools count as trusted for the
 * cross-venue candles. Nothing is written when a line is wrong.
 */
public final class PoolsCommand {

    public static final String USAGE = """
            usage: soba pools import FILE.csv [--topic-prefix PREFIX] [--bootstrap-servers HOST:PORT]
            CSV header: pool,protocol,token0,token1,fee,token0_symbol,token1_symbol,token0_decimals,token1_decimals
            (protocol uniswap_v2 or uniswap_v3, default uniswap_v2; fee optional).""";

    private PoolsCommand() {
    }

    public static int run(final String[] argv, final PrintStream out) throws Exception {
        final Args args = Args.parse(argv, Set.of("topic-prefix", "bootstrap-servers"), Set.of());
        if (args.positional().size() != 2 || !"import".equals(args.positional().get(0))) {
            throw new Args.UsageException("pools takes: import FILE.csv");
        }
        final Path file = Path.of(args.positional().get(1));
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            throw new Args.UsageException("cannot read file " + file);
        }
        Utf8Check.requireUtf8(file);
        final List<PoolCsv.Line> lines;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            lines = PoolCsv.parse(reader);
        }
        final List<PoolCsv.Rejected> rejected = lines.stream()
                .filter(PoolCsv.Rejected.class::isInstance).map(PoolCsv.Rejected.class::cast).toList();
        if (!rejected.isEmpty()) {
            rejected.forEach(line -> System.err.printf("%s:%d: %s%n", file, line.lineNumber(), line.reason()));
            System.err.printf("%d line(s) rejected; nothing imported%n", rejected.size());
            return 1;
        }
        final CliConfig config = CliConfig.load();
        final String bootstrap = args.option("bootstrap-servers").orElseGet(() -> config.get("soba.kafka.bootstrap-servers"));
        final Topics topics = new Topics(args.option("topic-prefix").orElse(config.find("soba.topics.prefix").orElse("")));
        int imported = 0;
        final Map<String, Object> settings = new HashMap<>(ProducerSettings.idempotent(bootstrap));
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) SimulationSupport.DEFAULT_DELIVERY_TIMEOUT.toMillis());
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, SimulationSupport.DEFAULT_DELIVERY_TIMEOUT.toMillis());
        try (Producer<String, byte[]> producer = new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer())) {
            for (final PoolCsv.Line line : lines) {
                final PoolCsv.Imported pool = (PoolCsv.Imported) line;
                try {
                    producer.send(new ProducerRecord<>(topics.pools(), pool.pool().address(), Json.write(pool.pool()))).get();
                } catch (final ExecutionException e) {
                    // The registry is keyed by pool address: importing the file again is idempotent.
                    throw new IllegalStateException(String.format("stopped at %s:%d: %s; the %d pool(s) before it are "
                                    + "imported. Run the same import again to resume (pools are keyed by address, so "
                                    + "the ones already there are only overwritten with the same values)",
                            file, pool.lineNumber(), e.getCause().getMessage(), imported), e.getCause());
                }
                imported++;
            }
        }
        out.printf("imported %d pool(s) to %s on %s%n", imported, topics.pools(), bootstrap);
        return 0;
    }
}
