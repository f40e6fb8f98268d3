package dev.soba.streams.api.ratelimit;

/** The rate-limit answer for one request: counted against its bucket, or decided without Redis. */
public sealed interface Decision {

    /** Redis answered: allowed or refused as the verdict says. */
    record Counted(Verdict verdict) implements Decision {
    }

    /** Redis could not be asked; {@code pass} follows {@code soba.rate-limit.when-redis-fails}. */
    record Unchecked(boolean pass, String reason) implements Decision {
    }
}
