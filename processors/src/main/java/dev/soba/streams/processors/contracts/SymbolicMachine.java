package dev.soba.streams.processors.contracts;

import dev.soba.streams.processors.contracts.Val.Kind;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A bounded symbolic EVM in the manner of evmole: it follows the code with calldata, call value and
 * storage as symbols, forks at conditional jumps it cannot decide, and reports to a {@link Trace}
 * what it sees. Two uses: from pc 0 with the selector symbolic (the dispatcher: which selectors are
 * compared, and where each jumps), and from a function's entry with its selector concrete (how the
 * function reads its arguments, storage and call value). Every run has a step budget and a limit
 * on visits per jump destination, so no bytecode makes it loop forever.
 */
final class SymbolicMachine {

    /** What a run reports. */
    static final class Trace {
        final Map<Long, Entry> entries = new HashMap<>();
        final Set<Integer> opcodes = new HashSet<>();
        final Map<Integer, String> strongTypes = new HashMap<>();
        final Map<Integer, String> elementTypes = new HashMap<>();
        final Set<Integer> weakBool = new HashSet<>();
        final Set<Integer> argsLoaded = new HashSet<>();
        final Set<Integer> dynamicArgs = new HashSet<>();
        final Set<Integer> copiedArgs = new HashSet<>();
        final Set<Integer> elementArgs = new HashSet<>();
        boolean valueChecked;
        boolean valueUsed;
        boolean reads;
        boolean writes;
        boolean callerChecked;
        boolean originChecked;
        boolean delegatecallToCalldata;
        boolean delegatecall;
        boolean exhausted;
        int steps;
    }

    /** Where the dispatcher sends one selector, with the machine state at that point. */
    record Entry(long selector, int pc, List<Val> stack, boolean valueChecked) {
    }

    private static final class State {
        int pc;
        final ArrayList<Val> stack;
        final HashMap<Long, Val> memory;
        /** The last four words stored, oldest at {@code stores % 4}: the input an ecrecover call just encoded. */
        final Val[] lastStores;
        int stores;
        boolean valueChecked;

        State(final int pc, final ArrayList<Val> stack, final HashMap<Long, Val> memory, final boolean valueChecked) {
            this.pc = pc;
            this.stack = stack;
            this.memory = memory;
            this.valueChecked = valueChecked;
            this.lastStores = new Val[4];
        }

        State fork(final int newPc) {
            final State copy = new State(newPc, new ArrayList<>(stack), new HashMap<>(memory), valueChecked);
            System.arraycopy(lastStores, 0, copy.lastStores, 0, 4);
            copy.stores = stores;
            return copy;
        }
    }

    private static final BigInteger SHIFT_224 = BigInteger.ONE.shiftLeft(224);
    private static final BigInteger MASK_32 = BigInteger.valueOf(0xffffffffL);
    private static final int MAX_STACK = 1024;
    /** Memory words tracked per path; stores beyond are forgotten (their loads are unknown). */
    private static final int MAX_MEMORY_WORDS = 512;
    /** Paths waiting to be explored; forks beyond are dropped and the run marked exhausted. */
    private static final int MAX_PENDING = 2048;

    private final Disassembly code;
    private final int stepBudget;
    private final int visitsPerDest;

    SymbolicMachine(final Disassembly code, final int stepBudget, final int visitsPerDest) {
        this.code = code;
        this.stepBudget = stepBudget;
        this.visitsPerDest = visitsPerDest;
    }

    /** Runs the dispatcher: the selector is a symbol, and jumps on its comparisons become entries. */
    Trace dispatcher() {
        final Trace trace = new Trace();
        run(new State(0, new ArrayList<>(), new HashMap<>(), false), trace, -1);
        return trace;
    }

    /** Runs one function from its entry, with its selector concrete. */
    Trace function(final Entry entry) {
        final Trace trace = new Trace();
        final ArrayList<Val> stack = new ArrayList<>(entry.stack().size());
        for (final Val v : entry.stack()) {
            stack.add(v.is(Kind.SELECTOR) ? Val.of(entry.selector()) : v);
        }
        trace.valueChecked = entry.valueChecked();
        run(new State(entry.pc(), stack, new HashMap<>(), entry.valueChecked()), trace, entry.selector());
        return trace;
    }

    private void run(final State initial, final Trace t, final long selector) {
        final Deque<State> work = new ArrayDeque<>();
        final Map<Integer, Integer> visits = new HashMap<>();
        final Set<Integer> seen = new HashSet<>();
        work.push(initial);
        while (!work.isEmpty()) {
            final State s = work.pop();
            while (true) {
                if (t.steps++ >= stepBudget) {
                    t.exhausted = true;
                    return;
                }
                if (s.pc >= code.codeEnd()) {
                    break;
                }
                final int op = code.opcodeAt(s.pc);
                if (!Opcodes.isDefined(op)) {
                    break;
                }
                if (s.stack.size() < Opcodes.pops(op) || s.stack.size() - Opcodes.pops(op) + Opcodes.pushes(op) > MAX_STACK) {
                    break;
                }
                t.opcodes.add(op);
                if (op == Opcodes.JUMPDEST) {
                    final int n = visits.merge(s.pc, 1, Integer::sum);
                    if (n > visitsPerDest || !seen.add(31 * s.pc + s.stack.hashCode())) {
                        break;
                    }
                }
                final int next = s.pc + 1 + Opcodes.immediateSize(op);
                if (op == Opcodes.JUMP) {
                    final Val dest = pop(s);
                    if (!code.isJumpDest(dest.small())) {
                        break;
                    }
                    s.pc = (int) dest.small();
                    continue;
                }
                if (op == Opcodes.JUMPI) {
                    final Val dest = pop(s);
                    final Val cond = pop(s);
                    final boolean validDest = code.isJumpDest(dest.small());
                    final Boolean taken = decide(s, t, cond, validDest ? (int) dest.small() : -1, next, selector);
                    if (taken == null) {
                        if (validDest) {
                            if (work.size() >= MAX_PENDING) {
                                t.exhausted = true;
                            } else {
                                // a fork copies the stack and memory: charge it to the budget, so that
                                // wide states cannot make a bounded number of steps arbitrarily slow
                                t.steps += (s.stack.size() + s.memory.size()) / 16;
                                work.push(s.fork((int) dest.small()));
                            }
                        }
                        s.pc = next;
                    } else if (taken) {
                        if (!validDest) {
                            break;
                        }
                        s.pc = (int) dest.small();
                    } else {
                        s.pc = next;
                    }
                    continue;
                }
                if (Opcodes.isTerminal(op)) {
                    effects(op, t, s, selector);
                    break;
                }
                step(s, t, op, selector);
                s.pc = next;
            }
        }
    }

    /** True/false when the branch is decided, null to explore both. */
    private Boolean decide(final State s, final Trace t, final Val cond, final int dest, final int next,
            final long selector) {
        if (cond.isConst()) {
            return cond.c().signum() != 0;
        }
        if (selector < 0 && (cond.is(Kind.SEL_EQ) || cond.is(Kind.SEL_NE))) {
            final boolean jumpIsEntry = cond.is(Kind.SEL_EQ);
            final int entryPc = jumpIsEntry ? dest : next;
            final long sel = Integer.toUnsignedLong(cond.arg());
            if (entryPc >= 0) {
                t.entries.putIfAbsent(sel, new Entry(sel, entryPc, List.copyOf(s.stack), s.valueChecked));
            }
            return !jumpIsEntry;
        }
        if (cond.tainted(Val.T_CALLER) && cond.tainted(Val.T_STORAGE)) {
            t.callerChecked = true;
        }
        if (cond.tainted(Val.T_ORIGIN)) {
            t.originChecked = true;
        }
        if (cond.is(Kind.CALLVALUE)) {
            t.valueUsed = true;
            // arg 0: the condition is true when value != 0; arg 1: true when value == 0.
            final boolean zeroTaken = cond.arg() == 1;
            final int nonZeroPc = zeroTaken ? next : dest;
            if (nonZeroPc >= 0 && revertsQuickly(s, nonZeroPc)) {
                s.valueChecked = true;
                t.valueChecked = true;
                return zeroTaken;
            }
            return null;
        }
        if (cond.tainted(Val.T_CALLVALUE)) {
            t.valueUsed = true;
        }
        if (selector >= 0 && cond.tainted(Val.T_SIZE) && !cond.tainted(Val.T_CALLDATA | Val.T_STORAGE)) {
            return null;
        }
        return null;
    }

    /** Whether the path from {@code pc} reverts within a few straight-line instructions. */
    private boolean revertsQuickly(final State s, final int start) {
        final ArrayList<Val> stack = new ArrayList<>(s.stack);
        int pc = start;
        for (int i = 0; i < 48 && pc < code.codeEnd(); i++) {
            final int op = code.opcodeAt(pc);
            if (op == Opcodes.REVERT || op == Opcodes.INVALID || !Opcodes.isDefined(op)) {
                return true;
            }
            if (op == Opcodes.JUMPI || Opcodes.isTerminal(op) && op != Opcodes.JUMP) {
                return false;
            }
            if (stack.size() < Opcodes.pops(op)) {
                return false;
            }
            if (op == Opcodes.JUMP) {
                final long d = stack.remove(stack.size() - 1).small();
                if (!code.isJumpDest(d)) {
                    return false;
                }
                pc = (int) d;
                continue;
            }
            if (op >= Opcodes.PUSH0 && op <= Opcodes.PUSH32) {
                stack.add(Val.of(new BigInteger(1, immediate(pc, op))));
            } else if (op >= Opcodes.DUP1 && op < Opcodes.DUP1 + 16) {
                stack.add(stack.get(stack.size() - 1 - (op - Opcodes.DUP1)));
            } else if (op >= Opcodes.SWAP1 && op < Opcodes.SWAP1 + 16) {
                final int top = stack.size() - 1;
                final int other = top - 1 - (op - Opcodes.SWAP1);
                final Val v = stack.get(top);
                stack.set(top, stack.get(other));
                stack.set(other, v);
            } else {
                for (int k = 0; k < Opcodes.pops(op); k++) {
                    stack.remove(stack.size() - 1);
                }
                for (int k = 0; k < Opcodes.pushes(op); k++) {
                    stack.add(Val.unknown(0));
                }
            }
            pc += 1 + Opcodes.immediateSize(op);
        }
        return false;
    }

    private byte[] immediate(final int pc, final int op) {
        final int size = Opcodes.immediateSize(op);
        final byte[] imm = new byte[size];
        final int available = Math.max(0, Math.min(size, code.codeEnd() - pc - 1));
        System.arraycopy(code.code(), pc + 1, imm, 0, available);
        return imm;
    }

    private static Val pop(final State s) {
        return s.stack.remove(s.stack.size() - 1);
    }

    private static void push(final State s, final Val v) {
        s.stack.add(v);
    }

    private void effects(final int op, final Trace t, final State s, final long selector) {
        switch (op) {
            case Opcodes.SSTORE, Opcodes.CREATE, Opcodes.CREATE2, Opcodes.CALL, Opcodes.CALLCODE,
                    Opcodes.SELFDESTRUCT, Opcodes.TSTORE -> t.writes = true;
            case Opcodes.DELEGATECALL -> {
                t.writes = true;
                t.delegatecall = true;
                final Val target = s.stack.get(s.stack.size() - 2);
                if (selector >= 0 && target.tainted(Val.T_CALLDATA)) {
                    t.delegatecallToCalldata = true;
                }
            }
            case Opcodes.SLOAD, Opcodes.BALANCE, Opcodes.SELFBALANCE, Opcodes.ORIGIN, Opcodes.CALLER,
                    Opcodes.GASPRICE, Opcodes.EXTCODESIZE, Opcodes.EXTCODECOPY, Opcodes.EXTCODEHASH,
                    Opcodes.BLOCKHASH, Opcodes.COINBASE, Opcodes.TIMESTAMP, Opcodes.NUMBER, Opcodes.PREVRANDAO,
                    Opcodes.GASLIMIT, Opcodes.CHAINID, Opcodes.BASEFEE, Opcodes.BLOBHASH, Opcodes.BLOBBASEFEE,
                    Opcodes.ADDRESS, Opcodes.TLOAD -> t.reads = true;
            case Opcodes.STATICCALL -> {
                final long target = s.stack.get(s.stack.size() - 2).small();
                if (target < 0 || target > 0x11) {
                    t.reads = true;
                }
                final long input = s.stack.get(s.stack.size() - 3).small();
                if (target == 1 && selector >= 0) {
                    // ecrecover(hash, v, r, s), its input just written in that order: hash, r and s are
                    // bytes32 whatever arithmetic checks them (the s <= n/2 malleability check)
                    final Val[] last = s.lastStores;
                    for (final int word : new int[] {0, 2, 3}) {
                        final Val v = last[(s.stores + word) % 4];
                        if (v != null && v.is(Kind.ARG) && s.stores >= 4) {
                            t.strongTypes.put(v.arg(), "bytes32");
                        }
                    }
                }
            }
            default -> {
                if (op >= Opcodes.LOG0 && op <= Opcodes.LOG4) {
                    t.writes = true;
                }
            }
        }
    }

    private void step(final State s, final Trace t, final int op, final long selector) {
        effects(op, t, s, selector);
        if (op >= Opcodes.PUSH0 && op <= Opcodes.PUSH32) {
            push(s, Val.of(new BigInteger(1, immediate(s.pc, op))));
            return;
        }
        if (op >= Opcodes.DUP1 && op < Opcodes.DUP1 + 16) {
            push(s, s.stack.get(s.stack.size() - 1 - (op - Opcodes.DUP1)));
            return;
        }
        if (op >= Opcodes.SWAP1 && op < Opcodes.SWAP1 + 16) {
            final int top = s.stack.size() - 1;
            final int other = top - 1 - (op - Opcodes.SWAP1);
            final Val v = s.stack.get(top);
            s.stack.set(top, s.stack.get(other));
            s.stack.set(other, v);
            return;
        }
        switch (op) {
            case Opcodes.CALLDATALOAD -> push(s, calldataload(t, pop(s), selector));
            case Opcodes.CALLDATASIZE -> push(s, Val.unknown(Val.T_SIZE));
            case Opcodes.CALLVALUE -> push(s, Val.sym(Kind.CALLVALUE, 0, Val.T_CALLVALUE));
            case Opcodes.CALLER -> push(s, Val.unknown(Val.T_CALLER));
            case Opcodes.ORIGIN -> push(s, Val.unknown(Val.T_ORIGIN));
            case Opcodes.SLOAD -> push(s, Val.unknown(Val.T_STORAGE | pop(s).taint()));
            case Opcodes.MLOAD -> {
                final Val off = pop(s);
                final Val v = off.isConst() ? s.memory.get(off.small()) : null;
                push(s, v != null ? v : Val.unknown(off.taint()));
            }
            case Opcodes.MSTORE -> {
                final Val off = pop(s);
                final Val v = pop(s);
                s.lastStores[s.stores++ % 4] = v;
                if (off.isConst() && off.small() >= 0
                        && (s.memory.size() < MAX_MEMORY_WORDS || s.memory.containsKey(off.small()))) {
                    s.memory.put(off.small(), v);
                }
            }
            case Opcodes.KECCAK256 -> {
                final Val off = pop(s);
                final Val len = pop(s);
                int taint = off.taint() | len.taint();
                if (off.small() >= 0 && len.small() >= 0 && len.small() <= 1024) {
                    for (long p = off.small(); p < off.small() + len.small(); p += 32) {
                        final Val w = s.memory.get(p);
                        taint |= w == null ? 0 : w.taint() | (w.isConst() ? 0 : Val.T_CALLDATA & w.taint());
                    }
                }
                push(s, Val.unknown(taint));
            }
            case Opcodes.CALLDATACOPY -> {
                final Val to = pop(s);
                final Val from = pop(s);
                final Val length = pop(s);
                if (selector >= 0 && from.is(Kind.ARG_DATA)) {
                    t.copiedArgs.add(from.arg());
                }
                if (to.small() == 28 && from.small() == 0 && length.small() == 4) {
                    // classic Vyper: calldatacopy(28, 0, 4) then mload(0) is the method id
                    s.memory.put(0L, selector >= 0 ? Val.of(selector)
                            : Val.sym(Kind.SELECTOR, 0, Val.T_CALLDATA | Val.T_SELECTOR));
                }
            }
            case Opcodes.PC -> push(s, Val.of(s.pc));
            case Opcodes.CODESIZE -> push(s, Val.of(code.code().length));
            default -> {
                final int pops = Opcodes.pops(op);
                final int pushes = Opcodes.pushes(op);
                if (pushes == 1 && pops <= 3 && isPure(op)) {
                    final Val a = pop(s);
                    final Val b = pops >= 2 ? pop(s) : null;
                    final Val c = pops >= 3 ? pop(s) : null;
                    push(s, compute(t, op, a, b, c, selector));
                    return;
                }
                int taint = 0;
                for (int k = 0; k < pops; k++) {
                    taint |= pop(s).taint();
                }
                for (int k = 0; k < pushes; k++) {
                    push(s, Val.unknown(op == Opcodes.CALL || op == Opcodes.STATICCALL
                            || op == Opcodes.DELEGATECALL ? 0 : taint));
                }
            }
        }
    }

    private static boolean isPure(final int op) {
        return op >= Opcodes.ADD && op <= Opcodes.SAR;
    }

    private Val calldataload(final Trace t, final Val off, final long selector) {
        if (off.isConst()) {
            final long o = off.small();
            if (o == 0) {
                return selector >= 0 ? Val.of(BigInteger.valueOf(selector).shiftLeft(224))
                        : Val.sym(Kind.CALLDATA0, 0, Val.T_CALLDATA | Val.T_SELECTOR);
            }
            if (o >= 4 && (o - 4) % 32 == 0 && o < 4 + 32 * 64) {
                final int k = (int) ((o - 4) / 32);
                if (selector >= 0) {
                    t.argsLoaded.add(k);
                }
                return Val.sym(Kind.ARG, k, Val.T_CALLDATA);
            }
            return Val.unknown(Val.T_CALLDATA);
        }
        if (off.is(Kind.ARG_PTR)) {
            t.dynamicArgs.add(off.arg());
            return Val.sym(Kind.ARG_LEN, off.arg(), Val.T_CALLDATA);
        }
        if (off.is(Kind.ARG_DATA)) {
            t.elementArgs.add(off.arg());
            return Val.sym(Kind.ARG_ELEM, off.arg(), Val.T_CALLDATA);
        }
        return Val.unknown(Val.T_CALLDATA | off.taint());
    }

    private Val compute(final Trace t, final int op, final Val a, final Val b, final Val c, final long selector) {
        if (a.isConst() && (b == null || b.isConst()) && (c == null || c.isConst())) {
            return Val.of(Words.apply(op, a.c(), b == null ? null : b.c(), c == null ? null : c.c()));
        }
        final int taint = a.taint() | (b == null ? 0 : b.taint()) | (c == null ? 0 : c.taint());
        switch (op) {
            case Opcodes.SHR -> {
                if (a.isConst() && a.small() == 224 && b.is(Kind.CALLDATA0)) {
                    return Val.sym(Kind.SELECTOR, 0, taint);
                }
            }
            case Opcodes.DIV -> {
                if (a.is(Kind.CALLDATA0) && b.isConst() && b.c().equals(SHIFT_224)) {
                    return Val.sym(Kind.SELECTOR, 0, taint);
                }
            }
            case Opcodes.AND -> {
                final Val sym = a.isConst() ? b : a;
                final Val mask = a.isConst() ? a : b;
                if (mask.isConst()) {
                    if (sym.is(Kind.SELECTOR) && mask.c().equals(MASK_32)) {
                        return sym;
                    }
                    if (selector >= 0 && (sym.is(Kind.ARG) || sym.is(Kind.ARG_ELEM))) {
                        final String type = maskType(mask.c());
                        if (type != null) {
                            (sym.is(Kind.ARG) ? t.strongTypes : t.elementTypes).putIfAbsent(sym.arg(), type);
                        }
                        return sym;
                    }
                }
            }
            case Opcodes.EQ -> {
                final Val sym = a.isConst() ? b : a;
                final Val other = a.isConst() ? a : b;
                if (sym.is(Kind.SELECTOR) && other.isConst() && other.c().bitLength() <= 32) {
                    return Val.sym(Kind.SEL_EQ, other.c().intValue(), taint);
                }
                if (selector >= 0 && a.is(Kind.ARG) && b.is(Kind.BOOL_ARG) && a.arg() == b.arg()
                        || selector >= 0 && b.is(Kind.ARG) && a.is(Kind.BOOL_ARG) && a.arg() == b.arg()) {
                    t.strongTypes.putIfAbsent(a.arg(), "bool");
                }
                if (selector >= 0 && a.is(Kind.ARG_ELEM) && b.is(Kind.BOOL_ARG) && a.arg() == b.arg()) {
                    t.elementTypes.putIfAbsent(a.arg(), "bool");
                }
                if ((a.tainted(Val.T_CALLER) && b.tainted(Val.T_STORAGE))
                        || (b.tainted(Val.T_CALLER) && a.tainted(Val.T_STORAGE))) {
                    t.callerChecked = true;
                }
                if (a.tainted(Val.T_ORIGIN) || b.tainted(Val.T_ORIGIN)) {
                    t.originChecked = true;
                }
            }
            case Opcodes.XOR, Opcodes.SUB -> {
                // Vyper: PUSH4 sel DUP2 XOR PUSH2 next JUMPI (non-zero: not this function)
                final Val sym = a.isConst() ? b : a;
                final Val other = a.isConst() ? a : b;
                if (sym.is(Kind.SELECTOR) && other.isConst() && other.c().bitLength() <= 32) {
                    return Val.sym(Kind.SEL_NE, other.c().intValue(), taint);
                }
            }
            case Opcodes.ISZERO -> {
                if (a.is(Kind.SEL_EQ)) {
                    return Val.sym(Kind.SEL_NE, a.arg(), taint);
                }
                if (a.is(Kind.SEL_NE)) {
                    return Val.sym(Kind.SEL_EQ, a.arg(), taint);
                }
                if (a.is(Kind.CALLVALUE)) {
                    return Val.sym(Kind.CALLVALUE, 1 - a.arg(), taint);
                }
                if (a.is(Kind.ARG) || a.is(Kind.ARG_ELEM)) {
                    return Val.sym(Kind.ISZERO_ARG, a.arg(), taint | (a.is(Kind.ARG_ELEM) ? 1 << 20 : 0));
                }
                if (a.is(Kind.ISZERO_ARG)) {
                    if (selector >= 0 && (a.taint() & (1 << 20)) == 0) {
                        t.weakBool.add(a.arg());
                    }
                    return Val.sym(Kind.BOOL_ARG, a.arg(), a.taint());
                }
            }
            case Opcodes.SIGNEXTEND -> {
                if (selector >= 0 && a.isConst() && a.small() >= 0 && a.small() < 31) {
                    final String type = "int" + 8 * (a.small() + 1);
                    if (b.is(Kind.ARG)) {
                        t.strongTypes.putIfAbsent(b.arg(), type);
                        return b;
                    }
                    if (b.is(Kind.ARG_ELEM)) {
                        t.elementTypes.putIfAbsent(b.arg(), type);
                        return b;
                    }
                }
            }
            case Opcodes.ADD -> {
                final Val sym = a.isConst() ? b : a;
                final Val other = a.isConst() ? a : b;
                if (sym.is(Kind.ARG) && other.isConst() && other.small() == 4) {
                    return Val.sym(Kind.ARG_PTR, sym.arg(), taint);
                }
                if (sym.is(Kind.ARG_PTR) && other.isConst() && other.small() == 32) {
                    return Val.sym(Kind.ARG_DATA, sym.arg(), taint);
                }
                if (a.is(Kind.ARG_DATA) || b.is(Kind.ARG_DATA)) {
                    return Val.sym(Kind.ARG_DATA, a.is(Kind.ARG_DATA) ? a.arg() : b.arg(), taint);
                }
            }
            default -> {
            }
        }
        if (a.is(Kind.CALLVALUE) || (b != null && b.is(Kind.CALLVALUE))) {
            return Val.unknown(taint | Val.T_CALLVALUE);
        }
        return Val.unknown(taint);
    }

    /** The ABI type a validation mask implies: low ones for address/uintN, high ones for bytesN. */
    static String maskType(final BigInteger mask) {
        final int bits = mask.bitLength();
        if (bits == 0 || bits > 256) {
            return null;
        }
        if (mask.add(BigInteger.ONE).bitCount() == 1 && bits % 8 == 0 && bits < 256) {
            return bits == 160 ? "address" : "uint" + bits;
        }
        if (bits == 256) {
            final int ones = 256 - mask.getLowestSetBit();
            if (mask.shiftRight(256 - ones).add(BigInteger.ONE).bitCount() == 1 && ones % 8 == 0 && ones < 256) {
                return "bytes" + ones / 8;
            }
        }
        return null;
    }
}
