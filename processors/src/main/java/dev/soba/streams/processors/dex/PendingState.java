package dev.soba.streams.processors.dex;

import java.util.Optional;

/**
 * Where {@link V2SwapPairing} keeps the Sync and Swap logs still waiting for their partner; a state
 * store in the stream, a map in tests. Keys are {@link V2SwapPairing#key}s.
 */
public interface PendingState {

    Optional<PendingV2Logs> get(String key);

    void put(String key, PendingV2Logs logs);

    void remove(String key);
}
