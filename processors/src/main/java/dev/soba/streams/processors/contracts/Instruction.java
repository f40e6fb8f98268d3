package dev.soba.streams.processors.contracts;

import java.util.HexFormat;

/**
 * One decoded instruction.
 *
 * @param pc        byte offset in the code
 * @param opcode    the opcode byte (0-255)
 * @param immediate the PUSH data (zero-padded on the right when it runs off the end of the code), else empty
 */
public record Instruction(int pc, int opcode, byte[] immediate) {

    public String name() {
        return Opcodes.name(opcode);
    }

    @Override
    public String toString() {
        return immediate.length == 0 ? pc + " " + name() : pc + " " + name() + " 0x" + HexFormat.of().formatHex(immediate);
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof Instruction other && other.pc == pc && other.opcode == opcode
                && java.util.Arrays.equals(other.immediate, immediate);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * pc + opcode) + java.util.Arrays.hashCode(immediate);
    }
}
