package dev.soba.streams.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Loopback port checks shared by the embedded servers. */
final class LocalPorts {

    static final String HOST = "127.0.0.1";

    private LocalPorts() {
    }

    /**
     * Fails with {@link PortInUseException} when the port cannot be bound. Checked before starting
     * a server because the servers themselves fail late and obscurely (PostgreSQL's start-up probe
     * would even talk to whatever already listens there).
     */
    static void requireFree(final String server, final int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
        } catch (final IOException e) {
            throw new PortInUseException(server, port);
        }
    }

    static boolean isFree(final int port, final boolean anyInterface) {
        try {
            requireFree("", port);
        } catch (final PortInUseException e) {
            return false;
        }
        if (!anyInterface) {
            return true;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (final IOException e) {
            return false;
        }
    }

    /** {@code port}, checked to be free; 0 stands for any free port. */
    static int resolve(final String server, final int port) {
        if (port == 0) {
            return pickFree(1).get(0);
        }
        requireFree(server, port);
        return port;
    }

    /** Distinct free ports; held open together so no two of them are the same port. */
    static List<Integer> pickFree(final int count) {
        final List<ServerSocket> sockets = new ArrayList<>();
        try {
            final List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                final ServerSocket socket = new ServerSocket();
                sockets.add(socket);
                socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), 0));
                ports.add(socket.getLocalPort());
            }
            return List.copyOf(ports);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot find free ports on " + HOST, e);
        } finally {
            for (final ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (final IOException ignored) {
                    // nothing was served on it
                }
            }
        }
    }
}
