package dev.soba.streams.processors.mev.calls;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.NumericType;
import org.web3j.abi.datatypes.Type;

/** A call's decoded arguments, by flattened position (see {@code AbiSignature}). */
public record Arguments(List<Type> values) {

    public Arguments {
        values = List.copyOf(values);
    }

    public int size() {
        return values.size();
    }

    /** Lower-case {@code 0x} address. */
    public String address(final int index) {
        if (values.get(index) instanceof Address address) {
            return address.getValue().toLowerCase(Locale.ROOT);
        }
        throw new IllegalArgumentException("argument " + index + " is a " + values.get(index).getTypeAsString()
                + ", not an address");
    }

    /** Any integer argument (unsigned or signed), exactly. */
    public BigInteger integer(final int index) {
        if (values.get(index) instanceof NumericType number) {
            return number.getValue();
        }
        throw new IllegalArgumentException("argument " + index + " is a " + values.get(index).getTypeAsString()
                + ", not an integer");
    }
}
