package dev.soba.streams.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An in-process broker logs thousands of INFO lines (every partition, every coordinator load)
 * into the application's own log, and the embedded PostgreSQL relays initdb's output. This raises the broker-side categories to WARNING, but only those
 * nobody configured: {@code quarkus.log.category."kafka".level} and the like still win. Client-side
 * categories ({@code org.apache.kafka.clients}, {@code .streams}) are left alone.
 */
public final class BrokerLogLevels {

    private static final List<String> BROKER_CATEGORIES = List.of(
            "kafka",
            "state.change.logger",
            "org.apache.kafka.controller",
            "org.apache.kafka.coordinator",
            "org.apache.kafka.image",
            "org.apache.kafka.metadata",
            "org.apache.kafka.queue",
            "org.apache.kafka.raft",
            "org.apache.kafka.security",
            "org.apache.kafka.server",
            "org.apache.kafka.snapshot",
            "org.apache.kafka.storage",
            // the embedded PostgreSQL relays initdb's and the server's whole output at INFO
            "io.zonky.test");

    // java.util.logging keeps loggers weakly: without these references a level could be forgotten.
    private static final List<Logger> QUIETED = new ArrayList<>();

    private BrokerLogLevels() {
    }

    public static synchronized void quietUnlessConfigured() {
        for (final String category : BROKER_CATEGORIES) {
            final Logger logger = Logger.getLogger(category);
            if (logger.getLevel() == null) {
                logger.setLevel(Level.WARNING);
                QUIETED.add(logger);
            }
        }
    }
}
