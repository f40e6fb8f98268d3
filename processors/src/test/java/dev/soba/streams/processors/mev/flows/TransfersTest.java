package dev.soba.streams.processors.mev.flows;

import static dev.soba.streams.processors.mev.Abi.address;
import static dev.soba.streams.processors.mev.Abi.uint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.soba.streams.processors.mev.Abi;
import dev.soba.streams.processors.mev.Addresses;
import dev.soba.streams.processors.mev.TestBlock;
import dev.soba.streams.processors.mev.calls.ClassifiedCall;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TransfersTest {

    private static List<Optional<Transfer>> transfers(final TestBlock block) {
        return block.classified().stream().map(Transfers::of).toList();
    }

    @Test
    void plainEthAndTokenTransfersAreRead() {
        final TestBlock block = new TestBlock();
        block.transaction("a")
                .call("", Addresses.USER, Addresses.BOT, "0x", BigInteger.valueOf(7))
                .call("0", Addresses.BOT, Addresses.TOKEN, Abi.call("transfer(address,uint256)", address(Addresses.PAIR), uint(5)))
                .call("1", Addresses.ROUTER, Addresses.TOKEN, Abi.call("transferFrom(address,address,uint256)",
                        address(Addresses.USER), address(Addresses.PAIR), uint(6)))
                .call("2", Addresses.PAIR, Addresses.TOKEN, Abi.call("transferOnLiquidation(address,address,uint256)",
                        address(Addresses.USER), address(Addresses.BOT), uint(8)))
                .call("3", Addresses.BOT, Addresses.TOKEN, Abi.call("approve(address,uint256)", address(Addresses.PAIR), uint(1)))
                .call("4", Addresses.BOT, Addresses.PAIR, "0x12345678", BigInteger.ONE);
        final List<Optional<Transfer>> transfers = transfers(block);
        assertThat(transfers.get(0)).hasValueSatisfying(t -> {
            assertThat(t.tokenAddress()).isEqualTo(Transfers.ETH);
            assertThat(t.fromAddress()).isEqualTo(Addresses.USER);
            assertThat(t.toAddress()).isEqualTo(Addresses.BOT);
            assertThat(t.amount()).isEqualTo(7);
        });
        assertThat(transfers.get(1)).hasValue(new Transfer(block.traces().get(1).transactionHash(), List.of(0),
                Addresses.TOKEN, Addresses.BOT, Addresses.PAIR, BigInteger.valueOf(5)));
        assertThat(transfers.get(2)).hasValueSatisfying(t -> assertThat(t.fromAddress()).isEqualTo(Addresses.USER));
        assertThat(transfers.get(3)).hasValueSatisfying(t -> assertThat(t.toAddress()).isEqualTo(Addresses.BOT));
        assertThat(transfers.get(4)).as("approve moves nothing").isEmpty();
        assertThat(transfers.get(5)).as("ETH sent with call data is not a plain transfer").isEmpty();
    }

    @Test
    void aProxiedTokensRepeatedTransferCountsOnce() {
        final TestBlock block = new TestBlock();
        final String transfer = Abi.call("transfer(address,uint256)", address(Addresses.PAIR), uint(5));
        block.transaction("a").call("", Addresses.USER, Addresses.BOT, "0x12345678")
                .call("0", Addresses.BOT, Addresses.USDC, transfer)
                .delegateCall("0,0", Addresses.USDC, Addresses.TOKEN, transfer)
                .call("1", Addresses.BOT, Addresses.DAI, transfer);
        final List<ClassifiedCall> calls = block.classified();
        final List<Transfer> all = calls.stream().flatMap(c -> Transfers.of(c).stream()).toList();
        assertThat(all).hasSize(3);
        assertThat(Transfers.withoutNested(all)).extracting(Transfer::tokenAddress).containsExactly(Addresses.USDC,
                Addresses.DAI);
    }
}
