package dev.soba.streams.api.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.logging.Handler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.Level;
import org.jboss.logmanager.handlers.AsyncHandler;
import org.jboss.logmanager.handlers.ConsoleHandler;
import org.junit.jupiter.api.Test;

/** The JSON log line: one parseable object with the request id, and the switch that installs it. */
class JsonLogFormatterTest {

    @Test
    void aRecordIsOneLineOfJsonWithItsRequestId() throws Exception {
        final ExtLogRecord record = new ExtLogRecord(Level.WARN, "key %s said \"%s\"", ExtLogRecord.FormatStyle.PRINTF, getClass().getName());
        record.setParameters(new Object[] {"k1", "line\nbreak"});
        record.setLoggerName("dev.soba.test");
        record.putMdc(RequestId.MDC_KEY, "abc-123");
        record.setThrown(new IllegalStateException("boom"));

        final String line = new JsonLogFormatter().format(record);

        assertThat(line.strip()).doesNotContain("\n");
        final JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.get("level").asText()).isEqualTo("WARN");
        assertThat(json.get("loggerName").asText()).isEqualTo("dev.soba.test");
        assertThat(json.get("message").asText()).isEqualTo("key k1 said \"line\nbreak\"");
        assertThat(json.at("/mdc/request_id").asText()).isEqualTo("abc-123");
        assertThat(json.get("exception").asText()).contains("IllegalStateException: boom");
        assertThat(json.get("timestamp").asText()).endsWith("Z");
    }

    @Test
    void theConsoleHandlerGetsTheJsonFormatWhereverItIsNested() {
        final ConsoleHandler console = new ConsoleHandler();
        final AsyncHandler async = new AsyncHandler();
        async.addHandler(console);
        JsonConsoleLogs.useJson(new Handler[] {async});
        assertThat(console.getFormatter()).isInstanceOf(JsonLogFormatter.class);
    }
}
