package dev.soba.streams.schemas;

import static dev.soba.streams.schemas.Outcomes.valid;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** {@code identity()}: the producer's item_id, else what ethereum-etl would have given. */
class IdentityTest {

    @Test
    void theProducersItemIdWins() {
        Samples.all().forEach((name, tree) ->
                assertThat(valid(tree).identity()).as(name).isEqualTo(tree.get("item_id").textValue()));
    }

    @Test
    void withoutItemIdTheIdIsDerivedAsEthereumEtlDoes() {
        final String tx = Samples.TX_HASH;
        assertThat(identityWithout(Samples.block(), "item_id")).isEqualTo("block_" + Samples.BLOCK_HASH);
        assertThat(identityWithout(Samples.transaction(), "item_id")).isEqualTo("transaction_" + tx);
        assertThat(identityWithout(Samples.log(), "item_id")).isEqualTo("log_" + tx + "_3");
        assertThat(identityWithout(Samples.tokenTransfer(), "item_id")).isEqualTo("token_transfer_" + tx + "_3");
        assertThat(identityWithout(Samples.contract(), "item_id"))
                .isEqualTo("contract_" + Samples.BLOCK + "_" + Samples.address("pool"));
        assertThat(identityWithout(Samples.token(), "item_id"))
                .isEqualTo("token_" + Samples.BLOCK + "_" + Samples.address("pool"));
        assertThat(identityWithout(Samples.marketTick(), "item_id")).isEqualTo("market_tick_binance_ETH-USDT_3105287755");
    }

    @Test
    void traceIdentityFollowsTraceIdThenEthereumEtlsDerivation() {
        assertThat(identityWithout(Samples.callTrace(), "item_id")).isEqualTo("trace_call_" + Samples.TX_HASH + "_0_2");
        assertThat(identityWithout(Samples.callTrace(), "item_id", "trace_id")).isEqualTo("trace_call_" + Samples.TX_HASH + "_0_2");
        final ObjectNode topCall = Samples.callTrace();
        topCall.putArray("trace_address");
        assertThat(identityWithout(topCall, "item_id", "trace_id")).isEqualTo("trace_call_" + Samples.TX_HASH + "_");
        assertThat(identityWithout(Samples.rewardTrace(), "item_id")).isEqualTo("trace_reward_" + Samples.BLOCK + "_0");
    }

    @Test
    void aRewardWithoutIdsGetsAStableIdFromItsContent() {
        // ethereum-etl numbers a block's rewards after sorting all of them; one item alone cannot.
        assertThat(identityWithout(Samples.rewardTrace(), "item_id", "trace_id"))
                .isEqualTo("trace_reward_" + Samples.BLOCK + "_at9");
        assertThat(identityWithout(Samples.rewardTrace(), "item_id", "trace_id", "trace_index"))
                .isEqualTo("trace_reward_" + Samples.BLOCK + "_block_" + Samples.address("miner") + "_5000000000000000000");
    }

    @Test
    void itemsWithoutBlockNumberStillHaveAnIdentity() {
        assertThat(identityWithout(Samples.contract(), "item_id", "block_number", "block_hash"))
                .isEqualTo("contract_" + Samples.address("pool"));
        assertThat(identityWithout(Samples.token(), "item_id", "block_number", "block_hash"))
                .isEqualTo("token_" + Samples.address("pool"));
    }

    @Test
    void ethItemsTellTheirBlock() {
        final EthItem block = (EthItem) valid(Samples.block());
        assertThat(block.blockNumberIfKnown()).isEqualTo(OptionalLong.of(Samples.BLOCK));
        assertThat(block.blockHashIfKnown()).isEqualTo(Optional.of(Samples.BLOCK_HASH));
        for (final ObjectNode tree : new ObjectNode[] {Samples.transaction(), Samples.log(), Samples.tokenTransfer(),
                Samples.callTrace(), Samples.contract(), Samples.token()}) {
            final EthItem item = (EthItem) valid(tree);
            assertThat(item.blockNumberIfKnown()).isEqualTo(OptionalLong.of(Samples.BLOCK));
            assertThat(item.blockHashIfKnown()).isEqualTo(Optional.of(Samples.BLOCK_HASH));
        }
        final ObjectNode old = Samples.contract();
        old.remove("item_id");
        old.remove("block_number");
        old.remove("block_hash");
        assertThat(((EthItem) valid(old)).blockNumberIfKnown()).isEmpty();
        assertThat(((EthItem) valid(old)).blockHashIfKnown()).isEmpty();
    }

    private static String identityWithout(final ObjectNode tree, final String... fields) {
        for (final String field : fields) {
            tree.remove(field);
        }
        return valid(tree).identity();
    }
}
