package dev.soba.streams.processors.mev.detectors;

import dev.soba.streams.processors.mev.calls.Call;
import dev.soba.streams.processors.mev.calls.ClassifiedCall;
import dev.soba.streams.processors.mev.calls.DecodedCall;
import dev.soba.streams.processors.mev.calls.TraceAddresses;
import dev.soba.streams.processors.mev.flows.TransactionCalls;
import dev.soba.streams.processors.mev.flows.Transfer;
import dev.soba.streams.processors.mev.flows.Transfers;
import dev.soba.streams.processors.mev.specs.ProtocolSpecs;
import dev.soba.streams.processors.mev.specs.Role;
import dev.soba.streams.schemas.mev.MevFinding;
import dev.soba.streams.schemas.mev.MevFinding.JitPosition;
import dev.soba.streams.schemas.mev.MevSwap;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Just-in-time liquidity (after mev-inspect-py's unmerged {@code jit_liquidity.py}): a bot mints
 * Uniswap V3 liquidity in a tick range, swaps on that pool follow in later transactions, and the bot
 * burns the same range right after — collecting fees on volume it provided for one block. The first
 * burn of the range by the same bot after the mint closes the position; without a swap in between it
 * was no JIT. Tighter than the branch, which paired a mint with any later burn on the pool: the range
 * and the bot must match. Minted amounts are the tokens paid to the pool inside the mint; burned ones
 * those the pool paid out in the burn's transaction, outside swaps (the collect).
 */
public final class JitLiquidityDetector {

    private JitLiquidityDetector() {
    }

    /** @param calls the block's classified calls in block order */
    public static List<MevFinding> find(final long blockNumber, final List<ClassifiedCall> calls,
            final List<MevSwap> swaps) {
        final List<List<ClassifiedCall>> transactions = TransactionCalls.split(calls);
        final List<Liquidity> mints = new ArrayList<>();
        final List<Liquidity> burns = new ArrayList<>();
        for (final List<ClassifiedCall> transaction : transactions) {
            for (int i = 0; i < transaction.size(); i++) {
                final Optional<DecodedCall> decoded = transaction.get(i).decoded();
                if (decoded.isEmpty() || decoded.get().call().failed()) {
                    continue;
                }
                final Role role = decoded.get().function().role();
                if (role instanceof Role.LiquidityMint mint) {
                    mints.add(Liquidity.of(decoded.get(), mint.tickLowerArgument(), mint.tickUpperArgument(),
                            transaction, i));
                } else if (role instanceof Role.LiquidityBurn burn) {
                    burns.add(Liquidity.of(decoded.get(), burn.tickLowerArgument(), burn.tickUpperArgument(),
                            transaction, i));
                }
            }
        }
        final List<MevFinding> findings = new ArrayList<>();
        for (final Liquidity mint : mints) {
            burns.stream().filter(b -> b.position() > mint.position() && b.samePosition(mint)).findFirst()
                    .flatMap(burn -> jit(blockNumber, mint, burn, swaps)).ifPresent(findings::add);
        }
        return findings;
    }

    private static Optional<MevFinding> jit(final long blockNumber, final Liquidity mint, final Liquidity burn,
            final List<MevSwap> swaps) {
        final List<MevSwap> between = swaps.stream().filter(s -> !s.failed() && s.poolAddress().equals(mint.pool())
                && s.transactionPosition() > mint.position() && s.transactionPosition() < burn.position())
                .sorted(SwapOrder.BLOCK).toList();
        if (between.isEmpty()) {
            return Optional.empty();
        }
        final MevSwap first = between.get(0);
        final boolean inIsToken0 = first.tokenInAddress().compareTo(first.tokenOutAddress()) < 0;
        final String token0 = inIsToken0 ? first.tokenInAddress() : first.tokenOutAddress();
        final String token1 = inIsToken0 ? first.tokenOutAddress() : first.tokenInAddress();
        final Map<String, BigInteger> minted = sum(Transfers.to(mint.transfersInside(), mint.pool()));
        final Map<String, BigInteger> burned = sum(Transfers.from(burn.transfersOutsideSwaps(), mint.pool()));
        final Map<String, BigInteger> volume = new HashMap<>();
        between.forEach(s -> volume.merge(s.tokenInAddress(), s.tokenInAmount(), BigInteger::add));
        final List<String> swapHashes = between.stream().map(MevSwap::transactionHash).distinct().toList();
        return Optional.of(MevFinding.jitLiquidity(blockNumber, mint.bot(), new JitPosition(mint.pool(),
                mint.call().transactionHash(), swapHashes, burn.call().transactionHash(), token0, token1,
                amount(minted, token0), amount(minted, token1), amount(burned, token0), amount(burned, token1),
                amount(volume, token0), amount(volume, token1)), ProtocolSpecs.UNISWAP_V3, null));
    }

    private static Map<String, BigInteger> sum(final List<Transfer> transfers) {
        final Map<String, BigInteger> sums = new HashMap<>();
        transfers.forEach(t -> sums.merge(t.tokenAddress(), t.amount(), BigInteger::add));
        return sums;
    }

    private static BigInteger amount(final Map<String, BigInteger> amounts, final String token) {
        return amounts.getOrDefault(token, BigInteger.ZERO);
    }

    /** A mint or burn with what the detector needs of its transaction. */
    private record Liquidity(Call call, String pool, BigInteger tickLower, BigInteger tickUpper, String bot,
                             List<ClassifiedCall> transaction, int index) {

        static Liquidity of(final DecodedCall decoded, final int tickLower, final int tickUpper,
                final List<ClassifiedCall> transaction, final int index) {
            return new Liquidity(decoded.call(), decoded.call().to(), decoded.arguments().integer(tickLower),
                    decoded.arguments().integer(tickUpper), bot(transaction, index), transaction, index);
        }

        long position() {
            return call.transactionPosition();
        }

        boolean samePosition(final Liquidity other) {
            return pool.equals(other.pool) && tickLower.equals(other.tickLower) && tickUpper.equals(other.tickUpper)
                    && bot.equals(other.bot);
        }

        List<Transfer> transfersInside() {
            return Transfers.withoutNested(TransactionCalls.transfersInside(transaction, index));
        }

        /** Every transfer of the transaction that is not part of a swap on this pool. */
        List<Transfer> transfersOutsideSwaps() {
            final List<Call> poolSwaps = transaction.stream()
                    .filter(c -> pool.equals(c.call().to()) && c.role().filter(r -> r instanceof Role.Swap).isPresent())
                    .map(ClassifiedCall::call).toList();
            final List<Transfer> all = new ArrayList<>();
            transaction.forEach(c -> Transfers.of(c).ifPresent(all::add));
            return Transfers.withoutNested(all).stream().filter(t -> poolSwaps.stream()
                    .noneMatch(s -> TraceAddresses.isDescendant(t.traceAddress(), s.traceAddress()))).toList();
        }

        /**
         * Who owns the liquidity: the caller, or — through Uniswap's position manager, possibly via its own
         * multicall — whoever called the position manager.
         */
        private static String bot(final List<ClassifiedCall> transaction, final int index) {
            final Map<List<Integer>, Call> byAddress = new HashMap<>();
            transaction.forEach(c -> byAddress.put(c.call().traceAddress(), c.call()));
            Call current = transaction.get(index).call();
            while (ProtocolSpecs.UNISWAP_V3_POSITION_MANAGER.equals(current.from())
                    && !current.traceAddress().isEmpty()) {
                final Call parent = byAddress.get(current.traceAddress().subList(0, current.traceAddress().size() - 1));
                if (parent == null) {
                    break;
                }
                current = parent;
            }
            return current.from();
        }
    }
}
