package dev.soba.streams.processors.mev;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soba.streams.processors.TestItems;
import dev.soba.streams.schemas.Block;
import dev.soba.streams.schemas.Transaction;
import dev.soba.streams.schemas.Trace;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BlockAssemblyTest {

    private static final BlockAssembly.Timing TIMING = BlockAssembly.Timing.DEFAULT;
    private final TestBlock sandwich = SandwichBlock.build();

    private BlockAssembly complete(final long at) {
        BlockAssembly assembly = BlockAssembly.empty(TestBlock.NUMBER, at)
                .with(TestItems.parse(TestItems.block(TestBlock.NUMBER, TestBlock.HASH, TestItems.hash("p"), 3), Block.class), at);
        for (final String json : sandwich.transactionJson()) {
            assembly = assembly.with(TestItems.parse(json, Transaction.class), at);
        }
        for (final Trace trace : sandwich.traces()) {
            assembly = assembly.with(trace, at);
        }
        return assembly;
    }

    @Test
    void aCompleteBlockIsDueOnceItsItemsWentQuiet() {
        final BlockAssembly assembly = complete(1_000);
        assertThat(assembly.due(2_999, TIMING, false)).isFalse();
        assertThat(assembly.due(3_000, TIMING, false)).isTrue();
        assertThat(assembly.analysedWith(java.util.List.of()).due(60_000, TIMING, true)).isFalse();
    }

    @Test
    void missingTransactionsWaitForTheTimeoutUnlessALaterBlockCame() {
        final BlockAssembly assembly = BlockAssembly.empty(TestBlock.NUMBER, 0)
                .with(TestItems.parse(TestItems.block(TestBlock.NUMBER, TestBlock.HASH, TestItems.hash("p"), 3), Block.class), 0);
        assertThat(assembly.due(5_000, TIMING, false)).isFalse();
        assertThat(assembly.due(5_000, TIMING, true)).isTrue();
        assertThat(assembly.due(10_000, TIMING, false)).isTrue();
    }

    @Test
    void tracesAreInspectedWhenPresentAndAReorgKeepsOnlyTheNewBlocksItems() {
        final BlockAssembly assembly = complete(0);
        assertThat(assembly.input(address -> Optional.empty())).isInstanceOf(BlockInput.TracedBlock.class);
        assertThat(MevInspector.standard().inspect(assembly.input(a -> Optional.empty())).findings()).hasSize(1);
        final BlockAssembly reorganised = assembly.reorganisedTo(TestItems.hash("other"), 5);
        assertThat(reorganised.traces()).isEmpty();
        assertThat(reorganised.block()).isNull();
        assertThat(reorganised.everAnalysed()).isFalse();
    }

    @Test
    void withoutTracesTheLogsAreInspected() {
        final BlockAssembly assembly = BlockAssembly.empty(TestBlock.NUMBER, 0)
                .with(TestItems.parse(TestItems.block(TestBlock.NUMBER, TestBlock.HASH, TestItems.hash("p"), 0), Block.class), 0);
        assertThat(assembly.input(address -> Optional.empty())).isInstanceOf(BlockInput.LoggedBlock.class);
    }
}
