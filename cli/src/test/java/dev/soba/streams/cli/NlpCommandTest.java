package dev.soba.streams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.soba.streams.schemas.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code ./soba nlp detect}: one JSON object per input line, in order, a bad line reported in its place. */
class NlpCommandTest {

    @Test
    void eachLineGetsItsLanguageInOrder() throws Exception {
        final ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.write(("Die Datei konnte nicht geöffnet werden, weil sie gesperrt ist.\n"
                + "No se puede abrir el archivo porque otro programa lo está usando.\n"
                + "ok\n").getBytes(StandardCharsets.UTF_8));
        input.write(new byte[] {'c', 'a', 'f', (byte) 0xC3, 0x28, '\n'});
        input.write("The file could not be opened because another program is using it.".getBytes(StandardCharsets.UTF_8));
        final ByteArrayOutputStream output = new ByteArrayOutputStream();
        final int code = NlpCommand.detect(Args.parse(new String[] {"--accuracy", "low"}, Set.of("accuracy"), Set.of()),
                new ByteArrayInputStream(input.toByteArray()), new PrintStream(output, true, StandardCharsets.UTF_8));
        final List<JsonNode> lines = output.toString(StandardCharsets.UTF_8).lines()
                .map(line -> Json.tree(line.getBytes(StandardCharsets.UTF_8))).toList();
        assertThat(lines).hasSize(5);
        assertThat(lines).extracting(line -> line.path("line").asInt()).containsExactly(1, 2, 3, 4, 5);
        assertThat(lines.get(0).path("language").asText()).isEqualTo("de");
        assertThat(lines.get(0).path("iso6393").asText()).isEqualTo("deu");
        assertThat(lines.get(1).path("language").asText()).isEqualTo("es");
        assertThat(lines.get(2).path("reliable").asBoolean()).isFalse();
        assertThat(lines.get(3).path("error").asText()).contains("not valid UTF-8");
        assertThat(lines.get(4).path("language").asText()).isEqualTo("en");
        assertThat(code).as("a line that could not be read makes the exit code 1").isEqualTo(1);
    }
}
