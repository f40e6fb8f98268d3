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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;

class DexEventDecoderTest {

    // keccak256 of the canonical signatures, computed here, and the well-known values they must equal
    static final String V2_SWAP_TOPIC = Hash.sha3String("Swap(address,uint256,uint256,uint256,uint256,address)");
    static final String SYNC_TOPIC = Hash.sha3String("Sync(uint112,uint112)");
    static final String PAIR_CREATED_TOPIC = Hash.sha3String("PairCreated(address,address,address,uint256)");
    static final String V3_SWAP_TOPIC = Hash.sha3String("Swap(address,address,int256,int256,uint160,uint128,int24)");
    static final String POOL_CREATED_TOPIC = Hash.sha3String("PoolCreated(address,address,uint24,int24,address)");
    static final String ERC20_TRANSFER_TOPIC = Hash.sha3String("Transfer(address,address,uint256)");

    static final String PAIR = TestItems.address("pair");
    static final String POOL = TestItems.address("pool");
    static final String ROUTER = TestItems.address("router");
    static final String TRADER = TestItems.address("trader");
    static final String TX = TestItems.hash("tx");

    private static final BigInteger MAX_UINT256 = TestLogs.TWO_TO_256.subtract(BigInteger.ONE);

    @Test
    void eventTopicsAreTheKeccakOfTheSignatures() {
        assertThat(UniswapEvents.V2_SWAP_SHAPE.topic0()).isEqualTo(V2_SWAP_TOPIC)
                .isEqualTo("0xd78ad95fa46c994b6551d0da85fc275fe613ce37657fb8d5e3d130840159d822");
        assertThat(UniswapEvents.V2_SYNC_SHAPE.topic0()).isEqualTo(SYNC_TOPIC)
                .isEqualTo("0x1c411e9a96e071241c2f21f7726b17ae89e3cab4c78be50e062b03a9fffbbad1");
        assertThat(UniswapEvents.V2_PAIR_CREATED_SHAPE.topic0()).isEqualTo(PAIR_CREATED_TOPIC)
                .isEqualTo("0x0d3648bd0f6ba80134a33ba9275ac585d9d315f0ad8355cddefde31afa28d0e9");
        assertThat(UniswapEvents.V3_SWAP_SHAPE.topic0()).isEqualTo(V3_SWAP_TOPIC)
                .isEqualTo("0xc42079f94a6350d7e6235f29174924f928cc2ac818eb64fed8004e115fbcca67");
        assertThat(UniswapEvents.V3_POOL_CREATED_SHAPE.topic0()).isEqualTo(POOL_CREATED_TOPIC)
                .isEqualTo("0x783cca1c0412dd0d695e784568c96da2e9c22ff989357a2e8b1d9b2b4e6b7118");
    }

    @Test
    void shapesCountTopicsAndDataWords() {
        assertThat(UniswapEvents.V2_SWAP_SHAPE).extracting("topicCount", "dataHexLength").containsExactly(3, 2 + 4 * 64);
        assertThat(UniswapEvents.V2_SYNC_SHAPE).extracting("topicCount", "dataHexLength").containsExactly(1, 2 + 2 * 64);
        assertThat(UniswapEvents.V2_PAIR_CREATED_SHAPE).extracting("topicCount", "dataHexLength")
                .containsExactly(3, 2 + 2 * 64);
        assertThat(UniswapEvents.V3_SWAP_SHAPE).extracting("topicCount", "dataHexLength").containsExactly(3, 2 + 5 * 64);
        assertThat(UniswapEvents.V3_POOL_CREATED_SHAPE).extracting("topicCount", "dataHexLength")
                .containsExactly(4, 2 + 2 * 64);
    }

    @Test
    void decodesAV2SwapWithItsMeta() {
        final LogItem log = TestLogs.log(PAIR, List.of(V2_SWAP_TOPIC, topic(addressWord(ROUTER)), topic(addressWord(TRADER))),
                data(uintWord(0), uintWord(1_500_000_000L), uintWord(new BigInteger("680000000000000000")),
                        uintWord(MAX_UINT256)), TX, 42);

        assertThat(DexEventDecoder.decode(log)).contains(new V2Swap(
                new LogMeta(TestLogs.BLOCK, TestLogs.BLOCK_HASH, TX, 42, TestLogs.TIMESTAMP * 1000),
                PAIR, ROUTER, TRADER, BigInteger.ZERO, BigInteger.valueOf(1_500_000_000L),
                new BigInteger("680000000000000000"), MAX_UINT256));
    }

    @Test
    void aV2SwapNetsInMinusOut() {
        final V2Swap swap = (V2Swap) DexEventDecoder.decode(TestLogs.log(PAIR,
                List.of(V2_SWAP_TOPIC, topic(addressWord(ROUTER)), topic(addressWord(TRADER))),
                data(uintWord(0), uintWord(1_500_000_000L), uintWord(680L), uintWord(0)), TX, 42)).orElseThrow();
        assertThat(swap.amount0()).isEqualTo(BigInteger.valueOf(-680));
        assertThat(swap.amount1()).isEqualTo(BigInteger.valueOf(1_500_000_000L));
    }

    @Test
    void decodesASyncUpToTheFullUint112() {
        final BigInteger max112 = BigInteger.ONE.shiftLeft(112).subtract(BigInteger.ONE);
        final LogItem log = TestLogs.log(PAIR, List.of(SYNC_TOPIC), data(uintWord(max112), uintWord(12_345L)), TX, 41);

        assertThat(DexEventDecoder.decode(log)).get().isInstanceOfSatisfying(V2Sync.class, sync -> {
            assertThat(sync.pool()).isEqualTo(PAIR);
            assertThat(sync.reserve0()).isEqualTo(max112);
            assertThat(sync.reserve1()).isEqualTo(BigInteger.valueOf(12_345L));
            assertThat(sync.meta().logIndex()).isEqualTo(41);
        });
    }

    @Test
    void decodesAV3SwapWithNegativeAmountsAndTick() {
        // hand-written two's complement: -1 is all ones; -22686110 is 2^256 - 0x15a299e
        final String minusOne = "f".repeat(64);
        final String minus22686110 = "f".repeat(57) + "ea5d662";
        // tick -887272 (MIN_TICK): 2^24 - 887272 = 0xf27618, sign-extended
        final String minTick = "f".repeat(58) + "f27618";
        final BigInteger sqrtPrice = new BigInteger("1662995104975155420368771254341874");
        final BigInteger liquidity = new BigInteger("12453647101533358277");
        final LogItem log = TestLogs.log(POOL, List.of(V3_SWAP_TOPIC, topic(addressWord(ROUTER)), topic(addressWord(TRADER))),
                data(minus22686110, minusOne, uintWord(sqrtPrice), uintWord(liquidity), minTick), TX, 7);

        assertThat(DexEventDecoder.decode(log)).contains(new V3Swap(
                new LogMeta(TestLogs.BLOCK, TestLogs.BLOCK_HASH, TX, 7, TestLogs.TIMESTAMP * 1000), POOL, ROUTER, TRADER,
                BigInteger.valueOf(-22_686_110L), BigInteger.valueOf(-1), sqrtPrice, liquidity, -887_272));
    }

    @Test
    void decodesTheExtremesOfInt256AndInt24() {
        final BigInteger minInt256 = BigInteger.ONE.shiftLeft(255).negate();
        final BigInteger maxInt256 = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.ONE);
        final String maxTick = "0".repeat(58) + "0d89e8"; // 887272
        final LogItem log = TestLogs.log(POOL, List.of(V3_SWAP_TOPIC, topic(addressWord(ROUTER)), topic(addressWord(TRADER))),
                data("8" + "0".repeat(63), "7" + "f".repeat(63), uintWord(1), uintWord(0), maxTick), TX, 7);

        assertThat(DexEventDecoder.decode(log)).get().isInstanceOfSatisfying(V3Swap.class, swap -> {
            assertThat(swap.amount0()).isEqualTo(minInt256);
            assertThat(swap.amount1()).isEqualTo(maxInt256);
            assertThat(swap.tick()).isEqualTo(887_272);
        });
        final LogItem minusOneTick = TestLogs.log(POOL,
                List.of(V3_SWAP_TOPIC, topic(addressWord(ROUTER)), topic(addressWord(TRADER))),
                data(intWord(5), intWord(-5), uintWord(1), uintWord(0), "f".repeat(64)), TX, 8);
        assertThat(DexEventDecoder.decode(minusOneTick)).get()
                .isInstanceOfSatisfying(V3Swap.class, swap -> assertThat(swap.tick()).isEqualTo(-1));
    }

    @Test
    void decodesFactoryEvents() {
        final String factoryV2 = "0x5c69bee701ef814a2b6a3edd4b1652cb9cc5aa6f";
        final String factoryV3 = "0x1f98431c8ad98523631ae4a59f267346ea31f984";
        final String usdc = KnownTokens.USDC.address();
        final String weth = KnownTokens.WETH.address();
        final LogItem pairCreated = TestLogs.log(factoryV2,
                List.of(PAIR_CREATED_TOPIC, topic(addressWord(usdc)), topic(addressWord(weth))),
                data(addressWord(PAIR), uintWord(1234)), TX, 3);
        final LogItem poolCreated = TestLogs.log(factoryV3,
                List.of(POOL_CREATED_TOPIC, topic(addressWord(usdc)), topic(addressWord(weth)), topic(uintWord(500))),
                data(intWord(10), addressWord(POOL)), TX, 4);
        final LogItem negativeSpacing = TestLogs.log(factoryV3,
                List.of(POOL_CREATED_TOPIC, topic(addressWord(usdc)), topic(addressWord(weth)), topic(uintWord(0xffffff))),
                data(intWord(-200), addressWord(POOL)), TX, 5);

        assertThat(DexEventDecoder.decode(pairCreated)).get().isInstanceOfSatisfying(PairCreated.class, e -> {
            assertThat(e.factory()).isEqualTo(factoryV2);
            assertThat(e.token0()).isEqualTo(usdc);
            assertThat(e.token1()).isEqualTo(weth);
            assertThat(e.pair()).isEqualTo(PAIR);
        });
        assertThat(DexEventDecoder.decode(poolCreated)).get().isInstanceOfSatisfying(PoolCreated.class, e -> {
            assertThat(e.factory()).isEqualTo(factoryV3);
            assertThat(e.token0()).isEqualTo(usdc);
            assertThat(e.token1()).isEqualTo(weth);
            assertThat(e.fee()).isEqualTo(500);
            assertThat(e.tickSpacing()).isEqualTo(10);
            assertThat(e.pool()).isEqualTo(POOL);
        });
        assertThat(DexEventDecoder.decode(negativeSpacing)).get().isInstanceOfSatisfying(PoolCreated.class, e -> {
            assertThat(e.fee()).isEqualTo(0xffffff);
            assertThat(e.tickSpacing()).isEqualTo(-200);
        });
    }

    @Test
    void aLogWithoutBlockTimestampStillDecodes() {
        final String json = """
                {"type": "log", "log_index": 1, "transaction_hash": "%s", "transaction_index": 0, "address": "%s",
                 "data": "%s", "topics": ["%s"], "block_number": 5, "block_hash": "%s"}
                """.formatted(TX, PAIR, data(uintWord(1), uintWord(2)), SYNC_TOPIC, TestLogs.BLOCK_HASH);
        final LogItem log = TestItems.parse(json, LogItem.class);

        assertThat(DexEventDecoder.decode(log)).get()
                .satisfies(e -> assertThat(e.meta()).isEqualTo(new LogMeta(5, TestLogs.BLOCK_HASH, TX, 1, 0)));
    }

    @Test
    void lookalikesWithAKnownFirstTopicButAnotherShapeDecodeToNothing() {
        final String sender = topic(addressWord(ROUTER));
        final String to = topic(addressWord(TRADER));
        final String fourWords = data(uintWord(1), uintWord(2), uintWord(3), uintWord(4));
        final Map<String, LogItem> lookalikes = Map.ofEntries(
                Map.entry("V2 Swap with a 4th topic (ERC-721 style)",
                        TestLogs.log(PAIR, List.of(V2_SWAP_TOPIC, sender, to, topic(uintWord(9))), data(uintWord(1), uintWord(2), uintWord(3)), TX, 1)),
                Map.entry("V2 Swap with nothing indexed",
                        TestLogs.log(PAIR, List.of(V2_SWAP_TOPIC), data(addressWord(ROUTER), uintWord(1), uintWord(2), uintWord(3), uintWord(4), addressWord(TRADER)), TX, 1)),
                Map.entry("V2 Swap data one word short",
                        TestLogs.log(PAIR, List.of(V2_SWAP_TOPIC, sender, to), data(uintWord(1), uintWord(2), uintWord(3)), TX, 1)),
                Map.entry("V2 Swap data one byte long",
                        TestLogs.log(PAIR, List.of(V2_SWAP_TOPIC, sender, to), fourWords + "00", TX, 1)),
                Map.entry("V2 Swap with a sender topic that is no address",
                        TestLogs.log(PAIR, List.of(V2_SWAP_TOPIC, topic(uintWord(MAX_UINT256)), to), fourWords, TX, 1)),
                Map.entry("Sync with an indexed reserve",
                        TestLogs.log(PAIR, List.of(SYNC_TOPIC, topic(uintWord(1))), data(uintWord(2)), TX, 1)),
                Map.entry("Sync with empty data",
                        TestLogs.log(PAIR, List.of(SYNC_TOPIC), "0x", TX, 1)),
                Map.entry("Sync reserve wider than uint112",
                        TestLogs.log(PAIR, List.of(SYNC_TOPIC), data(uintWord(BigInteger.ONE.shiftLeft(112)), uintWord(2)), TX, 1)),
                Map.entry("V3 Swap tick with bit 23 set but zero padding",
                        TestLogs.log(POOL, List.of(V3_SWAP_TOPIC, sender, to), data(intWord(1), intWord(-1), uintWord(1), uintWord(1), "0".repeat(58) + "f27618"), TX, 1)),
                Map.entry("V3 Swap tick with sign padding over a positive value",
                        TestLogs.log(POOL, List.of(V3_SWAP_TOPIC, sender, to), data(intWord(1), intWord(-1), uintWord(1), uintWord(1), "f".repeat(58) + "0d89e8"), TX, 1)),
                Map.entry("V3 Swap tick wider than int24",
                        TestLogs.log(POOL, List.of(V3_SWAP_TOPIC, sender, to), data(intWord(1), intWord(-1), uintWord(1), uintWord(1), intWord(1 << 23)), TX, 1)),
                Map.entry("V3 Swap price wider than uint160",
                        TestLogs.log(POOL, List.of(V3_SWAP_TOPIC, sender, to), data(intWord(1), intWord(-1), uintWord(BigInteger.ONE.shiftLeft(160)), uintWord(1), intWord(0)), TX, 1)),
                Map.entry("V3 Swap liquidity wider than uint128",
                        TestLogs.log(POOL, List.of(V3_SWAP_TOPIC, sender, to), data(intWord(1), intWord(-1), uintWord(1), uintWord(BigInteger.ONE.shiftLeft(128)), intWord(0)), TX, 1)),
                Map.entry("V3 Swap data of a V2 Swap",
                        TestLogs.log(POOL, List.of(V3_SWAP_TOPIC, sender, to), fourWords, TX, 1)),
                Map.entry("PoolCreated with a fee wider than uint24",
                        TestLogs.log(POOL, List.of(POOL_CREATED_TOPIC, sender, to, topic(uintWord(1 << 24))), data(intWord(10), addressWord(POOL)), TX, 1)),
                Map.entry("PoolCreated fee not indexed",
                        TestLogs.log(POOL, List.of(POOL_CREATED_TOPIC, sender, to), data(uintWord(500), intWord(10), addressWord(POOL)), TX, 1)),
                Map.entry("PairCreated pair word that is no address",
                        TestLogs.log(POOL, List.of(PAIR_CREATED_TOPIC, sender, to), data(uintWord(MAX_UINT256), uintWord(1)), TX, 1)),
                Map.entry("ERC-20 Transfer",
                        TestLogs.log(POOL, List.of(ERC20_TRANSFER_TOPIC, sender, to), data(uintWord(5)), TX, 1)),
                Map.entry("anonymous log",
                        TestLogs.log(POOL, List.of(), "0x", TX, 1)));

        lookalikes.forEach((name, log) -> assertThat(DexEventDecoder.decode(log)).as(name).isEmpty());
    }

    @Test
    void itemsThatSkippedValidationNeverMakeItThrow() {
        final String sync = data(uintWord(1), uintWord(2));
        final List<LogItem> broken = List.of(
                rawLog(PAIR, null, sync),
                rawLog(PAIR, List.of(SYNC_TOPIC), null),
                rawLog(null, List.of(SYNC_TOPIC), sync),
                rawLog(PAIR, List.of(SYNC_TOPIC), "0x" + "zz".repeat(64)),
                rawLog(PAIR, List.of(SYNC_TOPIC), sync.substring(2) + "00"),
                rawLog(PAIR, List.of(V2_SWAP_TOPIC, "0x12", "0x34"), data(uintWord(1), uintWord(2), uintWord(3), uintWord(4))),
                new LogItem(null, TX, 0L, PAIR, sync, List.of(SYNC_TOPIC), 1L, 1L, TestLogs.BLOCK_HASH, null, null, null),
                new LogItem(1L, TX, 0L, PAIR, sync, List.of(SYNC_TOPIC), null, 1L, TestLogs.BLOCK_HASH, null, null, null));

        for (final LogItem log : broken) {
            assertThat(DexEventDecoder.decode(log)).as(String.valueOf(log)).isEmpty();
        }
    }

    @Test
    void upperCaseHexFromAnUnvalidatedSourceStillDecodes() {
        final LogItem log = rawLog(PAIR.toUpperCase().replace("0X", "0x"), List.of(SYNC_TOPIC.toUpperCase().replace("0X", "0x")),
                data(uintWord(0xabc), uintWord(0xdef)).toUpperCase().replace("0X", "0x"));

        assertThat(DexEventDecoder.decode(log)).get().isInstanceOfSatisfying(V2Sync.class, sync -> {
            assertThat(sync.pool()).isEqualTo(PAIR);
            assertThat(sync.reserve0()).isEqualTo(BigInteger.valueOf(0xabc));
        });
    }

    /** A log item built directly, as a caller that skipped {@code ItemParser} could. */
    private static LogItem rawLog(final String address, final List<String> topics, final String data) {
        return new LogItem(1L, TX, 0L, address, data, topics, 1L, 1L, TestLogs.BLOCK_HASH, null, null, null);
    }
}
