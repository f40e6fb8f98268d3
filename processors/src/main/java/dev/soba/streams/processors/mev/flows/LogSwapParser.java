package dev.soba.streams.processors.mev.flows;

import dev.soba.streams.processors.dex.DexEvent;
import dev.soba.streams.processors.dex.DexEventDecoder;
import dev.soba.streams.processors.dex.SwapBuilder;
import dev.soba.streams.processors.dex.V2Swap;
import dev.soba.streams.processors.dex.V3Swap;
import dev.soba.streams.schemas.LogItem;
import dev.soba.streams.schemas.market.PoolInfo;
import dev.soba.streams.schemas.mev.MevSwap;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Swaps of a block without traces, from its logs: Uniswap V2/V3 (and forks') Swap events decoded by
 * {@link DexEventDecoder}, their tokens from the pool registry when it knows the pool, else from the
 * ERC-20 Transfer events of the same transaction that moved exactly the swapped amounts to and from
 * the pool. Who paid the pool is the sender of that Transfer in (the event's {@code sender} is often a
 * router). A swap whose tokens cannot be told is left out. Only successful transactions log, so these
 * swaps never carry an error.
 */
public final class LogSwapParser {

    static final String TRANSFER_TOPIC = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";
    private static final int WORD_HEX = 64;

    private LogSwapParser() {
    }

    public static List<MevSwap> swaps(final long blockNumber, final List<LogItem> logs,
            final Map<String, PoolInfo> pools) {
        final Map<String, List<LogItem>> byTransaction = new LinkedHashMap<>();
        // a log index beyond int cannot come from a real block; such an item is left out rather than trusted
        logs.stream().filter(l -> l.transactionHash() != null && l.logIndex() != null && l.logIndex() <= Integer.MAX_VALUE)
                .sorted(Comparator.comparing((LogItem l) -> l.transactionIndex() == null ? Long.MAX_VALUE
                        : l.transactionIndex()).thenComparing(LogItem::logIndex))
                .forEach(l -> byTransaction.computeIfAbsent(l.transactionHash().toLowerCase(Locale.ROOT),
                        h -> new ArrayList<>()).add(l));
        final List<MevSwap> swaps = new ArrayList<>();
        byTransaction.forEach((hash, transactionLogs) -> {
            final List<Transfer> transfers = transactionLogs.stream().flatMap(l -> transfer(hash, l).stream()).toList();
            for (final LogItem log : transactionLogs) {
                DexEventDecoder.decode(log).flatMap(event -> flow(event))
                        .flatMap(flow -> swap(blockNumber, log, flow, transfers, pools)).ifPresent(swaps::add);
            }
        });
        return List.copyOf(swaps);
    }

    /** An ERC-20 Transfer log (three topics: an ERC-721 one indexes the token id as a fourth). */
    static Optional<Transfer> transfer(final String transactionHash, final LogItem log) {
        final List<String> topics = log.topics();
        if (topics == null || topics.size() != 3 || !TRANSFER_TOPIC.equalsIgnoreCase(topics.get(0))
                || log.data() == null || log.data().length() != 2 + WORD_HEX || log.address() == null
                || !isAddressTopic(topics.get(1)) || !isAddressTopic(topics.get(2))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Transfer(transactionHash, List.of(Math.toIntExact(log.logIndex())),
                    log.address().toLowerCase(Locale.ROOT), topicAddress(topics.get(1)), topicAddress(topics.get(2)),
                    new BigInteger(log.data().substring(2), 16)));
        } catch (final NumberFormatException notHex) {
            return Optional.empty();
        }
    }

    private static boolean isAddressTopic(final String topic) {
        return topic != null && topic.length() == 2 + WORD_HEX && topic.substring(2, 26).chars().allMatch(c -> c == '0');
    }

    private static String topicAddress(final String topic) {
        return "0x" + topic.substring(26).toLowerCase(Locale.ROOT);
    }

    /** What a swap event says was paid in (side 0 or 1) and out, and to whom. */
    private record Flow(String pool, String protocol, String abiName, boolean token0In, BigInteger amountIn,
                        BigInteger amountOut, String sender, String recipient) {
    }

    private static Optional<Flow> flow(final DexEvent event) {
        if (event instanceof V2Swap v2) {
            final BigInteger net0 = v2.amount0();
            final BigInteger net1 = v2.amount1();
            if (net0.signum() > 0 && net1.signum() < 0) {
                return Optional.of(new Flow(v2.pool(), SwapBuilder.UNISWAP_V2, "UniswapV2Pair", true, v2.amount0In(),
                        v2.amount1Out(), v2.sender(), v2.to()));
            }
            if (net1.signum() > 0 && net0.signum() < 0) {
                return Optional.of(new Flow(v2.pool(), SwapBuilder.UNISWAP_V2, "UniswapV2Pair", false, v2.amount1In(),
                        v2.amount0Out(), v2.sender(), v2.to()));
            }
            return Optional.empty();
        }
        if (event instanceof V3Swap v3) {
            if (v3.amount0().signum() > 0 && v3.amount1().signum() < 0) {
                return Optional.of(new Flow(v3.pool(), SwapBuilder.UNISWAP_V3, "UniswapV3Pool", true, v3.amount0(),
                        v3.amount1().negate(), v3.sender(), v3.recipient()));
            }
            if (v3.amount1().signum() > 0 && v3.amount0().signum() < 0) {
                return Optional.of(new Flow(v3.pool(), SwapBuilder.UNISWAP_V3, "UniswapV3Pool", false, v3.amount1(),
                        v3.amount0().negate(), v3.sender(), v3.recipient()));
            }
        }
        return Optional.empty();
    }

    private static Optional<MevSwap> swap(final long blockNumber, final LogItem log, final Flow flow,
            final List<Transfer> transfers, final Map<String, PoolInfo> pools) {
        final long index = log.logIndex();
        final Optional<Transfer> in = nearest(transfers.stream().filter(t -> flow.pool().equals(t.toAddress())
                && t.amount().equals(flow.amountIn())).toList(), index);
        final Optional<Transfer> out = nearest(transfers.stream().filter(t -> flow.pool().equals(t.fromAddress())
                && t.amount().equals(flow.amountOut())).toList(), index);
        final Optional<PoolInfo> pool = Optional.ofNullable(pools.get(flow.pool()))
                .filter(p -> p.token0() != null && p.token1() != null);
        final Optional<String> tokenIn = pool.map(p -> flow.token0In() ? p.token0() : p.token1())
                .or(() -> in.map(Transfer::tokenAddress));
        final Optional<String> tokenOut = pool.map(p -> flow.token0In() ? p.token1() : p.token0())
                .or(() -> out.map(Transfer::tokenAddress));
        if (tokenIn.isEmpty() || tokenOut.isEmpty() || tokenIn.get().equals(tokenOut.get())) {
            return Optional.empty();
        }
        final String payer = in.filter(t -> t.tokenAddress().equals(tokenIn.get())).map(Transfer::fromAddress)
                .orElse(flow.sender());
        return Optional.of(new MevSwap(blockNumber, log.transactionHash().toLowerCase(Locale.ROOT),
                log.transactionIndex() == null ? Long.MAX_VALUE : log.transactionIndex(), null, index, flow.pool(),
                flow.protocol(), flow.abiName(), payer, flow.recipient(), tokenIn.get(), flow.amountIn(), tokenOut.get(),
                flow.amountOut(), null));
    }

    /** The candidate logged last before the swap (pools move tokens before they emit Swap), else the first after. */
    private static Optional<Transfer> nearest(final List<Transfer> candidates, final long swapIndex) {
        final Optional<Transfer> before = candidates.stream().filter(t -> t.traceAddress().get(0) < swapIndex)
                .reduce((a, b) -> b);
        return before.or(() -> candidates.stream().findFirst());
    }
}
