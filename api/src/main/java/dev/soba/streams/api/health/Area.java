package dev.soba.streams.api.health;

import java.util.List;

/**
 * One analytic area of the replaced system (each was a Python service there), as this pipeline
 * provides it: the topology processors that do its work (their tasks, threads and lag are the
 * area's), what it can do and the routes that serve it. An area that is not built yet has no
 * processors and no routes, only the capabilities it will have.
 */
public record Area(String name, String title, boolean built, List<String> processors,
                   List<String> capabilities, List<String> endpoints) {

    public Area {
        processors = List.copyOf(processors);
        capabilities = List.copyOf(capabilities);
        endpoints = List.copyOf(endpoints);
    }

    /** The name the replaced system gave the service ({@code ml_models} for {@code ml-models}). */
    public String legacyName() {
        return name.replace('-', '_');
    }

    static Area built(final String name, final String title, final List<String> processors,
                      final List<String> capabilities, final List<String> endpoints) {
        return new Area(name, title, true, processors, capabilities, endpoints);
    }

    static Area planned(final String name, final String title, final List<String> capabilities) {
        return new Area(name, title, false, List.of(), capabilities, List.of());
    }
}
