package dev.soba.streams.api.tracing;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.logging.Handler;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.handlers.ConsoleHandler;

/**
 * Structured console logs on demand: with {@code soba.log.json=true} the console handler writes
 * each record as one JSON object ({@link JsonLogFormatter}). The quarkus-logging-json extension
 * would do the same, but its 3.34.3 artifacts cannot be resolved from the Maven repository this
 * project builds against. Installed first thing at start-up; the few lines Quarkus writes before
 * that stay in the text format.
 */
@ApplicationScoped
public class JsonConsoleLogs {

    void install(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) final StartupEvent start, final LogConfig config) {
        if (config.json()) {
            useJson(LogContext.getLogContext().getLogger("").getHandlers());
        }
    }

    static void useJson(final Handler[] handlers) {
        for (final Handler handler : handlers) {
            if (handler instanceof ConsoleHandler console) {
                console.setFormatter(new JsonLogFormatter());
            } else if (handler instanceof ExtHandler parent) {
                useJson(parent.getHandlers());
            }
        }
    }
}
