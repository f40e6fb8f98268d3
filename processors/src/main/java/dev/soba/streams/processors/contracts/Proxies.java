package dev.soba.streams.processors.contracts;

import dev.soba.streams.schemas.contracts.ProxyInfo;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Optional;

/** Recognises proxies: EIP-1167 minimal proxies by their exact code, others by how their fallback forwards. */
final class Proxies {

    static final String EIP1967_IMPLEMENTATION = "360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc";
    static final String EIP1967_BEACON = "a3f0ad74e5423aebfd80d3ef4346578335a9a72aeaee59ff6cb3582b35133d50";
    /** keccak256("PROXIABLE"), EIP-1822's slot. */
    static final String EIP1822_PROXIABLE = "c5f16f0fcc639fa48a6947836d9850f504798523bf8c9a3a87d5876cf622bcf7";

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] MINIMAL_PREFIX = HEX.parseHex("363d3d373d3d3d363d");
    private static final byte[] MINIMAL_MIDDLE = HEX.parseHex("5af43d82803e903d91");
    private static final byte[] MINIMAL_END = HEX.parseHex("57fd5bf3");

    private Proxies() {
    }

    /** EIP-1167 (also with a shorter PUSH for vanity addresses): the target is in the code. */
    static Optional<ProxyInfo> minimal(final byte[] code) {
        if (!startsWith(code, 0, MINIMAL_PREFIX) || code.length < MINIMAL_PREFIX.length + 1) {
            return Optional.empty();
        }
        final int push = code[MINIMAL_PREFIX.length] & 0xff;
        final int n = push - Opcodes.PUSH0;
        if (n < 1 || n > 20) {
            return Optional.empty();
        }
        final int middle = MINIMAL_PREFIX.length + 1 + n;
        if (!startsWith(code, middle, MINIMAL_MIDDLE) || code.length != middle + MINIMAL_MIDDLE.length + 2 + MINIMAL_END.length
                || (code[middle + MINIMAL_MIDDLE.length] & 0xff) != Opcodes.PUSH1
                || !startsWith(code, middle + MINIMAL_MIDDLE.length + 2, MINIMAL_END)) {
            return Optional.empty();
        }
        final byte[] target = new byte[20];
        System.arraycopy(code, MINIMAL_PREFIX.length + 1, target, 20 - n, n);
        return Optional.of(new ProxyInfo("eip1167", "0x" + HEX.formatHex(target), null));
    }

    /** A contract whose fallback (reached without a selector) DELEGATECALLs: named by the slot it uses. */
    static Optional<ProxyInfo> forwarding(final Disassembly code, final boolean fallbackDelegates) {
        if (!fallbackDelegates) {
            return Optional.empty();
        }
        final boolean implementation = pushes(code, EIP1967_IMPLEMENTATION);
        final boolean beacon = pushes(code, EIP1967_BEACON);
        if (beacon && !implementation) {
            return Optional.of(new ProxyInfo("eip1967_beacon", null, "0x" + EIP1967_BEACON));
        }
        if (implementation) {
            return Optional.of(new ProxyInfo("eip1967", null, "0x" + EIP1967_IMPLEMENTATION));
        }
        if (pushes(code, EIP1822_PROXIABLE)) {
            return Optional.of(new ProxyInfo("eip1822", null, "0x" + EIP1822_PROXIABLE));
        }
        return Optional.of(new ProxyInfo("delegatecall", null, null));
    }

    /** True when the code pushes this 32-byte constant. */
    static boolean pushes(final Disassembly code, final String word) {
        final BigInteger value = new BigInteger(word, 16);
        return code.instructions().stream().anyMatch(i -> i.opcode() == Opcodes.PUSH32
                && new BigInteger(1, i.immediate()).equals(value));
    }

    private static boolean startsWith(final byte[] code, final int at, final byte[] prefix) {
        if (at + prefix.length > code.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (code[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
