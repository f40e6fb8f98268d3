package dev.soba.streams.schemas.market.csv;

/**
 * Why one CSV line (or the header) cannot be read. Internal control flow of the readers, turned
 * into a {@link CsvResult.Rejected}; no stack trace, as bad lines can be frequent.
 */
final class CsvRowException extends Exception {

    private static final long serialVersionUID = 1L;

    CsvRowException(final String reason) {
        super(reason, null, false, false);
    }
}
