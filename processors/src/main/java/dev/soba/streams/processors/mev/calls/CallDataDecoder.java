package dev.soba.streams.processors.mev.calls;

import dev.soba.streams.processors.mev.specs.AbiSignature;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Type;

/**
 * Decodes call data with web3j's ABI codec, after checking that it is the canonical encoding of the
 * signature's arguments: long enough, zero (or sign) padding around every static value, booleans 0 or
 * 1, offsets and lengths of dynamic values inside the data. That is what makes a decoder such as
 * mev-inspect-py's ({@code eth_abi}) refuse call data, so the next spec is tried; web3j alone would
 * read a word's low bytes and accept garbage.
 */
public final class CallDataDecoder {

    private static final int WORD = 64;

    private final AbiSignature signature;
    private final List<TypeReference<Type>> types;

    public CallDataDecoder(final AbiSignature signature) {
        this.signature = signature;
        final List<TypeReference<Type>> references = new ArrayList<>();
        for (final String type : signature.flatTypes()) {
            references.add(reference(type));
        }
        this.types = List.copyOf(references);
    }

    @SuppressWarnings("unchecked")
    private static TypeReference<Type> reference(final String type) {
        try {
            return (TypeReference<Type>) (TypeReference<?>) TypeReference.makeTypeReference(type);
        } catch (final ClassNotFoundException e) {
            throw new IllegalArgumentException("web3j has no ABI type " + type, e);
        }
    }

    public AbiSignature signature() {
        return signature;
    }

    /** @param arguments the call data after the selector, {@code 0x…} */
    public Optional<Arguments> decode(final String arguments) {
        final String data = arguments.substring(2);
        if ((data.length() & 1) != 0 || !canonical(data)) {
            return Optional.empty();
        }
        try {
            final List<Type> values = FunctionReturnDecoder.decode(arguments, types);
            return values.size() == types.size() ? Optional.of(new Arguments(values)) : Optional.empty();
        } catch (final RuntimeException malformed) {
            return Optional.empty();
        }
    }

    private boolean canonical(final String data) {
        final List<String> flat = signature.flatTypes();
        if (data.length() < flat.size() * WORD) {
            return false;
        }
        for (int i = 0; i < flat.size(); i++) {
            final String type = flat.get(i);
            final int at = i * WORD;
            if (AbiSignature.isStatic(type) ? !staticWord(type, data, at) : !dynamicValue(type, data, at)) {
                return false;
            }
        }
        return true;
    }

    private static boolean staticWord(final String type, final String data, final int at) {
        if (type.equals("address")) {
            return zeros(data, at, at + 24);
        }
        if (type.equals("bool")) {
            final char last = data.charAt(at + WORD - 1);
            return zeros(data, at, at + WORD - 1) && (last == '0' || last == '1') && hex(data, at, at + WORD);
        }
        if (type.startsWith("uint")) {
            return zeros(data, at, at + (256 - Integer.parseInt(type.substring(4))) / 4) && hex(data, at, at + WORD);
        }
        if (type.startsWith("int")) {
            final int pad = (256 - Integer.parseInt(type.substring(3))) / 4;
            if (!hex(data, at, at + WORD)) {
                return false;
            }
            final boolean negative = Character.digit(data.charAt(at + pad), 16) >= 8;
            return pad == 0 || repeated(data, at, at + pad, negative ? 'f' : '0');
        }
        // bytesN: left aligned, zero padded on the right
        final int size = Integer.parseInt(type.substring(5));
        return hex(data, at, at + WORD) && zeros(data, at + 2 * size, at + WORD);
    }

    /** A dynamic value's offset and length stay inside the data; its padding (bytes) or elements' (arrays) is canonical. */
    private static boolean dynamicValue(final String type, final String data, final int at) {
        final Optional<Integer> offset = smallWord(data, at);
        if (offset.isEmpty() || offset.get() % 32 != 0) {
            return false;
        }
        final int start = offset.get() * 2;
        final Optional<Integer> length = start + WORD <= data.length() ? smallWord(data, start) : Optional.empty();
        if (length.isEmpty()) {
            return false;
        }
        final int body = start + WORD;
        if (type.endsWith("[]")) {
            final String element = type.substring(0, type.length() - 2);
            if (body + (long) length.get() * WORD > data.length()) {
                return false;
            }
            for (int i = 0; i < length.get(); i++) {
                if (!staticWord(element, data, body + i * WORD)) {
                    return false;
                }
            }
            return true;
        }
        final long padded = (length.get() + 31L) / 32 * WORD;
        return body + padded <= data.length() && hex(data, body, (int) (body + padded))
                && zeros(data, body + 2 * length.get(), (int) (body + padded));
    }

    private static Optional<Integer> smallWord(final String data, final int at) {
        if (!zeros(data, at, at + WORD - 8) || !hex(data, at, at + WORD)) {
            return Optional.empty();
        }
        final long value = new BigInteger(data.substring(at + WORD - 8, at + WORD), 16).longValue();
        return value > Integer.MAX_VALUE / 2 ? Optional.empty() : Optional.of((int) value);
    }

    private static boolean zeros(final String data, final int from, final int to) {
        return repeated(data, from, to, '0');
    }

    private static boolean repeated(final String data, final int from, final int to, final char digit) {
        for (int i = from; i < to; i++) {
            if (Character.toLowerCase(data.charAt(i)) != digit) {
                return false;
            }
        }
        return true;
    }

    private static boolean hex(final String data, final int from, final int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(data.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
