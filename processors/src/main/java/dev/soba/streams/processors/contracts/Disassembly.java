package dev.soba.streams.processors.contracts;

import dev.soba.streams.schemas.contracts.CompilerInfo;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * Runtime bytecode split into code, trailing data and the compiler's CBOR metadata, with the code
 * decoded into instructions. Data and metadata are recognised and never decoded as code: a jump
 * into them is not a valid jump.
 *
 * @param code      the whole bytecode
 * @param codeEnd   where instructions stop (start of the data section, else of the metadata)
 * @param dataEnd   where the metadata starts (the code length when there is none)
 * @param metadata  the compiler named in the metadata, when there is a recognisable tail
 */
public record Disassembly(byte[] code, int codeEnd, int dataEnd, List<Instruction> instructions, BitSet jumpDests,
        Optional<CompilerInfo> metadata) {

    public static Disassembly of(final byte[] code) {
        final int metadataStart = CborMetadata.start(code);
        final Optional<CompilerInfo> compiler = metadataStart < code.length
                ? CborMetadata.compiler(code, metadataStart) : Optional.empty();
        final List<Instruction> all = decode(code, metadataStart);
        final int codeEnd = codeEnd(all, metadataStart);
        final List<Instruction> instructions = new ArrayList<>();
        final BitSet jumpDests = new BitSet(codeEnd);
        for (final Instruction i : all) {
            if (i.pc() >= codeEnd) {
                break;
            }
            instructions.add(i);
            if (i.opcode() == Opcodes.JUMPDEST) {
                jumpDests.set(i.pc());
            }
        }
        return new Disassembly(code, codeEnd, metadataStart, List.copyOf(instructions), jumpDests, compiler);
    }

    private static List<Instruction> decode(final byte[] code, final int end) {
        final List<Instruction> out = new ArrayList<>(Math.min(end, 1 << 16));
        int pc = 0;
        while (pc < end) {
            final int op = code[pc] & 0xff;
            final int size = Opcodes.immediateSize(op);
            final byte[] imm = new byte[size];
            final int available = Math.max(0, Math.min(size, end - pc - 1));
            System.arraycopy(code, pc + 1, imm, 0, available);
            out.add(new Instruction(pc, op, imm));
            pc += 1 + size;
        }
        return out;
    }

    /**
     * The code ends after the first terminating instruction that follows the last JUMPDEST: nothing
     * can reach the bytes after it, which solc uses for data (constants, the code of created contracts).
     */
    private static int codeEnd(final List<Instruction> all, final int end) {
        int lastJumpDest = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).opcode() == Opcodes.JUMPDEST) {
                lastJumpDest = i;
            }
        }
        for (int i = Math.max(0, lastJumpDest); i < all.size(); i++) {
            final Instruction ins = all.get(i);
            if (Opcodes.isTerminal(ins.opcode())) {
                return Math.min(end, ins.pc() + 1 + Opcodes.immediateSize(ins.opcode()));
            }
        }
        return end;
    }

    public boolean isJumpDest(final long pc) {
        return pc >= 0 && pc < codeEnd && jumpDests.get((int) pc);
    }

    /** The opcode at {@code pc}, INVALID beyond the code. */
    public int opcodeAt(final int pc) {
        return pc < codeEnd ? code[pc] & 0xff : Opcodes.INVALID;
    }

    /** True when the code contains the opcode as an instruction (not as PUSH data). */
    public boolean contains(final int opcode) {
        return instructions.stream().anyMatch(i -> i.opcode() == opcode);
    }
}
