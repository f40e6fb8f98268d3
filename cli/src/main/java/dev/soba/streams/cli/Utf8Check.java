package dev.soba.streams.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks that a text file is UTF-8 before a command reads it, so a bad byte is reported as
 * {@code FILE:LINE} and column instead of Java's bare "Input length = 1".
 */
public final class Utf8Check {

    private Utf8Check() {
    }

    /** A byte sequence that is not UTF-8, with where it is. */
    public static final class InvalidUtf8Exception extends RuntimeException {
        InvalidUtf8Exception(final String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Returns the number of non-blank lines of {@code file}.
     *
     * @throws InvalidUtf8Exception naming {@code FILE:LINE}, the byte column and the byte, at the first invalid sequence
     */
    public static long requireUtf8(final Path file) throws IOException {
        final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        long lineNumber = 0;
        long nonBlank = 0;
        final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            int b;
            boolean more = true;
            while (more) {
                b = in.read();
                if (b == '\n' || b == -1) {
                    more = b != -1;
                    if (b == -1 && line.size() == 0) {
                        break;
                    }
                    lineNumber++;
                    if (!check(decoder, line.toByteArray(), file, lineNumber).isBlank()) {
                        nonBlank++;
                    }
                    line.reset();
                } else {
                    line.write(b);
                }
            }
        }
        return nonBlank;
    }

    private static String check(final CharsetDecoder decoder, final byte[] bytes, final Path file, final long lineNumber) {
        try {
            return decoder.reset().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (final CharacterCodingException e) {
            final int column = firstInvalid(bytes);
            throw new InvalidUtf8Exception(String.format("%s:%d: not UTF-8 (byte 0x%02x at byte %d of the line); "
                    + "convert the file to UTF-8 (e.g. iconv -f LATIN1 -t UTF-8)", file, lineNumber,
                    bytes[column] & 0xff, column + 1));
        }
    }

    /** The offset of the first byte that does not start a valid sequence. */
    private static int firstInvalid(final byte[] bytes) {
        final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        final ByteBuffer in = ByteBuffer.wrap(bytes);
        final java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return Math.min(in.position(), bytes.length - 1);
    }
}
