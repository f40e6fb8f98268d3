package dev.soba.streams.ingest.rpc;

/**
 * A JSON-RPC request that did not give a result, with what the ingester should do about it.
 */
public final class RpcException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** How a failure is handled. */
    public enum Kind {
        /** Worth trying again after a pause: connection errors, timeouts, rate limits, overloaded or lagging nodes. */
        TRANSIENT,
        /** The node does not serve the method (or not with these parameters): fall back or tell the user. */
        UNSUPPORTED,
        /** An {@code eth_call} whose execution failed (revert, bad instruction): the call has no value. */
        CALL_FAILED,
        /** Anything else: a wrong URL, a refused key, a malformed request. */
        FATAL
    }

    private final Kind kind;
    private final String method;

    public RpcException(final Kind kind, final String method, final String message, final Throwable cause) {
        super(method + ": " + message, cause);
        this.kind = kind;
        this.method = method;
    }

    public Kind kind() {
        return kind;
    }

    public String method() {
        return method;
    }
}
