package dev.soba.streams.processors.dex;

import static dev.soba.streams.processors.dex.AbiWords.word;

import dev.soba.streams.processors.dex.UniswapEvents.Shape;
import dev.soba.streams.schemas.LogItem;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns an ethereum-etl log into the DEX event it is, if any. This runs on every log of the chain, so
 * the first topic is looked up before anything else is touched, and nothing on any path throws: a log
 * whose first topic is known but whose shape (topic count, data length, canonical padding) is not the
 * event's is another contract's lookalike (an ERC-721 {@code Transfer}, a re-used signature with other
 * indexing) and decodes to nothing.
 */
public final class DexEventDecoder {

    private static final int TOPIC_HEX = 66;

    /** One decoder per known first topic; each gets a log whose shape and hex are already checked. */
    private static final Map<String, Entry> BY_TOPIC0 = Map.of(
            UniswapEvents.V2_SWAP_SHAPE.topic0(), new Entry(UniswapEvents.V2_SWAP_SHAPE, DexEventDecoder::v2Swap),
            UniswapEvents.V2_SYNC_SHAPE.topic0(), new Entry(UniswapEvents.V2_SYNC_SHAPE, DexEventDecoder::v2Sync),
            UniswapEvents.V2_PAIR_CREATED_SHAPE.topic0(),
            new Entry(UniswapEvents.V2_PAIR_CREATED_SHAPE, DexEventDecoder::pairCreated),
            UniswapEvents.V3_SWAP_SHAPE.topic0(), new Entry(UniswapEvents.V3_SWAP_SHAPE, DexEventDecoder::v3Swap),
            UniswapEvents.V3_POOL_CREATED_SHAPE.topic0(),
            new Entry(UniswapEvents.V3_POOL_CREATED_SHAPE, DexEventDecoder::poolCreated));

    private DexEventDecoder() {
    }

    public static Optional<DexEvent> decode(final LogItem log) {
        final List<String> topics = log.topics();
        if (topics == null || topics.isEmpty() || topics.get(0) == null) {
            return Optional.empty();
        }
        final Entry entry = BY_TOPIC0.get(topics.get(0).toLowerCase(Locale.ROOT));
        if (entry == null || !hasShape(log, entry.shape())) {
            return Optional.empty();
        }
        final Optional<LogMeta> meta = meta(log);
        if (meta.isEmpty()) {
            return Optional.empty();
        }
        return entry.decoder().apply(new Log(meta.get(), log.address().toLowerCase(Locale.ROOT), topics,
                log.data()));
    }

    private static Optional<DexEvent> v2Swap(final Log log) {
        final String d = log.data();
        if (!log.isAddressTopic(1) || !log.isAddressTopic(2)) {
            return Optional.empty();
        }
        return Optional.of(new V2Swap(log.meta(), log.address(), log.topicAddress(1), log.topicAddress(2),
                AbiWords.uint(d, word(0)), AbiWords.uint(d, word(1)), AbiWords.uint(d, word(2)),
                AbiWords.uint(d, word(3))));
    }

    private static Optional<DexEvent> v2Sync(final Log log) {
        final String d = log.data();
        if (!AbiWords.isUint(d, word(0), 112) || !AbiWords.isUint(d, word(1), 112)) {
            return Optional.empty();
        }
        return Optional.of(new V2Sync(log.meta(), log.address(), AbiWords.uint(d, word(0)),
                AbiWords.uint(d, word(1))));
    }

    private static Optional<DexEvent> pairCreated(final Log log) {
        final String d = log.data();
        if (!log.isAddressTopic(1) || !log.isAddressTopic(2) || !AbiWords.isAddress(d, word(0))) {
            return Optional.empty();
        }
        return Optional.of(new PairCreated(log.meta(), log.address(), log.topicAddress(1), log.topicAddress(2),
                AbiWords.address(d, word(0))));
    }

    private static Optional<DexEvent> v3Swap(final Log log) {
        final String d = log.data();
        if (!log.isAddressTopic(1) || !log.isAddressTopic(2) || !AbiWords.isUint(d, word(2), 160)
                || !AbiWords.isUint(d, word(3), 128) || !AbiWords.isInt(d, word(4), 24)) {
            return Optional.empty();
        }
        return Optional.of(new V3Swap(log.meta(), log.address(), log.topicAddress(1), log.topicAddress(2),
                AbiWords.int256(d, word(0)), AbiWords.int256(d, word(1)), AbiWords.uint(d, word(2)),
                AbiWords.uint(d, word(3)), AbiWords.small(d, word(4), true)));
    }

    private static Optional<DexEvent> poolCreated(final Log log) {
        final String d = log.data();
        if (!log.isAddressTopic(1) || !log.isAddressTopic(2) || !AbiWords.isUint(log.topics().get(3), 2, 24)
                || !AbiWords.isInt(d, word(0), 24) || !AbiWords.isAddress(d, word(1))) {
            return Optional.empty();
        }
        return Optional.of(new PoolCreated(log.meta(), log.address(), log.topicAddress(1), log.topicAddress(2),
                AbiWords.small(log.topics().get(3), 2, false), AbiWords.small(d, word(0), true),
                AbiWords.address(d, word(1))));
    }

    /** Topic count, data length and hex digits match: every word read afterwards is in bounds and parses. */
    private static boolean hasShape(final LogItem log, final Shape shape) {
        final List<String> topics = log.topics();
        final String data = log.data();
        if (topics.size() != shape.topicCount() || data == null || data.length() != shape.dataHexLength()
                || log.address() == null || !AbiWords.isHex(data)) {
            return false;
        }
        for (int i = 1; i < topics.size(); i++) {
            final String topic = topics.get(i);
            if (topic == null || topic.length() != TOPIC_HEX || !AbiWords.isHex(topic)) {
                return false;
            }
        }
        return true;
    }

    private static Optional<LogMeta> meta(final LogItem log) {
        if (log.blockNumber() == null || log.blockHash() == null || log.transactionHash() == null
                || log.logIndex() == null) {
            return Optional.empty();
        }
        final long timestampMillis = log.blockTimestamp() == null ? 0L : log.blockTimestamp() * 1000L;
        return Optional.of(new LogMeta(log.blockNumber(), log.blockHash().toLowerCase(Locale.ROOT),
                log.transactionHash().toLowerCase(Locale.ROOT), log.logIndex(), timestampMillis));
    }

    /** A log that passed the shape check, with its meta and lower-case emitter. */
    private record Log(LogMeta meta, String address, List<String> topics, String data) {

        boolean isAddressTopic(final int index) {
            return AbiWords.isAddress(topics.get(index), 2);
        }

        String topicAddress(final int index) {
            return AbiWords.address(topics.get(index), 2);
        }
    }

    private record Entry(Shape shape, Function<Log, Optional<DexEvent>> decoder) {
    }
}
