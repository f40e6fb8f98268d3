package dev.soba.streams.processors.contracts;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/** A tiny assembler for tests: opcodes by name, PUSH with hex immediates, labels for jumps (PUSH2). */
final class Asm {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Map<String, Integer> labels = new HashMap<>();
    private final Map<Integer, String> fixups = new HashMap<>();

    Asm op(final int opcode) {
        out.write(opcode);
        return this;
    }

    Asm ops(final int... opcodes) {
        for (final int o : opcodes) {
            op(o);
        }
        return this;
    }

    Asm push(final String hex) {
        final byte[] b = HexFormat.of().parseHex(hex);
        out.write(Opcodes.PUSH0 + b.length);
        out.writeBytes(b);
        return this;
    }

    /** PUSH2 of a label's position, patched at {@link #bytes()}. */
    Asm pushLabel(final String label) {
        out.write(Opcodes.PUSH0 + 2);
        fixups.put(out.size(), label);
        out.write(0);
        out.write(0);
        return this;
    }

    Asm label(final String label) {
        labels.put(label, out.size());
        out.write(Opcodes.JUMPDEST);
        return this;
    }

    byte[] bytes() {
        final byte[] b = out.toByteArray();
        fixups.forEach((at, label) -> {
            final int pc = labels.get(label);
            b[at] = (byte) (pc >> 8);
            b[at + 1] = (byte) pc;
        });
        return b;
    }
}
