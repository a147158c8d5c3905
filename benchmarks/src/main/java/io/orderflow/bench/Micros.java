package io.orderflow.bench;

import java.time.Instant;
import java.time.LocalDate;

/** Wall-clock times in epoch microseconds: the suite's event times and the client's send times share this clock. */
final class Micros {

    private static final int[] SCALE = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private Micros() {
    }

    static long now() {
        return of(Instant.now());
    }

    static long of(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    /**
     * An ISO-8601 instant, e.g. {@code 2026-11-25T10:00:00.120Z}. The UTC form that {@link Instant#toString()} and
     * the suite's JSON write is parsed by hand, without a String: {@link Instant#parse} costs more than the rest
     * of reading an event. Anything else goes to {@link Instant#parse}.
     *
     * @throws java.time.DateTimeException when it is not an instant
     */
    static long ofIso(char[] text, int offset, int length) {
        int end = offset + length;
        if (length >= 20 && length <= 30 && text[end - 1] == 'Z' && text[offset + 4] == '-'
                && text[offset + 7] == '-' && text[offset + 10] == 'T' && text[offset + 13] == ':'
                && text[offset + 16] == ':') {
            int year = digits(text, offset, 4);
            int month = digits(text, offset + 5, 2);
            int day = digits(text, offset + 8, 2);
            int hour = digits(text, offset + 11, 2);
            int minute = digits(text, offset + 14, 2);
            int second = digits(text, offset + 17, 2);
            int fraction = fraction(text, offset + 19, end - 1);
            if (year >= 0 && month >= 0 && day >= 0 && hour >= 0 && hour < 24 && minute >= 0 && minute < 60
                    && second >= 0 && second < 60 && fraction >= 0) {
                long seconds = LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3_600L
                        + minute * 60L + second;
                return seconds * 1_000_000L + fraction / 1_000;
            }
        }
        return of(Instant.parse(new String(text, offset, length)));
    }

    /** {@code count} decimal digits at {@code from}; -1 if one is not a digit. */
    private static int digits(char[] text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = text[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** Nanoseconds of an optional {@code .f} to {@code .fffffffff} between {@code from} and {@code end}; -1 if odd. */
    private static int fraction(char[] text, int from, int end) {
        if (from == end) {
            return 0;
        }
        int count = end - from - 1;
        if (text[from] != '.' || count < 1 || count > 9) {
            return -1;
        }
        int value = digits(text, from + 1, count);
        return value < 0 ? -1 : value * SCALE[count];
    }
}
