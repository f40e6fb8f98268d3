package dev.soba.streams.schemas.contracts;

/**
 * One external function found in the dispatcher.
 *
 * @param selector        8 lower-case hex digits, no 0x
 * @param arguments       canonical ABI types, comma-separated, tuples in parentheses ("" for none)
 * @param stateMutability pure, view, nonpayable or payable
 */
public record FunctionInfo(String selector, String arguments, String stateMutability) {
}
