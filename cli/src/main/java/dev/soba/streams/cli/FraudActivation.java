package dev.soba.streams.cli;

import java.io.PrintStream;

/** {@code ./soba fraud activate DIR}: not yet wired (see README). */
final class FraudActivation {

    private FraudActivation() {
    }

    static int run(final Args args, final PrintStream out) {
        throw new Args.UsageException("fraud activate is not available in this build yet");
    }
}
