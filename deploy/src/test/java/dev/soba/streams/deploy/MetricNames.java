package dev.soba.streams.deploy;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads: what is left once strings, label matchers, ranges,
 * grouping clauses, functions, keywords and numbers are taken out. Enough for the expressions of
 * this project's rules and dashboard (checked against a live scrape), not a PromQL parser.
 */
final class MetricNames {

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "offset", "bool", "by", "without", "on",
            "ignoring", "group_left", "group_right", "inf", "nan", "Inf", "NaN");

    private MetricNames() {
    }

    static Set<String> in(final String expression) {
        String rest = STRING.matcher(expression).replaceAll(" ");
        rest = MATCHERS.matcher(rest).replaceAll(" ");
        rest = RANGE.matcher(rest).replaceAll(" ");
        rest = GROUPING.matcher(rest).replaceAll(" ");
        final Set<String> names = new TreeSet<>();
        final Matcher identifier = IDENTIFIER.matcher(rest);
        while (identifier.find()) {
            final String name = identifier.group();
            final boolean function = rest.substring(identifier.end()).stripLeading().startsWith("(");
            final boolean number = identifier.start() > 0 && Character.isDigit(rest.charAt(identifier.start() - 1));
            if (!function && !number && !KEYWORDS.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }
}
