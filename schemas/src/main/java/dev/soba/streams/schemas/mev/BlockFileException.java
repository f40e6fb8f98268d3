package dev.soba.streams.schemas.mev;

import java.nio.file.Path;

/** A block file that cannot be read: which file, and why, in words a user can act on. */
public final class BlockFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String reason;

    public BlockFileException(final Path file, final String reason) {
        this(file, reason, null);
    }

    public BlockFileException(final Path file, final String reason, final Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    public String reason() {
        return reason;
    }
}
