package dev.soba.streams.cli;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code ./soba ingest}'s mistakes in how it is called: usage errors naming the option, before any connection. */
class IngestCommandUsageTest {

    @Test
    void badOptionsAreUsageErrors() {
        assertThatThrownBy(() -> IngestCommand.run(new String[] {"--bootstrap-servers", "127.0.0.1:1"}, System.out))
                .isInstanceOf(Args.UsageException.class).hasMessageContaining("--rpc");
        assertThatThrownBy(() -> IngestCommand.run(new String[] {"--rpc", "http://127.0.0.1:1", "--traces", "erigon",
                "--bootstrap-servers", "127.0.0.1:1"}, System.out))
                .isInstanceOf(Args.UsageException.class).hasMessageContaining("parity, geth or none");
        assertThatThrownBy(() -> IngestCommand.run(new String[] {"--rpc", "http://127.0.0.1:1", "--batch", "0",
                "--bootstrap-servers", "127.0.0.1:1"}, System.out))
                .isInstanceOf(Args.UsageException.class).hasMessageContaining("--batch");
        assertThatThrownBy(() -> IngestCommand.run(new String[] {"--rpc", "http://127.0.0.1:1", "--from-block", "soon",
                "--bootstrap-servers", "127.0.0.1:1"}, System.out))
                .isInstanceOf(Args.UsageException.class).hasMessageContaining("'latest'");
    }

}
