package dev.soba.streams.api.dashboard;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The live MEV feed of the dashboard: every record of {@code mev_alerts} (findings and their retractions, as
 * the topology publishes them, read committed, as {@code {"status": …, "finding": …}}) as it arrives, to every open stream of this instance. It reads
 * the topic with SmallRye Reactive Messaging, outside the topology, in a consumer group of its own per
 * instance (each instance feeds its own browsers with every alert), from the latest offset: a stream shows
 * what happens while it is open; history is {@code GET /api/v1/mev}.
 */
@ApplicationScoped
public class LiveMevAlerts {

    /** The header in which the topology says whether a finding is new, a correction or a retraction. */
    static final String STATUS_HEADER = "soba-mev-status";

    private final BroadcastProcessor<String> alerts = BroadcastProcessor.create();
    private final AtomicLong received = new AtomicLong();

    @Incoming("mev-alerts-live")
    void onAlert(final ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return;
        }
        final Header header = record.headers().lastHeader(STATUS_HEADER);
        final String status = header == null ? "new" : new String(header.value(), StandardCharsets.UTF_8);
        received.incrementAndGet();
        // the finding as published, with its status (new, correction, retraction) from the record's header
        alerts.onNext("{\"status\": \"" + status.replaceAll("[^a-z_-]", "") + "\", \"finding\": " + record.value() + "}");
    }

    /** The alerts from now on. */
    public Multi<String> stream() {
        return alerts;
    }

    /** How many alerts this instance has read since it started. */
    public long received() {
        return received.get();
    }
}
