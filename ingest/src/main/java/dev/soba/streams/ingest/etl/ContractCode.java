package dev.soba.streams.ingest.etl;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * ethereum-etl's contract classification ({@code eth_contract_service.py} on ethereum-dasm 0.1.4):
 * the function selectors are the operands of the {@code PUSH4} instructions of the code's first basic
 * block, which that disassembler ends at the first {@code JUMPDEST}; a contract is ERC-20 when all six
 * ERC-20 functions are among them, ERC-721 when {@code balanceOf}, {@code ownerOf}, {@code transfer} or
 * {@code transferFrom}, and {@code approve} are.
 *
 * <p>Kept as it is so items match ethereum-etl's, with its blind spot: compilers that check the call
 * value before the dispatcher (Solidity for contracts without payable functions) put a {@code JUMPDEST}
 * before the selectors, so such contracts get no selectors and are neither ERC-20 nor ERC-721.
 */
public final class ContractCode {

    private static final int PUSH1 = 0x60;
    private static final int PUSH4 = 0x63;
    private static final int PUSH32 = 0x7f;
    private static final int JUMPDEST = 0x5b;

    private ContractCode() {
    }

    /** The sorted, distinct {@code 0x}-prefixed selectors of the first basic block; empty for no code. */
    public static List<String> functionSighashes(final String bytecode) {
        if (bytecode == null || bytecode.equals("0x") || bytecode.isEmpty()) {
            return List.of();
        }
        final String hex = bytecode.startsWith("0x") ? bytecode.substring(2) : bytecode;
        final int length = hex.length() / 2;
        final Set<String> selectors = new TreeSet<>();
        int pc = 0;
        while (pc < length) {
            final int opcode = Integer.parseInt(hex.substring(2 * pc, 2 * pc + 2), 16);
            if (opcode == JUMPDEST) {
                break;
            }
            final int operandLength = opcode >= PUSH1 && opcode <= PUSH32 ? opcode - PUSH1 + 1 : 0;
            // a PUSH cut short by the end of the code is an invalid instruction to the disassembler
            if (opcode == PUSH4 && pc + 1 + operandLength <= length) {
                selectors.add("0x" + hex.substring(2 * (pc + 1), 2 * (pc + 1 + operandLength)).toLowerCase(java.util.Locale.ROOT));
            }
            pc += 1 + operandLength;
        }
        return List.copyOf(selectors);
    }

    public static boolean isErc20(final List<String> sighashes) {
        return implementsAll(sighashes, "totalSupply()", "balanceOf(address)", "transfer(address,uint256)",
                "transferFrom(address,address,uint256)", "approve(address,uint256)", "allowance(address,address)");
    }

    public static boolean isErc721(final List<String> sighashes) {
        return implementsAll(sighashes, "balanceOf(address)", "ownerOf(uint256)", "approve(address,uint256)")
                && (implementsAll(sighashes, "transfer(address,uint256)")
                        || implementsAll(sighashes, "transferFrom(address,address,uint256)"));
    }

    private static boolean implementsAll(final List<String> sighashes, final String... signatures) {
        for (final String signature : signatures) {
            if (!sighashes.contains(Selectors.of(signature))) {
                return false;
            }
        }
        return true;
    }
}
