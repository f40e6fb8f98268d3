package dev.soba.streams.processors.contracts;

import dev.soba.streams.schemas.Contract;
import dev.soba.streams.schemas.Item;
import dev.soba.streams.schemas.contracts.ContractAnalysis;
import dev.soba.streams.schemas.contracts.Risk;
import java.util.HexFormat;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Analyses each distinct code once: contracts arrive keyed by code hash, the analysis of a hash is
 * kept in {@code contract-analysis-by-code}, and every contract leaves keyed by its address with
 * that analysis. The analysis is bounded, so a stream thread is never held long; should it fail on
 * some input anyway, the contract still leaves with an empty analysis saying so.
 */
public final class ContractAnalysisProcessor implements Processor<String, Item, String, ContractAnalysis> {

    private static final Logger LOG = LoggerFactory.getLogger(ContractAnalysisProcessor.class);

    private final String byCodeStore;
    private ProcessorContext<String, ContractAnalysis> context;
    private KeyValueStore<String, ContractAnalysis> byCode;

    public ContractAnalysisProcessor(final String byCodeStore) {
        this.byCodeStore = byCodeStore;
    }

    /** The partition key: the code hash, so one code is analysed on one partition only. */
    public static String codeHash(final Item item) {
        if (!(item instanceof Contract contract)) {
            return null;
        }
        return "0x" + HexFormat.of().formatHex(org.web3j.crypto.Hash.sha3(code(contract)));
    }

    private static byte[] code(final Contract contract) {
        final String hex = contract.bytecode();
        final String digits = hex.startsWith("0x") ? hex.substring(2) : hex;
        return HexFormat.of().parseHex(digits);
    }

    @Override
    public void init(final ProcessorContext<String, ContractAnalysis> context) {
        this.context = context;
        this.byCode = context.getStateStore(byCodeStore);
    }

    @Override
    public void process(final Record<String, Item> record) {
        if (!(record.value() instanceof Contract contract)) {
            return;
        }
        final String hash = record.key() != null ? record.key() : codeHash(contract);
        ContractAnalysis analysis = byCode.get(hash);
        if (analysis == null) {
            analysis = analyse(hash, contract);
            byCode.put(hash, analysis);
        }
        context.forward(record.withKey(contract.address()).withValue(analysis.at(contract.address())));
    }

    private static ContractAnalysis analyse(final String hash, final Contract contract) {
        try {
            return ContractAnalyzer.analyze(null, code(contract));
        } catch (final RuntimeException e) {
            LOG.warn("contract analysis failed for code {}", hash, e);
            return new ContractAnalysis(null, hash, contract.bytecode().length() / 2 - 1, List.of(), List.of(), false,
                    false, false, false, null, null,
                    List.of(new Risk("analysis_failed", "the bytecode could not be analysed: " + e, null)), false);
        }
    }
}
