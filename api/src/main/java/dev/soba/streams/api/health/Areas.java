package dev.soba.streams.api.health;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The five areas of the replaced system and where each stands. Processor names are the topology's
 * node names ({@code Named.as}); {@code AreasTest} fails when one of them disappears from the topology.
 */
public final class Areas {

    public static final List<Area> ALL = List.of(
            Area.built("data-processing", "Data processing",
                    List.of("validate-blocks", "validate-transactions", "validate-logs", "validate-token_transfers",
                            "validate-traces", "validate-contracts", "validate-tokens", "validate-market_ticks",
                            "validate-market-candles", "deduplicate", "canonical-chain", "index-transactions",
                            "index-addresses", "decode-dex", "index-swaps", "candles"),
                    List.of("validation of ethereum-etl items and market ticks", "de-duplication",
                            "re-organisation detection", "transactions and address histories", "DEX swap decoding",
                            "candles from swaps, exchange trades and imported history"),
                    List.of("POST /api/v1/data/validate-blockchain-event", "POST /api/v1/data/validate-market-data",
                            "POST /api/v1/data/process-event-stream", "GET /api/v1/data/aggregate-market-data",
                            "GET /api/v1/blocks/{number}", "GET /api/v1/transactions/{hash}",
                            "GET /api/v1/addresses/{address}/transactions", "GET /api/v1/dex/swaps",
                            "GET /api/v1/pools/{address}")),
            Area.built("blockchain-intelligence", "Blockchain intelligence",
                    List.of("assemble-mev", "index-mev-searchers"),
                    List.of("MEV detection: sandwiches, atomic arbitrage, liquidations, JIT liquidity",
                            "MEV findings by block and by searcher"),
                    List.of("POST /api/v1/blockchain/detect-mev", "GET /api/v1/mev")),
            Area.built("fraud-detection", "Fraud detection",
                    List.of("wallet-change", "score-wallets"),
                    List.of("per-address behaviour features (Farrugia et al.'s 47, the same code as training)",
                            "fraud scores from a trained model (Tribuo XGBoost) and labelled lists, with reasons",
                            "fraud alerts on threshold crossings", "model activation without restart"),
                    List.of("POST /api/v1/fraud/assess-risk")),
            Area.planned("ml-models", "ML models",
                    List.of("price prediction from candles", "model registry with provenance")),
            Area.planned("nlp-translation", "NLP translation",
                    List.of("translation of the replaced system's NLP service (not designed for the stream yet)")));

    private Areas() {
    }

    /** The area of a name, case-insensitive, {@code _} taken as {@code -} ({@code DATA_PROCESSING}). */
    public static Optional<Area> named(final String name) {
        final String normalised = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return ALL.stream().filter(area -> area.name().equals(normalised)).findFirst();
    }

    public static String names() {
        return ALL.stream().map(Area::name).collect(Collectors.joining(", "));
    }
}
