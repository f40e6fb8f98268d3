package dev.soba.streams.simulator;

import dev.soba.streams.schemas.mev.ArbitrageLeg;
import dev.soba.streams.schemas.mev.MevFinding;
import dev.soba.streams.schemas.mev.MevKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * MEV findings scored against the simulator's ground truth. A sandwich is found when a finding of
 * the same block has the same front-run and back-run transactions; an arbitrage when one has the same
 * transaction. Such a match is a true positive; a finding matching nothing (or a second finding
 * matching the same event) is a false positive, of its own kind; an injected event nobody found is a
 * false negative. A true positive whose other fields disagree with the truth (searcher, pool or
 * pools, victims, start token, profit, error) is still a true positive and is also listed, with the
 * fields that differ, so attribution errors show without being mistaken for missed detections.
 */
public final class MevScore {

    /** The kinds scored, in report order: every kind a finding can have. */
    public static final List<String> KINDS = List.of(MevKind.SANDWICH.wireName(), MevKind.ARBITRAGE.wireName(),
            MevKind.LIQUIDATION.wireName(), MevKind.JIT_LIQUIDITY.wireName());

    private final Map<String, Counts> counts = new LinkedHashMap<>();
    private final List<Mismatch> mismatches = new ArrayList<>();

    private MevScore() {
        KINDS.forEach(kind -> counts.put(kind, new Counts()));
    }

    /**
     * @param truth    ground truth of the blocks scored (phishing drains are ignored here)
     * @param findings the findings of the same blocks, each once (the current set after any corrections)
     */
    public static MevScore score(final List<GroundTruth> truth, final List<MevFinding> findings) {
        final MevScore score = new MevScore();
        final Map<String, GroundTruth> expected = new LinkedHashMap<>();
        for (final GroundTruth event : truth) {
            if (event.kind() != GroundTruth.Kind.PHISHING_DRAIN) {
                expected.put(key(event), event);
            }
        }
        final Set<String> found = new HashSet<>();
        for (final MevFinding finding : findings) {
            final String kind = finding.kind().wireName();
            final String key = key(finding);
            final GroundTruth event = expected.get(key);
            if (event == null || !found.add(key)) {
                score.counts.get(kind).falsePositives++;
                score.mismatches.add(new Mismatch(Mismatch.UNEXPECTED, kind, finding.blockNumber(),
                        finding.transactionHashes(), finding.searcherAddress(),
                        event == null ? "no injected event has these transactions" : "found twice"));
                continue;
            }
            score.counts.get(kind).truePositives++;
            final List<String> differences = differences(event, finding);
            if (differences.isEmpty()) {
                score.counts.get(kind).exact++;
            } else {
                score.mismatches.add(new Mismatch(Mismatch.DIFFERS, kind, finding.blockNumber(),
                        finding.transactionHashes(), finding.searcherAddress(), String.join("; ", differences)));
            }
        }
        for (final Map.Entry<String, GroundTruth> entry : expected.entrySet()) {
            if (!found.contains(entry.getKey())) {
                final GroundTruth event = entry.getValue();
                final String kind = event.kind().wireName();
                score.counts.get(kind).falseNegatives++;
                score.mismatches.add(new Mismatch(Mismatch.MISSED, kind, event.blockNumber(), event.transactionHashes(),
                        event.searcherAddress(), event.reverted() ? "reverted (" + event.expectedError() + ")" : ""));
            }
        }
        return score;
    }

    /** True positives, false positives, false negatives of one kind. */
    public Counts counts(final String kind) {
        final Counts c = counts.get(kind);
        if (c == null) {
            throw new IllegalArgumentException("unknown kind " + kind);
        }
        return c.copy();
    }

    /** Every kind together. */
    public Counts total() {
        final Counts total = new Counts();
        counts.values().forEach(c -> {
            total.truePositives += c.truePositives;
            total.falsePositives += c.falsePositives;
            total.falseNegatives += c.falseNegatives;
            total.exact += c.exact;
        });
        return total;
    }

    public List<Mismatch> mismatches() {
        return List.copyOf(mismatches);
    }

    private static String key(final GroundTruth event) {
        return event.kind() == GroundTruth.Kind.SANDWICH
                ? "sandwich|" + event.blockNumber() + "|" + event.frontrunTransactionHash() + "|"
                        + event.backrunTransactionHash()
                : "arbitrage|" + event.blockNumber() + "|" + event.transactionHashes().get(0);
    }

    private static String key(final MevFinding finding) {
        if (finding.kind() == MevKind.SANDWICH) {
            return "sandwich|" + finding.blockNumber() + "|" + finding.frontrunTransactionHash() + "|"
                    + finding.backrunTransactionHash();
        }
        if (finding.kind() == MevKind.ARBITRAGE) {
            return "arbitrage|" + finding.blockNumber() + "|" + finding.transactionHash();
        }
        return finding.kind().wireName() + "|" + finding.blockNumber() + "|" + finding.transactionHashes();
    }

    private static List<String> differences(final GroundTruth event, final MevFinding finding) {
        final List<String> differences = new ArrayList<>();
        compare(differences, "searcher", event.searcherAddress(), finding.searcherAddress());
        compare(differences, "profit token", event.profitTokenAddress(), finding.profitTokenAddress());
        compare(differences, "profit", event.expectedProfit(), finding.profitAmount());
        compare(differences, "error", event.expectedError(), finding.error());
        compare(differences, "protocol", event.protocol(), finding.protocol());
        if (event.kind() == GroundTruth.Kind.SANDWICH) {
            compare(differences, "pool", event.poolAddresses().get(0), finding.poolAddress());
            compare(differences, "victims", event.victimTransactionHashes(), finding.victimTransactionHashes());
        } else {
            compare(differences, "start token", event.startTokenAddress(), finding.startTokenAddress());
            compare(differences, "pools", event.poolAddresses(), finding.swaps() == null ? null
                    : finding.swaps().stream().map(ArbitrageLeg::poolAddress).toList());
        }
        return differences;
    }

    private static void compare(final List<String> differences, final String field, final Object expected,
                                final Object found) {
        if (!Objects.equals(expected, found)) {
            differences.add(field + ": expected " + expected + ", found " + found);
        }
    }

    /** Counts of one kind (or all). */
    public static final class Counts {
        private int truePositives;
        private int falsePositives;
        private int falseNegatives;
        private int exact;

        public int truePositives() {
            return truePositives;
        }

        public int falsePositives() {
            return falsePositives;
        }

        public int falseNegatives() {
            return falseNegatives;
        }

        /** True positives whose every field agrees with the truth. */
        public int exact() {
            return exact;
        }

        public int injected() {
            return truePositives + falseNegatives;
        }

        public int reported() {
            return truePositives + falsePositives;
        }

        /** TP / (TP + FP); NaN when nothing was reported. */
        public double precision() {
            return reported() == 0 ? Double.NaN : (double) truePositives / reported();
        }

        /** TP / (TP + FN); NaN when nothing was injected. */
        public double recall() {
            return injected() == 0 ? Double.NaN : (double) truePositives / injected();
        }

        private Counts copy() {
            final Counts c = new Counts();
            c.truePositives = truePositives;
            c.falsePositives = falsePositives;
            c.falseNegatives = falseNegatives;
            c.exact = exact;
            return c;
        }
    }

    /**
     * One disagreement: {@code missed} (injected, not found), {@code unexpected} (found, not injected)
     * or {@code differs} (found, some field wrong).
     */
    public record Mismatch(String type, String kind, long blockNumber, List<String> transactionHashes,
                           String searcherAddress, String detail) {

        public static final String MISSED = "missed";
        public static final String UNEXPECTED = "unexpected";
        public static final String DIFFERS = "differs";

        public Mismatch {
            transactionHashes = transactionHashes == null ? List.of() : List.copyOf(transactionHashes);
        }
    }
}
