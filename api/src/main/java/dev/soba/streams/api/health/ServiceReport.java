package dev.soba.streams.api.health;

import java.util.List;

/**
 * One area in {@code /api/v1/health}: built or not, healthy, seconds up, the stream threads that
 * run its tasks on this instance, the consumer lag of its input partitions here, and what it
 * offers (capabilities; routes once built).
 */
public record ServiceReport(String name, String title, boolean built, boolean healthy, long uptime, String detail,
                            List<StreamThread> threads, long consumerLag, List<String> capabilities,
                            List<String> endpoints) {

    /** A stream thread of this instance with the area's tasks on it ({@code 0_1}: sub-topology 0, partition 1). */
    public record StreamThread(String name, String state, List<String> activeTasks, List<String> standbyTasks) {
    }
}
