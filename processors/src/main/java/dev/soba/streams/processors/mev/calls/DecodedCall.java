package dev.soba.streams.processors.mev.calls;

import dev.soba.streams.processors.mev.specs.FunctionSpec;
import dev.soba.streams.processors.mev.specs.ProtocolSpec;
import dev.soba.streams.processors.mev.specs.Role;
import java.util.Optional;

/** A call a spec recognised, with its arguments decoded. */
public record DecodedCall(Call call, ProtocolSpec spec, FunctionSpec function, Arguments arguments)
        implements ClassifiedCall {

    @Override
    public Optional<Role> role() {
        return Optional.of(function.role());
    }

    @Override
    public Optional<DecodedCall> decoded() {
        return Optional.of(this);
    }

    /** The spec's protocol; empty for a shared ABI (ERC-20). */
    public Optional<String> protocol() {
        return Optional.ofNullable(spec.protocol());
    }

    /** An address argument, or the caller for {@link Role#CALLER}. */
    public String addressOrCaller(final int argument) {
        return argument == Role.CALLER ? call.from() : arguments.address(argument);
    }
}
