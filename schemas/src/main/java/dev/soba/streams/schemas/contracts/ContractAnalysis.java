package dev.soba.streams.schemas.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * What the bytecode of one contract says about it: one format for the {@code contract-analysis}
 * store, {@code ./soba contracts analyze} and {@code POST /api/v1/blockchain/analyze-contract}.
 *
 * @param address           the contract, lower-case hex; null when bytecode was analysed on its own
 * @param codeHash          keccak-256 of the runtime bytecode, 0x-prefixed
 * @param codeSize          bytes of runtime code
 * @param functionSighashes ethereum-etl's format: {@code 0x}-prefixed selectors, sorted
 * @param functions         one per selector: arguments and state mutability inferred from the code
 * @param proxy             null unless the code forwards calls with DELEGATECALL in a recognised way
 * @param compiler          null unless the CBOR metadata tail names the compiler
 * @param risks             risk indicators, each with a reason
 * @param complete          false when the bounded analysis ran out of budget on some path
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"address", "code_hash", "code_size", "function_sighashes", "functions", "is_erc20", "is_erc721",
        "is_erc1155", "is_erc4626", "proxy", "compiler", "risks", "complete"})
public record ContractAnalysis(
        String address,
        String codeHash,
        int codeSize,
        List<String> functionSighashes,
        List<FunctionInfo> functions,
        boolean isErc20,
        boolean isErc721,
        boolean isErc1155,
        boolean isErc4626,
        ProxyInfo proxy,
        CompilerInfo compiler,
        List<Risk> risks,
        boolean complete) {

    public ContractAnalysis {
        functionSighashes = List.copyOf(functionSighashes);
        functions = List.copyOf(functions);
        risks = List.copyOf(risks);
    }

    /** The same analysis for another address with the same code. */
    public ContractAnalysis at(final String otherAddress) {
        return new ContractAnalysis(otherAddress, codeHash, codeSize, functionSighashes, functions, isErc20, isErc721,
                isErc1155, isErc4626, proxy, compiler, risks, complete);
    }

    /** The risks a fraud score can use: those signalling a honeypot or a rug pull. */
    public List<Risk> fraudSignals() {
        return risks.stream().filter(r -> r.signal() != null).toList();
    }
}
