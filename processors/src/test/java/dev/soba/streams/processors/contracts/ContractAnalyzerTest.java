package dev.soba.streams.processors.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soba.streams.schemas.contracts.ContractAnalysis;
import dev.soba.streams.schemas.contracts.FunctionInfo;
import dev.soba.streams.schemas.contracts.Risk;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ContractAnalyzerTest {

    private static final String TRANSFER = Selectors.of("transfer(address,uint256)");
    private static final String SET_FLAG = Selectors.of("setFlag(bool)");
    private static final String PAY = Selectors.of("pay()");
    private static final String TOTAL = Selectors.of("totalSupply()");

    /**
     * A solc-shaped contract: selector by SHR, a binary-search split, per-function CALLVALUE checks
     * (pay() has none), argument validation by masks, storage reads and writes.
     */
    private static byte[] token() {
        final Asm a = new Asm();
        a.push("80").push("40").op(Opcodes.MSTORE)
                .push("04").op(Opcodes.CALLDATASIZE).op(Opcodes.LT).pushLabel("fallback").op(Opcodes.JUMPI)
                .push("00").op(Opcodes.CALLDATALOAD).push("e0").op(Opcodes.SHR)
                .op(Opcodes.DUP1).push(TRANSFER).op(Opcodes.GT).pushLabel("low").op(Opcodes.JUMPI)
                .op(Opcodes.DUP1).push(TRANSFER).op(Opcodes.EQ).pushLabel("transfer").op(Opcodes.JUMPI)
                .op(Opcodes.DUP1).push(SET_FLAG).op(Opcodes.EQ).pushLabel("setFlag").op(Opcodes.JUMPI)
                .pushLabel("fallback").op(Opcodes.JUMP)
                .label("low")
                .op(Opcodes.DUP1).push(PAY).op(Opcodes.EQ).pushLabel("pay").op(Opcodes.JUMPI)
                .op(Opcodes.DUP1).push(TOTAL).op(Opcodes.EQ).pushLabel("total").op(Opcodes.JUMPI)
                .label("fallback").push("00").op(Opcodes.DUP1).op(Opcodes.REVERT);
        // transfer(address,uint256): value check, address mask, SSTORE
        a.label("transfer").op(Opcodes.CALLVALUE).op(Opcodes.DUP1).op(Opcodes.ISZERO).pushLabel("t1").op(Opcodes.JUMPI)
                .push("00").op(Opcodes.DUP1).op(Opcodes.REVERT)
                .label("t1").op(Opcodes.POP)
                .push("04").op(Opcodes.CALLDATALOAD).push("ffffffffffffffffffffffffffffffffffffffff").op(Opcodes.AND)
                .push("24").op(Opcodes.CALLDATALOAD).op(Opcodes.SWAP1).op(Opcodes.SSTORE).op(Opcodes.STOP);
        // setFlag(bool): value check, bool validation eq(x, iszero(iszero(x))), owner check, SSTORE
        a.label("setFlag").op(Opcodes.CALLVALUE).op(Opcodes.DUP1).op(Opcodes.ISZERO).pushLabel("s1").op(Opcodes.JUMPI)
                .push("00").op(Opcodes.DUP1).op(Opcodes.REVERT)
                .label("s1").op(Opcodes.POP)
                .push("04").op(Opcodes.CALLDATALOAD).op(Opcodes.DUP1).op(Opcodes.ISZERO).op(Opcodes.ISZERO)
                .op(Opcodes.DUP2).op(Opcodes.EQ).pushLabel("s2").op(Opcodes.JUMPI)
                .push("00").op(Opcodes.DUP1).op(Opcodes.REVERT)
                .label("s2")
                .push("00").op(Opcodes.SLOAD).op(Opcodes.CALLER).op(Opcodes.EQ).pushLabel("s3").op(Opcodes.JUMPI)
                .push("00").op(Opcodes.DUP1).op(Opcodes.REVERT)
                .label("s3").push("01").op(Opcodes.SSTORE).op(Opcodes.STOP);
        // pay(): no value check, LOG1
        a.label("pay").op(Opcodes.CALLVALUE).push("00").op(Opcodes.DUP1).op(Opcodes.LOG1).op(Opcodes.STOP);
        // totalSupply(): value check, SLOAD, RETURN
        a.label("total").op(Opcodes.CALLVALUE).op(Opcodes.DUP1).op(Opcodes.ISZERO).pushLabel("v1").op(Opcodes.JUMPI)
                .push("00").op(Opcodes.DUP1).op(Opcodes.REVERT)
                .label("v1").op(Opcodes.POP).push("02").op(Opcodes.SLOAD).push("00").op(Opcodes.MSTORE)
                .push("20").push("00").op(Opcodes.RETURN);
        return a.bytes();
    }

    @Test
    void findsSelectorsThroughABinarySearchDispatcher() {
        final ContractAnalysis a = ContractAnalyzer.analyze("0x01", token());
        assertThat(a.functionSighashes()).containsExactlyInAnyOrder("0x" + TRANSFER, "0x" + SET_FLAG, "0x" + PAY,
                "0x" + TOTAL);
        assertThat(a.complete()).isTrue();
    }

    @Test
    void infersArgumentsAndStateMutability() {
        final ContractAnalysis a = ContractAnalyzer.analyze("0x01", token());
        assertThat(a.functions()).containsExactlyInAnyOrder(
                new FunctionInfo(TRANSFER, "address,uint256", "nonpayable"),
                new FunctionInfo(SET_FLAG, "bool", "nonpayable"),
                new FunctionInfo(PAY, "", "payable"),
                new FunctionInfo(TOTAL, "", "view"));
    }

    /** Vyper's dispatchers: XOR against each method id (jump away when non-zero), id by SHR or by calldatacopy(28, 0, 4). */
    @Test
    void findsVyperStyleDispatchers() {
        final String a1 = Selectors.of("a()");
        final String b1 = Selectors.of("b(uint256)");
        for (final boolean classic : new boolean[] {false, true}) {
            final Asm a = new Asm();
            if (classic) {
                a.push("04").push("00").push("1c").op(Opcodes.CALLDATACOPY).push("00").op(Opcodes.MLOAD);
            } else {
                a.push("00").op(Opcodes.CALLDATALOAD).push("e0").op(Opcodes.SHR);
            }
            a.push(a1).op(Opcodes.DUP2).op(Opcodes.XOR).pushLabel("notA").op(Opcodes.JUMPI)
                    .push("01").push("00").op(Opcodes.SSTORE).op(Opcodes.STOP)
                    .label("notA").push(b1).op(Opcodes.DUP2).op(Opcodes.XOR).pushLabel("none").op(Opcodes.JUMPI)
                    .op(Opcodes.CALLVALUE).pushLabel("none").op(Opcodes.JUMPI)
                    .push("04").op(Opcodes.CALLDATALOAD).push("00").op(Opcodes.MSTORE).push("20").push("00")
                    .op(Opcodes.RETURN)
                    .label("none").push("00").op(Opcodes.DUP1).op(Opcodes.REVERT);
            assertThat(ContractAnalyzer.analyze("0x0c", a.bytes()).functions()).as("classic " + classic)
                    .containsExactlyInAnyOrder(new FunctionInfo(a1, "", "payable"),
                            new FunctionInfo(b1, "uint256", "view"));
        }
    }

    @Test
    void wordsEncodedForEcrecoverAreBytes32() {
        final String verify = Selectors.of("verify(bytes32,uint8,bytes32,bytes32)");
        final Asm a = new Asm();
        a.push("00").op(Opcodes.CALLDATALOAD).push("e0").op(Opcodes.SHR)
                .op(Opcodes.DUP1).push(verify).op(Opcodes.EQ).pushLabel("verify").op(Opcodes.JUMPI)
                .push("00").op(Opcodes.DUP1).op(Opcodes.REVERT)
                .label("verify")
                // s > n/2 is refused (arithmetic on s), then (hash, v, r, s) is encoded and sent to address 1
                .push("64").op(Opcodes.CALLDATALOAD).push("7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0")
                .op(Opcodes.LT).pushLabel("ok").op(Opcodes.JUMPI).op(Opcodes.STOP)
                .label("ok")
                .push("04").op(Opcodes.CALLDATALOAD).op(Opcodes.MSIZE).op(Opcodes.MSTORE)
                .push("24").op(Opcodes.CALLDATALOAD).push("ff").op(Opcodes.AND).op(Opcodes.MSIZE).op(Opcodes.MSTORE)
                .push("44").op(Opcodes.CALLDATALOAD).op(Opcodes.MSIZE).op(Opcodes.MSTORE)
                .push("64").op(Opcodes.CALLDATALOAD).op(Opcodes.MSIZE).op(Opcodes.MSTORE)
                .push("20").push("00").push("80").push("00").push("01").op(Opcodes.GAS).op(Opcodes.STATICCALL)
                .op(Opcodes.STOP);
        assertThat(ContractAnalyzer.analyze("0x0d", a.bytes()).functions()).extracting(FunctionInfo::arguments)
                .containsExactly("bytes32,uint8,bytes32,bytes32");
    }

    @Test
    void libraryFunctionsAreNeverPayable() {
        final String getter = Selectors.of("get()");
        final Asm a = new Asm();
        a.push("00".repeat(20)).op(Opcodes.ADDRESS).op(Opcodes.EQ)
                .push("00").op(Opcodes.CALLDATALOAD).push("e0").op(Opcodes.SHR)
                .op(Opcodes.DUP1).push(getter).op(Opcodes.EQ).pushLabel("get").op(Opcodes.JUMPI)
                .push("00").op(Opcodes.DUP1).op(Opcodes.REVERT)
                .label("get").push("00").op(Opcodes.SLOAD).push("00").op(Opcodes.MSTORE)
                .push("20").push("00").op(Opcodes.RETURN);
        assertThat(ContractAnalyzer.analyze("0x0b", a.bytes()).functions())
                .containsExactly(new FunctionInfo(getter, "", "view"));
    }

    @Test
    void minimalProxyGivesItsTarget() {
        final String target = "bebebebebebebebebebebebebebebebebebebebe";
        final byte[] code = HexFormat.of().parseHex(
                "363d3d373d3d3d363d73" + target + "5af43d82803e903d91602b57fd5bf3");
        final ContractAnalysis a = ContractAnalyzer.analyze("0x02", code);
        assertThat(a.proxy().kind()).isEqualTo("eip1167");
        assertThat(a.proxy().implementation()).isEqualTo("0x" + target);
    }

    @Test
    void eip1967ProxyIsRecognisedByItsFallback() {
        final Asm a = new Asm();
        a.op(Opcodes.CALLDATASIZE).push("00").op(Opcodes.DUP1).op(Opcodes.CALLDATACOPY)
                .push("00").op(Opcodes.DUP1).op(Opcodes.CALLDATASIZE).push("00")
                .push(Proxies.EIP1967_IMPLEMENTATION).op(Opcodes.SLOAD).op(Opcodes.GAS).op(Opcodes.DELEGATECALL)
                .op(Opcodes.RETURNDATASIZE).push("00").op(Opcodes.DUP1).op(Opcodes.RETURNDATACOPY)
                .op(Opcodes.RETURNDATASIZE).push("00").op(Opcodes.RETURN);
        final ContractAnalysis analysis = ContractAnalyzer.analyze("0x03", a.bytes());
        assertThat(analysis.proxy().kind()).isEqualTo("eip1967");
        assertThat(analysis.risks()).extracting(Risk::code).contains("proxy");
    }

    @Test
    void ownerOnlyFlagSetterIsNotARiskButSelfdestructIs() {
        assertThat(ContractAnalyzer.analyze("0x01", token()).risks()).isEmpty();
        final String kill = Selectors.of("kill()");
        final Asm a = new Asm();
        a.push("00").op(Opcodes.CALLDATALOAD).push("e0").op(Opcodes.SHR)
                .op(Opcodes.DUP1).push(kill).op(Opcodes.EQ).pushLabel("kill").op(Opcodes.JUMPI)
                .push("00").op(Opcodes.DUP1).op(Opcodes.REVERT)
                .label("kill").op(Opcodes.CALLER).op(Opcodes.SELFDESTRUCT);
        // Bytes after the last terminator that no jump can reach are data: a SELFDESTRUCT there is not code.
        final byte[] code = a.bytes();
        final byte[] unreachable = java.util.Arrays.copyOf(token(), token().length + 1);
        unreachable[unreachable.length - 1] = (byte) Opcodes.SELFDESTRUCT;
        assertThat(ContractAnalyzer.analyze("0x01", code).risks()).extracting(Risk::code, Risk::signal)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("selfdestruct", "rug_pull"));
        assertThat(ContractAnalyzer.analyze("0x01", unreachable).risks()).isEmpty();
    }

    @Test
    void ownerOnlyMintIsARugSignal() {
        final String mint = Selectors.of("mint(address,uint256)");
        final Asm a = new Asm();
        a.push("00").op(Opcodes.CALLDATALOAD).push("e0").op(Opcodes.SHR)
                .op(Opcodes.DUP1).push(mint).op(Opcodes.EQ).pushLabel("mint").op(Opcodes.JUMPI)
                .push("00").op(Opcodes.DUP1).op(Opcodes.REVERT)
                .label("mint").push("05").op(Opcodes.SLOAD).op(Opcodes.CALLER).op(Opcodes.EQ).pushLabel("ok").op(Opcodes.JUMPI)
                .push("00").op(Opcodes.DUP1).op(Opcodes.REVERT)
                .label("ok").push("24").op(Opcodes.CALLDATALOAD).push("04").op(Opcodes.CALLDATALOAD).op(Opcodes.SSTORE)
                .op(Opcodes.STOP);
        final ContractAnalysis analysis = ContractAnalyzer.analyze("0x04", a.bytes());
        assertThat(analysis.fraudSignals()).extracting(Risk::code).containsExactly("owner_mint");
        assertThat(analysis.fraudSignals().get(0).reason()).contains("mint(address,uint256)", "privileged caller");
    }

    @Test
    void badHexIsNamed() {
        assertThat(Bytecode.parse("0x123", Bytecode.MAX_REQUEST_BYTES)).isEqualTo(new Bytecode.Invalid("has an odd number of hex digits (3)"));
        assertThat(Bytecode.parse("0xzz", Bytecode.MAX_REQUEST_BYTES)).isInstanceOf(Bytecode.Invalid.class);
        assertThat(((Bytecode.Invalid) Bytecode.parse("0x", Bytecode.MAX_REQUEST_BYTES)).reason()).contains("empty");
        assertThat(Bytecode.parse("0x6001", Bytecode.MAX_REQUEST_BYTES)).isInstanceOf(Bytecode.Ok.class);
        assertThat(((Bytecode.Invalid) Bytecode.parse("0x" + "00".repeat(49_153), Bytecode.MAX_REQUEST_BYTES)).reason())
                .contains("49153 bytes");
    }

    /** Property: random bytes of any size never throw and never run past the budget. */
    @Test
    void randomBytecodeAlwaysGivesACompleteAnswerInBoundedTime() {
        final Random random = new Random(15);
        for (int i = 0; i < 300; i++) {
            final byte[] code = new byte[random.nextInt(4000)];
            random.nextBytes(code);
            final ContractAnalysis a = ContractAnalyzer.analyze("0x05", code);
            assertThat(a.codeSize()).isEqualTo(code.length);
        }
        // A dispatcher prefix followed by random bytes reaches the symbolic machine's deeper paths.
        for (int i = 0; i < 100; i++) {
            final byte[] body = new byte[2000];
            random.nextBytes(body);
            final byte[] prefix = token();
            final byte[] code = java.util.Arrays.copyOf(prefix, prefix.length + body.length);
            System.arraycopy(body, 0, code, prefix.length, body.length);
            assertThat(ContractAnalyzer.analyze("0x06", code).functionSighashes()).isNotEmpty();
        }
        final byte[] megabyte = new byte[1 << 20];
        random.nextBytes(megabyte);
        assertThat(ContractAnalyzer.analyze("0x07", megabyte).codeSize()).isEqualTo(1 << 20);
    }

    /** A fork bomb with a full stack and wide memory: the budget stops it, and says so. */
    @Test
    void pathologicalForkingRunsOutOfBudgetAndSaysSo() {
        final Asm a = new Asm();
        for (int i = 0; i < 1000; i++) {
            a.op(Opcodes.PUSH0);
        }
        for (int i = 0; i < 400; i++) {
            a.push(String.format("%04x", i * 32)).op(Opcodes.MSTORE).op(Opcodes.PUSH0);
        }
        a.label("loop").op(Opcodes.CALLDATASIZE).pushLabel("loop").op(Opcodes.JUMPI)
                .op(Opcodes.CALLVALUE).pushLabel("loop").op(Opcodes.JUMPI)
                .op(Opcodes.GAS).pushLabel("loop").op(Opcodes.JUMPI).op(Opcodes.STOP);
        final ContractAnalysis analysis = ContractAnalyzer.analyze("0x0a", a.bytes());
        assertThat(analysis.functions()).isEmpty();
    }

    @Test
    void jumpsIntoDataAndLoopsEnd() {
        // JUMPDEST; PUSH1 0; JUMP (an endless loop), and a jump into PUSH data.
        final ContractAnalysis loop = ContractAnalyzer.analyze("0x08", HexFormat.of().parseHex("5b600056"));
        assertThat(loop.functions()).isEmpty();
        final ContractAnalysis intoData = ContractAnalyzer.analyze("0x09", HexFormat.of().parseHex("6003566001005b"));
        assertThat(intoData.functions()).isEmpty();
    }
}
