package dev.soba.streams.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code --name value} / {@code --name=value} options and positional arguments, with clear errors. */
public final class Args {

    private final Map<String, String> options = new HashMap<>();
    private final List<String> positional = new ArrayList<>();

    private Args() {
    }

    public static Args parse(final String[] args, final Set<String> valued, final Set<String> flags) {
        final Args parsed = new Args();
        for (int i = 0; i < args.length; i++) {
            final String arg = args[i];
            if (!arg.startsWith("--")) {
                parsed.positional.add(arg);
                continue;
            }
            final int eq = arg.indexOf('=');
            final String name = eq > 0 ? arg.substring(2, eq) : arg.substring(2);
            if (flags.contains(name)) {
                parsed.options.put(name, "true");
            } else if (valued.contains(name)) {
                if (eq > 0) {
                    parsed.options.put(name, arg.substring(eq + 1));
                } else if (i + 1 < args.length) {
                    parsed.options.put(name, args[++i]);
                } else {
                    throw new UsageException("option --" + name + " needs a value");
                }
            } else {
                throw new UsageException("unknown option --" + name);
            }
        }
        return parsed;
    }

    public Optional<String> option(final String name) {
        return Optional.ofNullable(options.get(name));
    }

    public boolean flag(final String name) {
        return options.containsKey(name);
    }

    public List<String> positional() {
        return positional;
    }

    public long longOption(final String name, final long fallback) {
        final Optional<String> value = option(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.get());
        } catch (final NumberFormatException e) {
            throw new UsageException("--" + name + " must be an integer, got '" + value.get() + "'");
        }
    }

    /** A mistake in how a command was called: printed with the usage, exit code 2. */
    public static final class UsageException extends RuntimeException {
        public UsageException(final String message) {
            super(message, null, false, false);
        }
    }
}
