package dev.soba.streams.processors.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .mo files written here the way msgfmt writes them (GNU gettext's format), then read back. */
class GettextCatalogueTest {

    @TempDir
    Path dir;

    @Test
    void translationsAreReadInTheHeadersCharsetWithoutTheHeaderAndWithTheFirstPluralForm() throws IOException {
        final Path utf8 = write("utf8.mo", StandardCharsets.UTF_8, ByteOrder.LITTLE_ENDIAN,
                List.of("", "Content-Type: text/plain; charset=UTF-8\n"),
                List.of("cannot open file", "Datei kann nicht geöffnet werden"),
                List.of("%d file\u0000%d files", "%d Datei\u0000%d Dateien"),
                List.of("untranslated", ""));
        assertThat(GettextCatalogue.translations(utf8)).containsExactly("Datei kann nicht geöffnet werden", "%d Datei");
        final Path latin1 = write("latin1.mo", StandardCharsets.ISO_8859_1, ByteOrder.BIG_ENDIAN,
                List.of("", "Content-Type: text/plain; charset=ISO-8859-1\n"),
                List.of("yes", "ja, på nynorsk"));
        assertThat(GettextCatalogue.translations(latin1)).containsExactly("ja, på nynorsk");
    }

    @Test
    void aFileThatIsNoCatalogueIsRefused() throws IOException {
        final Path bogus = dir.resolve("bogus.mo");
        Files.write(bogus, new byte[64]);
        assertThatThrownBy(() -> GettextCatalogue.translations(bogus)).isInstanceOf(IOException.class)
                .hasMessageContaining("bad magic number");
    }

    @Test
    void localeDirectoriesAreLabelledByTheirLanguage() throws IOException {
        assertThat(SystemMessages.language("pt_BR")).isEqualTo("pt");
        assertThat(SystemMessages.language("sr@latin")).isEqualTo("sr");
        assertThat(SystemMessages.language("nb")).isEqualTo("nb");
        assertThat(SystemMessages.language("ast")).isNull();
        final Path messages = Files.createDirectories(dir.resolve("locale/de_AT/LC_MESSAGES"));
        Files.move(write("coreutils.mo", StandardCharsets.UTF_8, ByteOrder.LITTLE_ENDIAN,
                List.of("", "Content-Type: text/plain; charset=UTF-8\n"),
                List.of("a", "kurz"),
                List.of("b", "Diese Meldung ist lang genug, um gezählt zu werden."),
                List.of("c", "Diese Meldung ist lang genug, um gezählt zu werden.")), messages.resolve("coreutils.mo"));
        assertThat(SystemMessages.load(dir.resolve("locale"), List.of("coreutils"), 20, 10))
                .containsExactly(new LabelledText("de", "Diese Meldung ist lang genug, um gezählt zu werden.",
                        "de_AT/coreutils"));
    }

    /** A catalogue: magic, revision 0, count, table offsets, tables of (length, offset), then the strings. */
    @SafeVarargs
    private Path write(final String name, final Charset charset, final ByteOrder order, final List<String>... entries)
            throws IOException {
        final int count = entries.length;
        final int originals = 28;
        final int translations = originals + 8 * count;
        int stringsAt = translations + 8 * count;
        final ByteBuffer header = ByteBuffer.allocate(stringsAt).order(order);
        header.putInt(0x950412de).putInt(0).putInt(count).putInt(originals).putInt(translations).putInt(0).putInt(0);
        final ByteArrayOutputStream strings = new ByteArrayOutputStream();
        final int[][] places = new int[count * 2][];
        for (int column = 0; column < 2; column++) {
            for (int i = 0; i < count; i++) {
                final byte[] bytes = entries[i].get(column).getBytes(charset);
                places[column * count + i] = new int[] {bytes.length, stringsAt + strings.size()};
                strings.write(bytes);
                strings.write(0);
            }
        }
        for (final int[] place : places) {
            header.putInt(place[0]).putInt(place[1]);
        }
        final Path file = dir.resolve(name);
        final ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(header.array());
        all.write(strings.toByteArray());
        Files.write(file, all.toByteArray());
        return file;
    }
}
