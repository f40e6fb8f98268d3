package dev.soba.streams.processors.nlp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The translated messages of a GNU gettext {@code .mo} file (what {@code msgunfmt} prints), read
 * directly: magic, revision, count, then the tables of original and translated strings. Strings
 * are decoded in the charset the header entry names (UTF-8 when it names none); the header entry
 * is skipped and of plural forms the first is kept.
 */
public final class GettextCatalogue {

    private static final int MAGIC = 0x950412de;
    private static final Pattern CHARSET = Pattern.compile("charset=([A-Za-z0-9_.:-]+)");

    private GettextCatalogue() {
    }

    public static List<String> translations(final Path file) throws IOException {
        final ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
        if (bytes.remaining() < 28) {
            throw new IOException(file + " is not a gettext catalogue: too short");
        }
        bytes.order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.getInt(0) != MAGIC) {
            bytes.order(ByteOrder.BIG_ENDIAN);
            if (bytes.getInt(0) != MAGIC) {
                throw new IOException(file + " is not a gettext catalogue: bad magic number");
            }
        }
        final int count = bytes.getInt(8);
        final int originals = bytes.getInt(12);
        final int translated = bytes.getInt(16);
        final Charset charset = charset(bytes, count, originals, translated);
        final List<String> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            final int originalLength = bytes.getInt(originals + 8 * i);
            final int length = bytes.getInt(translated + 8 * i);
            final int offset = bytes.getInt(translated + 8 * i + 4);
            if (originalLength == 0 || length == 0) {
                continue; // the header entry, or an untranslated message
            }
            final int end = firstNul(bytes, offset, length);
            try {
                messages.add(charset.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .decode(bytes.duplicate().position(offset).limit(end)).toString());
            } catch (final CharacterCodingException notUtf8) {
                throw new IOException(file + " is not " + charset + ": " + notUtf8.getMessage(), notUtf8);
            }
        }
        return messages;
    }

    /** The charset of the header entry's {@code Content-Type}, the translation of the empty message. */
    private static Charset charset(final ByteBuffer bytes, final int count, final int originals, final int translated) {
        for (int i = 0; i < count; i++) {
            if (bytes.getInt(originals + 8 * i) == 0) {
                final int length = bytes.getInt(translated + 8 * i);
                final int offset = bytes.getInt(translated + 8 * i + 4);
                final String header = StandardCharsets.ISO_8859_1.decode(bytes.duplicate().position(offset)
                        .limit(offset + length)).toString();
                final Matcher declared = CHARSET.matcher(header);
                if (declared.find()) {
                    try {
                        return Charset.forName(declared.group(1));
                    } catch (final IllegalArgumentException unknown) {
                        return StandardCharsets.UTF_8;
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static int firstNul(final ByteBuffer bytes, final int offset, final int length) {
        for (int i = offset; i < offset + length; i++) {
            if (bytes.get(i) == 0) {
                return i;
            }
        }
        return offset + length;
    }
}
