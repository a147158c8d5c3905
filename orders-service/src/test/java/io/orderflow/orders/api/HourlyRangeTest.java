package io.orderflow.orders.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.service.web.ApiException;
import io.orderflow.service.web.FieldError;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** What {@code GET /analytics/orders/hourly} reads for each from/to, and which are 400s. */
class HourlyRangeTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30.500Z");
    private static final Instant END_OF_HOUR = Instant.parse("2026-11-25T11:00:00Z");

    @Test
    void unaskedItIsTheSevenDaysUpToTheEndOfTheCurrentHour() {
        HourlyRange range = HourlyRange.of(null, null, NOW);

        assertThat(range.to()).isEqualTo(END_OF_HOUR);
        assertThat(range.from()).isEqualTo(END_OF_HOUR.minus(Duration.ofDays(7)));
    }

    @Test
    void onlyFromReadsUpToTheEndOfTheCurrentHourAndOnlyToTheSevenDaysBeforeIt() {
        Instant from = Instant.parse("2026-11-25T08:00:00Z");
        assertThat(HourlyRange.of(from, null, NOW)).isEqualTo(new HourlyRange(from, END_OF_HOUR));

        Instant to = Instant.parse("2026-11-01T00:00:00Z");
        assertThat(HourlyRange.of(null, to, NOW)).isEqualTo(new HourlyRange(to.minus(Duration.ofDays(7)), to));
    }

    @Test
    void bothAreTakenAsGivenUpToSevenDaysApartAndAnEmptyRangeIsNoError() {
        Instant from = Instant.parse("2026-11-18T10:00:00.250Z");
        Instant to = from.plus(Duration.ofDays(7));

        assertThat(HourlyRange.of(from, to, NOW)).isEqualTo(new HourlyRange(from, to));
        assertThat(HourlyRange.of(to, to, NOW)).isEqualTo(new HourlyRange(to, to));
    }

    @Test
    void fromAfterToIsA400NamingFrom() {
        assertInvalid(() -> HourlyRange.of(Instant.parse("2026-11-25T10:00:00Z"), Instant.parse("2026-11-25T09:00:00Z"), NOW),
                "from", "must not be after to");
        assertInvalid(() -> HourlyRange.of(Instant.parse("2026-11-25T12:00:00Z"), null, NOW), "from", "must not be after to");
    }

    @Test
    void aSpanOverSevenDaysIsA400NamingFrom() {
        Instant to = Instant.parse("2026-11-25T10:00:00Z");

        assertInvalid(() -> HourlyRange.of(to.minus(Duration.ofDays(7)).minusMillis(1), to, NOW), "from", "at most 7 days");
        assertInvalid(() -> HourlyRange.of(Instant.parse("2026-11-01T00:00:00Z"), null, NOW), "from", "at most 7 days");
    }

    @Test
    void timesOutsideWhatTheStoreCanHoldAre400s() {
        assertInvalid(() -> HourlyRange.of(Instant.parse("1969-12-31T23:00:00Z"), Instant.EPOCH, NOW), "from", "between");
        assertInvalid(() -> HourlyRange.of(null, Instant.parse("+100000-01-01T00:00:00Z"), NOW), "to", "between");
    }

    @Test
    void nearTheEpochTheDefaultFromStopsThere() {
        Instant to = Instant.parse("1970-01-02T00:00:00Z");

        assertThat(HourlyRange.of(null, to, NOW)).isEqualTo(new HourlyRange(Instant.EPOCH, to));
    }

    private static void assertInvalid(Runnable read, String field, String message) {
        assertThatThrownBy(read::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(e.errors()).extracting(FieldError::field).containsExactly(field);
            assertThat(e.errors().get(0).message()).contains(message);
        });
    }
}
