package dev.soba.streams.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * One block being mined: each included action is executed against the economy at once, given the
 * next position, a hash, a nonce and fees, so the next action sees the state it left. Transaction
 * hashes are pure functions of (seed, height, position).
 */
final class BlockBuilder {

    private static final int LEGACY_PERCENT = 15;
    private static final long GWEI = 1_000_000_000L;

    private final long seed;
    private final long number;
    private final long timestamp;
    private final long baseFee;
    private final Economy economy;
    private final SplittableRandom rng;
    private final List<MinedTransaction> transactions = new ArrayList<>();
    private final List<MinedLog> logs = new ArrayList<>();
    private long cumulativeGas;

    BlockBuilder(final long seed, final long number, final long timestamp, final long baseFee, final Economy economy,
                 final SplittableRandom rng) {
        this.seed = seed;
        this.number = number;
        this.timestamp = timestamp;
        this.baseFee = baseFee;
        this.economy = economy;
        this.rng = rng;
    }

    long number() {
        return number;
    }

    long timestamp() {
        return timestamp;
    }

    long baseFee() {
        return baseFee;
    }

    Economy economy() {
        return economy;
    }

    /** Executes the action as the block's next transaction. */
    MinedTransaction include(final Action action) {
        final int index = transactions.size();
        final String hash = LabelledHash.hex("transaction", seed, number, index);
        final ExecutedCall call = economy.execute(action, timestamp, rng);
        cumulativeGas += call.gasUsed();
        final MinedTransaction transaction = priced(hash, index, action.sender(), call);
        transactions.add(transaction);
        for (final LogEntry entry : call.logs()) {
            logs.add(new MinedLog(logs.size(), hash, index, entry));
        }
        return transaction;
    }

    List<MinedTransaction> transactions() {
        return List.copyOf(transactions);
    }

    List<MinedLog> logs() {
        return List.copyOf(logs);
    }

    long gasUsed() {
        return cumulativeGas;
    }

    private MinedTransaction priced(final String hash, final int index, final String sender, final ExecutedCall call) {
        final long nonce = economy.takeNonce(sender);
        final long tip = rng.nextLong(GWEI / 100, 2 * GWEI);
        final long effectivePrice = baseFee + tip;
        if (rng.nextInt(100) < LEGACY_PERCENT) {
            return new MinedTransaction(hash, nonce, index, sender, call, effectivePrice,
                    OptionalLong.empty(), OptionalLong.empty(), 0, cumulativeGas, effectivePrice);
        }
        // Wallets cap the fee at twice the base fee plus the tip; with the base fee below the cap the tip is paid in full.
        return new MinedTransaction(hash, nonce, index, sender, call, effectivePrice,
                OptionalLong.of(2 * baseFee + tip), OptionalLong.of(tip), 2, cumulativeGas, effectivePrice);
    }
}
