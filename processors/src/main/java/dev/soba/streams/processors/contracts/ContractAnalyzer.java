package dev.soba.streams.processors.contracts;

import dev.soba.streams.schemas.contracts.ContractAnalysis;
import dev.soba.streams.schemas.contracts.FunctionInfo;
import dev.soba.streams.schemas.contracts.ProxyInfo;
import dev.soba.streams.schemas.contracts.Risk;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.web3j.crypto.Hash;

/**
 * Reads runtime bytecode: its functions (selector, argument types, state mutability), token
 * standards, proxy kind, compiler and risk indicators. Pure and bounded: every run of the symbolic
 * machine has a step budget, and so has the whole contract, so any input finishes in bounded time;
 * when a budget runs out the analysis says {@code complete: false}.
 */
public final class ContractAnalyzer {

    /** Steps for the dispatcher run. */
    static final int DISPATCHER_STEPS = 200_000;
    /** Steps for one function. */
    static final int FUNCTION_STEPS = 30_000;
    /** Steps for the whole contract: with the two above, the worst case of one analysis. */
    static final int CONTRACT_STEPS = 3_000_000;
    private static final int VISITS_PER_DEST = 32;

    private static final HexFormat HEX = HexFormat.of();

    private ContractAnalyzer() {
    }

    /** Analyses code given as 0x-prefixed (or bare) hex; the hex must be valid (see {@link Bytecode}). */
    public static ContractAnalysis analyze(final String address, final byte[] code) {
        final String codeHash = "0x" + HEX.formatHex(Hash.sha3(code));
        final Optional<ProxyInfo> minimal = Proxies.minimal(code);
        final Disassembly dis = Disassembly.of(code);
        if (minimal.isPresent()) {
            return new ContractAnalysis(address, codeHash, code.length, List.of(), List.of(), false, false, false,
                    false, minimal.get(), dis.metadata().orElse(null),
                    List.of(new Risk("proxy", "EIP-1167 minimal proxy: all calls run the code of "
                            + minimal.get().implementation(), null)), true);
        }
        final SymbolicMachine machine = new SymbolicMachine(dis, DISPATCHER_STEPS, VISITS_PER_DEST);
        final SymbolicMachine.Trace dispatcher = machine.dispatcher();
        boolean complete = !dispatcher.exhausted;
        int budget = CONTRACT_STEPS - dispatcher.steps;

        final Map<Long, SymbolicMachine.Entry> entries = new TreeMap<>(dispatcher.entries);
        final List<FunctionInfo> functions = new ArrayList<>();
        final List<Risk> risks = new ArrayList<>();
        final Map<String, SymbolicMachine.Trace> traces = new TreeMap<>();
        final SymbolicMachine functionMachine = new SymbolicMachine(dis, FUNCTION_STEPS, VISITS_PER_DEST);
        final boolean library = isLibrary(code);
        for (final SymbolicMachine.Entry entry : entries.values()) {
            final String selector = Selectors.hex(entry.selector());
            if (budget <= 0) {
                complete = false;
                functions.add(new FunctionInfo(selector, "", entry.valueChecked() || library ? "nonpayable" : "payable"));
                continue;
            }
            final SymbolicMachine.Trace t = functionMachine.function(entry);
            budget -= t.steps;
            complete &= !t.exhausted;
            traces.put(selector, t);
            functions.add(new FunctionInfo(selector, arguments(t), mutability(t, library)));
        }
        final Set<String> selectors = functions.stream().map(FunctionInfo::selector)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        final Optional<ProxyInfo> proxy = Proxies.forwarding(dis, dispatcher.delegatecall);
        risks.addAll(risks(dis, traces, proxy));
        return new ContractAnalysis(address, codeHash, code.length,
                selectors.stream().map(s -> "0x" + s).sorted().toList(), functions, Standards.isErc20(selectors),
                Standards.isErc721(selectors), Standards.isErc1155(selectors), Standards.isErc4626(selectors),
                proxy.orElse(null), dis.metadata().orElse(null), risks, complete);
    }

    static String arguments(final SymbolicMachine.Trace t) {
        final int count = t.argsLoaded.stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        final List<String> types = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            types.add(argumentType(t, k));
        }
        return String.join(",", types);
    }

    private static String argumentType(final SymbolicMachine.Trace t, final int k) {
        if (t.dynamicArgs.contains(k)) {
            if (t.copiedArgs.contains(k) && !t.elementArgs.contains(k)) {
                return "bytes";
            }
            if (t.elementArgs.contains(k)) {
                return t.elementTypes.getOrDefault(k, "uint256") + "[]";
            }
            return "bytes";
        }
        final String strong = t.strongTypes.get(k);
        if (strong != null) {
            return strong;
        }
        return t.weakBool.contains(k) ? "bool" : "uint256";
    }

    /**
     * A deployed Solidity library starts with {@code PUSH20 <its address> ADDRESS EQ} (the guard
     * against state-changing calls that are not DELEGATECALLs). Libraries take no value, so solc
     * emits no callvalue check in them: the absence of one does not mean payable.
     */
    static boolean isLibrary(final byte[] code) {
        return code.length >= 23 && (code[0] & 0xff) == Opcodes.PUSH20 && (code[21] & 0xff) == Opcodes.ADDRESS
                && (code[22] & 0xff) == Opcodes.EQ;
    }

    static String mutability(final SymbolicMachine.Trace t, final boolean library) {
        if (!t.valueChecked && !library) {
            return "payable";
        }
        if (t.writes) {
            return "nonpayable";
        }
        // Bytecode cannot tell pure from view when nothing is read: public constant getters are view,
        // and functions declared pure are rare (4 of 354 in the corpus), so view is the better guess.
        return "view";
    }

    private static List<Risk> risks(final Disassembly dis, final Map<String, SymbolicMachine.Trace> traces,
            final Optional<ProxyInfo> proxy) {
        final List<Risk> risks = new ArrayList<>();
        if (dis.contains(Opcodes.SELFDESTRUCT)) {
            risks.add(new Risk("selfdestruct", "the code contains SELFDESTRUCT: the contract can be destroyed"
                    + " and its balance sent away", "rug_pull"));
        }
        if (dis.contains(Opcodes.CALLCODE)) {
            risks.add(new Risk("callcode", "the code contains CALLCODE: it runs foreign code on its own storage",
                    null));
        }
        proxy.ifPresent(p -> risks.add(new Risk("proxy", "upgradeable: calls are forwarded with DELEGATECALL ("
                + p.kind() + "), so the code that runs can change", null)));
        traces.forEach((selector, t) -> {
            if (t.delegatecallToCalldata) {
                risks.add(new Risk("delegatecall_to_argument", "function 0x" + selector
                        + " DELEGATECALLs an address taken from its calldata", "rug_pull"));
            }
        });
        final List<String> origin = traces.entrySet().stream().filter(e -> e.getValue().originChecked)
                .map(e -> "0x" + e.getKey()).toList();
        if (!origin.isEmpty()) {
            risks.add(new Risk("tx_origin", "tx.origin is compared in " + String.join(", ", origin), "honeypot"));
        }
        traces.forEach((selector, t) -> {
            final Map.Entry<RiskSignatures.Group, String> known = RiskSignatures.BY_SELECTOR.get(selector);
            if (known == null) {
                return;
            }
            final RiskSignatures.Group group = known.getKey();
            final boolean restricted = t.callerChecked;
            if (group == RiskSignatures.MINT && !restricted) {
                return;
            }
            risks.add(new Risk(group.code(), known.getValue() + " (0x" + selector + ") " + group.what()
                    + (restricted ? ", restricted to a privileged caller" : ""), group.signal()));
        });
        return risks;
    }
}
