package dev.soba.streams.processors.dex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soba.streams.processors.dex.PoolCsv.Imported;
import dev.soba.streams.processors.dex.PoolCsv.Line;
import dev.soba.streams.processors.dex.PoolCsv.Rejected;
import dev.soba.streams.schemas.market.PoolInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoolCsvTest {

    private static final String HEADER =
            "pool,protocol,token0,token1,fee,token0_symbol,token1_symbol,token0_decimals,token1_decimals";
    private static final String USDC_WETH_V3 = "0x88e6a0c2ddd26feeb64f039a2c41296fcb3f5640";
    private static final String USDC_WETH_V2 = "0xb4e16d0168e52d35cacd2c6185b44281ec28c9dc";
    private static final String USDC = KnownTokens.USDC.address();
    private static final String WETH = KnownTokens.WETH.address();

    private static List<Line> parse(final String... lines) {
        return PoolCsv.parse(String.join("\n", lines));
    }

    private static String reason(final List<Line> lines, final int index) {
        assertThat(lines.get(index)).isInstanceOf(Rejected.class);
        return ((Rejected) lines.get(index)).reason();
    }

    @Test
    void readsACompleteLine() {
        assertThat(parse(HEADER, USDC_WETH_V3 + ",uniswap_v3," + USDC + "," + WETH + ",500,USDC,WETH,6,18"))
                .containsExactly(new Imported(2, new PoolInfo(USDC_WETH_V3, "uniswap_v3", USDC, WETH, 500, "USDC", "WETH",
                        6, 18, "import")));
    }

    @Test
    void optionalColumnsMayBeEmptyOrAbsent() {
        assertThat(parse(HEADER, USDC_WETH_V2 + ",," + USDC + "," + WETH + ",,,,,"))
                .containsExactly(new Imported(2, new PoolInfo(USDC_WETH_V2, "uniswap_v2", USDC, WETH, 3000, null, null,
                        null, null, "import")));
        assertThat(parse("token1, token0 ,pool", WETH + "," + USDC + "," + USDC_WETH_V2))
                .containsExactly(new Imported(2, new PoolInfo(USDC_WETH_V2, "uniswap_v2", USDC, WETH, 3000, null, null,
                        null, null, "import")));
        assertThat(parse("pool,protocol,token0,token1", USDC_WETH_V3 + ",uniswap_v3," + USDC + "," + WETH))
                .singleElement().isInstanceOfSatisfying(Imported.class, i -> assertThat(i.pool().fee()).isNull());
    }

    @Test
    void tokensInTheWrongOrderAreSwappedWithTheirSymbolsAndDecimals() {
        assertThat(parse(HEADER, USDC_WETH_V3 + ",uniswap_v3," + WETH + "," + USDC + ",500,WETH,USDC,18,6"))
                .containsExactly(new Imported(2, new PoolInfo(USDC_WETH_V3, "uniswap_v3", USDC, WETH, 500, "USDC", "WETH",
                        6, 18, "import")));
    }

    @Test
    void addressesAreNormalisedAndChecksummedWhenMixedCase() {
        final List<Line> lines = parse(HEADER,
                "0x88e6A0c2dDD26FEEb64F039a2c41296FcB3f5640,uniswap_v3,0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48," + WETH
                        + ",500,USDC,WETH,6,18",
                "0x88E6A0C2DDD26FEEB64F039A2C41296FCB3F5640,uniswap_v3," + USDC + "," + WETH + ",500,USDC,WETH,6,18",
                "0x88e6a0c2ddd26feeb64f039a2c41296fcb3f5640,uniswap_v3,0xA0B86991c6218b36c1d19D4a2e9Eb0cE3606eB48," + WETH
                        + ",500,USDC,WETH,6,18");

        assertThat(lines.get(0)).isInstanceOfSatisfying(Imported.class, i -> {
            assertThat(i.pool().address()).isEqualTo(USDC_WETH_V3);
            assertThat(i.pool().token0()).isEqualTo(USDC);
        });
        assertThat(reason(lines, 1)).isEqualTo("pool " + USDC_WETH_V3 + " already listed on line 2");
        assertThat(reason(lines, 2)).startsWith("token0 0xA0B86991c6218b36c1d19D4a2e9Eb0cE3606eB48 fails its EIP-55 checksum");
    }

    @Test
    void everyProblemOfALineIsReportedWithItsLineNumber() {
        final List<Line> lines = parse(HEADER,
                "",
                "0x1234,uniswap_v4," + USDC + "," + USDC + ",2000000,A,B,6.0,78",
                USDC_WETH_V2 + ",uniswap_v2," + USDC + "," + WETH + ",3000,USDC,WETH,6",
                USDC_WETH_V2 + ",uniswap_v2,," + WETH + ",3000,USDC,WETH,-1,18",
                USDC_WETH_V2 + ",uniswap_v2,\"" + USDC + "," + WETH + ",3000,USDC,WETH,6,18");

        assertThat(lines).extracting(Line::lineNumber).containsExactly(3, 4, 5, 6);
        assertThat(reason(lines, 0)).isEqualTo(String.join("; ",
                "pool must be 0x followed by 40 hex digits, got '0x1234'",
                "protocol must be uniswap_v2 or uniswap_v3, got 'uniswap_v4'",
                "fee must be from 0 to 1000000, got 2000000",
                "token0_decimals must be a whole number from 0 to 77, got '6.0'",
                "token1_decimals must be from 0 to 77, got 78",
                "token0 and token1 are the same token " + USDC));
        assertThat(reason(lines, 1)).isEqualTo("expected 9 fields like the header, got 8");
        assertThat(reason(lines, 2)).isEqualTo("token0 is missing; token0_decimals must be a whole number from 0 to 77, got '-1'");
        assertThat(reason(lines, 3)).isEqualTo("unterminated quoted field 3");
    }

    @Test
    void quotedFieldsMayHoldCommasAndQuotes() {
        assertThat(parse(HEADER, USDC_WETH_V2 + ",uniswap_v2," + USDC + "," + WETH + ",3000,\"US,DC\",\"W\"\"ETH\",6,18"))
                .singleElement().isInstanceOfSatisfying(Imported.class, i -> {
                    assertThat(i.pool().token0Symbol()).isEqualTo("US,DC");
                    assertThat(i.pool().token1Symbol()).isEqualTo("W\"ETH");
                });
    }

    @Test
    void aBadHeaderRejectsTheFile() {
        assertThat(parse("pool,token0,token1,token0_decimal", "x,y,z,1"))
                .containsExactly(new Rejected(1, "unknown column 'token0_decimal' in the header; columns are " + HEADER));
        assertThat(parse("pool,token0", "x,y")).containsExactly(new Rejected(1, "the header lacks the required column 'token1'"));
        assertThat(parse("pool,token0,token1,pool")).containsExactly(new Rejected(1, "column 'pool' appears twice in the header"));
        assertThat(parse("", " ")).containsExactly(new Rejected(1, "no header: expected " + HEADER));
    }

    @Test
    void readsFromAReaderWithAByteOrderMarkAndWindowsLineEnds() throws IOException {
        final String csv = "\uFEFF" + HEADER + "\r\n" + USDC_WETH_V3 + ",uniswap_v3," + USDC + "," + WETH
                + ",500,USDC,WETH,6,18\r\n";
        assertThat(PoolCsv.parse(new BufferedReader(new StringReader(csv)))).singleElement().isInstanceOf(Imported.class);
    }
}
