package dev.soba.streams.embedded;

/**
 * An embedded server could not start because its port on 127.0.0.1 is already taken. Carries
 * the port and the server so a caller (the CLI) can name the option that moves it.
 */
public final class PortInUseException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String server;
    private final int port;

    public PortInUseException(final String server, final int port) {
        super(server + " port " + port + " on 127.0.0.1 is in use: stop the process holding it "
                + "(perhaps another " + server + ") or choose another port");
        this.server = server;
        this.port = port;
    }

    public String server() {
        return server;
    }

    public int port() {
        return port;
    }
}
