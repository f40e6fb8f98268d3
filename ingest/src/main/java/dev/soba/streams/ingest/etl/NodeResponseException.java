package dev.soba.streams.ingest.etl;

/**
 * A node answered with something that cannot be what it claims to be (a quantity that is not hex, a
 * receipt missing for a transaction of the block, a trace of another block). Nothing of the block is
 * emitted; the ingester fetches it again.
 */
public final class NodeResponseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NodeResponseException(final String message) {
        super(message);
    }
}
