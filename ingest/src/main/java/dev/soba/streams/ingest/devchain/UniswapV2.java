package dev.soba.streams.ingest.devchain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.soba.streams.schemas.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * Uniswap V2 on a development node, from the compiled artifacts of the npm packages: WETH9 and the router
 * from {@code @uniswap/v2-periphery}, the factory (and through it the pairs) from {@code @uniswap/v2-core},
 * and two ERC-20 tokens from v2-core's test {@code ERC20} (supply minted to the deployer). Trades go
 * through the router, as wallets send them.
 */
public final class UniswapV2 {

    public static final BigInteger E18 = BigInteger.TEN.pow(18);
    private static final BigInteger DEADLINE = BigInteger.ONE.shiftLeft(40);

    private final Anvil node;
    private final String deployer;
    private final String weth;
    private final String tokenA;
    private final String tokenB;
    private final String factory;
    private final String router;

    private UniswapV2(final Anvil node, final String deployer, final String weth, final String tokenA, final String tokenB,
            final String factory, final String router) {
        this.node = node;
        this.deployer = deployer;
        this.weth = weth;
        this.tokenA = tokenA;
        this.tokenB = tokenB;
        this.factory = factory;
        this.router = router;
    }

    /**
     * Deploys everything from account 0, seeds A/B and A/WETH pools, and gives accounts 1–3 tokens to trade.
     *
     * @param artifacts the folder npm installed {@code @uniswap/v2-core} and {@code @uniswap/v2-periphery} into
     *                  (the one holding {@code node_modules})
     */
    public static UniswapV2 deploy(final Anvil node, final Path artifacts) {
        final String deployer = node.account(0);
        final Deployer deploy = (uniswapPackage, contract, arguments) -> deploy(node, deployer,
                artifacts.resolve("node_modules/@uniswap/" + uniswapPackage + "/build/" + contract + ".json"), arguments);
        final String weth = deploy.contract("v2-periphery", "WETH9", List.of());
        final BigInteger supply = E18.multiply(BigInteger.valueOf(1_000_000_000));
        final String tokenA = deploy.contract("v2-core", "ERC20", List.of(new Uint256(supply)));
        final String tokenB = deploy.contract("v2-core", "ERC20", List.of(new Uint256(supply)));
        final String factory = deploy.contract("v2-core", "UniswapV2Factory", List.of(new Address(deployer)));
        final String router = deploy.contract("v2-periphery", "UniswapV2Router02",
                List.of(new Address(factory), new Address(weth)));
        final UniswapV2 uniswap = new UniswapV2(node, deployer, weth, tokenA, tokenB, factory, router);
        uniswap.approveRouter(deployer, tokenA);
        uniswap.approveRouter(deployer, tokenB);
        node.sendAndMine(deployer, router, encode("addLiquidity", new Address(tokenA), new Address(tokenB),
                new Uint256(E18.multiply(BigInteger.valueOf(1_000_000))), new Uint256(E18.multiply(BigInteger.valueOf(2_000_000))),
                new Uint256(0), new Uint256(0), new Address(deployer), new Uint256(DEADLINE)), BigInteger.ZERO);
        node.sendAndMine(deployer, router, encode("addLiquidityETH", new Address(tokenA),
                new Uint256(E18.multiply(BigInteger.valueOf(100_000))), new Uint256(0), new Uint256(0), new Address(deployer),
                new Uint256(DEADLINE)), E18.multiply(BigInteger.valueOf(50)));
        for (int trader = 1; trader <= 3; trader++) {
            node.awaitReceipt(uniswap.transfer(deployer, tokenA, node.account(trader), E18.multiply(BigInteger.valueOf(100_000))));
            node.awaitReceipt(uniswap.transfer(deployer, tokenB, node.account(trader), E18.multiply(BigInteger.valueOf(100_000))));
            uniswap.approveRouter(node.account(trader), tokenA);
            uniswap.approveRouter(node.account(trader), tokenB);
        }
        return uniswap;
    }

    public String weth() {
        return weth;
    }

    public String tokenA() {
        return tokenA;
    }

    public String tokenB() {
        return tokenB;
    }

    public String factory() {
        return factory;
    }

    public String router() {
        return router;
    }

    public String deployer() {
        return deployer;
    }

    /** The pair of two tokens, as the factory knows it. */
    public String pair(final String token0, final String token1) {
        final JsonNode result = node.call("eth_call", List.of(Map.of("to", factory,
                "data", encode("getPair", new Address(token0), new Address(token1))), "latest"));
        return "0x" + result.asText().substring(26).toLowerCase(Locale.ROOT);
    }

    /** Sends (does not wait for mining) a router swap of exactly {@code amountIn} along {@code path}. */
    public String swap(final String trader, final BigInteger amountIn, final String... path) {
        return node.send(trader, router, encode("swapExactTokensForTokens", new Uint256(amountIn), new Uint256(0),
                new DynamicArray<>(Address.class, Arrays.stream(path).map(Address::new).toList()), new Address(trader),
                new Uint256(DEADLINE)), BigInteger.ZERO);
    }

    /** Sends a router swap of ether for the last token of {@code path} (which starts with WETH). */
    public String swapEth(final String trader, final BigInteger wei, final String... path) {
        return node.send(trader, router, encode("swapExactETHForTokens", new Uint256(0),
                new DynamicArray<>(Address.class, Arrays.stream(path).map(Address::new).toList()), new Address(trader),
                new Uint256(DEADLINE)), wei);
    }

    /** Sends an ERC-20 transfer. */
    public String transfer(final String from, final String token, final String to, final BigInteger amount) {
        return node.send(from, token, encode("transfer", new Address(to), new Uint256(amount)), BigInteger.ZERO);
    }

    private void approveRouter(final String owner, final String token) {
        node.sendAndMine(owner, token, encode("approve", new Address(router),
                new Uint256(BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE))), BigInteger.ZERO);
    }

    @SuppressWarnings("rawtypes")
    public static String encode(final String function, final Type... arguments) {
        return FunctionEncoder.encode(new Function(function, List.of(arguments), List.of()));
    }

    @SuppressWarnings("rawtypes")
    private interface Deployer {
        String contract(String uniswapPackage, String contract, List<Type> constructorArguments);
    }

    @SuppressWarnings("rawtypes")
    private static String deploy(final Anvil node, final String from, final Path artifactFile,
            final List<Type> constructorArguments) {
        final JsonNode artifact;
        try {
            artifact = Json.tree(Files.readAllBytes(artifactFile));
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        final String bytecode = artifact.path("bytecode").asText();
        final String code = (bytecode.startsWith("0x") ? bytecode : "0x" + bytecode)
                + FunctionEncoder.encodeConstructor(constructorArguments);
        final JsonNode receipt = node.sendAndMine(from, null, code, BigInteger.ZERO);
        return receipt.path("contractAddress").asText().toLowerCase(Locale.ROOT);
    }
}
