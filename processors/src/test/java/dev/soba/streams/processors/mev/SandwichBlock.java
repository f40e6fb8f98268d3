package dev.soba.streams.processors.mev;

import static dev.soba.streams.processors.mev.Abi.address;
import static dev.soba.streams.processors.mev.Abi.uint;
import static dev.soba.streams.processors.mev.Addresses.BOT;
import static dev.soba.streams.processors.mev.Addresses.PAIR;
import static dev.soba.streams.processors.mev.Addresses.ROUTER;
import static dev.soba.streams.processors.mev.Addresses.TOKEN;
import static dev.soba.streams.processors.mev.Addresses.USER;
import static dev.soba.streams.processors.mev.Addresses.WETH;

/** A block with one sandwich on one V2 pair, for the stream tests (shared through the test-jar). */
public final class SandwichBlock {

    private SandwichBlock() {
    }

    /** The bot buys TOKEN with 100 WETH on PAIR, a user buys through the router, the bot sells for 108 WETH. */
    public static TestBlock build() {
        final TestBlock block = new TestBlock();
        block.transaction("front").call("", BOT, BOT, "0x12345678")
                .call("0", BOT, WETH, transfer(PAIR, 100))
                .call("1", BOT, PAIR, pairSwap(1000, BOT))
                .call("1,0", PAIR, TOKEN, transfer(BOT, 1000));
        block.transaction("victim").call("", USER, ROUTER, "0x38ed1739")
                .call("0", ROUTER, WETH, transferFrom(USER, PAIR, 50))
                .call("1", ROUTER, PAIR, pairSwap(450, USER))
                .call("1,0", PAIR, TOKEN, transfer(USER, 450));
        block.transaction("back").call("", BOT, BOT, "0x12345678")
                .call("0", BOT, TOKEN, transfer(PAIR, 1000))
                .call("1", BOT, PAIR, pairSwap(108, BOT))
                .call("1,0", PAIR, WETH, transfer(BOT, 108));
        return block;
    }

    private static String transfer(final String to, final long amount) {
        return Abi.call("transfer(address,uint256)", address(to), uint(amount));
    }

    private static String transferFrom(final String from, final String to, final long amount) {
        return Abi.call("transferFrom(address,address,uint256)", address(from), address(to), uint(amount));
    }

    private static String pairSwap(final long out, final String to) {
        return Abi.call("swap(uint256,uint256,address,bytes)", Abi.emptyBytesAfter(uint(0), uint(out), address(to)));
    }
}
