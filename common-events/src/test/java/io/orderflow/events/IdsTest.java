package io.orderflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Ids.isValid is a hand-written loop; Ids.REGEX, which Bean Validation uses, must keep saying the same. */
class IdsTest {

    private static final Pattern REGEX = Pattern.compile(Ids.REGEX);

    @Provide
    Arbitrary<String> candidates() {
        // every allowed character, their ASCII neighbours, and look-alikes outside ASCII
        Arbitrary<Character> chars = Arbitraries.oneOf(
                Arbitraries.chars().range('!', '~'),
                Arbitraries.of('a', 'z', 'A', 'Z', '0', '9', '.', '_', ':', '-'),
                Arbitraries.of(' ', '\t', '\n', '\u0000', '\u007f', 'é', 'ß', 'Ａ', '１', '٣', '\u00a0', '\ud83d', '\ude00'));
        return Arbitraries.oneOf(
                chars.list().ofMaxSize(70).map(IdsTest::join),
                Arbitraries.strings().withChars("aZ09._:-").ofMinLength(60).ofMaxLength(68));
    }

    @Property(tries = 20_000)
    void acceptsWhatTheRegexAccepts(@ForAll("candidates") String id) {
        assertThat(Ids.isValid(id)).as("'%s'", id).isEqualTo(REGEX.matcher(id).matches());
    }

    @Example
    void edgeCases() {
        String longest = "a".repeat(64);
        assertThat(Ids.isValid(longest)).isTrue();
        assertThat(Ids.isValid(longest + "a")).isFalse();
        assertThat(Ids.isValid("o-1")).isTrue();
        assertThat(Ids.isValid("a.b_c:d-E9")).isTrue();
        assertThat(Ids.isValid("")).isFalse();
        assertThat(Ids.isValid(null)).isFalse();
        assertThat(Ids.isValid("o-1\n")).isFalse();
        assertThat(Ids.isValid("o 1")).isFalse();
        assertThat(Ids.isValid("o/1")).isFalse();
        assertThat(Ids.isValid("é")).isFalse();
        assertThatThrownBy(() -> Ids.require("o 1", "orderId")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("orderId must match [A-Za-z0-9._:-]{1,64} but was 'o 1'");
    }

    private static String join(List<Character> chars) {
        StringBuilder text = new StringBuilder(chars.size());
        chars.forEach(text::append);
        return text.toString();
    }
}
