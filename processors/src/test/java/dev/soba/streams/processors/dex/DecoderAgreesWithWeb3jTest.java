package dev.soba.streams.processors.dex;

import static dev.soba.streams.processors.dex.TestLogs.addressWord;
import static dev.soba.streams.processors.dex.TestLogs.data;
import static dev.soba.streams.processors.dex.TestLogs.intWord;
import static dev.soba.streams.processors.dex.TestLogs.topic;
import static dev.soba.streams.processors.dex.TestLogs.uintWord;
import static org.assertj.core.api.Assertions.assertThat;

import dev.soba.streams.processors.TestItems;
import dev.soba.streams.schemas.LogItem;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Type;

/**
 * The decoder reads ABI words itself for speed; here web3j's own decoder reads the same logs, over
 * random values of every width and sign, and both must agree.
 */
class DecoderAgreesWithWeb3jTest {

    private static final int ROUNDS = 500;
    private final Random random = new Random(20240105L);

    @Test
    void v2SwapsAgree() {
        for (int i = 0; i < ROUNDS; i++) {
            final String sender = randomAddress();
            final String to = randomAddress();
            final List<String> topics = List.of(UniswapEvents.V2_SWAP_SHAPE.topic0(), topic(addressWord(sender)),
                    topic(addressWord(to)));
            final String data = data(uintWord(unsigned(256)), uintWord(unsigned(256)), uintWord(unsigned(256)),
                    uintWord(unsigned(256)));
            final V2Swap swap = (V2Swap) decode(topics, data, i);

            final List<Type> values = web3jValues(UniswapEvents.V2_SWAP, topics, data);
            assertThat(List.of(swap.sender(), swap.amount0In(), swap.amount1In(), swap.amount0Out(), swap.amount1Out(),
                    swap.to())).isEqualTo(values.stream().map(Type::getValue).toList());
        }
    }

    @Test
    void syncsAgree() {
        for (int i = 0; i < ROUNDS; i++) {
            final List<String> topics = List.of(UniswapEvents.V2_SYNC_SHAPE.topic0());
            final String data = data(uintWord(unsigned(112)), uintWord(unsigned(112)));
            final V2Sync sync = (V2Sync) decode(topics, data, i);

            assertThat(List.<Object>of(sync.reserve0(), sync.reserve1()))
                    .isEqualTo(web3jValues(UniswapEvents.V2_SYNC, topics, data).stream().map(Type::getValue).toList());
        }
    }

    @Test
    void v3SwapsAgree() {
        for (int i = 0; i < ROUNDS; i++) {
            final List<String> topics = List.of(UniswapEvents.V3_SWAP_SHAPE.topic0(), topic(addressWord(randomAddress())),
                    topic(addressWord(randomAddress())));
            final String data = data(intWord(signed(256)), intWord(signed(256)), uintWord(unsigned(160)),
                    uintWord(unsigned(128)), intWord(signed(24)));
            final V3Swap swap = (V3Swap) decode(topics, data, i);

            assertThat(List.<Object>of(swap.sender(), swap.recipient(), swap.amount0(), swap.amount1(),
                    swap.sqrtPriceX96(), swap.liquidity(), BigInteger.valueOf(swap.tick())))
                    .isEqualTo(web3jValues(UniswapEvents.V3_SWAP, topics, data).stream().map(Type::getValue).toList());
        }
    }

    @Test
    void factoryEventsAgree() {
        for (int i = 0; i < ROUNDS; i++) {
            final List<String> pairTopics = List.of(UniswapEvents.V2_PAIR_CREATED_SHAPE.topic0(),
                    topic(addressWord(randomAddress())), topic(addressWord(randomAddress())));
            final String pairData = data(addressWord(randomAddress()), uintWord(unsigned(256)));
            final PairCreated pair = (PairCreated) decode(pairTopics, pairData, i);
            assertThat(List.<Object>of(pair.token0(), pair.token1(), pair.pair()))
                    .isEqualTo(web3jValues(UniswapEvents.V2_PAIR_CREATED, pairTopics, pairData).stream()
                            .limit(3).map(Type::getValue).toList());

            final List<String> poolTopics = List.of(UniswapEvents.V3_POOL_CREATED_SHAPE.topic0(),
                    topic(addressWord(randomAddress())), topic(addressWord(randomAddress())),
                    topic(uintWord(unsigned(24))));
            final String poolData = data(intWord(signed(24)), addressWord(randomAddress()));
            final PoolCreated pool = (PoolCreated) decode(poolTopics, poolData, i);
            assertThat(List.<Object>of(pool.token0(), pool.token1(), BigInteger.valueOf(pool.fee()),
                    BigInteger.valueOf(pool.tickSpacing()), pool.pool()))
                    .isEqualTo(web3jValues(UniswapEvents.V3_POOL_CREATED, poolTopics, poolData).stream()
                            .map(Type::getValue).toList());
        }
    }

    private static DexEvent decode(final List<String> topics, final String data, final int logIndex) {
        final LogItem log = TestLogs.log(TestItems.address("emitter"), topics, data, TestItems.hash("tx"), logIndex);
        return DexEventDecoder.decode(log).orElseThrow(() -> new AssertionError("did not decode " + log));
    }

    /** The event's parameters in declaration order, decoded by web3j: indexed ones from the topics. */
    private static List<Type> web3jValues(final Event event, final List<String> topics, final String data) {
        final List<Type> nonIndexed = FunctionReturnDecoder.decode(data, event.getNonIndexedParameters());
        final List<Type> values = new ArrayList<>();
        int topic = 1;
        int word = 0;
        for (final TypeReference<Type> parameter : event.getParameters()) {
            values.add(parameter.isIndexed()
                    ? FunctionReturnDecoder.decodeIndexedValue(topics.get(topic++), parameter)
                    : nonIndexed.get(word++));
        }
        return values;
    }

    /** A value of random width up to {@code bits}, so small, large and boundary values all occur. */
    private BigInteger unsigned(final int bits) {
        return switch (random.nextInt(6)) {
            case 0 -> BigInteger.ZERO;
            case 1 -> BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
            default -> new BigInteger(1 + random.nextInt(bits), random);
        };
    }

    private BigInteger signed(final int bits) {
        return switch (random.nextInt(6)) {
            case 0 -> BigInteger.ONE.shiftLeft(bits - 1).negate();
            case 1 -> BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE);
            default -> {
                final BigInteger magnitude = new BigInteger(1 + random.nextInt(bits - 1), random);
                yield random.nextBoolean() ? magnitude.negate() : magnitude;
            }
        };
    }

    private String randomAddress() {
        final String hex = new BigInteger(160, random).toString(16);
        return "0x" + "0".repeat(40 - hex.length()) + hex;
    }
}
