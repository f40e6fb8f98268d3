package dev.soba.streams.simulator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Everyone on the market scenario's chain besides the retail traders, and the order a block is
 * built in: the retail actions in their drawn order, the drains' transactions slotted in at random
 * places; each retail swap is first offered to the sandwich searchers (who wrap it in their bundle
 * or let it through), then the arbitrage searchers back-run whatever it left mispriced.
 *
 * <p>Retail swaps carry their trader's minimum output, quoted on the pools as they stand just before
 * the swap (or before the bundle around it): a searcher's front-run may push the victim down to
 * that minimum, never below, so no injected trade reverts except a losing arbitrage racer.
 */
final class MarketActors {

    private final SandwichBots sandwiches;
    private final ArbitrageBots arbitrages;
    private final PhishingDrains drains;

    MarketActors(final long seed, final Scenario scenario, final Economy economy) {
        this.sandwiches = new SandwichBots(seed, scenario.sandwichBots(), economy);
        this.arbitrages = new ArbitrageBots(seed, scenario.arbitrageBots(), economy);
        this.drains = new PhishingDrains(seed, scenario.drainers(), scenario.holders(), economy);
    }

    SandwichBots sandwiches() {
        return sandwiches;
    }

    ArbitrageBots arbitrages() {
        return arbitrages;
    }

    PhishingDrains drains() {
        return drains;
    }

    /** Builds the block's transactions; returns the ground truth of what the actors injected. */
    List<GroundTruth> play(final BlockBuilder block, final List<Action> retail, final SplittableRandom rng) {
        final Economy economy = block.economy();
        final List<Slot> slots = new ArrayList<>();
        retail.forEach(action -> slots.add(new Slot(action, List.of())));
        for (final List<PhishingDrains.Step> group : drains.plan(block.number(), economy, rng)) {
            slots.add(rng.nextInt(slots.size() + 1), new Slot(null, group));
        }
        final List<GroundTruth> truth = new ArrayList<>();
        final Set<String> busy = new HashSet<>();
        for (final Slot slot : slots) {
            for (final PhishingDrains.Step step : slot.drainGroup()) {
                drains.recorded(step, block.include(step.action()), block.number());
            }
            if (slot.retail() instanceof Action.Swap swap) {
                final Action.Swap priced = swap.withAmountOutMin(
                        economy.minimumOut(swap.sender(), swap.pair(), swap.tokenIn(), swap.amountIn()));
                sandwiches.trySandwich(block, priced, busy, rng).ifPresentOrElse(truth::add, () -> block.include(priced));
                truth.addAll(arbitrages.backrun(block, busy, rng));
            } else if (slot.retail() != null) {
                block.include(slot.retail());
            }
        }
        truth.addAll(drains.finish(block.number()));
        return truth;
    }

    /** A place in the block: a retail action, or a group of drain transactions that stay together. */
    private record Slot(Action retail, List<PhishingDrains.Step> drainGroup) {
    }
}
