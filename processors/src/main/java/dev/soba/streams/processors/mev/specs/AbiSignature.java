package dev.soba.streams.processors.mev.specs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.web3j.crypto.Hash;

/**
 * A function's canonical ABI signature, e.g. {@code swap(uint256,uint256,address,bytes)}, with its
 * 4-byte selector and its argument types flattened: a static tuple (a 0x order, a signature struct) is
 * encoded in place, so its fields are read as consecutive arguments. Tuples holding dynamic types are
 * not needed by any spec and are refused.
 *
 * @param selector {@code 0x} and 8 lower-case hex digits
 */
public record AbiSignature(String canonical, String name, List<String> flatTypes, String selector) {

    private static final Pattern ELEMENTARY = Pattern.compile(
            "address|bool|string|bytes([1-9]|[12][0-9]|3[0-2])?|u?int(8|16|24|32|40|48|56|64|72|80|88|96|104|112|120|128"
                    + "|136|144|152|160|168|176|184|192|200|208|216|224|232|240|248|256)");

    public AbiSignature {
        flatTypes = List.copyOf(flatTypes);
    }

    public static AbiSignature parse(final String signature) {
        final int open = signature.indexOf('(');
        if (open <= 0 || !signature.endsWith(")")) {
            throw new IllegalArgumentException("not a function signature: " + signature);
        }
        final List<String> flat = new ArrayList<>();
        flatten(signature.substring(open + 1, signature.length() - 1), flat, signature);
        return new AbiSignature(signature, signature.substring(0, open), flat,
                Hash.sha3String(signature).substring(0, 10));
    }

    /** Whether the type takes one 32-byte word in place (everything but bytes, string and arrays). */
    public static boolean isStatic(final String type) {
        return !type.equals("bytes") && !type.equals("string") && !type.endsWith("]");
    }

    private static void flatten(final String list, final List<String> out, final String signature) {
        if (list.isEmpty()) {
            return;
        }
        for (final String part : topLevel(list, signature)) {
            if (part.startsWith("(")) {
                if (!part.endsWith(")")) {
                    throw new IllegalArgumentException("arrays of tuples are not supported: " + signature);
                }
                final List<String> fields = new ArrayList<>();
                flatten(part.substring(1, part.length() - 1), fields, signature);
                if (!fields.stream().allMatch(AbiSignature::isStatic)) {
                    throw new IllegalArgumentException("tuples with dynamic fields are not supported: " + signature);
                }
                out.addAll(fields);
            } else {
                final String element = part.endsWith("[]") ? part.substring(0, part.length() - 2) : part;
                if (!ELEMENTARY.matcher(element).matches() || part.endsWith("[]") && !isStatic(element)) {
                    throw new IllegalArgumentException("unsupported type '" + part + "' in " + signature);
                }
                out.add(part);
            }
        }
    }

    private static List<String> topLevel(final String list, final String signature) {
        final List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            final char c = list.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(list.substring(start, i));
                start = i + 1;
            }
            if (depth < 0) {
                throw new IllegalArgumentException("unbalanced parentheses: " + signature);
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("unbalanced parentheses: " + signature);
        }
        parts.add(list.substring(start));
        return parts;
    }
}
