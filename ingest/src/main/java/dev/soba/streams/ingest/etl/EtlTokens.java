package dev.soba.streams.ingest.etl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.Optional;
import java.util.function.Function;

/**
 * ethereum-etl's token export ({@code eth_token_service.py}, {@code token_mapper.py},
 * {@code enrich_tokens}): a contract classified ERC-20 or ERC-721 is asked for its symbol and name
 * ({@code symbol()}, then {@code SYMBOL()}, each first as {@code string}, then as {@code bytes32}),
 * {@code decimals()} (then {@code DECIMALS()}) and {@code totalSupply()}; what no variant answers is null.
 */
public final class EtlTokens {

    /** The selectors the token calls use. */
    public static final String SYMBOL = Selectors.of("symbol()");
    public static final String SYMBOL_UPPER = Selectors.of("SYMBOL()");
    public static final String NAME = Selectors.of("name()");
    public static final String NAME_UPPER = Selectors.of("NAME()");
    public static final String DECIMALS = Selectors.of("decimals()");
    public static final String DECIMALS_UPPER = Selectors.of("DECIMALS()");
    public static final String TOTAL_SUPPLY = Selectors.of("totalSupply()");

    private EtlTokens() {
    }

    /** What a token answered; each part absent when no variant of its call gave a value. */
    public record TokenMetadata(Optional<String> symbol, Optional<String> name, Optional<BigInteger> decimals,
                                Optional<BigInteger> totalSupply) {
    }

    /**
     * Asks a token for its metadata.
     *
     * @param call a selector to the call's return data; empty when the call reverted or returned nothing
     */
    public static TokenMetadata read(final Function<String, Optional<String>> call) {
        final Optional<String> symbol = text(call, SYMBOL, SYMBOL_UPPER);
        final Optional<String> name = text(call, NAME, NAME_UPPER);
        final Optional<BigInteger> decimals = call.apply(DECIMALS).flatMap(AbiReturns::uint8)
                .or(() -> call.apply(DECIMALS_UPPER).flatMap(AbiReturns::uint8));
        final Optional<BigInteger> totalSupply = call.apply(TOTAL_SUPPLY).flatMap(AbiReturns::uint256);
        return new TokenMetadata(symbol, name, decimals, totalSupply);
    }

    private static Optional<String> text(final Function<String, Optional<String>> call, final String lower,
            final String upper) {
        final Optional<String> lowerData = call.apply(lower);
        final Optional<String> asString = lowerData.flatMap(AbiReturns::string);
        if (asString.isPresent()) {
            return asString;
        }
        final Optional<String> upperData = call.apply(upper);
        return upperData.flatMap(AbiReturns::string)
                .or(() -> lowerData.flatMap(AbiReturns::bytes32))
                .or(() -> upperData.flatMap(AbiReturns::bytes32));
    }

    /** The {@code token} item of a token contract, without {@code item_id}/{@code item_timestamp}. */
    public static ObjectNode item(final JsonNode contract, final TokenMetadata metadata) {
        final ObjectNode item = NodeJson.object();
        item.put("type", "token");
        NodeJson.copy(item, "address", contract, "address");
        NodeJson.put(item, "symbol", metadata.symbol().orElse(null));
        NodeJson.put(item, "name", metadata.name().orElse(null));
        NodeJson.put(item, "decimals", metadata.decimals().orElse(null));
        NodeJson.put(item, "total_supply", metadata.totalSupply().orElse(null));
        NodeJson.copy(item, "block_number", contract, "block_number");
        NodeJson.copy(item, "block_timestamp", contract, "block_timestamp");
        NodeJson.copy(item, "block_hash", contract, "block_hash");
        return item;
    }
}
