package dev.soba.streams.simulator;

import java.util.List;

/** An event as a contract emits it, before the block gives it a position. Hex strings are lower-case with 0x. */
record LogEntry(String address, List<String> topics, String data) {

    LogEntry {
        topics = List.copyOf(topics);
    }
}
