package dev.soba.streams.schemas.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How a contract forwards its calls.
 *
 * @param kind           {@code eip1167} (minimal proxy), {@code eip1967} (implementation slot),
 *                       {@code eip1967_beacon}, {@code eip1822} (UUPS "PROXIABLE" slot) or
 *                       {@code delegatecall} (forwards calldata another way)
 * @param implementation the target when the code itself holds it (EIP-1167), else null
 * @param slot           the storage slot holding the target, when standard
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ProxyInfo(String kind, String implementation, String slot) {
}
