package dev.soba.streams.cli;

import dev.soba.streams.processors.fraud.LabelCsv;
import dev.soba.streams.schemas.Json;
import dev.soba.streams.topology.ProducerSettings;
import dev.soba.streams.topology.Topics;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code ./soba labels import FILE.csv}: labelled addresses to the compacted {@code wallet_labels} topic, read
 * by every instance as a global store: a labelled address or counterparty is a reason in the fraud scores.
 * Nothing is written when a line is wrong.
 */
public final class LabelsCommand {

    public static final String USAGE = """
            usage: soba labels import FILE.csv [--source NAME] [--topic-prefix PREFIX] [--bootstrap-servers HOST:PORT]
            CSV header: address,label,source (your own list), or the Forta/Etherscan lists as published
            (banned_address,wallet_tag,data_source / address,etherscan_tag,... / contract_address,contract_tag,...,source).
            --source names rows without a source (default: the file name).""";

    private LabelsCommand() {
    }

    public static int run(final String[] argv, final PrintStream out) throws Exception {
        final Args args = Args.parse(argv, Set.of("source", "topic-prefix", "bootstrap-servers"), Set.of());
        if (args.positional().size() != 2 || !"import".equals(args.positional().get(0))) {
            throw new Args.UsageException("labels takes: import FILE.csv");
        }
        final Path file = FraudCommand.readable(args.positional().get(1));
        final List<LabelCsv.Line> lines;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            lines = LabelCsv.parse(reader, args.option("source").orElse(file.getFileName().toString()));
        }
        final List<LabelCsv.Rejected> rejected = lines.stream().filter(LabelCsv.Rejected.class::isInstance)
                .map(LabelCsv.Rejected.class::cast).toList();
        if (!rejected.isEmpty()) {
            rejected.stream().limit(20).forEach(line -> System.err.printf("%s:%d: %s%n", file, line.lineNumber(), line.reason()));
            System.err.printf("%d line(s) rejected; nothing imported%n", rejected.size());
            return 1;
        }
        final CliConfig config = CliConfig.load();
        final String bootstrap = args.option("bootstrap-servers").orElseGet(() -> config.get("soba.kafka.bootstrap-servers"));
        final Topics topics = new Topics(args.option("topic-prefix").orElse(config.find("soba.topics.prefix").orElse("")));
        int imported = 0;
        try (Producer<String, byte[]> producer = new KafkaProducer<>(ProducerSettings.idempotent(bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            for (final LabelCsv.Line line : lines) {
                final LabelCsv.Labelled labelled = (LabelCsv.Labelled) line;
                producer.send(new ProducerRecord<>(topics.walletLabels(), labelled.label().address(), Json.write(labelled.label())));
                imported++;
            }
            producer.flush();
        }
        out.printf("imported %d labelled addresses into %s%n", imported, topics.walletLabels());
        return 0;
    }
}
