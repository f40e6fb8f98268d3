package dev.soba.streams.ingest.rpc;

import java.util.Locale;

/**
 * Which JSON-RPC and HTTP failures are worth retrying. Codes follow the JSON-RPC 2.0 and EIP-1474
 * conventions (ethereum-etl retries -32603 and -32000 … -32099 the same way); the messages catch what
 * nodes and providers actually write.
 */
public final class RpcErrors {

    private RpcErrors() {
    }

    /** A JSON-RPC error object. */
    public static RpcException.Kind classify(final int code, final String message) {
        final String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (code == -32601 || text.contains("method not found") || text.contains("does not exist")
                || text.contains("not supported") || text.contains("not available") || text.contains("unsupported method")
                || text.contains("not enabled")) {
            return RpcException.Kind.UNSUPPORTED;
        }
        if (code == 3 || text.contains("revert") || text.contains("invalid opcode") || text.contains("bad instruction")
                || text.contains("invalid jump") || text.contains("stack underflow")) {
            return RpcException.Kind.CALL_FAILED;
        }
        if (code == 429 || code == -32005 || code == -32603 || code <= -32000 && code >= -32099
                || text.contains("rate limit") || text.contains("too many requests") || text.contains("timeout")
                || text.contains("timed out") || text.contains("busy") || text.contains("header not found")) {
            return RpcException.Kind.TRANSIENT;
        }
        return RpcException.Kind.FATAL;
    }

    /** An HTTP answer other than 200. */
    public static RpcException.Kind classifyHttp(final int status) {
        return status == 408 || status == 425 || status == 429 || status >= 500
                ? RpcException.Kind.TRANSIENT
                : RpcException.Kind.FATAL;
    }
}
