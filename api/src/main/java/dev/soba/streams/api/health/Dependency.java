package dev.soba.streams.api.health;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A back-end as this instance sees it: answering, or not with the reason, and what that means for the API. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Dependency(boolean healthy, String detail, String effect) {

    static Dependency up() {
        return new Dependency(true, null, null);
    }

    static Dependency down(final String detail, final String effect) {
        return new Dependency(false, detail, effect);
    }
}
