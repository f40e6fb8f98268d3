package dev.soba.streams.cli;

import dev.soba.streams.topology.TopicCreator;
import dev.soba.streams.topology.Topics;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * {@code ./soba topics create}: creates the pipeline's missing topics with the configured
 * partitions and replication and waits for their leaders — what the service does at start, for
 * clusters where the service's own account may not create topics (the Helm chart's init container).
 */
public final class TopicsCommand {

    public static final String USAGE = """
            usage: soba topics create [--bootstrap-servers HOST:PORT] [--topic-prefix PREFIX] [--partitions N]
                                      [--replication-factor N]
            Creates the pipeline's missing topics (inputs, outputs, the compacted registries) with soba.topics.partitions
            and soba.topics.replication-factor (SOBA_TOPIC_PARTITIONS, SOBA_TOPIC_REPLICATION_FACTOR) unless given, and
            waits until every partition has a leader. Existing topics are left as they are.""";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private TopicsCommand() {
    }

    public static int run(final String[] argv, final PrintStream out) {
        final Args args = Args.parse(argv, Set.of("bootstrap-servers", "topic-prefix", "partitions", "replication-factor"),
                Set.of());
        if (args.positional().size() != 1 || !"create".equals(args.positional().get(0))) {
            throw new Args.UsageException("topics takes: create");
        }
        final CliConfig config = CliConfig.load();
        final String bootstrap = args.option("bootstrap-servers").orElseGet(() -> config.get("soba.kafka.bootstrap-servers"));
        final Topics topics = new Topics(args.option("topic-prefix").orElseGet(() -> config.find("soba.topics.prefix").orElse("")));
        // the configured values only when not given (the configuration may not name them outside the service)
        final int partitions = (int) (args.option("partitions").isPresent() ? args.longOption("partitions", 0)
                : Long.parseLong(config.get("soba.topics.partitions")));
        final short replication = (short) (args.option("replication-factor").isPresent() ? args.longOption("replication-factor", 0)
                : Long.parseLong(config.get("soba.topics.replication-factor")));
        if (partitions < 1 || replication < 1) {
            throw new Args.UsageException("partitions and replication factor must be at least 1");
        }
        final List<NewTopic> wanted = topics.newTopics(partitions, replication);
        final Set<String> created = TopicCreator.createMissing(bootstrap, wanted, TIMEOUT);
        out.printf("%d topic(s) created, %d already there, on %s%n", created.size(), wanted.size() - created.size(), bootstrap);
        created.stream().sorted().forEach(name -> out.println("  created " + name));
        return 0;
    }
}
