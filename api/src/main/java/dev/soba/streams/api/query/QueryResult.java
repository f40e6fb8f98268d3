package dev.soba.streams.api.query;

import org.apache.kafka.streams.state.HostInfo;

/** Where the answer to an interactive query is: here, on another instance, nowhere, or not yet knowable. */
public sealed interface QueryResult<T> {

    record Found<T>(T value) implements QueryResult<T> {
    }

    record Remote<T>(HostInfo owner) implements QueryResult<T> {
    }

    record NotFound<T>() implements QueryResult<T> {
    }

    /** The store is migrating or restoring (rebalance, start-up): ask again shortly. */
    record Unavailable<T>(String reason) implements QueryResult<T> {
    }
}
