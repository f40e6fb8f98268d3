package dev.soba.streams.schemas.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One risk indicator.
 *
 * @param code     stable identifier, e.g. {@code selfdestruct}, {@code owner_mint}
 * @param reason   why, in words, naming the selector or opcode
 * @param signal   {@code honeypot} or {@code rug_pull} when the fraud scoring should weigh it, else null
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Risk(String code, String reason, String signal) {
}
