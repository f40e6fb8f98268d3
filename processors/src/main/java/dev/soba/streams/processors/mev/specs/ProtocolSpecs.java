package dev.soba.streams.processors.mev.specs;

import java.util.List;
import java.util.Set;

/**
 * The registry: every protocol the MEV ladder understands, as data. It follows mev-inspect-py's
 * {@code ALL_CLASSIFIER_SPECS} — the same ABIs, contract lists and order — so the same calls are
 * classified the same way. The order matters: a call is classified by the first spec that applies to
 * its contract and decodes its call data, so the shared ERC-20 spec comes first and catches every
 * {@code transfer}/{@code transferFrom} (WETH's included, which is why mev-inspect-py's WETH spec,
 * second and never reached for those, is not repeated here). A spec lists only the functions the
 * ladder acts on: no other function of these ABIs shares a selector with one of them, so the
 * functions left out could not change a classification.
 *
 * <p>Adding a protocol is adding a spec here (and, for a new way of reading a swap or a liquidation,
 * a {@link SwapRule} or {@link LiquidationRule}); the ladder has no per-protocol code.
 */
public final class ProtocolSpecs {

    public static final String UNISWAP_V2 = "uniswap_v2";
    public static final String UNISWAP_V3 = "uniswap_v3";
    public static final String CURVE = "curve";
    public static final String BALANCER_V1 = "balancer_v1";
    public static final String ZERO_EX = "zero_ex";
    public static final String BANCOR = "bancor";
    public static final String AAVE = "aave";
    public static final String COMPOUND_V2 = "compound_v2";
    public static final String CREAM = "cream";
    public static final String IRON_BANK = "ironbank";

    /** Uniswap V3's position manager: liquidity minted through it belongs to whoever called it. */
    public static final String UNISWAP_V3_POSITION_MANAGER = "0xc36442b4a4522e871399cd717abdd847ab11fe88";

    public static final String COMPOUND_CETH = "0x4ddc2d193948926d02f9b1fe9e1daa0718270ed5";
    public static final String CREAM_CRETH = "0xd06527d5e56a3495252a528c4987003b712860ee";
    public static final String IRON_BANK_CYWETH = "0x41c84c0e2ee0b740cf0d31f63f3b6f627dc6b393";
    public static final String ZERO_EX_EXCHANGE_PROXY = "0xdef1c0ded9bec7f1a1670819833240f027b25eff";
    public static final String BANCOR_NETWORK = "0x2f9ec37d6ccfff1cab21733bdadede11c823ccb0";

    private static final String RFQ_ORDER = "(address,address,uint128,uint128,address,address,address,bytes32,uint64,uint256)";
    private static final String LIMIT_ORDER =
            "(address,address,uint128,uint128,uint128,address,address,address,address,bytes32,uint64,uint256)";
    private static final String ORDER_SIGNATURE = "(uint8,uint8,bytes32,bytes32)";
    /** RFQ order: maker token, taker token, …, taker at 5; then the 4 signature words; the fill amount at 14. */
    private static final Role RFQ_FILL = new Role.Swap(new SwapRule.NativeOrderFill(0, 1, 5, 14));
    /** Limit order: 12 words with the taker at 6; the fill amount after the signature at 16. */
    private static final Role LIMIT_FILL = new Role.Swap(new SwapRule.NativeOrderFill(0, 1, 6, 16));

    private static final FunctionSpec CURVE_EXCHANGE =
            FunctionSpec.of("exchange(int128,int128,uint256,uint256)", poolSwap(Role.CALLER));
    private static final FunctionSpec CURVE_EXCHANGE_UNDERLYING =
            FunctionSpec.of("exchange_underlying(int128,int128,uint256,uint256)", poolSwap(Role.CALLER));

    private static final FunctionSpec SEIZE = FunctionSpec.of("seize(address,address,uint256)", new Role.Seize(2));

    private static final List<String> COMPOUND_CTOKENS = List.of(
            "0x6c8c6b02e7b2be14d4fa6022dfd6d75921d90e4e", "0x5d3a536e4d6dbd6114cc1ead35777bab948e3643",
            "0x158079ee67fce2f58472a96584a73c7ab9ac95c1", "0x39aa39c021dfbae8fac545936693ac917d5e7563",
            "0xf650c3d88d12db855b8bf7d11be6c55a4e07dcc9", "0xc11b1268c1a384e55c48c2391d8d480264a3a7f4",
            "0xb3319f5d18bc0d84dd1b4825dcde5d5f7266d407", "0xf5dce57282a584d2746faf1593d3121fcac444dc",
            "0x35a18000230da775cac24873d00ff85bccded550", "0x70e36f6bf80a52b3b46b3af8e106cc0ed743e8e4",
            "0xccf4429db6322d5c611ee964527d42e5d685dd6a", "0x12392f67bdf24fae0af363c24ac620a2f67dad86",
            "0xface851a4921ce59e912d19329929ce6da6eb0c7", "0x95b4ef2869ebd94beb4eee400a99824bf5dc325b",
            "0x4b0181102a0112a2ef11abee5563bb4a3176c9d7", "0xe65cdb6479bac1e22340e4e755fae7e509ecd06c",
            "0x80a2ae356fc9ef4305676f7a3e2ed04e12c33946");

    private static final List<String> CREAM_CTOKENS = List.of(
            "0xd06527d5e56a3495252a528c4987003b712860ee", "0x51f48b638f82e8765f7a26373a2cb4ccb10c07af",
            "0x44fbebd2f576670a6c33f6fc0b00aa8c5753b322", "0xcbae0a83f4f9926997c8339545fb8ee32edc6b76",
            "0xce4fe9b4b8ff61949dcfeb7e03bc9faca59d2eb3", "0x19d1666f543d42ef17f66e376944a22aea1a8e46",
            "0x9baf8a5236d44ac410c0186fe39178d5aad0bb87", "0x797aab1ce7c01eb727ab980762ba88e7133d2157",
            "0x892b14321a4fcba80669ae30bd0cd99a7ecf6ac0", "0x697256caa3ccafd62bb6d3aa1c7c5671786a5fd9",
            "0x8b86e0598616a8d4f1fdae8b59e55fb5bc33d0d6", "0xc7fd8dcee4697ceef5a2fd4608a7bd6a94c77480",
            "0x17107f40d70f4470d20cb3f138a052cae8ebd4be", "0x1ff8cdb51219a8838b52e9cac09b71e591bc998e",
            "0x3623387773010d9214b10c551d6e7fc375d31f58", "0x4ee15f44c6f0d8d1136c83efd2e8e4ac768954c6",
            "0x338286c0bc081891a4bda39c7667ae150bf5d206", "0x10fdbd1e48ee2fd9336a482d746138ae19e649db",
            "0x01da76dea59703578040012357b81ffe62015c2d", "0xef58b2d5a1b8d3cde67b8ab054dc5c831e9bc025",
            "0xe89a6d0509faf730bd707bf868d9a2a744a363c7", "0xeff039c3c1d668f408d09dd7b63008622a77532c",
            "0x22b243b96495c547598d9042b6f94b01c22b2e9e", "0x8b3ff1ed4f36c2c2be675afb13cc3aa5d73685a5",
            "0x2a537fa9ffaea8c1a41d3c2b68a9cb791529366d", "0x7ea9c63e216d5565c3940a2b3d150e59c2907db3",
            "0x3225e3c669b39c7c8b3e204a8614bb218c5e31bc", "0xf55bbe0255f7f4e70f63837ff72a577fbddbe924",
            "0x903560b1cce601794c584f58898da8a8b789fc5d", "0x054b7ed3f45714d3091e82aad64a1588dc4096ed",
            "0xd5103afcd0b3fa865997ef2984c66742c51b2a8b", "0xfd609a03b393f1a1cfcacedabf068cad09a924e2",
            "0xd692ac3245bb82319a31068d6b8412796ee85d2c", "0x92b767185fb3b04f881e3ac8e5b0662a027a1d9f",
            "0x10a3da2bb0fae4d591476fd97d6636fd172923a8", "0x3c6c553a95910f9fc81c98784736bd628636d296",
            "0x21011bc93d9e515b9511a817a1ed1d6d468f49fc", "0x85759961b116f1d36fd697855c57a6ae40793d9b",
            "0x7c3297cfb4c4bbd5f44b450c0872e0ada5203112", "0x7aaa323d7e398be4128c7042d197a2545f0f1fea",
            "0x011a014d5e8eb4771e575bb1000318d509230afa", "0xe6c3120f38f56deb38b69b65cc7dcaf916373963",
            "0x4fe11bc316b6d7a345493127fbe298b95adaad85", "0xcd22c4110c12ac41acefa0091c432ef44efaafa0",
            "0x228619cca194fbe3ebeb2f835ec1ea5080dafbb2", "0x73f6cba38922960b7092175c0add22ab8d0e81fc",
            "0x38f27c03d6609a86ff7716ad03038881320be4ad", "0x5ecad8a75216cea7dff978525b2d523a251eea92",
            "0x5c291bc83d15f71fb37805878161718ea4b6aee9", "0x6ba0c66c48641e220cf78177c144323b3838d375",
            "0xd532944df6dfd5dd629e8772f03d4fc861873abf", "0x197070723ce0d3810a0e47f06e935c30a480d4fc",
            "0xc25eae724f189ba9030b2556a1533e7c8a732e14", "0x25555933a8246ab67cbf907ce3d1949884e82b55",
            "0xc68251421edda00a10815e273fa4b1191fac651b", "0x65883978ada0e707c3b2be2a6825b1c4bdf76a90",
            "0x8b950f43fcac4931d408f1fcda55c6cb6cbf3096", "0x59089279987dd76fc65bf94cb40e186b96e03cb3",
            "0x2db6c82ce72c8d7d770ba1b5f5ed0b6e075066d6", "0xb092b4601850e23903a42eacbc9d8a0eec26a4d5",
            "0x081fe64df6dc6fc70043aedf3713a3ce6f190a21", "0x1d0986fb43985c88ffa9ad959cc24e6a087c7e35",
            "0xc36080892c64821fa8e396bc1bd8678fa3b82b17", "0x8379baa817c5c5ab929b03ee8e3c48e45018ae41",
            "0x299e254a8a165bbeb76d9d69305013329eea3a3b", "0xf8445c529d363ce114148662387eba5e62016e20",
            "0x28526bb33d7230e65e735db64296413731c5402e", "0x45406ba53bb84cd32a58e7098a2d4d1b11b107f6",
            "0x6d1b9e01af17dd08d6dec08e210dfd5984ff1c20", "0x1f9b4756b008106c806c7e64322d7ed3b72cb284",
            "0xab10586c918612ba440482db77549d26b7abf8f7", "0xdfff11dfe6436e42a17b86e7f419ac8292990393",
            "0xdbb5e3081def4b6cdd8864ac2aeda4cbf778fecf", "0x71cefcd324b732d4e058afacba040d908c441847",
            "0x1a122348b73b58ea39f822a89e6ec67950c2bbd0", "0x523effc8bfefc2948211a05a905f761cba5e8e9e",
            "0x4202d97e00b9189936edf37f8d01cff88bdd81d4", "0x4baa77013ccd6705ab0522853cb0e9d453579dd4",
            "0x98e329eb5aae2125af273102f3440de19094b77c", "0x8c3b7a4320ba70f8239f83770c4015b5bc4e6f91",
            "0xe585c76573d7593abf21537b607091f76c996e73", "0x81e346729723c4d15d0fb1c5679b9f2926ff13c6",
            "0x766175eac1a99c969ddd1ebdbe7e270d508d8fff", "0xd7394428536f63d5659cc869ef69d10f9e66314b",
            "0x1241b10e7ea55b22f5b2d007e8fecdf73dcff999", "0x2a867fd776b83e1bd4e13c6611afd2f6af07ea6d",
            "0x250fb308199fe8c5220509c1bf83d21d60b7f74a", "0x4112a717edd051f77d834a6703a1ef5e3d73387f",
            "0xf04ce2e71d32d789a259428ddcd02d3c9f97fb4e", "0x89e42987c39f72e2ead95a8a5bc92114323d5828",
            "0x58da9c9fc3eb30abbcbbab5ddabb1e6e2ef3d2ef");

    private static final List<String> IRON_BANK_CTOKENS = List.of(
            "0x41c84c0e2ee0b740cf0d31f63f3b6f627dc6b393", "0x8e595470ed749b85c6f7669de83eae304c2ec68f",
            "0xe7bff2da8a2f619c2586fb83938fa56ce803aa16", "0xfa3472f7319477c9bfecdd66e4b948569e7621b9",
            "0x12a9cc33a980daa74e00cc2d1a0e74c57a93d12c", "0x8fc8bfd80d6a9f17fb98a373023d72531792b431",
            "0x48759f220ed983db51fa7a8c0d2aab8f3ce4166a", "0x76eb2fe28b36b3ee97f3adae0c69606eedb2a37c",
            "0xa7c4054afd3dbbbf5bfe80f41862b89ea05c9806", "0xa8caea564811af0e92b1e044f3edd18fa9a73e4f",
            "0xca55f9c4e77f7b8524178583b0f7c798de17fd54", "0x7736ffb07104c0c400bb0cc9a7c228452a732992",
            "0xbddeb563e90f6cbf168a7cda4927806477e5b6c6", "0xfeeb92386a055e2ef7c2b598c872a4047a7db59f",
            "0x226f3738238932ba0db2319a8117d9555446102f", "0xb8c5af54bbdcc61453144cf472a9276ae36109f9",
            "0x30190a3b52b5ab1daf70d46d72536f5171f22340", "0x9e8e207083ffd5bdc3d99a1f32d1e6250869c1a9",
            "0xe0b57feed45e7d908f2d0dacd26f113cf26715bf", "0xd2b0d3594427e0c57c39e3455e2fb2dfed1e0b99",
            "0x00e5c0774a5f065c285068170b20393925c84bf3", "0x3c9f5385c288ce438ed55620938a4b967c080101",
            "0x215f34af6557a6598dbda9aa11cc556f5ae264b1", "0x86bbd9ac8b9b44c95ffc6baae58e25033b7548aa",
            "0xecab2c76f1a8359a06fab5fa0ceea51280a97ecf", "0x1b3e95e8ecf7a7cab6c4de1b344f94865abd12d5",
            "0x672473908587b10e65dab177dbaeadcbb30bf40b");

    /** In registry order; see the class comment. */
    public static final List<ProtocolSpec> ALL = List.of(
            ProtocolSpec.anyContract("ERC20", null,
                    FunctionSpec.of("transfer(address,uint256)", new Role.Transfer(Role.CALLER, 0, 1)),
                    FunctionSpec.of("transferFrom(address,address,uint256)", new Role.Transfer(0, 1, 2))),
            curve("StableSwap3Pool", false, "0xbebc44782c7db0a1a60cb6fe97d0b483032ff1c7"),
            curve("StableSwapAAVE", true, "0xdebf20617708857ebe4f679508e7b7863a8a8eee"),
            curve("StableSwapAETH", false, "0xa96a65c051bf88b4095ee1f2451c2a9d43f53ae2"),
            curve("StableSwapBUSD", true, "0x79a8c46dea5ada233abaffd40f3a0a2b1e5a4f27"),
            curve("StableSwapCompound", true, "0xa2b47e3d5c44877cca798226b7b8118f9bfb7a56"),
            curve("StableSwapEURS", false, "0x0ce6a5ff5217e38315f87032cf90686c96627caa"),
            curve("StableSwaphBTC", false, "0x4ca9b3063ec5866a4b82e437059d2c43d1be596f"),
            curve("StableSwapIronBank", true, "0x2dded6da1bf5dbdf597c45fcfaa3194e53ecfeaf"),
            curve("StableSwapLink", false, "0xf178c0b5bb7e7abf4e12a4838c7b7c5ba2c623c0"),
            curve("StableSwapPAX", true, "0x06364f10b501e868329afbc005b3492902d6c763"),
            curve("StableSwaprenBTC", false, "0x93054188d876f558f4a66b2ef1d97d16edf0895b"),
            curve("StableSwaprETH", false, "0xf9440930043eb3997fc70e1339dbb11f341de7a8"),
            curve("StableSwapsAAVE", true, "0xeb16ae0052ed37f479f7fe63849198df1765a733"),
            curve("StableSwapsBTC", false, "0x7fc77b5c7614e1533320ea6ddc2eb61fa00a9714"),
            curve("StableSwapsETH", false, "0xc5424b857f758e906013f3555dad202e4bdb4567"),
            curve("StableSwapstETH", false, "0xdc24316b9ae028f1497c275eb9192a3ea0f67022"),
            curve("StableSwapsUSD", true, "0xa5407eae9ba41422680e2e00537571bcc53efbfd"),
            curve("StableSwapUSDT", true, "0x52ea46506b9cc5ef470c5bf89f17dc28bb35d85c"),
            curve("StableSwapY", true, "0x45f783cce6b7ff23b2ab2d70e416cdb7d6055f51"),
            curve("StableSwapYv2", true, "0x8925d9d9b4569d737a48499def3f67baa5a144b9"),
            curve("StableSwapbBTC", true, "0x071c661b4deefb59e2a3ddb20db036821eee8f4b"),
            curve("StableSwapDUSD", true, "0x8038c01a0390a8c547446a0b2c18fc9aefecc10c"),
            curve("StableSwapGUSD", true, "0x4f062658eaaf2c1ccf8c8e36d6824cdf41167956"),
            curve("StableSwapHUSD", true, "0x3ef6a01a0f81d6046290f3e2a8c5b843e738e604"),
            curve("StableSwapLinkUSD", true, "0xe7a24ef0c5e95ffb0f6684b813a78f2a3ad7d171"),
            curve("StableSwapMUSD", true, "0x8474ddbe98f5aa3179b3b3f5942d724afcdec9f6"),
            curve("StableSwapoBTC", true, "0xd81da8d904b52208541bade1bd6595d8a251f8dd"),
            curve("StableSwappBTC", true, "0x7f55dde206dbad629c080068923b36fe9d6bdbef"),
            curve("StableSwapRSV", true, "0xc18cc39da8b11da8c3541c598ee022258f9744da"),
            curve("StableSwaptBTC", true, "0xc25099792e9349c7dd09759744ea681c7de2cb66"),
            curve("StableSwapUSD", true, "0x3e01dd8a5e1fb3481f0f589056b428fc308af0fb",
                    "0x0f9cb53ebe405d49a0bbdbd291a65ff571bc83e1"),
            curve("StableSwapUSDP", true, "0x42d7025938bec20b69cbae5a77421082407f053a"),
            curve("StableSwapUST", true, "0x890f4e345b1daed0367a877a1612f86a1f86985f"),
            ProtocolSpec.anyContract("UniswapV3Pool", UNISWAP_V3,
                    FunctionSpec.of("swap(address,bool,int256,uint160,bytes)", poolSwap(0)),
                    FunctionSpec.of("mint(address,int24,int24,uint128,bytes)", new Role.LiquidityMint(1, 2)),
                    FunctionSpec.of("burn(int24,int24,uint128)", new Role.LiquidityBurn(0, 1))),
            ProtocolSpec.anyContract("UniswapV2Pair", UNISWAP_V2,
                    FunctionSpec.of("swap(uint256,uint256,address,bytes)", poolSwap(2))),
            ProtocolSpec.anyContract("AaveLendingPool", AAVE,
                    FunctionSpec.of("liquidationCall(address,address,address,uint256,bool)",
                            new Role.Liquidation(new LiquidationRule.LendingPoolLiquidation(0, 1, 2)))),
            ProtocolSpec.anyContract("aTokens", AAVE,
                    FunctionSpec.of("transferOnLiquidation(address,address,uint256)", new Role.Transfer(0, 1, 2))),
            ProtocolSpec.contracts("INativeOrdersFeature", ZERO_EX, Set.of(ZERO_EX_EXCHANGE_PROXY),
                    FunctionSpec.of("fillOrKillLimitOrder(" + LIMIT_ORDER + "," + ORDER_SIGNATURE + ",uint128)", LIMIT_FILL),
                    FunctionSpec.of("fillLimitOrder(" + LIMIT_ORDER + "," + ORDER_SIGNATURE + ",uint128)", LIMIT_FILL),
                    FunctionSpec.of("_fillLimitOrder(" + LIMIT_ORDER + "," + ORDER_SIGNATURE
                            + ",uint128,address,address)", LIMIT_FILL),
                    FunctionSpec.of("fillRfqOrder(" + RFQ_ORDER + "," + ORDER_SIGNATURE + ",uint128)", RFQ_FILL),
                    FunctionSpec.of("_fillRfqOrder(" + RFQ_ORDER + "," + ORDER_SIGNATURE
                            + ",uint128,address,bool,address)", RFQ_FILL)),
            ProtocolSpec.anyContract("BPool", BALANCER_V1,
                    FunctionSpec.of("swapExactAmountIn(address,uint256,address,uint256,uint256)", poolSwap(Role.CALLER)),
                    FunctionSpec.of("swapExactAmountOut(address,uint256,address,uint256,uint256)",
                            poolSwap(Role.CALLER))),
            etherMarket("CEther", COMPOUND_V2, COMPOUND_CETH),
            tokenMarkets("CToken", COMPOUND_V2, COMPOUND_CETH, COMPOUND_CTOKENS),
            etherMarket("CEther", CREAM, CREAM_CRETH),
            tokenMarkets("CToken", CREAM, CREAM_CRETH, CREAM_CTOKENS),
            etherMarket("CYEther", IRON_BANK, IRON_BANK_CYWETH),
            tokenMarkets("CYToken", IRON_BANK, IRON_BANK_CYWETH, IRON_BANK_CTOKENS),
            ProtocolSpec.contracts("BancorNetwork", BANCOR, Set.of(BANCOR_NETWORK),
                    FunctionSpec.of("convertByPath(address[],uint256,uint256,address,address,uint256)",
                            new Role.Swap(new SwapRule.RecipientTransfers(BANCOR_NETWORK)))));

    private ProtocolSpecs() {
    }

    private static Role poolSwap(final int recipientArgument) {
        return new Role.Swap(new SwapRule.PoolTransfers(recipientArgument));
    }

    private static ProtocolSpec curve(final String abiName, final boolean underlying, final String... pools) {
        return underlying
                ? ProtocolSpec.contracts(abiName, CURVE, Set.of(pools), CURVE_EXCHANGE, CURVE_EXCHANGE_UNDERLYING)
                : ProtocolSpec.contracts(abiName, CURVE, Set.of(pools), CURVE_EXCHANGE);
    }

    /** A Compound-style ether market: {@code liquidateBorrow(borrower, cTokenCollateral)} paid in ETH. */
    private static ProtocolSpec etherMarket(final String abiName, final String protocol, final String market) {
        return ProtocolSpec.contracts(abiName, protocol, Set.of(market),
                FunctionSpec.of("liquidateBorrow(address,address)", new Role.Liquidation(
                        new LiquidationRule.CTokenLiquidation(0, Role.CALLER, 1, market))),
                SEIZE);
    }

    /** Compound-style token markets: {@code liquidateBorrow(borrower, repayAmount, cTokenCollateral)}. */
    private static ProtocolSpec tokenMarkets(final String abiName, final String protocol, final String etherMarket,
            final List<String> markets) {
        return ProtocolSpec.contracts(abiName, protocol, Set.copyOf(markets),
                FunctionSpec.of("liquidateBorrow(address,uint256,address)", new Role.Liquidation(
                        new LiquidationRule.CTokenLiquidation(0, 1, 2, etherMarket))),
                SEIZE);
    }
}
