package dev.soba.streams.processors.mev.specs;

/** A function a spec recognises, and what it means to the ladder. */
public record FunctionSpec(AbiSignature signature, Role role) {

    public static FunctionSpec of(final String signature, final Role role) {
        return new FunctionSpec(AbiSignature.parse(signature), role);
    }
}
