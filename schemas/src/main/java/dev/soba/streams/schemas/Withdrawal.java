package dev.soba.streams.schemas;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.soba.streams.schemas.FieldReader.Need;
import java.math.BigInteger;
import java.util.Map;
import java.util.Set;

/**
 * A beacon-chain withdrawal inside a post-Shanghai block (EIP-4895).
 *
 * @param index          the withdrawal's global index
 * @param validatorIndex the validator withdrawing
 * @param address        the recipient (lower-case hex)
 * @param amount         the amount in Gwei (uint64)
 * @param unknownFields  fields this contract does not know, kept for re-publishing
 */
public record Withdrawal(
        Long index,
        Long validatorIndex,
        String address,
        BigInteger amount,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknownFields) {

    static final Set<String> FIELDS = JsonNames.of(Withdrawal.class);

    public Withdrawal {
        unknownFields = UnknownFields.copyOf(unknownFields);
    }

    static Withdrawal read(final FieldReader in) {
        return new Withdrawal(
                in.counter("index", Need.REQUIRED),
                in.counter("validator_index", Need.REQUIRED),
                in.address("address", Need.REQUIRED),
                in.uint64("amount", Need.REQUIRED),
                in.unknownFields(FIELDS));
    }
}
