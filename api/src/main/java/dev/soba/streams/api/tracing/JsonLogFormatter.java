package dev.soba.streams.api.tracing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logmanager.ExtFormatter;
import org.jboss.logmanager.ExtLogRecord;

/**
 * One JSON object per log record, one per line, with the field names of JBoss LogManager's
 * JSON formatter (what quarkus-logging-json writes): {@code timestamp}, {@code level},
 * {@code loggerName}, {@code threadName}, {@code message}, {@code mdc} (with {@code request_id})
 * and {@code exception} (the stack trace as text).
 */
final class JsonLogFormatter extends ExtFormatter {

    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public String format(final ExtLogRecord record) {
        final StringWriter line = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(line)) {
            json.writeStartObject();
            json.writeStringField("timestamp", Instant.ofEpochMilli(record.getMillis()).toString());
            json.writeStringField("level", record.getLevel().getName());
            json.writeStringField("loggerName", record.getLoggerName());
            json.writeStringField("threadName", record.getThreadName());
            json.writeStringField("message", record.getFormattedMessage());
            final Map<String, String> mdc = record.getMdcCopy();
            if (!mdc.isEmpty()) {
                json.writeObjectFieldStart("mdc");
                for (final Map.Entry<String, String> entry : new TreeMap<>(mdc).entrySet()) {
                    json.writeStringField(entry.getKey(), entry.getValue());
                }
                json.writeEndObject();
            }
            if (record.getThrown() != null) {
                final StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                json.writeStringField("exception", trace.toString());
            }
            json.writeEndObject();
        } catch (final IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return line.append(System.lineSeparator()).toString();
    }
}
