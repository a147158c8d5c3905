package io.orderflow.service.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.arbitraries.StringArbitrary;

/** TraceParent.parse checks characters by hand; it must accept exactly what the regex it replaced accepted. */
class TraceParentFormatTest {

    private static final Pattern FORMAT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");

    /** The regex-based parse, as it was. */
    private static Optional<TraceParent> parsedByRegex(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher matcher = FORMAT.matcher(value.trim());
        if (!matcher.matches() || matcher.group(1).equals("0".repeat(32))) {
            return Optional.empty();
        }
        return Optional.of(new TraceParent(matcher.group(1), matcher.group(2), matcher.group(3)));
    }

    @Provide
    Arbitrary<String> headers() {
        StringArbitrary hex = Arbitraries.strings().withChars("0123456789abcdef");
        Arbitrary<String> valid = Combinators.combine(hex.ofLength(32), hex.ofLength(16), hex.ofLength(2))
                .as((trace, parent, flags) -> "00-" + trace + "-" + parent + "-" + flags);
        Arbitrary<String> allZero = Combinators.combine(hex.ofLength(16), hex.ofLength(2))
                .as((parent, flags) -> "00-" + "0".repeat(32) + "-" + parent + "-" + flags);
        Arbitrary<Character> chars = Arbitraries.of('0', '9', 'a', 'f', 'g', 'A', 'F', '-', ' ', '\t', '\n', '\u0000', 'é', '０');
        Arbitrary<String> edited = Combinators.combine(valid, Arbitraries.integers().between(0, 55), chars,
                        Arbitraries.integers().between(0, 2))
                .as((text, at, c, edit) -> {
                    int i = Math.min(at, text.length() - 1);
                    StringBuilder changed = new StringBuilder(text);
                    switch (edit) {
                        case 0 -> changed.setCharAt(i, c);
                        case 1 -> changed.insert(i, c);
                        default -> changed.deleteCharAt(i);
                    }
                    return changed.toString();
                });
        Arbitrary<String> padded = Combinators.combine(Arbitraries.of("", " ", "\t", "\r\n", "\u00a0"), valid,
                Arbitraries.of("", " ", "\n", "\u0000", "\u2003")).as((before, text, after) -> before + text + after);
        return Arbitraries.oneOf(valid, allZero, edited, padded, Arbitraries.strings().ofMaxLength(60));
    }

    @Property(tries = 20_000)
    void acceptsWhatTheRegexAccepted(@ForAll("headers") String header) {
        assertThat(TraceParent.parse(header)).as("'%s'", header).isEqualTo(parsedByRegex(header));
    }

    @Example
    void edgeCases() {
        String valid = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        assertThat(TraceParent.parse(" " + valid + "\n"))
                .contains(new TraceParent("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", "01"));
        assertThat(TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-00")).isPresent();
        assertThat(TraceParent.parse(valid.toUpperCase())).isEmpty();
        assertThat(TraceParent.parse("01" + valid.substring(2))).isEmpty();
        assertThat(TraceParent.parse(valid + "-")).isEmpty();
        assertThat(TraceParent.parse(valid.replace('-', '_'))).isEmpty();
        assertThat(TraceParent.parse("")).isEmpty();
    }
}
