package dev.soba.streams.schemas;

/**
 * One broken rule of a contract.
 *
 * @param field  path of the failing field inside the item, e.g. {@code value} or {@code topics[2]};
 *               empty when the whole record is at fault (not JSON, not an object)
 * @param reason what is wrong, in words a producer can act on
 */
public record Violation(String field, String reason) {
}
