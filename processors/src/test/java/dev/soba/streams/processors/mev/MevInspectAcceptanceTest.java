package dev.soba.streams.processors.mev;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.soba.streams.schemas.Item;
import dev.soba.streams.schemas.ItemParser;
import dev.soba.streams.schemas.Json;
import dev.soba.streams.schemas.Trace;
import dev.soba.streams.schemas.Validated;
import dev.soba.streams.schemas.mev.BlockFile;
import dev.soba.streams.schemas.mev.BlockFiles;
import dev.soba.streams.schemas.mev.MevFinding;
import dev.soba.streams.schemas.mev.MevKind;
import dev.soba.streams.schemas.mev.MevSwap;
import dev.soba.streams.schemas.mev.ParityBlock;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ladder on mev-inspect-py's own mainnet test blocks, read at run time from the public data folder
 * given by the system property {@code soba.data} (never copied into the repository): every block is
 * analysed without error, the expectations of {@code mev-inspect/README.md} hold exactly, and so do the
 * other assertions of mev-inspect-py's test suite on these blocks (0x swaps, Aave, Compound, CREAM and
 * Iron Bank liquidations, JIT liquidity, the back-heavy sandwich).
 */
class MevInspectAcceptanceTest {

    static final String WETH = "0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2";
    static final String USDT = "0xdac17f958d2ee523a2206206994597c13d831ec7";
    static final String USDC = "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48";
    static final String ETH = "0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee";

    private static Path folder;
    private static final Map<Long, BlockAnalysis> ANALYSES = new TreeMap<>();
    private static final Map<Long, ParityBlock> BLOCKS = new TreeMap<>();

    private static Path data() {
        final String dir = System.getProperty("soba.data");
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("system property soba.data is not set: run with -Dsoba.data=<folder of the public data>");
        }
        final Path path = Path.of(dir, "mev-inspect");
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException("soba.data=" + dir + " does not hold mev-inspect/: point it at the public data folder");
        }
        return path;
    }

    static List<Path> blockFiles(final Path folder) throws IOException {
        final List<Path> files = new ArrayList<>();
        for (final Path dir : List.of(folder, folder.resolve("unmerged"))) {
            try (Stream<Path> list = Files.list(dir)) {
                list.filter(p -> p.getFileName().toString().matches("\\d+\\.json")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    @BeforeAll
    static void analyseEveryBlock() throws IOException {
        folder = data();
        for (final Path file : blockFiles(folder)) {
            final List<BlockFile> read = BlockFiles.read(file);
            assertThat(read).as(file.toString()).singleElement().isInstanceOf(ParityBlock.class);
            final ParityBlock block = (ParityBlock) read.get(0);
            BLOCKS.put(block.blockNumber(), block);
            ANALYSES.put(block.blockNumber(), MevInspector.standard().inspect(BlockInputs.of(block)));
        }
        System.out.println("mev-inspect blocks analysed: " + ANALYSES.size());
        ANALYSES.forEach((number, analysis) -> System.out.printf("  %d: %d swaps, findings %s%n", number,
                analysis.swaps().size(), analysis.findings().stream().map(f -> f.kind().wireName()).toList()));
    }

    private static BlockAnalysis block(final long number) {
        assertThat(ANALYSES).as("block file " + number + " under " + folder).containsKey(number);
        return ANALYSES.get(number);
    }

    private static List<MevFinding> findings(final long number, final MevKind kind) {
        return block(number).findings().stream().filter(f -> f.kind() == kind).toList();
    }

    private static MevFinding finding(final long number, final MevKind kind, final String transactionHash) {
        final List<MevFinding> matching = findings(number, kind).stream()
                .filter(f -> f.transactionHash().equals(transactionHash)).toList();
        assertThat(matching).as(kind.wireName() + " in " + transactionHash).hasSize(1);
        return matching.get(0);
    }

    @Test
    void everyBlockFileIsAnalysedAndItsTracesAreValidStreamItems() {
        assertThat(ANALYSES).as("the block files of mev-inspect/ and mev-inspect/unmerged/").hasSizeGreaterThanOrEqualTo(30);
        for (final ParityBlock block : BLOCKS.values()) {
            for (final Trace trace : block.traces()) {
                final Validated<Item> parsed = ItemParser.parse(Json.write((Item) trace), Optional.empty());
                assertThat(parsed).as(block.blockNumber() + " " + trace.traceId()).isInstanceOf(Validated.Valid.class);
            }
        }
        for (final BlockAnalysis analysis : ANALYSES.values()) {
            for (final MevFinding finding : analysis.findings()) {
                assertThat(Json.read(Json.write(finding), MevFinding.class)).isEqualTo(finding);
            }
        }
    }

    /** README: 21 swaps and exactly the sandwich of 12775690.expected_sandwiches.json. */
    @Test
    void sandwich12775690() throws IOException {
        assertThat(block(12775690).swaps()).hasSize(21);
        final JsonNode expected = Json.tree(Files.readAllBytes(folder.resolve("12775690.expected_sandwiches.json"))).get(0);
        final List<MevFinding> sandwiches = findings(12775690, MevKind.SANDWICH);
        assertThat(sandwiches).hasSize(1);
        final MevFinding sandwich = sandwiches.get(0);
        assertThat(sandwich.searcherAddress()).isEqualTo(expected.get("sandwicher_address").textValue())
                .isEqualTo("0x000000000027d2efc283613d0c3e24a8b430c4d8");
        assertThat(sandwich.poolAddress()).isEqualTo("0xefb47fcfcad4f96c83d4ca676842fb03ef20a477");
        assertThat(sandwich.frontrunTransactionHash()).isEqualTo(expected.at("/frontrun_swap/transaction_hash").textValue())
                .isEqualTo("0x91a3abe5f3b806426542252820ba0ab6d56c098fdef6864ecaf4d352f64217a0");
        assertThat(sandwich.backrunTransactionHash()).isEqualTo(expected.at("/backrun_swap/transaction_hash").textValue())
                .isEqualTo("0xc300d1ff79d3901b58dc56489fc7d083a6c13d422bfc1425a0579379300c95a2");
        final List<String> victims = new ArrayList<>();
        expected.get("sandwiched_swaps").forEach(s -> victims.add(s.get("transaction_hash").textValue()));
        assertThat(sandwich.victimTransactionHashes()).hasSize(4).containsExactlyElementsOf(victims);
        assertThat(sandwich.profitTokenAddress()).isEqualTo(expected.get("profit_token_address").textValue()).isEqualTo(WETH);
        assertThat(sandwich.profitAmount()).isEqualTo(expected.get("profit_amount").bigIntegerValue())
                .isEqualTo(new BigInteger("49991481915322274"));
        assertThat(sandwich.profitAmountProRata()).as("equal legs").isNull();
        final List<JsonNode> expectedSwaps = new ArrayList<>();
        expectedSwaps.add(expected.get("frontrun_swap"));
        expected.get("sandwiched_swaps").forEach(expectedSwaps::add);
        expectedSwaps.add(expected.get("backrun_swap"));
        for (final JsonNode swap : expectedSwaps) {
            assertThat(block(12775690).swaps()).as("swap " + swap).anySatisfy(actual -> sameSwap(actual, swap));
        }
    }

    private static void sameSwap(final MevSwap actual, final JsonNode expected) {
        assertThat(actual.transactionHash()).isEqualTo(expected.get("transaction_hash").textValue());
        assertThat(actual.transactionPosition()).isEqualTo(expected.get("transaction_position").longValue());
        final List<Integer> traceAddress = new ArrayList<>();
        expected.get("trace_address").forEach(n -> traceAddress.add(n.intValue()));
        assertThat(actual.traceAddress()).isEqualTo(traceAddress);
        assertThat(actual.poolAddress()).isEqualTo(expected.get("contract_address").textValue());
        assertThat(actual.fromAddress()).isEqualTo(expected.get("from_address").textValue());
        assertThat(actual.toAddress()).isEqualTo(expected.get("to_address").textValue());
        assertThat(actual.tokenInAddress()).isEqualTo(expected.get("token_in_address").textValue());
        assertThat(actual.tokenInAmount()).isEqualTo(expected.get("token_in_amount").bigIntegerValue());
        assertThat(actual.tokenOutAddress()).isEqualTo(expected.get("token_out_address").textValue());
        assertThat(actual.tokenOutAmount()).isEqualTo(expected.get("token_out_amount").bigIntegerValue());
        assertThat(actual.protocol()).isEqualTo(expected.get("protocol").textValue());
        assertThat(actual.abiName()).isEqualTo(expected.get("abi_name").textValue());
        assertThat(actual.error()).isNull();
    }

    /** README: 51 swaps, exactly two arbitrages, each of three swaps from WETH back to WETH. */
    @Test
    void arbitrages12914944() {
        assertThat(block(12914944).swaps()).hasSize(51);
        assertThat(findings(12914944, MevKind.ARBITRAGE)).hasSize(2);
        arbitrage(12914944, "0x448245bf1a507b73516c4eeee01611927dada6610bf26d403012f2e66800d8f0", "750005273675102326");
        arbitrage(12914944, "0xfcf4558f6432689ea57737fe63124a5ec39fd6ba6aaf198df13a825dd599bffc", "53560707941943273628");
    }

    private static void arbitrage(final long block, final String transaction, final String profit) {
        final MevFinding arbitrage = finding(block, MevKind.ARBITRAGE, transaction);
        assertThat(arbitrage.swaps()).hasSize(3);
        assertThat(arbitrage.startTokenAddress()).isEqualTo(WETH);
        assertThat(arbitrage.profitTokenAddress()).isEqualTo(WETH);
        assertThat(arbitrage.swaps().get(0).tokenInAddress()).isEqualTo(WETH);
        assertThat(arbitrage.swaps().get(2).tokenOutAddress()).isEqualTo(WETH);
        assertThat(arbitrage.swaps().get(1).tokenInAddress()).isEqualTo("0x25f8087ead173b73d6e8b84329989a8eea16cf73");
        assertThat(arbitrage.swaps().get(1).tokenOutAddress()).isEqualTo(USDC);
        assertThat(arbitrage.profitAmount()).isEqualTo(new BigInteger(profit));
        assertThat(arbitrage.error()).isNull();
    }

    private static void liquidation(final long block, final String transaction, final String liquidator,
            final String user, final String debtToken, final String debt, final String receivedToken,
            final String received, final String protocol) {
        final MevFinding liquidation = finding(block, MevKind.LIQUIDATION, transaction);
        assertThat(liquidation.searcherAddress()).isEqualTo(liquidator);
        assertThat(liquidation.liquidatedUser()).isEqualTo(user);
        assertThat(liquidation.debtTokenAddress()).isEqualTo(debtToken);
        assertThat(liquidation.debtPurchaseAmount()).isEqualTo(new BigInteger(debt));
        assertThat(liquidation.receivedTokenAddress()).isEqualTo(receivedToken);
        assertThat(liquidation.receivedAmount()).isEqualTo(new BigInteger(received));
        assertThat(liquidation.protocol()).isEqualTo(protocol);
        assertThat(liquidation.error()).isNull();
    }

    /** README: the Aave v2 liquidation of 13244807. */
    @Test
    void aaveLiquidation13244807() {
        liquidation(13244807, "0xb7575eedc9d8cfe82c4a11cd1a851221f2eafb93d738301995ac7103ffe877f7",
                "0x19256c009781bc2d1545db745af6dfd30c7e9cfa", "0xd16404ca0a74a15e66d8ad7c925592fb02422ffe", USDT,
                "26503300291", WETH, "8182733924513576561", "aave");
    }

    /** README: the Compound v2 cETH liquidation of 13234998. */
    @Test
    void compoundLiquidation13234998() {
        liquidation(13234998, "0x78f7e67391c2bacde45e5057241f8b9e21a59330bce4332eecfff8fac279d090",
                "0xe0090ec6895c087a393f0e45f1f85098a6c33bef", "0xb5535a3681cf8d5431b8acfd779e2f79677ecce9", ETH,
                "268066492249420078", "0x39aa39c021dfbae8fac545936693ac917d5e7563", "4747650169097", "compound_v2");
    }

    /** README: the reverted liquidation attempt of 15049646 must not be reported (nor anything in its transaction). */
    @Test
    void revertedLiquidation15049646IsNotReported() {
        final String attempt = "0x6dd0d8be8a77651f64ef399b47fbc87011bd796b43349c3164ff7da965e0b345";
        assertThat(block(15049646).findings()).noneMatch(f -> f.transactionHashes().contains(attempt));
        assertThat(findings(15049646, MevKind.LIQUIDATION)).isEmpty();
    }

    /** mev-inspect-py's test_aave.py. */
    @Test
    void aaveLiquidationsOfMevInspectsSuite() {
        liquidation(10921991, "0xe6c0e3ef0436cb032e1ef292141f4fc4dcd47a75a2559602133114952190e76b",
                "0xf2d9e54f0e317b8ac94825b2543908e7552fe9c7", "0x8d8d912fe4db5917da92d14fea05225b803c359c", USDT,
                "1069206535", "0x80fb784b7ed66730e8b1dbd9820afd29931aab03", "2657946947610159065393", "aave");
        liquidation(13376024, "0xde551a73e813f1a1e5c843ac2c6a0e40d71618f4040bb7d0cd7cf7b2b6cf4633",
                "0x887668f2dc9612280243f2a6ef834cecf456654e", "0x3d2b6eacd1bca51af57ed8b3ff9ef0bd8ee8c56d", WETH,
                "767615458043667978", "0xa06bc25b5805d5f8d82847d191cb4af5a3e873e0", "113993647930952952550", "aave");
        liquidation(12498502, "0xedd062c3a728db4b114f2e83cac281d19a9f753e36afa8a35cdbdf1e1dd5d017",
                "0x7185e240d8e9e2d692cbc68d30eecf965e9a7feb", "0x6c6541ae8a7c6a6f968124a5ff2feac8f0c7875b",
                "0x4fabb145d64652a948d72533023f6e7a623c7c53", "228905512631913119672",
                "0x514910771af9ca656af840dff83e8264ecf986ca", "10111753901939162887", "aave");
        liquidation(12498502, "0x18492f250cf4735bd67a21c6cc26b7d9c59cf2fb077356dc924f36bc68a810e5",
                "0x7185e240d8e9e2d692cbc68d30eecf965e9a7feb", "0x6c6541ae8a7c6a6f968124a5ff2feac8f0c7875b",
                "0x0000000000085d4780b73119b644ae5ecd22b376", "497030000000000000000",
                "0x514910771af9ca656af840dff83e8264ecf986ca", "21996356316098208090", "aave");
        liquidation(12498502, "0x191b05b28ebaf460e38e90ac6a801681b500f169041ae83a45b32803ef2ec98c",
                "0x7185e240d8e9e2d692cbc68d30eecf965e9a7feb", "0xda874f844389df33c0fad140df4970fe1b366726",
                "0x57ab1ec28d129707052df4df418d58a2d46d5f51", "447810000000000000000",
                "0x9f8f72aa9304c8b593d555f12ef6589cc3a579a2", "121531358145247546", "aave");
        liquidation(10384319, "0x1ba93cb9471dad0843e04f3565314e6d2f3281168f57410ca138cc4065047797",
                "0x467927774b59f7cb023863b07960669f958ec19a", "0x6cf4e3764b4e295d58f90e6cfcea2b3144f2bdbd", ETH,
                "15225889288137910", "0x0d8775f648430679a709e98d2b0cb6250d2887ef", "15656880507938246456", "aave");
        final List<MevFinding> twoInOne = findings(13302365, MevKind.LIQUIDATION).stream().filter(f -> f.transactionHash()
                .equals("0xf687fedbc4bbc25adb3ef3a35c20c38fb7d35d86d7633d5061d2e3c4f86311b7")).toList();
        assertThat(twoInOne).extracting(MevFinding::debtPurchaseAmount, MevFinding::receivedAmount).containsExactly(
                org.assertj.core.groups.Tuple.tuple(new BigInteger("1809152000000000000"), new BigInteger("15636807387264000")),
                org.assertj.core.groups.Tuple.tuple(new BigInteger("1040737791751147957"), new BigInteger("8995273139160873")));
        assertThat(twoInOne).allSatisfy(f -> {
            assertThat(f.receivedTokenAddress()).isEqualTo(ETH);
            assertThat(f.debtTokenAddress()).isEqualTo("0x514910771af9ca656af840dff83e8264ecf986ca");
            assertThat(f.searcherAddress()).isEqualTo("0x27239549dd40e1d60f5b80b0c4196923745b1fd2");
        });
    }

    /** mev-inspect-py's test_compound.py, test_cream.py and test_ironbank.py. */
    @Test
    void compoundCreamAndIronBankLiquidationsOfMevInspectsSuite() {
        liquidation(13207907, "0x42a575e3f41d24f3bb00ae96f220a8bd1e24e6a6282c2e0059bb7820c61e91b1",
                "0xe0090ec6895c087a393f0e45f1f85098a6c33bef", "0x45df6f00166c3fb77dc16b9e47ff57bc6694e898", ETH,
                "414547860568297082", "0x35a18000230da775cac24873d00ff85bccded550", "321973320649", "compound_v2");
        liquidation(13298725, "0x22a98b27a1d2c4f3cba9d65257d18ee961d6c98f21c7eade37da0543847eb654",
                "0xe0090ec6895c087a393f0e45f1f85098a6c33bef", "0xacbcf5d2970eef25f02a27e9d9cd31027b058b9b", ETH,
                "1106497772527562662", "0x35a18000230da775cac24873d00ff85bccded550", "910895850496", "compound_v2");
        liquidation(13326607, "0x012215bedd00147c58e1f59807664914b2abbfc13c260190dc9cfc490be3e343",
                "0xe0090ec6895c087a393f0e45f1f85098a6c33bef", "0xacdd5528c1c92b57045041b5278efa06cdade4d8", USDC,
                "1207055531", "0x70e36f6bf80a52b3b46b3af8e106cc0ed743e8e4", "21459623305", "compound_v2");
        liquidation(13404932, "0xf5f3df6ec9b51e8e88d0d9078b04373742294530b6bcb9be045525fcab71b915",
                "0x949ed86c385d191e96af136e2024d96e467d7651", "0x44f9636ef615a73688a84da1d714a40be503157d", ETH,
                "1002704779407853614", "0x2db6c82ce72c8d7d770ba1b5f5ed0b6e075066d6", "417926832636968", "cream");
        liquidation(12674514, "0x0809bdbbddcf566e5392682a9bd9d0006a92a4dc441163c791b1136f982994b1",
                "0xa2863cad9c318669660eb4eca8b3154b90fb4357", "0x46bf9479dc569bc796b7050344845f6564d45fba",
                "0x514910771af9ca656af840dff83e8264ecf986ca", "14857434973806369550",
                "0x44fbebd2f576670a6c33f6fc0b00aa8c5753b322", "1547215810826", "cream");
        liquidation(14422990, "0xb7b6192174289b765f318d18ad8dbd2e51a55fa359fd580ffa59d9e4693a4b9f",
                "0x811213d2d0e26ecf65714074cef59119dd7f36d9", "0x1791d5ebbdfd565f136e60a3c43269b148f92b44",
                "0xfafdf0c4c1cb09d430bf88c75d88bb46dae09967", "398544459931981264561",
                "0x8fc8bfd80d6a9f17fb98a373023d72531792b431", "75246788", "ironbank");
    }

    /**
     * A 0x native order fill, given as mev-inspect-py's test_0x.py lists it (its token in is the maker
     * token the taker received, its token out the taker token paid). This project reports it with the
     * convention of every other swap, so that arbitrage cycles through 0x close: the taker's payment is
     * the input, what the taker received the output, sent to whoever received it.
     */
    private static void zeroExSwap(final long block, final String transaction, final long position,
            final List<Integer> traceAddress, final String from, final String makerToken, final String received,
            final String takerToken, final String fillAmount, final String receivedBy) {
        final String proxy = "0xdef1c0ded9bec7f1a1670819833240f027b25eff";
        assertThat(block(block).swaps()).filteredOn(s -> s.transactionHash().equals(transaction)
                && s.traceAddress().equals(traceAddress)).singleElement().satisfies(swap -> {
                    assertThat(swap.transactionPosition()).isEqualTo(position);
                    assertThat(swap.abiName()).isEqualTo("INativeOrdersFeature");
                    assertThat(swap.protocol()).isEqualTo("zero_ex");
                    assertThat(swap.poolAddress()).isEqualTo(proxy);
                    assertThat(swap.fromAddress()).isEqualTo(from);
                    assertThat(swap.toAddress()).as("who received the maker token").isEqualTo(receivedBy);
                    assertThat(swap.tokenInAddress()).isEqualTo(takerToken);
                    assertThat(swap.tokenInAmount()).isEqualTo(new BigInteger(fillAmount));
                    assertThat(swap.tokenOutAddress()).isEqualTo(makerToken);
                    assertThat(swap.tokenOutAmount()).isEqualTo(new BigInteger(received));
                    assertThat(swap.error()).isNull();
                });
    }

    /** mev-inspect-py's test_0x.py: limit and RFQ order fills, direct and internal. */
    @Test
    void zeroExNativeOrderSwapsOfMevInspectsSuite() {
        zeroExSwap(13666312, "0xa043976d736ec8dc930c0556dffd0a86a4bfc80bf98fb7995c791fb4dc488b5d", 2, List.of(0, 2, 0, 1),
                "0x00000000000e1d0dabf7b7c7b68866fc940d0db8", WETH, "35000000000000000000", USDC, "143949683150",
                "0x00000000000e1d0dabf7b7c7b68866fc940d0db8");
        zeroExSwap(13666184, "0x9255addffa2dbeb9560c5e20e78a78c949488d2054c70b2155c39f9e28394cbf", 8, List.of(0, 1),
                "0xdef1c0ded9bec7f1a1670819833240f027b25eff", USDC, "30000000",
                "0x9ff79c75ae2bcbe0ec63c0375a3ec90ff75bbe0f", "100000001",
                "0x67a6076958f88b4944c7281b6fc2e67c76bcb9e2");
        zeroExSwap(13666326, "0x1c948eb7c59ddbe6b916cf68f5df86eb44a7c9e728221fcd8ab750f137fd2a0f", 9,
                List.of(0, 1, 13, 0, 1), "0xdef171fe48cf0115b1d80b88dc8eab59176fee57", USDC, "288948250430", WETH,
                "70500000000000000000", "0xdef171fe48cf0115b1d80b88dc8eab59176fee57");
        zeroExSwap(13666363, "0x4f66832e654f8a4d773d9769571155df3722401343247376d6bb56626db29b90", 168,
                List.of(1, 0, 1, 0, 1), "0xdef1c0ded9bec7f1a1670819833240f027b25eff", WETH, "979486121594935552",
                "0x95ad61b0a150d79219dcf64e1e6cc01f0b64c4ce", "92404351093861841165644172",
                "0xdef1c0ded9bec7f1a1670819833240f027b25eff");
    }

    private static void jit(final long block, final String pool, final String mint, final String swap, final String burn,
            final String token0, final String token1, final String... amounts) {
        assertThat(findings(block, MevKind.JIT_LIQUIDITY)).singleElement().satisfies(jit -> {
            assertThat(jit.searcherAddress()).isEqualTo("0xa57bd00134b2850b2a1c55860c9e9ea100fdd6cf");
            assertThat(jit.poolAddress()).isEqualTo(pool);
            assertThat(jit.mintTransactionHash()).isEqualTo(mint);
            assertThat(jit.swapTransactionHashes()).containsExactly(swap);
            assertThat(jit.burnTransactionHash()).isEqualTo(burn);
            assertThat(jit.token0Address()).isEqualTo(token0);
            assertThat(jit.token1Address()).isEqualTo(token1);
            assertThat(List.of(jit.mintToken0Amount(), jit.mintToken1Amount(), jit.burnToken0Amount(),
                    jit.burnToken1Amount(), jit.token0SwapVolume(), jit.token1SwapVolume()))
                    .containsExactlyElementsOf(Stream.of(amounts).map(BigInteger::new).toList());
        });
    }

    /** mev-inspect-py's unmerged test_jit_liquidity.py. */
    @Test
    void jitLiquidityOfMevInspectsBranch() {
        jit(13601096, "0x8ad599c3a0ff1de082011efddc58f1908eb6e6d8",
                "0x80e4abcb0b701e9d2c0d0fd216ef22eca5fc13904e8c7b3967bcad997480d638",
                "0x943131400defa5db902b1df4ab5108b58527e525da3d507bd6e6465d88fa079c",
                "0x12b3d1f0e29d9093d8f3c7cce2da95edbef01aaab3794237f263da85c37c7d27", USDC, WETH,
                "10864608891029", "8281712219747858010668", "12634177387879", "7900319851971188832064", "1896817745609", "0");
        jit(14621812, "0x4c83a7f819a5c37d64b4c5a2f8238ea082fa1f4e",
                "0xdcb5eac97a6bcade485ee3dc8be0f7d8722e6ebacb3910fb31dea30ff40e694e",
                "0x37e84f64698fe1a4852370b4d043491d5f96078d7c69e52f973932bc15ce8617",
                "0x499021c4f87facfffc08d143539019d8638c924a4786de15be99567ab6026b98", WETH,
                "0xd533a949740bb3306d119cc777fa900ba034cd52", "324305525132652136497", "182991368595201974557004",
                "330104892856183548121", "175411922548908668697796", "6206673612383009024", "0");
        jit(14643923, "0xac4b3dacb91461209ae9d41ec517c2b9cb1b7daf",
                "0x003e36cb5d78924c5beaeef15db00cad94009856fe483a031d52ae975557ef53",
                "0x43f9656e051a8e3b37f66668851922c6e8e4749d5a7aad605f21119cde541e49",
                "0xec9b2988f6c88968250c3904f6d2d6573f7284cb422b8022a14b7f0dac546348",
                "0x4d224452801aced8b2f0aebe155379bb5d594381", WETH, "0", "9073930631365320229693",
                "2424427669988518000798", "9060377725722224517671", "6522531010660457256888", "0");
        jit(14685550, "0x92560c178ce069cc014138ed3c2f5221ba71f58a",
                "0x1af86b40349a9fdaab5b1290d8fba532c2eefdd13d0ed22e825a45e437a000a4",
                "0xeb9dad13e389ee87d656e9d2ca127061a430b9ccb2dd903a840737c979459aa3",
                "0x3265ce7a2d2c6ca796a87c4904f67324715a9381d6d2200690bfa30c55f238fb", WETH,
                "0xc18360217d8f7ab5e7c516566761ea12ce7f9d72", "0", "2928204597556117752715", "17321179792304275130",
                "496888833716052284320", "25467887766287027275", "0");
    }

    /** mev-inspect-py's unmerged test_heavy_sandwiches.py: the back-run sold more than the front-run bought. */
    @Test
    void backHeavySandwich13699765() {
        assertThat(findings(13699765, MevKind.SANDWICH)).filteredOn(s -> s.searcherAddress()
                .equals("0x51399b32cd0186bb32230e24167489f3b2f47870")).singleElement().satisfies(sandwich -> {
                    assertThat(sandwich.profitTokenAddress()).isEqualTo(WETH);
                    assertThat(sandwich.profitAmountProRata()).isEqualTo(new BigInteger("-435805264121298944"));
                    assertThat(sandwich.profitAmount()).as("mev-inspect-py's main definition")
                            .isEqualTo(new BigInteger("300651262485622877679"));
                });
    }
}
