package dev.soba.streams.api.query;

import dev.soba.streams.api.pipeline.SobaConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The cluster's forward signature, from {@code soba.query.forward-secret}. */
@ApplicationScoped
public class ForwardSignatureProducer {

    @Produces
    @ApplicationScoped
    ForwardSignature forwardSignature(final SobaConfig config) {
        return new ForwardSignature(config.query().forwardSecret(), Clock.systemUTC());
    }
}
