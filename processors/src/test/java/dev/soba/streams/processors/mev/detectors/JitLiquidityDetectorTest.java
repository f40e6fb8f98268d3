package dev.soba.streams.processors.mev.detectors;

import static dev.soba.streams.processors.mev.Abi.address;
import static dev.soba.streams.processors.mev.Abi.integer;
import static dev.soba.streams.processors.mev.Abi.uint;
import static dev.soba.streams.processors.mev.Addresses.BOT;
import static dev.soba.streams.processors.mev.Addresses.BOT_OWNER;
import static dev.soba.streams.processors.mev.Addresses.USDC;
import static dev.soba.streams.processors.mev.Addresses.USER;
import static dev.soba.streams.processors.mev.Addresses.USER_2;
import static dev.soba.streams.processors.mev.Addresses.V3_POOL;
import static dev.soba.streams.processors.mev.Addresses.WETH;
import static org.assertj.core.api.Assertions.assertThat;

import dev.soba.streams.processors.mev.Abi;
import dev.soba.streams.processors.mev.TestBlock;
import dev.soba.streams.processors.mev.TestBlock.TestTransaction;
import dev.soba.streams.processors.mev.calls.ClassifiedCall;
import dev.soba.streams.processors.mev.flows.SwapParser;
import dev.soba.streams.processors.mev.specs.ProtocolSpecs;
import dev.soba.streams.schemas.mev.MevFinding;
import dev.soba.streams.schemas.mev.MevKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class JitLiquidityDetectorTest {

    private static final String NPM = ProtocolSpecs.UNISWAP_V3_POSITION_MANAGER;
    private static final int LOWER = -200_000;
    private static final int UPPER = -199_000;

    private static String transfer(final String to, final long amount) {
        return Abi.call("transfer(address,uint256)", address(to), uint(amount));
    }

    /** The bot mints through the position manager, which pays the pool in the mint callback. */
    private static void mint(final TestTransaction tx, final String owner, final int lower, final int upper) {
        tx.call("", owner, BOT, "0x12345678")
                .call("0", BOT, NPM, "0x88316456")
                .call("0,0", NPM, V3_POOL, Abi.call("mint(address,int24,int24,uint128,bytes)",
                        Abi.emptyBytesAfter(address(NPM), integer(lower), integer(upper), uint(1_000_000))))
                .call("0,0,0", V3_POOL, NPM, "0xd3487997")
                .call("0,0,0,0", NPM, USDC, Abi.call("transferFrom(address,address,uint256)", address(BOT),
                        address(V3_POOL), uint(5000)))
                .call("0,0,0,1", NPM, WETH, Abi.call("transferFrom(address,address,uint256)", address(BOT),
                        address(V3_POOL), uint(2)));
    }

    /** The bot burns the range and collects what the pool owes it (fees included). */
    private static void burn(final TestTransaction tx, final int lower, final int upper) {
        tx.call("", BOT_OWNER, BOT, "0x12345678")
                .call("0", BOT, NPM, "0x0c49ccbe")
                .call("0,0", NPM, V3_POOL, Abi.call("burn(int24,int24,uint128)", integer(lower), integer(upper),
                        uint(1_000_000)))
                .call("1", BOT, NPM, "0xfc6f7865")
                .call("1,0", NPM, V3_POOL, "0x4f1eb3d8")
                .call("1,0,0", V3_POOL, USDC, transfer(BOT, 6100))
                .call("1,0,1", V3_POOL, WETH, transfer(BOT, 1));
    }

    private static void victimSwap(final TestTransaction tx) {
        tx.call("", USER, V3_POOL, Abi.call("swap(address,bool,int256,uint160,bytes)",
                        Abi.emptyBytesAfter(address(USER), Abi.bool(true), integer(1000), uint(4295128740L))))
                .call("0", V3_POOL, WETH, transfer(USER, 1))
                .call("1", V3_POOL, USER, "0xfa461e33")
                .call("1,0", USER, USDC, transfer(V3_POOL, 1000));
    }

    private static List<MevFinding> find(final TestBlock block) {
        final List<ClassifiedCall> calls = block.classified();
        return JitLiquidityDetector.find(TestBlock.NUMBER, calls, SwapParser.swaps(TestBlock.NUMBER, calls));
    }

    @Test
    void aMintAndABurnOfTheSameRangeAroundASwap() {
        final TestBlock block = new TestBlock();
        mint(block.transaction("mint"), BOT_OWNER, LOWER, UPPER);
        victimSwap(block.transaction("swap"));
        burn(block.transaction("burn"), LOWER, UPPER);
        assertThat(find(block)).singleElement().satisfies(jit -> {
            assertThat(jit.kind()).isEqualTo(MevKind.JIT_LIQUIDITY);
            assertThat(jit.searcherAddress()).as("the caller of the position manager").isEqualTo(BOT);
            assertThat(jit.poolAddress()).isEqualTo(V3_POOL);
            assertThat(jit.protocol()).isEqualTo("uniswap_v3");
            assertThat(jit.mintTransactionHash()).isEqualTo(Swaps.tx("mint"));
            assertThat(jit.transactionHash()).isEqualTo(Swaps.tx("mint"));
            assertThat(jit.burnTransactionHash()).isEqualTo(Swaps.tx("burn"));
            assertThat(jit.swapTransactionHashes()).containsExactly(Swaps.tx("swap"));
            assertThat(jit.transactionHashes()).containsExactly(Swaps.tx("mint"), Swaps.tx("swap"), Swaps.tx("burn"));
            assertThat(jit.token0Address()).isEqualTo(USDC);
            assertThat(jit.token1Address()).isEqualTo(WETH);
            assertThat(jit.mintToken0Amount()).isEqualTo(5000);
            assertThat(jit.mintToken1Amount()).isEqualTo(2);
            assertThat(jit.burnToken0Amount()).isEqualTo(6100);
            assertThat(jit.burnToken1Amount()).isEqualTo(1);
            assertThat(jit.token0SwapVolume()).isEqualTo(1000);
            assertThat(jit.token1SwapVolume()).isZero();
            assertThat(jit.profitAmount()).isNull();
        });
    }

    @Test
    void noSwapInBetweenIsNoJit() {
        final TestBlock block = new TestBlock();
        mint(block.transaction("mint"), BOT_OWNER, LOWER, UPPER);
        burn(block.transaction("burn"), LOWER, UPPER);
        victimSwap(block.transaction("swap"));
        assertThat(find(block)).isEmpty();
    }

    @Test
    void anotherRangeOrAnotherOwnersBurnDoesNotCloseThePosition() {
        final TestBlock otherRange = new TestBlock();
        mint(otherRange.transaction("mint"), BOT_OWNER, LOWER, UPPER);
        victimSwap(otherRange.transaction("swap"));
        burn(otherRange.transaction("burn"), LOWER - 60, UPPER);
        assertThat(find(otherRange)).isEmpty();

        final TestBlock otherOwner = new TestBlock();
        otherOwner.transaction("mint").call("", USER_2, V3_POOL, Abi.call("mint(address,int24,int24,uint128,bytes)",
                Abi.emptyBytesAfter(address(USER_2), integer(LOWER), integer(UPPER), uint(1))));
        victimSwap(otherOwner.transaction("swap"));
        burn(otherOwner.transaction("burn"), LOWER, UPPER);
        assertThat(find(otherOwner)).isEmpty();
    }
}
