package dev.soba.streams.processors.mev.calls;

import dev.soba.streams.processors.mev.specs.Role;
import java.util.Optional;

/** A call after classification: recognised by a spec, or not. */
public sealed interface ClassifiedCall permits DecodedCall, UnknownCall {

    Call call();

    /** The function's role, for a recognised call. */
    Optional<Role> role();

    /** The recognised call, if this is one. */
    Optional<DecodedCall> decoded();
}
