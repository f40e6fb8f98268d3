package dev.soba.streams.processors.mev.calls;

import dev.soba.streams.processors.mev.specs.FunctionSpec;
import dev.soba.streams.processors.mev.specs.ProtocolSpec;
import dev.soba.streams.processors.mev.specs.ProtocolSpecs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Classifies calls against a registry of specs: the first spec, in registry order, that applies to the
 * called contract and whose function with the call's selector decodes the call data wins
 * (mev-inspect-py's rule). Reverted calls are classified too — they carry their error on — so a failed
 * arbitrage can still be reported as one. Immutable and thread-safe.
 */
public final class CallClassifier {

    private static final CallClassifier STANDARD = new CallClassifier(ProtocolSpecs.ALL);

    /** Candidates per selector, in registry order: only these can decode a call with that selector. */
    private final Map<String, List<Candidate>> bySelector;

    public CallClassifier(final List<ProtocolSpec> specs) {
        final Map<String, List<Candidate>> index = new HashMap<>();
        for (final ProtocolSpec spec : specs) {
            for (final FunctionSpec function : spec.functions()) {
                index.computeIfAbsent(function.signature().selector(), s -> new ArrayList<>())
                        .add(new Candidate(spec, function, new CallDataDecoder(function.signature())));
            }
        }
        index.replaceAll((selector, candidates) -> List.copyOf(candidates));
        this.bySelector = Map.copyOf(index);
    }

    /** The classifier of {@link ProtocolSpecs#ALL}. */
    public static CallClassifier standard() {
        return STANDARD;
    }

    public ClassifiedCall classify(final Call call) {
        final Optional<String> selector = call.selector();
        if (selector.isEmpty() || call.to() == null) {
            return new UnknownCall(call);
        }
        for (final Candidate candidate : bySelector.getOrDefault(selector.get(), List.of())) {
            if (!candidate.spec().appliesTo(call.to())) {
                continue;
            }
            final Optional<Arguments> arguments = candidate.decoder().decode(call.arguments());
            if (arguments.isPresent()) {
                return new DecodedCall(call, candidate.spec(), candidate.function(), arguments.get());
            }
        }
        return new UnknownCall(call);
    }

    public List<ClassifiedCall> classify(final List<Call> calls) {
        final List<ClassifiedCall> classified = new ArrayList<>(calls.size());
        for (final Call call : calls) {
            classified.add(classify(call));
        }
        return List.copyOf(classified);
    }

    private record Candidate(ProtocolSpec spec, FunctionSpec function, CallDataDecoder decoder) {
    }
}
