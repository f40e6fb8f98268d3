package dev.soba.streams.processors.dex;

import java.util.List;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.generated.Int24;
import org.web3j.abi.datatypes.generated.Int256;
import org.web3j.abi.datatypes.generated.Uint112;
import org.web3j.abi.datatypes.generated.Uint128;
import org.web3j.abi.datatypes.generated.Uint160;
import org.web3j.abi.datatypes.generated.Uint24;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * The Uniswap events the decoder knows, as web3j ABI definitions, with their first topic and log
 * shape computed once. Forks emit the same signatures, so an event is recognised by its shape, never
 * by the emitting address.
 */
public final class UniswapEvents {

    public static final Event V2_SWAP = new Event("Swap", List.of(
            new TypeReference<Address>(true) { },
            new TypeReference<Uint256>() { },
            new TypeReference<Uint256>() { },
            new TypeReference<Uint256>() { },
            new TypeReference<Uint256>() { },
            new TypeReference<Address>(true) { }));

    public static final Event V2_SYNC = new Event("Sync", List.of(
            new TypeReference<Uint112>() { },
            new TypeReference<Uint112>() { }));

    public static final Event V2_PAIR_CREATED = new Event("PairCreated", List.of(
            new TypeReference<Address>(true) { },
            new TypeReference<Address>(true) { },
            new TypeReference<Address>() { },
            new TypeReference<Uint256>() { }));

    public static final Event V3_SWAP = new Event("Swap", List.of(
            new TypeReference<Address>(true) { },
            new TypeReference<Address>(true) { },
            new TypeReference<Int256>() { },
            new TypeReference<Int256>() { },
            new TypeReference<Uint160>() { },
            new TypeReference<Uint128>() { },
            new TypeReference<Int24>() { }));

    public static final Event V3_POOL_CREATED = new Event("PoolCreated", List.of(
            new TypeReference<Address>(true) { },
            new TypeReference<Address>(true) { },
            new TypeReference<Uint24>(true) { },
            new TypeReference<Int24>() { },
            new TypeReference<Address>() { }));

    public static final Shape V2_SWAP_SHAPE = Shape.of(V2_SWAP);
    public static final Shape V2_SYNC_SHAPE = Shape.of(V2_SYNC);
    public static final Shape V2_PAIR_CREATED_SHAPE = Shape.of(V2_PAIR_CREATED);
    public static final Shape V3_SWAP_SHAPE = Shape.of(V3_SWAP);
    public static final Shape V3_POOL_CREATED_SHAPE = Shape.of(V3_POOL_CREATED);

    private UniswapEvents() {
    }

    /**
     * What a log of an event looks like: its first topic, how many topics (the signature plus one per
     * indexed parameter) and how many hex characters of data ({@code 0x} plus 64 per non-indexed static
     * parameter). A log with the right first topic but another shape is some other contract's event.
     */
    public record Shape(String topic0, int topicCount, int dataHexLength) {

        static Shape of(final Event event) {
            return new Shape(EventEncoder.encode(event), 1 + event.getIndexedParameters().size(),
                    2 + 64 * event.getNonIndexedParameters().size());
        }
    }
}
