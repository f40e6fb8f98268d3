package dev.soba.streams.embedded;

import java.nio.file.Path;

/** A JVM that owns embedded servers until it is killed: the other side of {@link KilledOwnerTest}. */
public final class ServersOwnerMain {

    private ServersOwnerMain() {
    }

    public static void main(final String... args) throws Exception {
        final EmbeddedServers servers = EmbeddedServers.start(Path.of(args[0]), EmbeddedServers.Ports.random());
        System.out.println("ready " + servers.postgres().pid().orElseThrow() + " " + servers.redis().pid().orElseThrow()
                + " " + servers.watchPid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
