package dev.soba.streams.processors.mev.flows;

import dev.soba.streams.processors.mev.calls.Call;
import dev.soba.streams.processors.mev.calls.ClassifiedCall;
import dev.soba.streams.processors.mev.calls.DecodedCall;
import dev.soba.streams.processors.mev.specs.Role;
import dev.soba.streams.processors.mev.specs.SwapRule;
import dev.soba.streams.schemas.mev.MevSwap;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Classified calls to swaps (mev-inspect-py's {@code swaps.py}): each transaction's calls are walked
 * depth first, keeping the token transfers seen so far; at a swap call, its {@link SwapRule} reads the
 * swap from those earlier transfers and from the transfers inside the call (nested repeats dropped).
 * A swap whose transfers do not fit its rule is not a swap anyone can price, and is left out.
 */
public final class SwapParser {

    private static final String ANY_TAKER = "0x0000000000000000000000000000000000000000";

    private SwapParser() {
    }

    /** @param calls the block's classified calls in block order */
    public static List<MevSwap> swaps(final long blockNumber, final List<ClassifiedCall> calls) {
        final List<MevSwap> swaps = new ArrayList<>();
        for (final List<ClassifiedCall> transaction : TransactionCalls.split(calls)) {
            final List<Transfer> prior = new ArrayList<>();
            for (int i = 0; i < transaction.size(); i++) {
                final Optional<DecodedCall> decoded = transaction.get(i).decoded();
                if (decoded.isEmpty()) {
                    continue;
                }
                final Role role = decoded.get().function().role();
                if (role instanceof Role.Transfer) {
                    Transfers.token(decoded.get()).ifPresent(prior::add);
                } else if (role instanceof Role.Swap swap) {
                    final List<Transfer> inside = Transfers.withoutNested(TransactionCalls.transfersInside(transaction, i));
                    parse(blockNumber, decoded.get(), swap.rule(), Transfers.withoutNested(prior), inside)
                            .ifPresent(swaps::add);
                }
            }
        }
        return List.copyOf(swaps);
    }

    static Optional<MevSwap> parse(final long blockNumber, final DecodedCall swap, final SwapRule rule,
            final List<Transfer> prior, final List<Transfer> inside) {
        if (rule instanceof SwapRule.PoolTransfers pool) {
            return poolTransfers(blockNumber, swap, pool, prior, inside);
        }
        if (rule instanceof SwapRule.RecipientTransfers router) {
            return recipientTransfers(blockNumber, swap, router, prior, inside);
        }
        return nativeOrderFill(blockNumber, swap, (SwapRule.NativeOrderFill) rule, inside);
    }

    private static Optional<MevSwap> poolTransfers(final long blockNumber, final DecodedCall swap,
            final SwapRule.PoolTransfers rule, final List<Transfer> prior, final List<Transfer> inside) {
        final Call call = swap.call();
        final String pool = call.to();
        final String recipient = swap.addressOrCaller(rule.recipientArgument());
        List<Transfer> in = call.value().signum() > 0 ? List.of(Transfers.eth(call)) : Transfers.to(prior, pool);
        if (in.isEmpty()) {
            in = Transfers.to(inside, pool);
        }
        final List<Transfer> out = Transfers.from(Transfers.to(inside, recipient), pool);
        if (in.isEmpty() || out.size() != 1) {
            return Optional.empty();
        }
        return Optional.of(swap(blockNumber, swap, pool, in.get(in.size() - 1), out.get(0)));
    }

    private static Optional<MevSwap> recipientTransfers(final long blockNumber, final DecodedCall swap,
            final SwapRule.RecipientTransfers rule, final List<Transfer> prior, final List<Transfer> inside) {
        final String recipient = swap.call().from();
        final List<Transfer> around = new ArrayList<>(prior);
        around.addAll(inside);
        final List<Transfer> in = Transfers.from(around, recipient);
        final List<Transfer> out = Transfers.to(inside, recipient);
        if (in.size() != 1 || out.size() != 1) {
            return Optional.empty();
        }
        return Optional.of(swap(blockNumber, swap, rule.poolAddress(), in.get(0), out.get(0)));
    }

    private static Optional<MevSwap> nativeOrderFill(final long blockNumber, final DecodedCall swap,
            final SwapRule.NativeOrderFill rule, final List<Transfer> inside) {
        if (inside.size() != 2) {
            return Optional.empty();
        }
        final Call call = swap.call();
        final String makerToken = swap.arguments().address(rule.makerTokenArgument());
        final String taker = swap.arguments().address(rule.takerArgument());
        // mev-inspect-py's rule for the maker token the taker received (the order's taker, or any for an open order)
        final Optional<Transfer> toTaker = inside.stream()
                .filter(t -> ANY_TAKER.equals(taker) ? makerToken.equals(t.tokenAddress()) : taker.equals(t.toAddress()))
                .findFirst();
        final BigInteger received = toTaker.map(Transfer::amount).orElse(BigInteger.ZERO);
        // The convention of every other swap: the taker's payment (taker token, the fill amount) is the input and
        // what the taker receives (maker token) the output, to whoever received it, so that arbitrage cycles
        // through a 0x fill close. (mev-inspect-py's 0x classifier reports the two the other way round.)
        return Optional.of(new MevSwap(blockNumber, call.transactionHash(), call.transactionPosition(),
                call.traceAddress(), null, call.to(), swap.protocol().orElse(null), swap.spec().abiName(), call.from(),
                toTaker.map(Transfer::toAddress).orElse(call.from()),
                swap.arguments().address(rule.takerTokenArgument()), swap.arguments().integer(rule.fillAmountArgument()),
                makerToken, received, call.error()));
    }

    private static MevSwap swap(final long blockNumber, final DecodedCall swap, final String pool, final Transfer in,
            final Transfer out) {
        final Call call = swap.call();
        return new MevSwap(blockNumber, call.transactionHash(), call.transactionPosition(), call.traceAddress(), null,
                pool, swap.protocol().orElse(null), swap.spec().abiName(), in.fromAddress(), out.toAddress(),
                in.tokenAddress(), in.amount(), out.tokenAddress(), out.amount(), call.error());
    }
}
