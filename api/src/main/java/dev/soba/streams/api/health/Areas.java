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
                    List.of("assemble-mev", "index-mev-searchers", "analyse-contracts", "store-contract-analysis",
                            "graph-edges", "counterparties"),
                    List.of("MEV detection: sandwiches, atomic arbitrage, liquidations, JIT liquidity",
                            "MEV findings by block and by searcher",
                            "contract analysis from bytecode: functions, standards, proxies, risks",
                            "wallet graph: counterparties per address, transaction graphs across instances",
                            "wallet clusters: published heuristics with evidence, behavioural HDBSCAN groups"),
                    List.of("POST /api/v1/blockchain/detect-mev", "GET /api/v1/mev",
                            "POST /api/v1/blockchain/analyze-contract",
                            "GET /api/v1/blockchain/transaction-graph", "POST /api/v1/blockchain/analyze-wallet-cluster",
                            "POST /api/v1/blockchain/address-state")),
            Area.built("fraud-detection", "Fraud detection",
                    List.of("wallet-change", "score-wallets"),
                    List.of("per-address behaviour features (Farrugia et al.'s 47, the same code as training)",
                            "fraud scores from a trained model (Tribuo XGBoost) and labelled lists, with reasons",
                            "fraud alerts on threshold crossings", "model activation without restart"),
                    List.of("POST /api/v1/fraud/assess-risk")),
            Area.planned("ml-models", "ML models",
                    List.of("price prediction from candles", "model registry with provenance")),
            // served on request, not by the stream: no processors; healthy when a translation back-end is installed
            Area.built("nlp-translation", "NLP translation", List.of(),
                    List.of("language detection (Lingua, offline, 75 languages)",
                            "translation through Apertium (apertium-apy) or a LibreTranslate server, cached in Redis"),
                    List.of("POST /api/v1/nlp/detect-language", "POST /api/v1/nlp/translate",
                            "POST /api/v1/nlp/translate-batch", "GET /api/v1/nlp/supported-languages")));

    private Areas() {
    }

    /**
     * The area of a name, case-insensitive, {@code _} taken as {@code -}: the replaced system's names
     * ({@code ml_models}, {@code ML_MODELS}) name the same areas.
     */
    public static Optional<Area> named(final String name) {
        final String normalised = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return ALL.stream().filter(area -> area.name().equals(normalised)).findFirst();
    }

    public static String names() {
        return ALL.stream().map(Area::name).collect(Collectors.joining(", "));
    }
}
