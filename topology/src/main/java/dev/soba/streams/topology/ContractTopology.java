package dev.soba.streams.topology;

import dev.soba.streams.processors.contracts.ContractAnalysisProcessor;
import dev.soba.streams.processors.contracts.ContractStoreProcessor;
import dev.soba.streams.processors.ingest.IngestResult;
import dev.soba.streams.schemas.Contract;
import dev.soba.streams.schemas.ItemSerde;
import dev.soba.streams.schemas.JsonSerde;
import dev.soba.streams.schemas.contracts.ContractAnalysis;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Contract analysis from bytecode, on the validated {@code contracts} items (a contract's code does
 * not depend on which fork its block is on, so this branch does not wait for the canonical chain):
 *
 * <pre>
 *  contracts (valid) ─ contracts-by-code (repartition by code hash)
 *     └─ analyse-contracts (store contract-analysis-by-code: each distinct code analysed once)
 *          └─ contract-analysis-by-address (repartition) ─ store-contract-analysis (store contract-analysis)
 *               └─ with honeypot or rug-pull signals ──► contract_risks (key address)
 * </pre>
 */
public final class ContractTopology {

    private static final JsonSerde<ContractAnalysis> ANALYSIS_SERDE = new JsonSerde<>(ContractAnalysis.class);

    private ContractTopology() {
    }

    public static void add(final StreamsBuilder builder, final PipelineConfig config,
            final KStream<String, IngestResult> accepted) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.CONTRACT_ANALYSIS_BY_CODE),
                Serdes.String(), ANALYSIS_SERDE).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.CONTRACT_ANALYSIS),
                Serdes.String(), ANALYSIS_SERDE).withCachingEnabled());
        accepted.filter((key, result) -> result instanceof IngestResult.Accepted a && a.item() instanceof Contract,
                        Named.as("contract-items"))
                .mapValues(result -> ((IngestResult.Accepted) result).item(), Named.as("contract-item"))
                .selectKey((key, contract) -> ContractAnalysisProcessor.codeHash(contract), Named.as("contract-code-hash"))
                .repartition(Repartitioned.with(Serdes.String(), new ItemSerde())
                        .withName("contracts-by-code"))
                .process(() -> new ContractAnalysisProcessor(StoreNames.CONTRACT_ANALYSIS_BY_CODE),
                        Named.as("analyse-contracts"), StoreNames.CONTRACT_ANALYSIS_BY_CODE)
                .repartition(Repartitioned.with(Serdes.String(), ANALYSIS_SERDE).withName("contract-analysis-by-address"))
                .process(() -> new ContractStoreProcessor(StoreNames.CONTRACT_ANALYSIS),
                        Named.as("store-contract-analysis"), StoreNames.CONTRACT_ANALYSIS)
                .filter((address, analysis) -> !analysis.fraudSignals().isEmpty(), Named.as("contract-fraud-signals"))
                .to(config.topics().contractRisks(), Produced.with(Serdes.String(), ANALYSIS_SERDE)
                        .withName("write-contract-risks"));
    }
}
