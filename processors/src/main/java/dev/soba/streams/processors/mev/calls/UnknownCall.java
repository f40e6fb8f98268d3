package dev.soba.streams.processors.mev.calls;

import dev.soba.streams.processors.mev.specs.Role;
import java.util.Optional;

/** A call no spec recognises (still a plain ETH transfer when it carries ETH and no data). */
public record UnknownCall(Call call) implements ClassifiedCall {

    @Override
    public Optional<Role> role() {
        return Optional.empty();
    }

    @Override
    public Optional<DecodedCall> decoded() {
        return Optional.empty();
    }
}
