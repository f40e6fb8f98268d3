package dev.soba.streams.processors.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soba.streams.schemas.contracts.CompilerInfo;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DisassemblyTest {

    private static byte[] hex(final String h) {
        return HexFormat.of().parseHex(h);
    }

    @Test
    void decodesEveryCancunOpcodeIncludingPush0AndTransientStorage() {
        final Disassembly d = Disassembly.of(hex("5f5c5d5e494a6001600200"));
        assertThat(d.instructions()).extracting(Instruction::name)
                .containsExactly("PUSH0", "TLOAD", "TSTORE", "MCOPY", "BLOBHASH", "BLOBBASEFEE", "PUSH1", "PUSH1", "STOP");
        assertThat(d.instructions().get(7).immediate()).containsExactly(2);
        for (int op = 0; op < 256; op++) {
            if (Opcodes.isDefined(op)) {
                assertThat(Opcodes.name(op)).doesNotStartWith("UNKNOWN");
            }
        }
        assertThat(Opcodes.name(0x0c)).isEqualTo("UNKNOWN_0x0c");
    }

    @Test
    void aPushRunningOffTheEndIsPaddedNotAnError() {
        final Disassembly d = Disassembly.of(hex("6001" + "7fabcd"));
        assertThat(d.instructions()).hasSize(2);
        assertThat(d.instructions().get(1).immediate()).hasSize(32).startsWith((byte) 0xab, (byte) 0xcd);
    }

    @Test
    void pushDataIsNotAJumpDestination() {
        // PUSH1 0x5b: the 0x5b is data; the real JUMPDEST is at 2.
        final Disassembly d = Disassembly.of(hex("605b5b00"));
        assertThat(d.isJumpDest(1)).isFalse();
        assertThat(d.isJumpDest(2)).isTrue();
    }

    @Test
    void metadataAndTrailingDataAreRecognisedNotDisassembled() {
        // code: JUMPDEST STOP INVALID, then data 5b5b (looks like JUMPDESTs... after the last terminator?) and metadata
        final String code = "5b00fe";
        final String data = "deadbeef";
        final String metadata = "a2646970667358221220" + "11".repeat(32) + "64736f6c6343" + "00080d" + "0033";
        final Disassembly d = Disassembly.of(hex(code + data + metadata));
        assertThat(d.codeEnd()).isEqualTo(2);
        assertThat(d.dataEnd()).isEqualTo(7);
        assertThat(d.metadata()).contains(new CompilerInfo("solc", "0.8.13"));
        assertThat(d.instructions()).extracting(Instruction::name).containsExactly("JUMPDEST", "STOP");
        assertThat(d.isJumpDest(3)).isFalse();
    }

    @Test
    void vyperMetadataGivesItsVersion() {
        final String metadata = "a165767970657283000304" + "000b";
        final Disassembly d = Disassembly.of(hex("00" + metadata));
        assertThat(d.metadata()).contains(new CompilerInfo("vyper", "0.3.4"));
    }

    @Test
    void emptyAndTinyCodeDisassembleToNothing() {
        assertThat(Disassembly.of(new byte[0]).instructions()).isEmpty();
        assertThat(Disassembly.of(hex("fe")).instructions()).extracting(Instruction::name).containsExactly("INVALID");
    }
}
