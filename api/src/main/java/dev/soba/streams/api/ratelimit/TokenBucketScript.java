package dev.soba.streams.api.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The token bucket as one Lua script, so that reading, refilling and taking a token is a single
 * atomic step in Redis whichever instance asks. The time comes from Redis itself: instances whose
 * clocks disagree still share one bucket fairly.
 *
 * <p>KEYS[1] the bucket (a hash: {@code tokens}, {@code at} in µs); ARGV[1] capacity; ARGV[2] the
 * period in µs that refills a whole bucket; ARGV[3] the cost of this request. Answers
 * {allowed 0|1, whole tokens left, ms until the next token when refused, ms until full}.
 */
final class TokenBucketScript {

    static final String SOURCE = """
            if redis.replicate_commands then redis.replicate_commands() end
            local capacity = tonumber(ARGV[1])
            local period = tonumber(ARGV[2])
            local cost = tonumber(ARGV[3])
            local clock = redis.call('TIME')
            local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
            local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
            local tokens = tonumber(state[1]) or capacity
            local at = tonumber(state[2]) or now
            if now > at then
              tokens = math.min(capacity, tokens + (now - at) * capacity / period)
              at = now
            end
            local allowed = 0
            if tokens >= cost then
              tokens = tokens - cost
              allowed = 1
            end
            redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'at', string.format('%.0f', at))
            -- left alone for a whole period a bucket is full again, which is what a missing one means
            redis.call('PEXPIRE', KEYS[1], math.ceil(period / 1000))
            local micros_per_token = period / capacity
            local retry = 0
            if allowed == 0 then retry = math.ceil((cost - tokens) * micros_per_token / 1000) end
            local full = math.ceil((capacity - tokens) * micros_per_token / 1000)
            return {allowed, math.floor(tokens), retry, full}
            """;

    /** What EVALSHA names the script by: Redis keeps it after the first EVAL. */
    static final String SHA1 = sha1(SOURCE);

    private TokenBucketScript() {
    }

    private static String sha1(final String source) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }
}
