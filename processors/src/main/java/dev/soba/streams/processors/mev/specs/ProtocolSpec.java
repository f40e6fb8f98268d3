package dev.soba.streams.processors.mev.specs;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One entry of the registry (mev-inspect-py's {@code ClassifierSpec}): an ABI, the protocol it belongs
 * to, the contracts it applies to, and the functions of it the ladder acts on.
 *
 * @param abiName   e.g. {@code UniswapV2Pair}; reported as a swap's {@code abi_name}
 * @param protocol  e.g. {@code uniswap_v2}; null for an ABI shared by many protocols (ERC-20)
 * @param addresses the only contracts the spec applies to, lower case; empty: any contract whose call
 *                  data decodes (a shared ABI such as a Uniswap pair's is recognised by its selector)
 */
public record ProtocolSpec(String abiName, String protocol, Set<String> addresses, List<FunctionSpec> functions) {

    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-f]{40}");

    public ProtocolSpec {
        addresses = addresses.stream().map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        for (final String address : addresses) {
            if (!ADDRESS.matcher(address).matches()) {
                throw new IllegalArgumentException(abiName + ": not an address: " + address);
            }
        }
        functions = List.copyOf(functions);
    }

    /** A spec for any contract. */
    public static ProtocolSpec anyContract(final String abiName, final String protocol,
            final FunctionSpec... functions) {
        return new ProtocolSpec(abiName, protocol, Set.of(), List.of(functions));
    }

    /** A spec for the listed contracts only. */
    public static ProtocolSpec contracts(final String abiName, final String protocol, final Set<String> addresses,
            final FunctionSpec... functions) {
        return new ProtocolSpec(abiName, protocol, addresses, List.of(functions));
    }

    public boolean appliesTo(final String contract) {
        return addresses.isEmpty() || addresses.contains(contract);
    }
}
