package dev.soba.streams.processors.contracts;

/** The EVM instruction set up to Cancun: name, immediate bytes and stack effect of every opcode. */
public final class Opcodes {

    public static final int STOP = 0x00, ADD = 0x01, MUL = 0x02, SUB = 0x03, DIV = 0x04, SDIV = 0x05, MOD = 0x06,
            SMOD = 0x07, ADDMOD = 0x08, MULMOD = 0x09, EXP = 0x0a, SIGNEXTEND = 0x0b, LT = 0x10, GT = 0x11,
            SLT = 0x12, SGT = 0x13, EQ = 0x14, ISZERO = 0x15, AND = 0x16, OR = 0x17, XOR = 0x18, NOT = 0x19,
            BYTE = 0x1a, SHL = 0x1b, SHR = 0x1c, SAR = 0x1d, KECCAK256 = 0x20, ADDRESS = 0x30, BALANCE = 0x31,
            ORIGIN = 0x32, CALLER = 0x33, CALLVALUE = 0x34, CALLDATALOAD = 0x35, CALLDATASIZE = 0x36,
            CALLDATACOPY = 0x37, CODESIZE = 0x38, CODECOPY = 0x39, GASPRICE = 0x3a, EXTCODESIZE = 0x3b,
            EXTCODECOPY = 0x3c, RETURNDATASIZE = 0x3d, RETURNDATACOPY = 0x3e, EXTCODEHASH = 0x3f, BLOCKHASH = 0x40,
            COINBASE = 0x41, TIMESTAMP = 0x42, NUMBER = 0x43, PREVRANDAO = 0x44, GASLIMIT = 0x45, CHAINID = 0x46,
            SELFBALANCE = 0x47, BASEFEE = 0x48, BLOBHASH = 0x49, BLOBBASEFEE = 0x4a, POP = 0x50, MLOAD = 0x51,
            MSTORE = 0x52, MSTORE8 = 0x53, SLOAD = 0x54, SSTORE = 0x55, JUMP = 0x56, JUMPI = 0x57, PC = 0x58,
            MSIZE = 0x59, GAS = 0x5a, JUMPDEST = 0x5b, TLOAD = 0x5c, TSTORE = 0x5d, MCOPY = 0x5e, PUSH0 = 0x5f,
            PUSH1 = 0x60, PUSH4 = 0x63, PUSH20 = 0x73, PUSH32 = 0x7f, DUP1 = 0x80, DUP2 = 0x81, SWAP1 = 0x90, LOG0 = 0xa0, LOG1 = 0xa1,
            LOG4 = 0xa4, CREATE = 0xf0, CALL = 0xf1, CALLCODE = 0xf2, RETURN = 0xf3, DELEGATECALL = 0xf4,
            CREATE2 = 0xf5, STATICCALL = 0xfa, REVERT = 0xfd, INVALID = 0xfe, SELFDESTRUCT = 0xff;

    private static final String[] NAMES = new String[256];
    private static final int[] POPS = new int[256];
    private static final int[] PUSHES = new int[256];

    static {
        def(STOP, "STOP", 0, 0);
        final String[] arith = {"ADD", "MUL", "SUB", "DIV", "SDIV", "MOD", "SMOD"};
        for (int i = 0; i < arith.length; i++) {
            def(ADD + i, arith[i], 2, 1);
        }
        def(ADDMOD, "ADDMOD", 3, 1);
        def(MULMOD, "MULMOD", 3, 1);
        def(EXP, "EXP", 2, 1);
        def(SIGNEXTEND, "SIGNEXTEND", 2, 1);
        final String[] cmp = {"LT", "GT", "SLT", "SGT", "EQ"};
        for (int i = 0; i < cmp.length; i++) {
            def(LT + i, cmp[i], 2, 1);
        }
        def(ISZERO, "ISZERO", 1, 1);
        def(AND, "AND", 2, 1);
        def(OR, "OR", 2, 1);
        def(XOR, "XOR", 2, 1);
        def(NOT, "NOT", 1, 1);
        def(BYTE, "BYTE", 2, 1);
        def(SHL, "SHL", 2, 1);
        def(SHR, "SHR", 2, 1);
        def(SAR, "SAR", 2, 1);
        def(KECCAK256, "KECCAK256", 2, 1);
        def(ADDRESS, "ADDRESS", 0, 1);
        def(BALANCE, "BALANCE", 1, 1);
        def(ORIGIN, "ORIGIN", 0, 1);
        def(CALLER, "CALLER", 0, 1);
        def(CALLVALUE, "CALLVALUE", 0, 1);
        def(CALLDATALOAD, "CALLDATALOAD", 1, 1);
        def(CALLDATASIZE, "CALLDATASIZE", 0, 1);
        def(CALLDATACOPY, "CALLDATACOPY", 3, 0);
        def(CODESIZE, "CODESIZE", 0, 1);
        def(CODECOPY, "CODECOPY", 3, 0);
        def(GASPRICE, "GASPRICE", 0, 1);
        def(EXTCODESIZE, "EXTCODESIZE", 1, 1);
        def(EXTCODECOPY, "EXTCODECOPY", 4, 0);
        def(RETURNDATASIZE, "RETURNDATASIZE", 0, 1);
        def(RETURNDATACOPY, "RETURNDATACOPY", 3, 0);
        def(EXTCODEHASH, "EXTCODEHASH", 1, 1);
        def(BLOCKHASH, "BLOCKHASH", 1, 1);
        final String[] env = {"COINBASE", "TIMESTAMP", "NUMBER", "PREVRANDAO", "GASLIMIT", "CHAINID", "SELFBALANCE",
            "BASEFEE"};
        for (int i = 0; i < env.length; i++) {
            def(COINBASE + i, env[i], 0, 1);
        }
        def(BLOBHASH, "BLOBHASH", 1, 1);
        def(BLOBBASEFEE, "BLOBBASEFEE", 0, 1);
        def(POP, "POP", 1, 0);
        def(MLOAD, "MLOAD", 1, 1);
        def(MSTORE, "MSTORE", 2, 0);
        def(MSTORE8, "MSTORE8", 2, 0);
        def(SLOAD, "SLOAD", 1, 1);
        def(SSTORE, "SSTORE", 2, 0);
        def(JUMP, "JUMP", 1, 0);
        def(JUMPI, "JUMPI", 2, 0);
        def(PC, "PC", 0, 1);
        def(MSIZE, "MSIZE", 0, 1);
        def(GAS, "GAS", 0, 1);
        def(JUMPDEST, "JUMPDEST", 0, 0);
        def(TLOAD, "TLOAD", 1, 1);
        def(TSTORE, "TSTORE", 2, 0);
        def(MCOPY, "MCOPY", 3, 0);
        def(PUSH0, "PUSH0", 0, 1);
        for (int n = 1; n <= 32; n++) {
            def(PUSH0 + n, "PUSH" + n, 0, 1);
        }
        for (int n = 1; n <= 16; n++) {
            def(DUP1 + n - 1, "DUP" + n, n, n + 1);
            def(SWAP1 + n - 1, "SWAP" + n, n + 1, n + 1);
        }
        for (int n = 0; n <= 4; n++) {
            def(LOG0 + n, "LOG" + n, 2 + n, 0);
        }
        def(CREATE, "CREATE", 3, 1);
        def(CALL, "CALL", 7, 1);
        def(CALLCODE, "CALLCODE", 7, 1);
        def(RETURN, "RETURN", 2, 0);
        def(DELEGATECALL, "DELEGATECALL", 6, 1);
        def(CREATE2, "CREATE2", 4, 1);
        def(STATICCALL, "STATICCALL", 6, 1);
        def(REVERT, "REVERT", 2, 0);
        def(INVALID, "INVALID", 0, 0);
        def(SELFDESTRUCT, "SELFDESTRUCT", 1, 0);
    }

    private Opcodes() {
    }

    private static void def(final int op, final String name, final int pops, final int pushes) {
        NAMES[op] = name;
        POPS[op] = pops;
        PUSHES[op] = pushes;
    }

    /** True when the byte is an instruction of the Cancun instruction set. */
    public static boolean isDefined(final int op) {
        return NAMES[op & 0xff] != null;
    }

    /** The mnemonic, or {@code UNKNOWN_0xNN} for an undefined byte (which executes as INVALID). */
    public static String name(final int op) {
        final String name = NAMES[op & 0xff];
        return name != null ? name : String.format("UNKNOWN_0x%02x", op & 0xff);
    }

    /** Bytes of immediate data after the opcode: 1 to 32 for PUSH1..PUSH32, else 0. */
    public static int immediateSize(final int op) {
        final int b = op & 0xff;
        return b >= PUSH1 && b <= PUSH32 ? b - PUSH0 : 0;
    }

    public static int pops(final int op) {
        return POPS[op & 0xff];
    }

    public static int pushes(final int op) {
        return PUSHES[op & 0xff];
    }

    /** True when execution never continues to the next instruction. */
    public static boolean isTerminal(final int op) {
        final int b = op & 0xff;
        return b == STOP || b == JUMP || b == RETURN || b == REVERT || b == INVALID || b == SELFDESTRUCT
                || !isDefined(b);
    }
}
