package dev.soba.streams.api.tracing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code soba.log.*}. */
@ConfigMapping(prefix = "soba.log")
public interface LogConfig {

    /** One JSON object per console log line ({@code SOBA_LOG_JSON=true}), for log collectors. */
    @WithDefault("false")
    boolean json();
}
