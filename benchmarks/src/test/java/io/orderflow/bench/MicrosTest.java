package io.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MicrosTest {

    @Test
    void readsEveryInstantAsInstantParseDoes() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            // 1970-2100, with 0, 3, 6 or 9 digits of fraction as Instant.toString writes them.
            long nanos = random.nextLong(4_102_444_800L) * 1_000_000_000L
                    + new long[] {0, 1_000_000, 1_000, 1}[i % 4] * random.nextLong(1_000_000_000L / new long[] {
                            1_000_000_000, 1_000_000, 1_000, 1}[i % 4]);
            Instant instant = Instant.ofEpochSecond(0, nanos);

            assertThat(ofIso(instant.toString())).as(instant.toString()).isEqualTo(Micros.of(instant));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-25T10:00:00.1Z", "2024-02-29T23:59:59.99999Z", "2026-11-25T11:00:00+01:00",
            "+12026-11-25T10:00:00Z", "2026-11-25T24:00:00Z", "2026-11-25T10:00:00.Z"})
    void unusualFormsGoToInstantParse(String text) {
        assertThat(ofIso(text)).isEqualTo(Micros.of(Instant.parse(text)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T10:00:00Z", "2026-11-25T25:00:00Z", "2026-11-25T10:00:00.1234567890Z",
            "yesterday", "2026-11-25 10:00:00Z"})
    void refusesWhatIsNotAnInstant(String text) {
        assertThatThrownBy(() -> ofIso(text)).isInstanceOf(DateTimeException.class);
    }

    private static long ofIso(String text) {
        char[] padded = ("[" + text + "]").toCharArray();
        return Micros.ofIso(padded, 1, text.length());
    }
}
